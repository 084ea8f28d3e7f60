import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PrintDocState } from '../../messages/print';
import type { PrintPlan } from '../build';
import { printStrings } from '../i18n';
import {
  browserWhy,
  labelsToPrint,
  mergeSummary,
  parcelLabels,
  printButtons,
  readyMark,
  senderMissing,
} from './browser-state';

type L = PrintPlan['browser'][number];
const label = (orderId: string, mergedInto?: string): L => ({
  orderId,
  trackingNumber: `T${orderId}`,
  label: { orderId } as never,
  ...(mergedInto ? { mergedInto } : {}),
});
const t = printStrings('zh');

describe('parcels and merge', () => {
  // One group of three (a carries the label), one of two (d carries it), one single order.
  const plan = [label('a'), label('b', 'a'), label('c', 'a'), label('d'), label('e', 'd'), label('f')];
  it('one label per parcel', () => expect(parcelLabels(plan).map((l) => l.orderId)).toEqual(['a', 'd', 'f']));
  it('counts merged parcels and the orders riding on them', () => {
    expect(mergeSummary(plan)).toEqual({ mergedOrders: 3, mergedParcels: 2 });
    expect(mergeSummary([])).toEqual({ mergedOrders: 0, mergedParcels: 0 });
  });
  it('property: parcels + riders = orders planned', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat(5), { nil: undefined }), { maxLength: 40 }), (into) => {
        const ls = into.map((m, i) => label(`o${i}`, m === undefined ? undefined : `o${m}`));
        expect(parcelLabels(ls).length + mergeSummary(ls).mergedOrders).toBe(ls.length);
        expect(mergeSummary(ls).mergedParcels).toBeLessThanOrEqual(mergeSummary(ls).mergedOrders);
      }),
    );
  });
  it('a print (or a reprint) prints only the open parcels', () => {
    expect(labelsToPrint(plan, [{ orderId: 'd' }, { orderId: 'e' }])).toEqual([{ orderId: 'd' }]);
    expect(labelsToPrint(plan, [])).toEqual([]);
  });
});

describe('why the browser button is disabled', () => {
  it('says nothing with a job or with labels', () => {
    expect(browserWhy(t, { job: true, labels: 0, printable: 0, needsNumber: 0 })).toBeUndefined();
    expect(browserWhy(t, { job: false, labels: 2, printable: 2, needsNumber: 0 })).toBeUndefined();
  });
  it('no orders, then orders waiting for a number, then no label shipmask may print', () => {
    expect(browserWhy(t, { job: false, labels: 0, printable: 0, needsNumber: 0 })).toBe(t.whyNoOrders);
    expect(browserWhy(t, { job: false, labels: 0, printable: 4, needsNumber: 3 })).toBe(t.whyNeedsNumber(3));
    expect(browserWhy(t, { job: false, labels: 0, printable: 4, needsNumber: 0 })).toBe(t.whyNoLabels);
  });
  it('warns about a blank sender before a job, with labels only', () => {
    const full = { name: '店', phone: '0571', address: '杭州' };
    expect(senderMissing(false, 1, { ...full, phone: '  ' })).toBe(true);
    expect(senderMissing(false, 1, full)).toBe(false);
    expect(senderMissing(true, 1, { name: '', phone: '', address: '' })).toBe(false);
    expect(senderMissing(false, 0, { name: '', phone: '', address: '' })).toBe(false);
  });
});

describe('printButtons', () => {
  const plan = { browser: 2, component: 3, platform: 4 };
  const job = (path: 'browser' | 'component' | 'platform', states: PrintDocState[], status = 'running') =>
    ({ path, status, documents: states.map((state, i) => ({ orderId: `o${i}`, state })) }) as never;
  it('without a job, each path with orders', () => {
    expect(printButtons(plan, undefined, false)).toEqual({
      browser: true,
      component: true,
      platform: true,
      componentResumes: false,
    });
    expect(printButtons({ browser: 0, component: 0, platform: 0 }, undefined, false)).toEqual({
      browser: false,
      component: false,
      platform: false,
      componentResumes: false,
    });
  });
  it('nothing while a run is going', () => {
    const b = printButtons(plan, undefined, true);
    expect([b.browser, b.component, b.platform]).toEqual([false, false, false]);
  });
  it("with a job only that job's path", () => {
    expect(printButtons(plan, job('browser', ['queued', 'printed']), false)).toMatchObject({
      browser: true,
      component: false,
      platform: false,
    });
    expect(printButtons(plan, job('browser', ['printed', 'failed']), false).browser).toBe(false);
    expect(printButtons(plan, job('platform', ['sent']), false)).toMatchObject({
      browser: false,
      platform: true,
    });
    expect(printButtons(plan, job('component', ['sent']), false)).toMatchObject({
      component: true,
      componentResumes: true,
    });
    expect(printButtons(plan, job('component', ['printed'], 'done'), false).component).toBe(false);
    expect(printButtons({ ...plan, platform: 0 }, job('platform', ['sent']), false).platform).toBe(false);
  });
});

describe('readyMark', () => {
  it('the label count once anything is ready, else absent', () => {
    expect(readyMark('blob:x', { browser: 17, component: 0, platform: 0 })).toBe('17');
    expect(readyMark('', { browser: 0, component: 0, platform: 3 })).toBe('0');
    expect(readyMark('', { browser: 0, component: 2, platform: 0 })).toBe('0');
    expect(readyMark('', { browser: 0, component: 0, platform: 0 })).toBeUndefined();
  });
});
