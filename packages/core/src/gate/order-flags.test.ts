import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagsWithStatus, readOrderFlags } from './order-flags.js';

describe('readOrderFlags', () => {
  it('reads each exception word', () => {
    expect(readOrderFlags('待发货')).toEqual({});
    expect(readOrderFlags('待发货 买家申请退款')).toEqual({ refund: 'requested' });
    expect(readOrderFlags('退款中')).toEqual({ refund: 'requested' });
    expect(readOrderFlags('退款成功')).toEqual({ refund: 'refunded' });
    expect(readOrderFlags('已退款 退款中')).toEqual({ refund: 'refunded' });
    expect(readOrderFlags('售后中')).toEqual({ afterSale: true });
    expect(readOrderFlags('交易关闭')).toEqual({ closed: true });
    expect(readOrderFlags('已取消')).toEqual({ closed: true });
    expect(readOrderFlags('买家已修改地址')).toEqual({ addressChanged: true });
    expect(readOrderFlags('已分配厂商')).toEqual({ supplierAssigned: true });
    expect(readOrderFlags('厂商代发 售后中')).toEqual({ supplierAssigned: true, afterSale: true });
  });
  it('never throws on non-strings and is linear on 100k characters', () => {
    expect(readOrderFlags(undefined as unknown as string)).toEqual({});
    expect(readOrderFlags('退'.repeat(100_000))).toEqual({});
    expect(readOrderFlags('退'.repeat(100_000) + '退款中')).toEqual({ refund: 'requested' });
  });
  it('flags only come from their words (property: text without 款/售/关/取/改/代/修/变 gives none)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const clean = s.replace(/[款售关取改代修变]/gu, '');
        return Object.keys(readOrderFlags(clean)).length === 0;
      }),
    );
  });
});

describe('flagsWithStatus', () => {
  it('after_sale and cancelled statuses imply flags', () => {
    expect(flagsWithStatus('after_sale', undefined)).toEqual({ afterSale: true });
    expect(flagsWithStatus('cancelled', { refund: 'refunded' })).toEqual({
      refund: 'refunded',
      closed: true,
    });
    expect(flagsWithStatus('awaiting_shipment', { refund: 'requested' })).toEqual({ refund: 'requested' });
  });
});
