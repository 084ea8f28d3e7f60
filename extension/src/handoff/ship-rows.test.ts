import { describe, expect, it } from 'vitest';
import { parseCsv } from '@shipmask/core';
import type { BatchDetail } from '../messages/handoff';
import { carrierName, shippingOf } from './ship-rows';

const A = '3718000000000001234';
const B = '3718000000000001235';
const C = '3718000000000001236';

function batch(platform: 'jd' | 'wechat', items: BatchDetail['items']): BatchDetail {
  return { batchId: 'q3Zk8Jd0WcLm', shop: { platform, shopId: 's' }, items } as unknown as BatchDetail;
}
const order = (orderId: string) => ({ orderId, items: [{ name: 'x', quantity: 1 }], receiver: {} });

describe('shippingOf', () => {
  // Issue 14 item 2: the JD text-box lines are the bulk-ship writer's checked rows, never raw
  // strings joined (the old lines were `${orderId},${carrier},${waybill}` from the result).
  it('gives the text-box lines and the file from the same checked rows', () => {
    const s = shippingOf(
      batch('jd', [
        {
          order: order(A),
          result: { orderId: A, status: 'shipped', carrier: 'ZTO', waybill: 'ZT1234567890' },
        },
        { order: order(B), result: { orderId: B, status: 'cannot-ship', reason: '缺货' } },
        {
          order: order(C),
          result: { orderId: C, status: 'shipped', carrier: 'ZTO', waybill: 'ZT12,\n=1+1' },
        },
        { order: order('9') },
      ]),
    );
    expect(s.lines).toBe(`${A},中通快递,ZT1234567890`);
    expect(parseCsv(s.file.csv).map((r) => r.fields)).toEqual([
      ['订单号', '物流公司', '运单号'],
      [A, '中通快递', 'ZT1234567890'],
    ]);
    expect(s.file.fileName).toBe('jd-bulk-ship-q3Zk8Jd0WcLm.csv');
    expect(s.file.problems.map((p) => p.code)).toEqual(['bad-tracking-number']);
    expect(s.cannotShip).toBe(1);
  });

  it('writes a result under the order it is stored with, whatever order id it names', () => {
    const s = shippingOf(
      batch('wechat', [
        {
          order: order(A),
          result: { orderId: '=1+1', status: 'shipped', carrier: 'YTO', waybill: 'YT1234567890' },
        },
      ]),
    );
    expect(s.lines).toBe(`${A},圆通,YT1234567890`);
  });

  it('carrierName shows the platform name of a code, or the text as given', () => {
    expect(carrierName('wechat', 'ZTO')).toBe('中通');
    expect(carrierName('jd', '某某物流')).toBe('某某物流');
  });
});
