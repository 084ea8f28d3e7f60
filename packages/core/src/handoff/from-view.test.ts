import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderView } from '../types.js';
import { checkBatch } from './check.js';
import { handoffOrderFromView } from './from-view.js';
import { cipherArb, smallBatch } from './fixtures.test-helper.js';

const view: OrderView = {
  platform: 'douyin',
  shopId: 'demo',
  orderId: '6932718406512345678',
  status: 'awaiting_shipment',
  createdAt: 0,
  items: [
    { name: '保温杯', sku: 'SM-001-A', quantity: 2 },
    { name: '毛巾', quantity: 1 },
  ],
  remark: '请尽快发货',
  receiver: {
    name: '张*',
    phone: '132****3639',
    address: '广东省广州市天河区****',
    region: { province: '广东省', city: '广州市', district: '天河区' },
    cipher: { name: '#ML3B#0BB1W4Xn5AbCdEfGh1234=#1##', phone: '$$9Uq0Xr2bTz1Kc8Yw4Lm7Pn==$1$$' },
    virtual: { main: '13476567876', ext: '3639' },
  },
  carrier: 'YTO',
};

describe('handoffOrderFromView', () => {
  it('projects the fields the supplier needs', () => {
    expect(handoffOrderFromView(view, { carrier: 'ZTO' })).toEqual({
      orderId: '6932718406512345678',
      items: [
        { name: '保温杯', sku: 'SM-001-A', quantity: 2 },
        { name: '毛巾', quantity: 1 },
      ],
      remark: '请尽快发货',
      receiver: {
        name: '张*',
        phone: '132****3639',
        address: '广东省广州市天河区****',
        cipher: { name: '#ML3B#0BB1W4Xn5AbCdEfGh1234=#1##', phone: '$$9Uq0Xr2bTz1Kc8Yw4Lm7Pn==$1$$' },
        virtual: { main: '13476567876', ext: '3639' },
      },
      carrier: 'ZTO',
    });
    expect(handoffOrderFromView(view).carrier).toBe('YTO');
    expect(handoffOrderFromView(view, { omit: 'cipher' }).receiver.cipher).toBeUndefined();
    expect(handoffOrderFromView(view, { omit: 'virtual' }).receiver.virtual).toBeUndefined();
  });

  it('every projected masked view passes checkBatch (property, 1,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{19}$/u),
        fc.constantFrom('张*', '欧阳*', ''),
        fc.option(cipherArb('#'), { nil: undefined }),
        fc.option(fc.stringMatching(/^[0-9]{4}$/u), { nil: undefined }),
        (orderId, name, cipherName, ext) => {
          const v: OrderView = {
            ...view,
            orderId,
            receiver: {
              ...(name ? { name } : {}),
              ...(cipherName ? { cipher: { name: cipherName } } : {}),
              ...(ext ? { virtual: { main: '13476567876', ext }, phone: `132****${ext}` } : {}),
            },
          };
          const r = checkBatch({ ...smallBatch(), orders: [handoffOrderFromView(v)] });
          expect(r.ok).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  }, 60_000);
});
