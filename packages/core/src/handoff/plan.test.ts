import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBatch, isDetailedAddress } from './check.js';
import { batchArb, smallBatch } from './fixtures.test-helper.js';
import { planHandoffOrder } from './plan.js';

const ADDRESS = '广东省广州市天河区花城广场888号';
const [virtualOrder, cipherOrder] = smallBatch().orders as [
  (typeof smallBatch extends () => infer B ? B : never)['orders'][number],
  (typeof smallBatch extends () => infer B ? B : never)['orders'][number],
];

describe('planHandoffOrder', () => {
  it('puts the supplied detailed address into a virtual-number order (label)', () => {
    const p = planHandoffOrder(virtualOrder, ` ${ADDRESS} `);
    expect(p).toMatchObject({ kind: 'label', order: { receiver: { address: ADDRESS, name: '张*' } } });
    expect(p.kind === 'label' && p.order.route).toBeUndefined();
  });

  it('says "needs address" for a virtual-number order without one (or with a masked one)', () => {
    const noCipher = { ...virtualOrder };
    expect(planHandoffOrder(noCipher)).toEqual({ kind: 'needs-address', orderId: virtualOrder.orderId });
    expect(planHandoffOrder(noCipher, '广东省广州市天河区****')).toEqual({
      kind: 'needs-address',
      orderId: virtualOrder.orderId,
    });
  });

  it('routes a ciphertext order to the platform and drops any detailed address given for it', () => {
    const p = planHandoffOrder(cipherOrder, ADDRESS);
    expect(p.kind).toBe('platform');
    if (p.kind !== 'platform') return;
    expect(p.order.route).toBe('platform-dropship');
    expect(p.order.receiver.address).toBeUndefined();
    expect(p.order.receiver.cipher).toEqual(cipherOrder.receiver.cipher);
  });

  it('routes a virtual-number order with ciphertext but no address to the platform', () => {
    const both = {
      ...cipherOrder,
      receiver: { ...cipherOrder.receiver, virtual: { main: '13476567876', ext: '3639' } },
    };
    expect(planHandoffOrder(both).kind).toBe('platform');
    expect(planHandoffOrder(both, ADDRESS).kind).toBe('label');
  });

  it('property: a detailed address is planned only beside a virtual number, and every plan seals', () => {
    const addressArb = fc.oneof(
      fc.constantFrom(ADDRESS, '北京市朝阳区建国路88号SOHO现代城2号楼', '浙江省金华市义乌市****', ''),
      fc.string({ maxLength: 30 }),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(batchArb(5), fc.array(addressArb, { minLength: 5, maxLength: 5 }), (batch, addresses) => {
        const planned = batch.orders.map((o, i) => planHandoffOrder(o, addresses[i]));
        const sealable = [];
        for (const [i, p] of planned.entries()) {
          const o = batch.orders[i]!;
          if (p.kind === 'needs-address') {
            expect(o.receiver.virtual).toBeDefined();
            continue;
          }
          const a = p.order.receiver.address;
          if (a !== undefined && isDetailedAddress(a)) expect(p.order.receiver.virtual).toBeDefined();
          expect(p.order.route === 'platform-dropship').toBe(p.kind === 'platform');
          sealable.push(p.order);
        }
        const checked = checkBatch({ ...batch, orders: sealable });
        expect(checked.ok, JSON.stringify(checked)).toBe(true);
      }),
    );
  });
});
