import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { addressFingerprint, type OrderView } from '@shipmask/core';
import type { GateCheckResult, GateOverview, OrderFacts } from '../../messages/gate';
import type { PrintJobView } from '../../messages/print';
import type { Reply, ShopRef } from '../../messages/shared';
import { Store } from '../../storage';
import { defaultLocks } from '../shared/locks';
import { createRouter } from '../router';
import type { SenderInfo } from '../shared/sender';
import { createService } from '../service';
import { memoryTabShops } from '../shops/tab-shops';

const EXT = 'testextensionid';
const policy = { extensionId: EXT, extensionOrigin: `chrome-extension://${EXT}/`, allowDemo: true };
const page: SenderInfo = { id: EXT, url: `chrome-extension://${EXT}/print.html` };
const content: SenderInfo = { id: EXT, url: 'http://127.0.0.1:4173/wechat/orders', tab: { id: 4 } };
const shop: ShopRef = { platform: 'wechat', shopId: 'wx1' };
const NOW = Date.UTC(2026, 11, 6, 2); // 10:00 on 12-06 China
const H = 3_600_000;

const order = (orderId: string, extra: Partial<OrderView> = {}): OrderView => ({
  platform: 'wechat',
  shopId: 'wx1',
  orderId,
  status: 'awaiting_shipment',
  createdAt: NOW - 40 * H,
  items: [{ name: '保温杯', sku: 'CUP-1', quantity: 1 }],
  receiver: { name: '张*', phone: '132****3639', address: '广东省广州市天河区****' },
  ...extra,
});

function background() {
  const store = new Store({ factory: new IDBFactory() });
  const service = createService({
    store,
    locks: defaultLocks(),
    tabShops: memoryTabShops(),
    now: () => NOW,
    randomBytes: (k) => new Uint8Array(k).map((_, i) => (i * 7 + 3) & 255),
  });
  const route = createRouter({ policy, handlers: service.handlers });
  return { store, call: <T>(m: unknown, s: SenderInfo = page) => route(m, s) as Promise<Reply<T>> };
}

const ok = <T>(r: Reply<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

async function keyOf(bg: ReturnType<typeof background>): Promise<Uint8Array> {
  const { key } = ok(await bg.call<{ key: string }>({ type: 'gate/key' }, content));
  return new Uint8Array(key.match(/../gu)!.map((h) => parseInt(h, 16)));
}

const job = (orderId: string, overrides?: unknown) => ({
  type: 'print/job-create',
  shop,
  path: 'browser',
  carrier: 'ZTO',
  labelSize: '76x130',
  documents: [{ orderId, trackingNumber: '78901234567890' }],
  ...(overrides ? { overrides } : {}),
});

describe('exception gate in the background', () => {
  it('a refund after selection holds the order at print time; an override passes it and is logged', async () => {
    const bg = background();
    ok(await bg.call({ type: 'orders/seen', shop, orders: [order('3718000000000001')] }, content));
    ok(await bg.call({ type: 'gate/facts', shop, facts: [{ orderId: '3718000000000001' }] }, content));
    // clean: a job can be created
    ok(await bg.call(job('3718000000000001')));
    // the page now shows a refund request
    const facts: OrderFacts[] = [{ orderId: '3718000000000001', flags: { refund: 'requested' } }];
    ok(await bg.call({ type: 'gate/facts', shop, facts }, content));
    const held = await bg.call(job('3718000000000001'));
    expect(held.ok).toBe(false);
    expect(!held.ok && held.error.code).toBe('held');
    expect(!held.ok && held.error.message).toContain('3718000000000001 (refund)');
    // an override of another reason releases nothing
    expect(
      (await bg.call(job('3718000000000001', [{ orderId: '3718000000000001', reason: 'closed' }]))).ok,
    ).toBe(false);
    ok(await bg.call(job('3718000000000001', [{ orderId: '3718000000000001', reason: 'refund' }])));
    const audit = await bg.store.auditLog();
    expect(audit.filter((a) => a.kind === 'gate-override')).toEqual([
      expect.objectContaining({ detail: { orderId: '3718000000000001', reason: 'refund', action: 'print' } }),
    ]);
  });

  it('an address change is caught against the fingerprint recorded when first seen', async () => {
    const bg = background();
    const key = await keyOf(bg);
    ok(await bg.call({ type: 'orders/seen', shop, orders: [order('3718000000000002')] }, content));
    const first = addressFingerprint(key, { address: '广东省广州市天河区花城***', ext: '3639' });
    ok(
      await bg.call(
        { type: 'gate/facts', shop, facts: [{ orderId: '3718000000000002', address: first }] },
        content,
      ),
    );
    const same = ok(
      await bg.call<GateCheckResult>(
        { type: 'gate/check', shop, orderIds: ['3718000000000002'], action: 'bulk-ship' },
        content,
      ),
    );
    expect(same.pass).toEqual(['3718000000000002']);
    const moved = addressFingerprint(key, { address: '广东省深圳市南山区****', ext: '3639' });
    ok(
      await bg.call(
        { type: 'gate/facts', shop, facts: [{ orderId: '3718000000000002', address: moved }] },
        content,
      ),
    );
    const r = ok(
      await bg.call<GateCheckResult>(
        { type: 'gate/check', shop, orderIds: ['3718000000000002'], action: 'bulk-ship' },
        content,
      ),
    );
    expect(r.held).toEqual([
      { orderId: '3718000000000002', holds: [expect.objectContaining({ reason: 'address-changed' })] },
    ]);
    // the baseline is not replaced by the changed address (a second sighting still holds)
    ok(
      await bg.call(
        { type: 'gate/facts', shop, facts: [{ orderId: '3718000000000002', address: moved }] },
        content,
      ),
    );
    const again = ok(
      await bg.call<GateCheckResult>(
        { type: 'gate/check', shop, orderIds: ['3718000000000002'], action: 'seal' },
        content,
      ),
    );
    expect(again.held).toHaveLength(1);
  });

  it('a sealed batch is refused for a held order, and goes with an override', async () => {
    const bg = background();
    ok(
      await bg.call(
        { type: 'orders/seen', shop, orders: [order('3718000000000003', { status: 'cancelled' })] },
        content,
      ),
    );
    const seal = (overrides?: unknown) => ({
      type: 'handoff/seal',
      shop,
      orderIds: ['3718000000000003'],
      supplier: { name: '义乌杯厂' },
      expiresInDays: 7,
      ...(overrides ? { overrides } : {}),
    });
    const r = ok(await bg.call<{ ok: boolean; code?: string; orderId?: string }>(seal()));
    expect(r).toMatchObject({ ok: false, code: 'held', orderId: '3718000000000003' });
    const r2 = ok(await bg.call<{ ok: boolean }>(seal([{ orderId: '3718000000000003', reason: 'closed' }])));
    expect(r2.ok).toBe(true);
  });

  it('a refund after printing raises 已打印，需拦截 with tracking number and carrier until handled', async () => {
    const bg = background();
    ok(await bg.call({ type: 'orders/seen', shop, orders: [order('3718000000000004')] }, content));
    const j = ok(await bg.call<PrintJobView>(job('3718000000000004')));
    const doc = j.documents[0]!;
    ok(
      await bg.call({
        type: 'print/job-mark',
        jobId: j.id,
        marks: [{ documentId: doc.documentId, state: 'sent' }],
      }),
    );
    ok(
      await bg.call({
        type: 'print/job-mark',
        jobId: j.id,
        marks: [{ documentId: doc.documentId, state: 'printed' }],
      }),
    );
    let o = ok(await bg.call<GateOverview>({ type: 'gate/overview', shop }, content));
    expect(o.intercepts).toEqual([]);
    ok(
      await bg.call(
        {
          type: 'gate/facts',
          shop,
          facts: [{ orderId: '3718000000000004', flags: { refund: 'requested' } }],
        },
        content,
      ),
    );
    o = ok(await bg.call<GateOverview>({ type: 'gate/overview', shop }, content));
    expect(o.intercepts).toEqual([
      expect.objectContaining({
        orderId: '3718000000000004',
        label: '已打印，需拦截',
        trackingNumber: '78901234567890',
        carrier: 'ZTO',
        reasons: ['refund'],
      }),
    ]);
    expect(
      ok(
        await bg.call<{ handled: boolean }>(
          { type: 'gate/handled', shop, orderId: '3718000000000004', reasons: ['refund'] },
          content,
        ),
      ).handled,
    ).toBe(true);
    o = ok(await bg.call<GateOverview>({ type: 'gate/overview', shop }, content));
    expect(o.intercepts).toEqual([]);
  });

  it('overview: deadlines (page value wins, policy otherwise), per-day counts, merge groups, held list', async () => {
    const bg = background();
    ok(
      await bg.call(
        {
          type: 'orders/seen',
          shop,
          orders: [
            order('3718000000000005'),
            order('3718000000000006'),
            order('3718000000000007', {
              receiver: { name: '李*', phone: '138****5678', address: '北京市朝阳区****' },
            }),
          ],
        },
        content,
      ),
    );
    ok(
      await bg.call(
        {
          type: 'gate/facts',
          shop,
          facts: [
            { orderId: '3718000000000005', shipBy: NOW + 2 * H },
            { orderId: '3718000000000006', flags: { afterSale: true } },
            { orderId: '3718000000000007', shipBy: NOW - H },
          ],
        },
        content,
      ),
    );
    const o = ok(await bg.call<GateOverview>({ type: 'gate/overview', shop }, content));
    expect(o.due.overdue.map((d) => d.orderId)).toEqual(['3718000000000007']);
    // 0005: page deadline in 2 h; 0006: policy 48 h after creation = 8 h from now
    expect(o.due.dueSoon.map((d) => d.orderId)).toEqual(['3718000000000005', '3718000000000006']);
    expect(o.shipBy['3718000000000006']).toBe(NOW + 8 * H);
    expect(o.perDay).toEqual([{ date: '2026-12-06', count: 3 }]);
    expect(o.groups.map((g) => g.orderIds)).toEqual([['3718000000000005', '3718000000000006']]);
    expect(o.held).toEqual([
      { orderId: '3718000000000006', holds: [expect.objectContaining({ reason: 'after-sale' })] },
    ]);
    const narrow = ok(
      await bg.call<GateOverview>({ type: 'gate/overview', shop, dueWithinHours: 4 }, content),
    );
    expect(narrow.due.dueSoon.map((d) => d.orderId)).toEqual(['3718000000000005']);
  });

  it('facts carrying text where hashes belong are refused', async () => {
    const bg = background();
    const r = await bg.call(
      {
        type: 'gate/facts',
        shop,
        facts: [{ orderId: '1', address: { form: 'plain', hash: '广东省广州市天河区花城广场888号' } }],
      },
      content,
    );
    expect(r.ok).toBe(false);
    const r2 = await bg.call(
      { type: 'gate/facts', shop, facts: [{ orderId: '1', mergeKey: '张三 13812345678' }] },
      content,
    );
    expect(r2.ok).toBe(false);
  });
});
