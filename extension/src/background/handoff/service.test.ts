import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  openBatch,
  sealReturn,
  type OpenedReturn,
  type OrderView,
  type ReturnResult,
} from '@shipmask/core';
import type { ShopRef } from '../../messages/shared';
import { Store } from '../../storage';
import type { BatchRecord } from '../../storage/batch-record';
import { batchStatus, mergeReturn } from './batch';
import { handoffHandlers } from './service';

const shop: ShopRef = { platform: 'wechat', shopId: 'wx3f8a2c1d9e6b4a70' };
const NOW = Date.UTC(2026, 10, 23, 2);
const random = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

function view(i: number): OrderView {
  return {
    platform: 'wechat',
    shopId: shop.shopId,
    orderId: `37180000000000000${String(i).padStart(2, '0')}`,
    status: 'awaiting_shipment',
    createdAt: NOW - DAY_MS,
    items: [{ name: '304不锈钢保温杯 500ml 黑色', sku: 'SM-001-A', quantity: 1 + (i % 3) }],
    remark: i === 1 ? '到了打13812345678' : '请尽快发货',
    receiver: {
      name: '张*',
      phone: '132****3639',
      address: '广东省广州市天河区****',
      virtual: { main: '13476567876', ext: String(3000 + i) },
    },
  };
}

/** The detailed delivery addresses the merchant supplies from the platform export (issue 17). */
const addressesOf = (ids: readonly string[]) =>
  ids.map((orderId, i) => ({ orderId, address: `广东省广州市天河区花城广场${i + 1}号` }));

async function setup(n = 3, maxLinkChars?: number) {
  let clock = NOW;
  const store = new Store({ factory: new IDBFactory() });
  const h = handoffHandlers({
    store,
    now: () => clock,
    randomBytes: random,
    ...(maxLinkChars ? { maxLinkChars } : {}),
  });
  const orders = Array.from({ length: n }, (_, i) => view(i));
  await store.putOrders(orders, NOW);
  await h['handoff/config/set']({
    type: 'handoff/config/set',
    config: { baseUrl: 'http://127.0.0.1:9/supplier.html', suppliers: [] },
  });
  return { store, h, orders, tick: (ms: number) => (clock += ms) };
}

describe('hand-off service', () => {
  it('seals stored orders, keeps the batch without the link, imports a return code once', async () => {
    const { store, h, orders, tick } = await setup();
    const sealed = await h['handoff/seal']({
      type: 'handoff/seal',
      shop,
      orderIds: orders.map((o) => o.orderId),
      addresses: addressesOf(orders.map((o) => o.orderId)),
      supplier: { name: '义乌杯厂', note: '王经理' },
      expiresInDays: 7,
      carrier: 'ZTO',
    });
    if (!sealed.ok) throw new Error(sealed.message);
    expect(sealed.kind).toBe('link');
    expect(sealed.text.startsWith('http://127.0.0.1:9/supplier.html#')).toBe(true);
    expect(sealed.batch).toMatchObject({ orders: 3, status: 'sent', supplier: { name: '义乌杯厂' } });

    // Nothing stored holds the link, its payload or the remark's real mobile.
    const db = await store.db();
    const dump = JSON.stringify([
      await db.getAll('batches'),
      await db.getAll('meta'),
      await db.getAll('audit'),
    ]);
    expect(dump).not.toContain(sealed.payload.slice(0, 40));
    expect(dump).not.toContain('13812345678');
    expect((await h['handoff/config/get']({ type: 'handoff/config/get' })).suppliers[0]).toEqual({
      name: '义乌杯厂',
      note: '王经理',
    });

    // The supplier opens the link and returns results for two orders.
    const opened = await openBatch(sealed.text, { now: NOW + 1000 });
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.value.batch.orders[1]!.remark).toBe('到了打138****5678');
    const results: ReturnResult[] = [
      { orderId: orders[0]!.orderId, status: 'shipped', carrier: 'ZTO', waybill: '78412345678901' },
      { orderId: orders[1]!.orderId, status: 'cannot-ship', reason: '缺货' },
    ];
    const code = await sealReturn(opened.value, results, { random, now: NOW + 2000 });
    if (!code.ok) throw new Error(code.error.code);

    tick(5000);
    const first = await h['handoff/import']({
      type: 'handoff/import',
      batchId: sealed.batch.batchId,
      code: `回执：\n${code.value.code} 谢谢`,
    });
    if (!first.ok) throw new Error(first.message);
    expect(first.changes.map((c) => c.orderId)).toEqual([orders[0]!.orderId, orders[1]!.orderId]);
    expect(first.batch).toMatchObject({ status: 'partly-shipped', shipped: 1, cannotShip: 1, imports: 1 });

    const again = await h['handoff/import']({
      type: 'handoff/import',
      batchId: sealed.batch.batchId,
      code: code.value.code,
    });
    if (!again.ok) throw new Error(again.message);
    expect(again.changes).toEqual([]);
    expect(again.unchanged).toBe(2);
    expect(again.batch.imports).toBe(1);

    // A later code completes the batch.
    const code2 = await sealReturn(
      opened.value,
      [{ orderId: orders[2]!.orderId, status: 'shipped', carrier: 'YTO', waybill: 'YT7788990011' }],
      { random, now: NOW + 3000 },
    );
    if (!code2.ok) throw new Error(code2.error.code);
    const done = await h['handoff/import']({
      type: 'handoff/import',
      batchId: sealed.batch.batchId,
      code: code2.value.code,
    });
    if (!done.ok) throw new Error(done.message);
    // Every order came back: 已回传，待上传发货 until the merchant makes the bulk-ship file.
    expect(done.batch.status).toBe('returned');
    const made = await h['handoff/ship-file']({ type: 'handoff/ship-file', batchId: sealed.batch.batchId });
    expect(made?.status).toBe('shipped');
    expect((await h['handoff/batches']({ type: 'handoff/batches', ofShop: shop }))[0]!.status).toBe(
      'shipped',
    );
    // Made again: nothing changes; an unknown batch is null.
    expect(
      await h['handoff/ship-file']({ type: 'handoff/ship-file', batchId: sealed.batch.batchId }),
    ).toEqual(made);
    expect(await h['handoff/ship-file']({ type: 'handoff/ship-file', batchId: 'nope' })).toBeNull();
  });

  it("refuses another batch's code and orders that are not stored", async () => {
    const { h, orders } = await setup();
    const seal = (ids: string[]) =>
      h['handoff/seal']({
        type: 'handoff/seal',
        shop,
        orderIds: ids,
        addresses: addressesOf(ids),
        supplier: { name: 'A' },
        expiresInDays: 7,
      });
    const a = await seal([orders[0]!.orderId]);
    const b = await seal([orders[1]!.orderId]);
    if (!a.ok || !b.ok) throw new Error('seal failed');
    const openedB = await openBatch(b.text, { now: NOW });
    if (!openedB.ok) throw new Error(openedB.error.code);
    const codeB = await sealReturn(
      openedB.value,
      [{ orderId: orders[1]!.orderId, status: 'shipped', carrier: 'ZTO', waybill: '78412345678901' }],
      { random, now: NOW },
    );
    if (!codeB.ok) throw new Error(codeB.error.code);
    const wrong = await h['handoff/import']({
      type: 'handoff/import',
      batchId: a.batch.batchId,
      code: codeB.value.code,
    });
    expect(wrong).toMatchObject({ ok: false, code: 'wrong-batch' });
    expect((await h['handoff/batch']({ type: 'handoff/batch', batchId: a.batch.batchId }))?.shipped).toBe(0);
    expect(await seal(['3718999999999999999'])).toMatchObject({ ok: false, code: 'missing-orders' });
  });

  it('a passphrase batch opens only with the passphrase; the passphrase is not stored', async () => {
    const { store, h, orders } = await setup(1);
    const s = await h['handoff/seal']({
      type: 'handoff/seal',
      shop,
      orderIds: [orders[0]!.orderId],
      addresses: addressesOf([orders[0]!.orderId]),
      supplier: { name: 'A' },
      expiresInDays: 1,
      passphrase: 'Tea-Cup-42!',
    });
    if (!s.ok) throw new Error(s.message);
    expect(s.batch.passphrase).toBe(true);
    expect((await openBatch(s.text, { now: NOW })).ok).toBe(false);
    expect(JSON.stringify(await (await store.db()).getAll('batches'))).not.toContain('Tea-Cup-42!');
  }, 60_000);
});

describe('hand-off service: sealed file', () => {
  it('above the link limit the batch is a sealed file that opens like the link', async () => {
    const { h, orders } = await setup(3, 100);
    const s = await h['handoff/seal']({
      type: 'handoff/seal',
      shop,
      orderIds: orders.map((o) => o.orderId),
      addresses: addressesOf(orders.map((o) => o.orderId)),
      supplier: { name: 'A' },
      expiresInDays: 7,
    });
    if (!s.ok) throw new Error(s.message);
    expect(s.kind).toBe('file');
    expect(s.fileName).toMatch(/\.txt$|\.shipmask$/u);
    const opened = await openBatch(s.text, { now: NOW });
    expect(opened.ok && opened.value.batch.orders.length).toBe(3);
  });
});

describe('hand-off service: hostile return codes (issue 14 item 2)', () => {
  it('refuses a code sealed an hour in the future (it would win every later import) and stores nothing', async () => {
    const { h, orders } = await setup(2);
    const sealed = await h['handoff/seal']({
      type: 'handoff/seal',
      shop,
      orderIds: orders.map((o) => o.orderId),
      addresses: addressesOf(orders.map((o) => o.orderId)),
      supplier: { name: 'A' },
      expiresInDays: 7,
    });
    if (!sealed.ok) throw new Error(sealed.message);
    const opened = await openBatch(sealed.text, { now: NOW });
    if (!opened.ok) throw new Error(opened.error.code);
    const ahead = await sealReturn(
      opened.value,
      [{ orderId: orders[0]!.orderId, status: 'shipped', carrier: 'ZTO', waybill: 'ZT1234567' }],
      { random, now: NOW + 3_600_000 },
    );
    if (!ahead.ok) throw new Error(ahead.error.code);
    const r = await h['handoff/import']({
      type: 'handoff/import',
      batchId: sealed.batch.batchId,
      code: ahead.value.code,
    });
    expect(r).toMatchObject({ ok: false, code: 'bad-time' });
    const b = await h['handoff/batch']({ type: 'handoff/batch', batchId: sealed.batch.batchId });
    expect(b?.imports).toBe(0);
    expect(b?.items.every((it) => it.result === undefined)).toBe(true);
  });
});

describe('mergeReturn', () => {
  const record = (ids: string[]): BatchRecord => ({
    id: 'b1',
    platform: 'wechat',
    shopId: 's',
    createdAt: NOW,
    expiresAt: NOW + DAY_MS,
    supplier: { name: 'A' },
    passphrase: false,
    orders: ids.map((orderId) => ({ orderId, items: [{ name: 'x', quantity: 1 }], receiver: {} })),
    keep: { batchId: 'b1', key: 'k', expiresAt: NOW + DAY_MS, orderIds: ids },
    results: {},
    imports: [],
  });
  const ids = ['1', '2', '3', '4'];
  const merged = (r: BatchRecord, c: OpenedReturn) => {
    const m = mergeReturn(r, c, NOW);
    if (!m.ok) throw new Error(m.error.message);
    return m.value;
  };
  const result = fc.oneof(
    fc.record({
      orderId: fc.constantFrom(...ids),
      status: fc.constant('shipped' as const),
      carrier: fc.constantFrom('ZTO', 'YTO'),
      waybill: fc.constantFrom('ZT100000001', 'ZT100000002'),
    }),
    fc.record({
      orderId: fc.constantFrom(...ids),
      status: fc.constant('cannot-ship' as const),
      reason: fc.constantFrom('缺货', '地址不到'),
    }),
  );
  const code = fc.record({
    batchId: fc.constant('b1'),
    sealedAt: fc.integer({ min: NOW, max: NOW + 100 }),
    results: fc.uniqueArray(result, { selector: (r) => r.orderId, maxLength: 4 }),
  });

  it('property: importing a code twice changes nothing; the latest sealed result wins in any import order', () => {
    fc.assert(
      fc.property(fc.array(code, { maxLength: 5 }), (codes: OpenedReturn[]) => {
        let r = record(ids);
        for (const c of codes) {
          const once = merged(r, c);
          const twice = merged(once.record, c);
          expect(twice.changes).toEqual([]);
          expect(twice.record).toBe(once.record);
          r = once.record;
        }
        // Every stored result is from a code whose sealedAt is the max among codes naming that order
        for (const id of ids) {
          const naming = codes.filter((c) => c.results.some((x) => x.orderId === id));
          if (naming.length === 0) expect(r.results[id]).toBeUndefined();
          else expect(r.results[id]!.sealedAt).toBe(Math.max(...naming.map((c) => c.sealedAt)));
        }
        const s = batchStatus(r, NOW);
        expect(['sent', 'partly-shipped', 'returned', 'shipped']).toContain(s);
        // Nothing imported here made a ship file: a batch is `shipped` only when nothing came
        // back to ship, and `returned` when every order has a result and one shipped.
        const all = r.orders.every((o) => r.results[o.orderId] !== undefined);
        const anyShipped = r.orders.some((o) => r.results[o.orderId]?.result.status === 'shipped');
        if (all) expect(s).toBe(anyShipped ? 'returned' : 'shipped');
      }),
      { numRuns: 1000 },
    );
  });

  // Issue 14 item 2: the replay rules are core's; a code naming an order outside the batch, or
  // of another batch, merges nothing (the old merge skipped such lines and kept the rest).
  it('refuses a code with a result for an order outside the batch or of another batch', () => {
    const r = record(['1', '2']);
    const ship = (orderId: string): ReturnResult => ({
      orderId,
      status: 'shipped',
      carrier: 'ZTO',
      waybill: 'ZT1234567',
    });
    expect(
      mergeReturn(r, { batchId: 'b1', sealedAt: NOW, results: [ship('1'), ship('9')] }, NOW),
    ).toMatchObject({
      ok: false,
      error: { code: 'unknown-order', orderId: '9' },
    });
    expect(mergeReturn(r, { batchId: 'b2', sealedAt: NOW, results: [ship('1')] }, NOW)).toMatchObject({
      ok: false,
      error: { code: 'wrong-batch' },
    });
    // Equal instants: the same stored result in either import order.
    const x: OpenedReturn = { batchId: 'b1', sealedAt: NOW, results: [ship('1')] };
    const y: OpenedReturn = {
      batchId: 'b1',
      sealedAt: NOW,
      results: [{ orderId: '1', status: 'shipped', carrier: 'ZTO', waybill: 'ZT7654321' }],
    };
    expect(merged(merged(r, x).record, y).record.results).toEqual(
      merged(merged(r, y).record, x).record.results,
    );
  });

  it('status: expired only without results', () => {
    const r = record(['1']);
    expect(batchStatus(r, NOW + DAY_MS)).toBe('expired');
    expect(batchStatus(r, NOW)).toBe('sent');
  });
});

describe('hand-off service: delivery addresses, routes, revocation (issue 17)', () => {
  it('seals the detailed address of virtual orders into the link only; the record, audit and meta keep none', async () => {
    const { store, h, orders } = await setup(2);
    const ids = orders.map((o) => o.orderId);
    const addresses = addressesOf(ids);
    const sealed = await h['handoff/seal']({
      type: 'handoff/seal',
      shop,
      orderIds: ids,
      supplier: { name: '义乌杯厂' },
      expiresInDays: 3,
      addresses,
    });
    if (!sealed.ok) throw new Error(sealed.message);
    const opened = await openBatch(sealed.text, { now: NOW });
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.value.batch.orders.map((o) => o.receiver.address)).toEqual(addresses.map((a) => a.address));
    const db = await store.db();
    const dump = JSON.stringify([
      await db.getAll('batches'),
      await db.getAll('meta'),
      await db.getAll('audit'),
    ]);
    for (const a of addresses) expect(dump).not.toContain(a.address);
    expect(dump).not.toContain('花城广场');
    const kept = await h['handoff/batch']({ type: 'handoff/batch', batchId: sealed.batch.batchId });
    expect(kept?.items.map((i) => i.order.receiver.address)).toEqual([
      '广东省广州市天河区****',
      '广东省广州市天河区****',
    ]);
  });

  it('refuses to seal a virtual order without an address, or an address beside no virtual number, storing nothing', async () => {
    const { store, h, orders } = await setup(2);
    const ids = orders.map((o) => o.orderId);
    const missing = await h['handoff/seal']({
      type: 'handoff/seal',
      shop,
      orderIds: ids,
      supplier: { name: 'A' },
      expiresInDays: 3,
      addresses: addressesOf([ids[0]!]),
    });
    expect(missing).toMatchObject({ ok: false, code: 'needs-address', orderId: ids[1] });
    const cipherView: OrderView = {
      ...orders[0]!,
      orderId: '3718000000000000099',
      receiver: { name: '张*', cipher: { address: '#KQ7D#Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA==#1##' } },
    };
    await store.putOrders([cipherView], NOW);
    const wrong = await h['handoff/seal']({
      type: 'handoff/seal',
      shop,
      orderIds: [cipherView.orderId],
      supplier: { name: 'A' },
      expiresInDays: 3,
      addresses: addressesOf([cipherView.orderId]),
    });
    expect(wrong).toMatchObject({ ok: false, code: 'address-without-virtual', orderId: cipherView.orderId });
    expect(await (await store.db()).getAll('batches')).toEqual([]);
    // Without an address the ciphertext order is routed to the platform's drop-ship.
    const routed = await h['handoff/seal']({
      type: 'handoff/seal',
      shop,
      orderIds: [cipherView.orderId],
      supplier: { name: 'A' },
      expiresInDays: 3,
    });
    if (!routed.ok) throw new Error(routed.message);
    const opened = await openBatch(routed.text, { now: NOW });
    expect(opened.ok && opened.value.batch.orders[0]!.route).toBe('platform-dropship');
  });

  it('a revoked batch refuses its return code with a typed error and shows as revoked; reminders skip it', async () => {
    const { h, orders, tick } = await setup(2);
    const ids = orders.map((o) => o.orderId);
    const sealed = await h['handoff/seal']({
      type: 'handoff/seal',
      shop,
      orderIds: ids,
      supplier: { name: '义乌杯厂' },
      expiresInDays: 1,
      addresses: addressesOf(ids),
    });
    if (!sealed.ok) throw new Error(sealed.message);
    expect((await h['handoff/reminders']({ type: 'handoff/reminders', shop })).map((r) => r.pending)).toEqual(
      [2],
    );
    const opened = await openBatch(sealed.text, { now: NOW });
    if (!opened.ok) throw new Error(opened.error.code);
    const code = await sealReturn(
      opened.value,
      [{ orderId: ids[0]!, status: 'shipped', carrier: 'ZTO', waybill: '78412345678901' }],
      { random, now: NOW + 1000 },
    );
    if (!code.ok) throw new Error(code.error.code);
    tick(2000);
    const revoked = await h['handoff/revoke']({ type: 'handoff/revoke', batchId: sealed.batch.batchId });
    expect(revoked).toMatchObject({ status: 'revoked', revokedAt: NOW + 2000 });
    tick(1000);
    // Revoking again keeps the first instant.
    expect(
      await h['handoff/revoke']({ type: 'handoff/revoke', batchId: sealed.batch.batchId }),
    ).toMatchObject({
      revokedAt: NOW + 2000,
    });
    expect(await h['handoff/revoke']({ type: 'handoff/revoke', batchId: 'nope' })).toBeNull();
    const imported = await h['handoff/import']({
      type: 'handoff/import',
      batchId: sealed.batch.batchId,
      code: code.value.code,
    });
    expect(imported).toMatchObject({ ok: false, code: 'revoked' });
    expect(
      (await h['handoff/batch']({ type: 'handoff/batch', batchId: sealed.batch.batchId }))?.shipped,
    ).toBe(0);
    expect(await h['handoff/reminders']({ type: 'handoff/reminders', shop })).toEqual([]);
  });
});
