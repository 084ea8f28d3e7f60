import { describe, expect, it } from 'vitest';
import type { GateOverride } from '@shipmask/core';
import { gateCheckRequest, heldByGate, jobCreateRequest } from './gate-state';

const shop = { platform: 'douyin', shopId: '1' } as const;
const documents = [{ orderId: 'a', trackingNumber: '7801' }];
const override = { orderId: 'a', reason: 'refund' } as GateOverride;
const base = {
  shop,
  component: 'douyin',
  carrier: 'ZTO',
  labelSize: '76x130',
  documents,
  overrides: [],
} as const;

describe('jobCreateRequest', () => {
  it('names the component only for the component path', () => {
    expect(jobCreateRequest({ ...base, path: 'component' }).component).toBe('douyin');
    expect('component' in jobCreateRequest({ ...base, path: 'browser' })).toBe(false);
    expect('component' in jobCreateRequest({ ...base, path: 'platform' })).toBe(false);
  });
  it('sends overrides only when the merchant gave some', () => {
    expect('overrides' in jobCreateRequest({ ...base, path: 'browser' })).toBe(false);
    expect(jobCreateRequest({ ...base, path: 'browser', overrides: [override] }).overrides).toEqual([
      override,
    ]);
  });
  it('carries the carrier, size and documents as given', () => {
    expect(jobCreateRequest({ ...base, path: 'browser' })).toEqual({
      type: 'print/job-create',
      shop,
      path: 'browser',
      carrier: 'ZTO',
      labelSize: '76x130',
      documents,
    });
  });
});

describe('the gate on the print page', () => {
  it("only a `held` refusal asks the gate which orders and why; other errors don't", () => {
    expect(heldByGate({ code: 'held' })).toBe(true);
    for (const code of ['invalid', 'wrong-shop', 'quota', '']) expect(heldByGate({ code })).toBe(false);
  });
  it('checks the orders for printing or shipping with every override (none included as empty)', () => {
    expect(gateCheckRequest(shop, ['a', 'b'], 'bulk-ship', [])).toEqual({
      type: 'gate/check',
      shop,
      orderIds: ['a', 'b'],
      action: 'bulk-ship',
      overrides: [],
    });
    expect(gateCheckRequest(shop, ['a'], 'print', [override]).overrides).toEqual([override]);
  });
});
