import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyField } from '../classify/classify-field.js';
import type { OrderView } from '../types.js';
import { packingSlips } from './packing-slip.js';

const base: OrderView = {
  platform: 'douyin',
  shopId: 's',
  orderId: '6921000000000001',
  status: 'awaiting_shipment',
  createdAt: 0,
  items: [{ name: '保温杯', sku: 'CUP-1', spec: '500ml', quantity: 2 }],
  receiver: { name: '张*', phone: '132****3639', address: '广东省广州市天河区****' },
};

describe('packingSlips', () => {
  it('masked receiver, items and remark', () => {
    expect(packingSlips([{ ...base, remark: '请打13812345678' }])).toEqual([
      {
        orderId: base.orderId,
        items: [{ sku: 'CUP-1', name: '保温杯', spec: '500ml', quantity: 2 }],
        remark: '请打138****5678',
        receiver: { name: '张*', phone: '132****3639', address: '广东省广州市天河区****' },
      },
    ]);
  });
  it('plaintext input never reaches a slip; ciphertext is left out; virtual numbers kept', () => {
    const s = packingSlips([
      {
        ...base,
        receiver: { name: '张三丰', phone: '13812345678', address: '广东省广州市天河区花城广场888号' },
      },
      {
        ...base,
        orderId: '2',
        receiver: { name: '#ML3B#0BB1W4Xn5AbCdEfGh1234=#1##', virtual: { main: '13476567876', ext: '3639' } },
      },
    ]);
    expect(s[0]?.receiver).toEqual({ name: '张*', phone: '138****5678', address: '广东省广州市天河区****' });
    expect(s[1]?.receiver).toEqual({ name: '', phone: '13476567876-3639', address: '' });
  });
  it('one slip per order id, input order kept', () => {
    expect(
      packingSlips([
        { ...base, orderId: 'b' },
        { ...base, orderId: 'a' },
        { ...base, orderId: 'b' },
      ]).map((x) => x.orderId),
    ).toEqual(['b', 'a']);
  });
  it('no plaintext mobile survives any input (property)', () => {
    const mobile = fc
      .tuple(fc.constantFrom('13', '15', '18'), fc.stringMatching(/^\d{9}$/u))
      .map(([a, b]) => a + b);
    fc.assert(
      fc.property(mobile, fc.string({ maxLength: 10 }), (m, raw) => {
        const pad = raw.replace(/[\d０-９]/gu, '');
        const [slip] = packingSlips([
          {
            ...base,
            remark: pad + m + pad,
            items: [{ name: m, quantity: 1 }],
            receiver: { phone: m, name: m, address: m },
          },
        ]);
        const all = JSON.stringify(slip);
        expect(all).not.toContain(m);
        expect(classifyField(slip?.receiver.phone ?? '', 'phone').form).not.toBe('plain');
      }),
    );
  });
});
