import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DAY_MS, openBatch, sealReturn, type OrderView } from '@shipmask/core';
import type { ShopRef } from '../../messages/shared';
import { Store } from '../../storage';
import { handoffHandlers } from './service';
import { handoffRequest } from './validate';

const shop: ShopRef = { platform: 'douyin', shopId: '4463798' };
const other: ShopRef = { platform: 'douyin', shopId: '9999999' };
const NOW = Date.UTC(2026, 10, 23, 2);
const random = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

function view(i: number, items: OrderView['items']): OrderView {
  return {
    platform: 'douyin',
    shopId: shop.shopId,
    orderId: `69210000000000000${String(i).padStart(2, '0')}`,
    status: 'awaiting_shipment',
    createdAt: NOW - DAY_MS,
    items,
    receiver: { name: '张*', phone: '132****3639', address: '广东省广州市天河区****' },
  };
}

const cup = { name: '保温杯', sku: 'SM-001-A', quantity: 1 };
const towel = { name: '毛巾', sku: 'SM-002-B', quantity: 2 };
const gift = { name: '贴纸', quantity: 1 };

async function setup() {
  const store = new Store({ factory: new IDBFactory() });
  const h = handoffHandlers({ store, now: () => NOW, randomBytes: random });
  const orders = [view(0, [cup]), view(1, [cup, towel]), view(2, [towel]), view(3, [gift]), view(4, [])];
  await store.putOrders(orders, NOW);
  return { store, h, orders };
}

describe('several suppliers in one hand-off', () => {
  it('keeps rules per shop, seals one batch per supplier, splits a mixed order, stores nothing on refusal', async () => {
    const { store, h, orders } = await setup();
    expect(await h['handoff/rules/get']({ type: 'handoff/rules/get', shop })).toEqual({
      rules: { version: 1, rules: [] },
    });
    const saved = await h['handoff/rules/set']({
      type: 'handoff/rules/set',
      shop,
      rules: {
        version: 1,
        rules: [
          { sku: 'SM-001-', supplier: '义乌杯厂', match: 'prefix' },
          { sku: 'SM-002-B', supplier: '高阳毛巾厂' },
        ],
      },
    });
    expect(saved.rules.rules).toHaveLength(2);
    expect(saved.fallback).toBeUndefined();
    // Per shop: another shop of the same platform has none.
    expect((await h['handoff/rules/get']({ type: 'handoff/rules/get', shop: other })).rules.rules).toEqual(
      [],
    );

    const r = await h['handoff/seal-suppliers']({
      type: 'handoff/seal-suppliers',
      shop,
      orderIds: orders.map((o) => o.orderId),
      expiresInDays: 7,
    });
    if (!r.ok) throw new Error(r.message);
    expect(r.parts.map((p) => [p.supplier.name, p.orders, p.items, p.split])).toEqual([
      ['义乌杯厂', 2, 2, 1],
      ['高阳毛巾厂', 2, 2, 1],
    ]);
    expect(r.split).toEqual([
      {
        orderId: orders[1]!.orderId,
        parcels: [
          { supplier: '义乌杯厂', skus: ['SM-001-A'] },
          { supplier: '高阳毛巾厂', skus: ['SM-002-B'] },
        ],
      },
    ]);
    expect(r.unassigned).toEqual([
      { orderId: orders[3]!.orderId, reason: 'no-sku', skus: ['贴纸'] },
      { orderId: orders[4]!.orderId, reason: 'no-items', skus: [] },
    ]);
    // Each link its own key: the first opens, with that supplier's items only.
    const a = await openBatch(r.parts[0]!.text, { now: NOW + 1000 });
    const b = await openBatch(r.parts[1]!.text, { now: NOW + 1000 });
    if (!a.ok || !b.ok) throw new Error('open');
    expect(a.value.batch.batchId).not.toBe(b.value.batch.batchId);
    expect(
      a.value.batch.orders.find((o) => o.orderId === orders[1]!.orderId)!.items.map((i) => i.sku),
    ).toEqual(['SM-001-A']);
    expect(
      b.value.batch.orders.find((o) => o.orderId === orders[1]!.orderId)!.items.map((i) => i.sku),
    ).toEqual(['SM-002-B']);
    // The group: both batches, in part order, and the suppliers are remembered.
    const group = await h['handoff/details']({ type: 'handoff/details', groupId: r.groupId });
    expect(group.map((d) => [d.supplier.name, d.group])).toEqual([
      ['义乌杯厂', { id: r.groupId, part: 0, of: 2 }],
      ['高阳毛巾厂', { id: r.groupId, part: 1, of: 2 }],
    ]);
    expect(
      (await h['handoff/config/get']({ type: 'handoff/config/get' })).suppliers.map((s) => s.name),
    ).toEqual(['义乌杯厂', '高阳毛巾厂']);
    // A shop's batches with results: none yet; after one import, that one.
    expect(await h['handoff/details']({ type: 'handoff/details', shop })).toEqual([]);
    const code = await sealReturn(
      a.value,
      [{ orderId: orders[0]!.orderId, status: 'shipped', carrier: 'ZTO', waybill: '78412345678901' }],
      { random, now: NOW + 2000 },
    );
    if (!code.ok) throw new Error(code.error.code);
    const imported = await h['handoff/import']({
      type: 'handoff/import',
      batchId: r.parts[0]!.batch.batchId,
      code: code.value.code,
    });
    expect(imported.ok).toBe(true);
    expect((await h['handoff/details']({ type: 'handoff/details', shop })).map((d) => d.batchId)).toEqual([
      r.parts[0]!.batch.batchId,
    ]);
    // Once the back-office shows the order shipped, the shop-wide merge leaves it out.
    await store.putOrders([{ ...orders[0]!, status: 'shipped' }], NOW + 3000);
    expect(
      (await h['handoff/details']({ type: 'handoff/details', shop })).flatMap((d) =>
        d.items.map((it) => it.order.orderId),
      ),
    ).toEqual([orders[1]!.orderId]);
    // Nothing stored holds a link.
    const dump = JSON.stringify(await (await store.db()).getAll('batches'));
    expect(dump).not.toContain(r.parts[0]!.payload.slice(0, 40));

    // A default supplier takes the SKU-less order; the empty one still stays out.
    await h['handoff/rules/set']({ type: 'handoff/rules/set', shop, rules: saved.rules, fallback: '自营仓' });
    const withDefault = await h['handoff/seal-suppliers']({
      type: 'handoff/seal-suppliers',
      shop,
      orderIds: [orders[3]!.orderId, orders[4]!.orderId],
      expiresInDays: 7,
    });
    if (!withDefault.ok) throw new Error(withDefault.message);
    expect(withDefault.parts.map((p) => p.supplier.name)).toEqual(['自营仓']);
    expect(withDefault.unassigned.map((u) => u.reason)).toEqual(['no-items']);

    // Nothing to seal: a typed refusal, no batch stored.
    const before = (await h['handoff/batches']({ type: 'handoff/batches' })).length;
    const none = await h['handoff/seal-suppliers']({
      type: 'handoff/seal-suppliers',
      shop,
      orderIds: [orders[4]!.orderId],
      expiresInDays: 7,
    });
    expect(none).toMatchObject({ ok: false, code: 'no-supplier' });
    // An address for a non-virtual order refuses the whole request: nothing stored.
    const refused = await h['handoff/seal-suppliers']({
      type: 'handoff/seal-suppliers',
      shop,
      orderIds: [orders[0]!.orderId, orders[2]!.orderId],
      expiresInDays: 7,
      addresses: [{ orderId: orders[2]!.orderId, address: '广东省广州市天河区花城广场8号' }],
    });
    expect(refused).toMatchObject({ ok: false, code: 'address-without-virtual' });
    expect((await h['handoff/batches']({ type: 'handoff/batches' })).length).toBe(before);
  });

  it('validators: rules through core, bounded, no passphrase with several suppliers', () => {
    const fail = (path: string, what: string): never => {
      throw new Error(`${path}: ${what}`);
    };
    expect(() =>
      handoffRequest(
        {
          type: 'handoff/rules/set',
          shop,
          rules: { version: 1, rules: [{ sku: 'A', supplier: '王13812345678' }] },
        },
        'handoff/rules/set',
        fail,
      ),
    ).toThrow('rules.rules[0].supplier');
    expect(() =>
      handoffRequest(
        { type: 'handoff/rules/set', shop, rules: { version: 1, rules: [] }, fallback: 'x'.repeat(101) },
        'handoff/rules/set',
        fail,
      ),
    ).toThrow('fallback');
    expect(() =>
      handoffRequest(
        {
          type: 'handoff/seal-suppliers',
          shop,
          orderIds: ['1'],
          expiresInDays: 7,
          passphrase: 'correct horse battery',
        },
        'handoff/seal-suppliers',
        fail,
      ),
    ).toThrow('passphrase');
    expect(() =>
      handoffRequest({ type: 'handoff/details', groupId: 'not a group id!' }, 'handoff/details', fail),
    ).toThrow('groupId');
    expect(
      handoffRequest(
        {
          type: 'handoff/rules/set',
          shop,
          rules: { version: 1, rules: [{ sku: ' A ', supplier: '杯厂', extra: 1 }] },
          fallback: ' 自营仓 ',
          junk: true,
        },
        'handoff/rules/set',
        fail,
      ),
    ).toEqual({
      type: 'handoff/rules/set',
      shop,
      rules: { version: 1, rules: [{ sku: 'A', supplier: '杯厂' }] },
      fallback: '自营仓',
    });
  });
});
