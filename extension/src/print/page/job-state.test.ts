import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PrintDocState, PrintJobDocument, PrintJobView } from '../../messages/print';
import {
  countDocuments,
  failedOrderList,
  markBatches,
  openDocuments,
  printedDocuments,
  printedMarks,
  reasonReady,
  reprintOrderIds,
  requeuedCount,
  sendMarks,
  tickedMarks,
  withProgress,
} from './job-state';

const STATES: readonly PrintDocState[] = ['queued', 'sent', 'printed', 'failed', 'canceled'];
const doc = (orderId: string, state: PrintDocState, n = 1): PrintJobDocument => ({
  orderId,
  documentId: `j-${n}`,
  taskId: `j-${n}`,
  trackingNumber: `7890000000000${n}`,
  state,
  attempts: state === 'queued' ? 0 : 1,
});
const docs = fc
  .array(fc.constantFrom(...STATES), { maxLength: 60 })
  .map((states) => states.map((s, i) => doc(`69200000000000${String(i).padStart(5, '0')}`, s, i + 1)));
const job = (documents: readonly PrintJobDocument[], id = 'j'): PrintJobView => ({
  id,
  shop: { platform: 'douyin', shopId: 's' },
  path: 'component',
  carrier: 'ZTO',
  labelSize: '76x130',
  status: 'running',
  createdAt: 0,
  updatedAt: 0,
  documents,
  counts: countDocuments(documents),
});

describe('countDocuments', () => {
  it('counts each state', () => {
    const c = countDocuments([
      doc('a', 'queued'),
      doc('b', 'sent'),
      doc('c', 'printed'),
      doc('d', 'printed'),
    ]);
    expect(c).toEqual({ total: 4, queued: 1, sent: 1, printed: 2, failed: 0, canceled: 0 });
  });
  it('property: the five states add up to the total', () => {
    fc.assert(
      fc.property(docs, (ds) => {
        const c = countDocuments(ds);
        expect(c.queued + c.sent + c.printed + c.failed + c.canceled).toBe(c.total);
        expect(c.total).toBe(ds.length);
      }),
    );
  });
});

describe('marks of each print path', () => {
  const ds = [doc('a', 'queued', 1), doc('b', 'sent', 2), doc('c', 'printed', 3), doc('d', 'failed', 4)];
  it('open documents are queued and sent ones only', () => {
    expect(openDocuments(ds).map((d) => d.orderId)).toEqual(['a', 'b']);
  });
  it('before the dialog only queued documents become sent', () => {
    expect(sendMarks(openDocuments(ds))).toEqual([{ documentId: 'j-1', state: 'sent' }]);
  });
  it('after the dialog every open document is printed, saying how it was known', () => {
    expect(printedMarks(openDocuments(ds), 'browser')).toEqual([
      { documentId: 'j-1', state: 'printed', message: 'browser' },
      { documentId: 'j-2', state: 'printed', message: 'browser' },
    ]);
  });
  it('平台打单: only queued documents whose row was ticked become sent; missing rows stay queued', () => {
    const open = [doc('a', 'queued', 1), doc('b', 'queued', 2), doc('c', 'sent', 3)];
    expect(tickedMarks(open, ['a', 'c', 'zzz'])).toEqual([
      { documentId: 'j-1', state: 'sent', message: 'ticked on the platform' },
    ]);
    expect(tickedMarks(open, [])).toEqual([]);
  });
  it('property: no mark ever targets a final document (printed, failed, canceled never move back)', () => {
    fc.assert(
      fc.property(docs, fc.array(fc.nat(60)), (ds, pick) => {
        const final = new Set(
          ds.filter((d) => !['queued', 'sent'].includes(d.state)).map((d) => d.documentId),
        );
        const open = openDocuments(ds);
        const ticked = pick.map((i) => ds[i]?.orderId ?? '');
        for (const m of [
          ...sendMarks(open),
          ...printedMarks(open, 'browser'),
          ...tickedMarks(open, ticked),
        ]) {
          expect(final.has(m.documentId)).toBe(false);
        }
      }),
    );
  });
});

describe('markBatches', () => {
  it('no marks, no message', () => expect(markBatches([])).toEqual([]));
  it('property: batches of at most the size, in order, none lost', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 3000 }), fc.integer({ min: 1, max: 1000 }), (xs, size) => {
        const b = markBatches(xs, size);
        expect(b.flat()).toEqual(xs);
        expect(b.length).toBe(Math.ceil(xs.length / size));
        for (const x of b) expect(x.length).toBeLessThanOrEqual(size);
      }),
    );
  });
});

describe('withProgress', () => {
  it('updates the job the run is for, with counts from the new documents', () => {
    const next = [doc('a', 'printed')];
    const j = withProgress(job([doc('a', 'sent')]), 'j', next);
    expect(j?.documents).toBe(next);
    expect(j?.counts.printed).toBe(1);
  });
  it('leaves another job, or none, untouched', () => {
    const other = job([doc('a', 'sent')], 'other');
    expect(withProgress(other, 'j', [doc('a', 'printed')])).toBe(other);
    expect(withProgress(undefined, 'j', [])).toBeUndefined();
  });
});

describe('printed, failed and reprint input', () => {
  const ds = [doc('a', 'printed', 1), doc('b', 'failed', 2), doc('c', 'failed', 3), doc('d', 'queued', 4)];
  it('printed documents only; no job, none', () => {
    expect(printedDocuments(job(ds)).map((d) => d.orderId)).toEqual(['a']);
    expect(printedDocuments(undefined)).toEqual([]);
  });
  it('fills the reprint box with the failed orders', () => expect(failedOrderList(ds)).toBe('b,c'));
  it('reads typed ids on spaces, commas and full-width commas', () => {
    expect(reprintOrderIds(' a, b，c\n d ')).toEqual(['a', 'b', 'c', 'd']);
    expect(reprintOrderIds('  ')).toEqual([]);
  });
  it('counts the asked orders queued again', () => {
    expect(requeuedCount(ds, ['d', 'b'])).toBe(1);
    expect(requeuedCount(ds, [])).toBe(0);
  });
  it('a reason needs two characters besides spaces', () => {
    expect(reasonReady(' x ')).toBe(false);
    expect(reasonReady('卡纸')).toBe(true);
  });
});
