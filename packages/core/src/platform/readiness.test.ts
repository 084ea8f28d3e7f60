import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUNS } from '../classify/fuzz.test-helper.js';
import { readiness } from './readiness.js';
import { douyinShippingModes, readinessSteps, type ShippingModeId } from './shipping-modes.js';

const ids = douyinShippingModes.map((m) => m.id);

describe('douyinShippingModes (seed 001)', () => {
  it('six modes; the first two are unaffected', () => {
    expect(ids).toEqual([
      'manual-tracking',
      'backoffice-ewaybill',
      'export-offline',
      'supplier-dropship',
      'external-warehouse',
      'print-software',
    ]);
    expect(douyinShippingModes.filter((m) => !m.affected).map((m) => m.id)).toEqual([
      'manual-tracking',
      'backoffice-ewaybill',
    ]);
    expect(douyinShippingModes.find((m) => m.id === 'supplier-dropship')?.interim).toMatch(/ciphertext/u);
  });
});

describe('readiness', () => {
  it('known answers', () => {
    expect(readiness('douyin', ['manual-tracking', 'backoffice-ewaybill'])).toEqual([]);
    expect(readiness('douyin', ['print-software']).map((s) => s.id)).toEqual([
      'ewaybill-account',
      'print-component',
      'waybill-template',
    ]);
    expect(readiness('douyin', ['print-software'])[1]?.link).toBe(
      'logistics.douyinec.com/davinci/CloudPrintClient',
    );
    expect(readiness('douyin', ['external-warehouse']).map((s) => s.id)).toEqual([
      'warehouse-joins-open-platform',
      'ewaybill-account',
      'warehouse-print-component',
      'waybill-template',
    ]);
    expect(readiness('wechat', ['backoffice-ewaybill']).map((s) => s.id)).toEqual([
      'ewaybill-carrier-setup',
      'mark-shipped',
    ]);
    expect(readiness('jd', ['print-software'])[1]).not.toHaveProperty('link');
    expect(readiness('nope', ['print-software'])).toEqual([]);
    expect(readiness('douyin', ['nope'])).toEqual([]);
  });
  it('is ordered, de-duplicated, and order of modes does not matter (property)', () => {
    const order = readinessSteps.map((s) => s.id);
    fc.assert(
      fc.property(
        fc.constantFrom('douyin', 'wechat', 'jd'),
        fc.array(fc.constantFrom<ShippingModeId>(...ids)),
        (p, modes) => {
          const steps = readiness(p, modes).map((s) => s.id);
          expect(new Set(steps).size).toBe(steps.length);
          const idx = steps.map((s) => order.indexOf(s));
          expect([...idx].sort((a, b) => a - b)).toEqual(idx);
          expect(readiness(p, [...modes].reverse()).map((s) => s.id)).toEqual(steps);
        },
      ),
      RUNS,
    );
  });
});
