import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, chinaMidnight, type OrderView } from '@shipmask/core';
import type { OrdersSeenResult } from '../messages/orders';
import type { DailyReveals, QuotaView, RevealResult } from '../messages/quota';
import type { Reply, ShopRef } from '../messages/shared';
import type { SettingsView } from '../messages/shops';
import { Store } from '../storage';
import { defaultLocks, queueLocks, type Locks } from './shared/locks';
import { runRetention, runRetentionIfDue } from './orders/retention';
import { createRouter } from './router';
import type { SenderInfo, SenderPolicy } from './shared/sender';
import { Ledgers } from './quota/ledgers';
import { quotaView } from './quota/view';
import { effectiveRule } from './quota/rules';
import { createService } from './service';
import { memoryTabShops } from './shops/tab-shops';

const EXT = 'testextensionid';
const policy: SenderPolicy = {
  extensionId: EXT,
  extensionOrigin: `chrome-extension://${EXT}/`,
  allowDemo: true,
};
const tab = (id: number): SenderInfo => ({
  id: EXT,
  url: 'http://127.0.0.1:4173/wechat/orders',
  tab: { id },
});
const popup: SenderInfo = { id: EXT, url: `chrome-extension://${EXT}/popup.html` };

const wechat: ShopRef = { platform: 'wechat', shopId: 'demo' };
const douyin: ShopRef = { platform: 'douyin', shopId: 'dy1' };
/** 2026-11-15 12:00 China time. */
const NOW = chinaMidnight(2026, 11, 15) + 12 * 3600_000;

function order(shop: ShopRef, orderId: string, extra: Partial<OrderView> = {}): OrderView {
  return {
    platform: shop.platform,
    shopId: shop.shopId,
    orderId,
    status: 'awaiting_shipment',
    createdAt: NOW - DAY_MS,
    items: [{ name: '保温杯', quantity: 1 }],
    receiver: { name: '张*', phone: '132****3639' },
    ...extra,
  };
}

/** One background over one fake IndexedDB; `restart()` is a terminated and restarted worker. */
function harness(options: { factory?: IDBFactory; locks?: Locks; now?: () => number } = {}) {
  const factory = options.factory ?? new IDBFactory();
  let clock = options.now ?? (() => NOW);
  let bytes = 0;
  const make = () => {
    const store = new Store({ factory });
    const service = createService({
      store,
      locks: options.locks ?? defaultLocks(),
      tabShops: memoryTabShops(),
      now: () => clock(),
      randomBytes: (n) => {
        bytes += n;
        return crypto.getRandomValues(new Uint8Array(n));
      },
    });
    const route = createRouter({ policy, handlers: service.handlers });
    return { store, service, route };
  };
  let bg = make();
  return {
    factory,
    get bg() {
      return bg;
    },
    get randomBytesDrawn() {
      return bytes;
    },
    setNow(f: () => number) {
      clock = f;
    },
    async send<T>(message: unknown, sender: SenderInfo = tab(1)): Promise<T> {
      const reply = (await bg.route(message, sender)) as Reply<T>;
      if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
      return reply.value;
    },
    async restart() {
      await bg.store.connection.close();
      bg = make();
    },
  };
}

const reveal = (shop: ShopRef, orderId: string, clickId: string, at = NOW) => ({
  type: 'reveal/recorded',
  shop,
  orderId,
  field: 'all',
  at,
  clickId,
});

describe('orders', () => {
  it('stores masked orders once per key, keeps the first sighting, registers the shop', async () => {
    const h = harness();
    const r1 = await h.send<OrdersSeenResult>({
      type: 'orders/seen',
      shop: wechat,
      orders: [order(wechat, 'a'), order(wechat, 'b')],
    });
    expect(r1).toEqual({ stored: 2, added: 2 });
    h.setNow(() => NOW + 1000);
    // The same rows again within the hour: nothing to write.
    await h.send({ type: 'orders/seen', shop: wechat, orders: [order(wechat, 'a')] });
    expect((await h.bg.store.ordersOf(wechat)).find((o) => o.orderId === 'a')!.lastSeenAt).toBe(NOW);
    const r2 = await h.send<OrdersSeenResult>({
      type: 'orders/seen',
      shop: wechat,
      orders: [order(wechat, 'b', { status: 'shipped' }), order(wechat, 'c')],
    });
    expect(r2).toEqual({ stored: 2, added: 1 });
    const stored = await h.bg.store.ordersOf(wechat);
    expect(stored.map((o) => o.orderId).sort()).toEqual(['a', 'b', 'c']);
    const b = stored.find((o) => o.orderId === 'b')!;
    expect(b.firstSeenAt).toBe(NOW);
    expect(b.lastSeenAt).toBe(NOW + 1000);
    expect(b.view.status).toBe('shipped');
    const shops = await h.send<{ platform: string; shopId: string }[]>({ type: 'shops/list' }, popup);
    expect(shops.map((s) => [s.platform, s.shopId])).toEqual([['wechat', 'demo']]);
  });

  it('keeps one language for every page: Chinese until set, then what was set (issue 21 item 9)', async () => {
    const h = harness();
    expect(await h.send({ type: 'ui/language' }, tab(3))).toBe('zh');
    expect(await h.send({ type: 'ui/language/set', language: 'en' }, tab(3))).toBe('en');
    expect(await h.send({ type: 'ui/language' }, popup)).toBe('en');
    await expect(h.send({ type: 'ui/language/set', language: 'fr' }, popup)).rejects.toThrow(/language/u);
    expect(await h.send({ type: 'ui/language' }, popup)).toBe('en');
  });

  it('names a shop as the page shows it, unless the merchant named it in the popup (issue 21)', async () => {
    const h = harness();
    await h.send({ type: 'orders/seen', shop: wechat, shopName: '禾木生活馆', orders: [order(wechat, 'a')] });
    const list = () => h.send<{ shopName?: string }[]>({ type: 'shops/list' }, popup);
    expect((await list())[0]!.shopName).toBe('禾木生活馆');
    expect(await h.bg.store.displayName(wechat)).toBe('禾木生活馆');
    expect(await h.bg.store.displayName(douyin)).toBe('dy1');
    // Seen again later: the name stays (touching the shop keeps it).
    await h.send({ type: 'orders/seen', shop: wechat, orders: [order(wechat, 'b')] });
    expect((await list())[0]!.shopName).toBe('禾木生活馆');
    // The popup's own name wins.
    await h.send(
      { type: 'settings/set', shop: wechat, settings: { platform: 'wechat', shopName: '我的小店' } },
      popup,
    );
    expect((await list())[0]!.shopName).toBe('我的小店');
    // A name holding a long number is refused by the validator.
    await expect(
      h.send({ type: 'orders/seen', shop: wechat, shopName: '店 13812345678', orders: [] }),
    ).rejects.toThrow(/shopName/u);
  });

  it('a summary (page swap) keeps the detail a selection stored; a new order is stored as summarised', async () => {
    const h = harness();
    const detail = order(wechat, 'a', {
      remark: '请尽快发货',
      items: [{ name: '保温杯', quantity: 2, sku: 'B-1' }],
    });
    await h.send({ type: 'orders/seen', shop: wechat, orders: [detail] });
    h.setNow(() => NOW + 1000);
    const summary = (o: OrderView): OrderView => {
      const { remark: _remark, ...rest } = o;
      return { ...rest, items: [] };
    };
    const r = await h.send<OrdersSeenResult>({
      type: 'orders/seen',
      shop: wechat,
      orders: [summary({ ...detail, status: 'shipped' }), summary(order(wechat, 'b', { remark: 'x' }))],
      summary: true,
    });
    expect(r).toEqual({ stored: 2, added: 1 });
    const stored = await h.bg.store.ordersOf(wechat);
    const a = stored.find((o) => o.orderId === 'a')!;
    expect(a.view).toEqual({ ...detail, status: 'shipped' });
    expect(stored.find((o) => o.orderId === 'b')!.view).toEqual(summary(order(wechat, 'b')));
    // Without the flag a view replaces the stored one whole (the selection's fresh read).
    await h.send({ type: 'orders/seen', shop: wechat, orders: [summary(detail)] });
    expect((await h.bg.store.ordersOf(wechat)).find((o) => o.orderId === 'a')!.view).toEqual(summary(detail));
    await expect(h.send({ type: 'orders/seen', shop: wechat, orders: [], summary: false })).rejects.toThrow(
      /invalid-message.*summary/u,
    );
  });

  it('never stores an order carrying plaintext', async () => {
    const h = harness();
    const reply = await h.bg.route(
      {
        type: 'orders/seen',
        shop: wechat,
        orders: [order(wechat, 'x', { receiver: { phone: '13240968483' } })],
      },
      tab(1),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await h.bg.store.ordersOf(wechat)).toEqual([]);
  });
});

describe('ledger persistence', () => {
  it('records reveals with a keyed hash, never the order id, and survives a restart', async () => {
    const h = harness();
    const first = await h.send<RevealResult>(reveal(wechat, '3718000000000001', 'k1'));
    expect(first.counted).toBe(true);
    expect(first.quota).toMatchObject({ used: 1, limit: 500, remaining: 499, level: 'ok' });
    // A retried message (same clickId) is not counted twice.
    const retry = await h.send<RevealResult>(reveal(wechat, '3718000000000001', 'k1'));
    expect(retry).toMatchObject({ counted: false, quota: { used: 1 } });
    await h.send<RevealResult>(reveal(wechat, '3718000000000001', 'k2'));

    const events = await h.bg.store.eventsOf(wechat);
    expect(events).toHaveLength(2);
    const dump = JSON.stringify(events);
    expect(dump).not.toContain('3718000000000001');
    expect(events.every((e) => /^[0-9a-f]{64}$/u.test((e.event as { orderKey: string }).orderKey))).toBe(
      true,
    );
    // Same order, same key (matching works); the HMAC key was drawn once.
    expect(new Set(events.map((e) => (e.event as { orderKey: string }).orderKey)).size).toBe(1);
    expect(h.randomBytesDrawn).toBe(32);

    await h.restart();
    const after = await h.send<QuotaView>({ type: 'quota/status', shop: wechat });
    expect(after).toMatchObject({ used: 2, remaining: 498 });
    // The key is read back, not drawn again: the same order still hashes the same.
    await h.send<RevealResult>(reveal(wechat, '3718000000000001', 'k3'));
    const keys = (await h.bg.store.eventsOf(wechat)).map((e) => (e.event as { orderKey: string }).orderKey);
    expect(new Set(keys).size).toBe(1);
    expect(h.randomBytesDrawn).toBe(32);
  });

  it('replays to the same meter as the live ledger (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom('reveal', 'reveal', 'reveal', 'counter', 'order'),
            order: fc.integer({ min: 1, max: 8 }),
            // Up to four months back: older than the replay window (from the previous month).
            offset: fc.oneof(
              fc.integer({ min: -20 * DAY_MS, max: 0 }),
              fc.integer({ min: -120 * DAY_MS, max: 0 }),
            ),
            remaining: fc.integer({ min: 0, max: 600 }),
          }),
          { maxLength: 25 },
        ),
        fc.constantFrom(wechat, douyin),
        async (steps, shop) => {
          const h = harness({ locks: queueLocks() });
          let i = 0;
          for (const s of steps) {
            const at = NOW + s.offset;
            if (s.kind === 'reveal') await h.send(reveal(shop, `o${s.order}`, `c${i++}`, at));
            else if (s.kind === 'counter')
              await h.send({ type: 'counter/observed', shop, remaining: s.remaining, at });
            else
              await h.send({
                type: 'orders/seen',
                shop,
                orders: [order(shop, `o${s.order}`, { createdAt: at })],
              });
          }
          const live = await h.send<QuotaView>({ type: 'quota/status', shop });
          await h.restart();
          const replayed = await h.send<QuotaView>({ type: 'quota/status', shop });
          expect(replayed).toEqual(live);
          // The windowed replay reads exactly like a replay of every event.
          const full = new Ledgers({
            store: h.bg.store,
            locks: queueLocks(),
            randomBytes: () => new Uint8Array(32),
          });
          const rule = effectiveRule(shop.platform, await h.bg.store.getSettings(shop));
          expect(quotaView(await full.ledger(shop), rule, NOW)).toEqual(replayed);
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it('a windowed replay keeps the first event time (burn rate) of a full replay', async () => {
    const h = harness();
    await h.send(reveal(wechat, 'old', 'old', NOW - 100 * DAY_MS)); // before the replay window
    for (let i = 0; i < 50; i++) await h.send(reveal(wechat, `o${i}`, `c${i}`, NOW - 3600_000));
    await h.restart();
    const windowed = await h.send<QuotaView>({ type: 'quota/status', shop: wechat });
    const full = new Ledgers({
      store: h.bg.store,
      locks: queueLocks(),
      randomBytes: () => new Uint8Array(32),
    });
    expect(quotaView(await full.ledger(wechat), effectiveRule('wechat'), NOW)).toEqual(windowed);
    // 50 decrypts over the trailing 7 days do not empty 450 before the month ends.
    expect(windowed).toMatchObject({ used: 50, exhaustsAt: null });
  });

  it('counts orders once for ratio rules (Douyin 5%)', async () => {
    const h = harness();
    const orders = Array.from({ length: 40 }, (_, i) => order(douyin, `d${i}`));
    await h.send({ type: 'orders/seen', shop: douyin, orders });
    await h.send({ type: 'orders/seen', shop: douyin, orders }); // seen again: no double count
    const q = await h.send<QuotaView>({ type: 'quota/status', shop: douyin });
    expect(q).toMatchObject({ used: 0, limit: 2, remaining: 2 });
    // One event per China day of creation, not one per order.
    const counted = (await h.bg.store.eventsOf(douyin)).map(
      (e) => e.event as { type: string; count: number },
    );
    expect(counted).toEqual([expect.objectContaining({ type: 'orderCounted', count: 40 })]);
    // Orders of two days (and some known ones) in one call: two events, new orders only.
    const more = [
      ...orders.slice(0, 5),
      ...Array.from({ length: 3 }, (_, i) => order(douyin, `e${i}`, { createdAt: NOW - 3 * DAY_MS })),
      ...Array.from({ length: 17 }, (_, i) => order(douyin, `f${i}`)),
    ];
    await h.send({ type: 'orders/seen', shop: douyin, orders: more });
    const counts = (await h.bg.store.eventsOf(douyin)).map((e) => (e.event as { count: number }).count);
    expect(counts.sort((a, b) => a - b)).toEqual([3, 17, 40]);
    expect(await h.send<QuotaView>({ type: 'quota/status', shop: douyin })).toMatchObject({ limit: 3 });
    await h.restart();
    expect(await h.send<QuotaView>({ type: 'quota/status', shop: douyin })).toMatchObject({ limit: 3 });
  });

  it('reconciles with the platform counter', async () => {
    const h = harness();
    await h.send(reveal(wechat, 'o1', 'c1', NOW - 1000));
    // The page says 480 left where we think 499: the platform wins.
    const q = await h.send<QuotaView>({ type: 'counter/observed', shop: wechat, remaining: 480, at: NOW });
    expect(q).toMatchObject({ used: 1, remaining: 480, drift: -19, limit: 481, source: 'platform' });
    // 499 (ours) vs 480 (the page): 19 apart, 4% of 481: not worth a sentence.
    expect(q.localRemaining).toBeNull();
  });

  it('applies settings overrides to the rule', async () => {
    const h = harness();
    await h.send<SettingsView>(
      {
        type: 'settings/set',
        shop: wechat,
        settings: { platform: 'wechat', quota: { allowance: 3, warnAt: 0.5 } },
      },
      popup,
    );
    await h.send(reveal(wechat, 'o1', 'c1'));
    await h.send(reveal(wechat, 'o2', 'c2'));
    expect(await h.send<QuotaView>({ type: 'quota/status', shop: wechat })).toMatchObject({
      used: 2,
      limit: 3,
      remaining: 1,
      level: 'warn',
    });
    await h.send(reveal(wechat, 'o3', 'c3'));
    expect(await h.send<QuotaView>({ type: 'quota/status', shop: wechat })).toMatchObject({
      level: 'exhausted',
    });
    const view = await h.send<SettingsView>({ type: 'settings/get', shop: wechat }, popup);
    expect(view).toMatchObject({
      saved: true,
      settings: { quota: { allowance: 3 } },
      defaults: { allowance: 500 },
    });
  });
});

describe('every accepted reveal counts exactly once', () => {
  it('property: any valid clickId / orderId / shopId is stored and counted once', async () => {
    const id = (max: number) =>
      fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: max })
        // eslint-disable-next-line no-control-regex -- the validator refuses control characters
        .filter((x) => !/[\u0000-\u001f\u007f]/u.test(x));
    await fc.assert(
      fc.asyncProperty(
        id(200),
        fc.uniqueArray(fc.record({ clickId: id(128), orderId: id(200) }), {
          selector: (r) => r.clickId,
          maxLength: 8,
        }),
        async (shopId, clicks) => {
          const h = harness({ locks: queueLocks() });
          const shop: ShopRef = { platform: 'wechat', shopId };
          for (const c of [...clicks, ...clicks]) {
            const reply = await h.bg.route(reveal(shop, c.orderId, c.clickId), tab(1));
            expect(reply.ok).toBe(true);
          }
          const q = await h.send<QuotaView>({ type: 'quota/status', shop });
          expect(q.used).toBe(clicks.length);
          expect(await h.bg.store.eventsOf(shop)).toHaveLength(clicks.length);
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});

describe('concurrent debits', () => {
  it('5 tabs × 40 parallel reveals of one shop give exactly 200', async () => {
    const h = harness();
    const sends: Promise<unknown>[] = [];
    for (let t = 1; t <= 5; t++) {
      for (let i = 0; i < 40; i++) sends.push(h.send(reveal(wechat, `o${i}`, `t${t}-${i}`), tab(t)));
    }
    // Some retried messages in the mix (same clickIds): not counted again.
    for (let i = 0; i < 10; i++) sends.push(h.send(reveal(wechat, `o${i}`, `t1-${i}`), tab(1)));
    await Promise.all(sends);
    expect(await h.send<QuotaView>({ type: 'quota/status', shop: wechat })).toMatchObject({
      used: 200,
      remaining: 300,
    });
    expect(await h.bg.store.eventsOf(wechat)).toHaveLength(200);
    await h.restart();
    expect(await h.send<QuotaView>({ type: 'quota/status', shop: wechat })).toMatchObject({ used: 200 });
  });

  it('two shops in parallel do not mix', async () => {
    const h = harness();
    await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => h.send(reveal(wechat, `o${i}`, `w${i}`))),
      ...Array.from({ length: 30 }, (_, i) => h.send(reveal(douyin, `o${i}`, `w${i}`))),
    ]);
    expect(await h.send<QuotaView>({ type: 'quota/status', shop: wechat })).toMatchObject({ used: 30 });
    expect(await h.send<QuotaView>({ type: 'quota/status', shop: douyin })).toMatchObject({ used: 30 });
  });
});

describe('reveals per day', () => {
  it('buckets decrypts by China day, oldest first, with the allowance left per day', async () => {
    const h = harness();
    // 2026-11-15 00:30 China time is 2026-11-14 16:30 UTC: it belongs to the 15th.
    await h.send(reveal(wechat, 'a', 'c1', chinaMidnight(2026, 11, 15) + 30 * 60_000));
    await h.send(reveal(wechat, 'b', 'c2', chinaMidnight(2026, 11, 15) - 60_000)); // 14th, 23:59
    await h.send(reveal(wechat, 'c', 'c3', chinaMidnight(2026, 11, 13) + 1));
    await h.send(reveal(wechat, 'd', 'c4', chinaMidnight(2026, 10, 1))); // outside the window
    const d = await h.send<DailyReveals>({ type: 'reveals/daily', shop: wechat, days: 30 }, popup);
    expect(d.days).toHaveLength(30);
    expect(d.days.at(-1)).toMatchObject({ date: '2026-11-15', count: 1 });
    expect(d.days.at(-2)).toMatchObject({ date: '2026-11-14', count: 1 });
    expect(d.days.at(-3)).toMatchObject({ date: '2026-11-13', count: 1 });
    expect(d.days[0]!.date).toBe('2026-10-17');
    expect(d.days.reduce((s, x) => s + x.count, 0)).toBe(3);
    // 497 left this month (3 reveals of 500), over the 16 days from the 15th to the 30th.
    expect(d.dailyShare).toBeCloseTo(497 / 16, 6);
  });
});

describe('retention', () => {
  it('purges orders 90 days after completion by default, per-shop settings override', async () => {
    const h = harness();
    const done = (id: string, completedAt: number) => order(wechat, id, { status: 'completed', completedAt });
    await h.send({
      type: 'orders/seen',
      shop: wechat,
      orders: [
        done('old', NOW - 91 * DAY_MS),
        done('edge', NOW - 90 * DAY_MS),
        done('recent', NOW - 10 * DAY_MS),
        order(wechat, 'open', { createdAt: NOW - 400 * DAY_MS }),
      ],
    });
    await h.send({
      type: 'orders/seen',
      shop: douyin,
      orders: [order(douyin, 'dy', { status: 'completed', completedAt: NOW - 20 * DAY_MS })],
    });
    await h.send(
      { type: 'settings/set', shop: douyin, settings: { platform: 'douyin', retentionDays: 14 } },
      popup,
    );

    const r = await runRetention(h.bg.store, NOW);
    expect(r.purged).toBe(3);
    expect((await h.bg.store.ordersOf(wechat)).map((o) => o.orderId).sort()).toEqual(['open', 'recent']);
    expect(await h.bg.store.ordersOf(douyin)).toEqual([]);
    expect((await h.bg.store.auditLog()).some((a) => a.kind === 'retention-purge')).toBe(true);
    // Audit entries older than a year go too.
    await h.bg.store.audit({ at: NOW - 400 * DAY_MS, kind: 'old' });
    await runRetention(h.bg.store, NOW);
    expect((await h.bg.store.auditLog()).some((a) => a.kind === 'old')).toBe(false);
    // The start-up run is throttled to once an hour.
    expect(await runRetentionIfDue(h.bg.store, NOW + 60_000)).toBeUndefined();
    expect(await runRetentionIfDue(h.bg.store, NOW + 2 * 3600_000)).toMatchObject({ purged: 0 });
  });

  it('starts retention when an order is first seen completed without a date', async () => {
    const h = harness();
    await h.send({
      type: 'orders/seen',
      shop: wechat,
      orders: [order(wechat, 'c', { status: 'cancelled' })],
    });
    h.setNow(() => NOW + 5 * DAY_MS);
    await h.send({
      type: 'orders/seen',
      shop: wechat,
      orders: [order(wechat, 'c', { status: 'cancelled' })],
    });
    const [o] = await h.bg.store.ordersOf(wechat);
    expect(o!.completedAt).toBe(NOW);
    expect((await runRetention(h.bg.store, NOW + 89 * DAY_MS)).purged).toBe(0);
    expect((await runRetention(h.bg.store, NOW + 90 * DAY_MS)).purged).toBe(1);
  });
});

describe('tabs', () => {
  it('remembers which shop each tab reported, for the popup', async () => {
    const h = harness();
    await h.send({ type: 'quota/status', shop: douyin }, tab(4));
    expect(await h.send({ type: 'shops/active', tabId: 4 }, popup)).toEqual(douyin);
    expect(await h.send({ type: 'shops/active', tabId: 5 }, popup)).toBeNull();
    // An extension page opened in a tab is not a shop's tab.
    await h.send({ type: 'quota/status', shop: wechat }, { ...popup, tab: { id: 6 } });
    expect(await h.send({ type: 'shops/active', tabId: 6 }, popup)).toBeNull();
  });
});
