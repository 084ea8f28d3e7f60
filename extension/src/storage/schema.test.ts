import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { wrap } from 'idb';
import { describe, expect, it } from 'vitest';
import type { OrderView, PlatformId } from '@shipmask/core';
import { Connection, openShipmaskDb, type DbEvent } from './db';
import {
  DB_VERSION,
  migrations,
  type AuditEntry,
  type ShipmaskDb,
  type StoredOrder,
  type StoredQuotaEvent,
  type StoredSettings,
} from './schema';

interface V1Data {
  orders: StoredOrder[];
  events: StoredQuotaEvent[];
  settings: StoredSettings[];
  audit: AuditEntry[];
  meta: { key: string; value: unknown }[];
}

/** Write data into a database created at schema v1 only. */
async function seedV1(factory: IDBFactory, data: V1Data): Promise<void> {
  const db = await openShipmaskDb({ factory, version: 1 });
  expect([...db.objectStoreNames].sort()).toEqual(['audit', 'meta', 'orders', 'quotaEvents', 'settings']);
  const tx = db.transaction(['orders', 'quotaEvents', 'settings', 'audit', 'meta'], 'readwrite');
  await Promise.all([
    ...data.orders.map((o) => tx.objectStore('orders').put(o)),
    ...data.events.map((e) => tx.objectStore('quotaEvents').put(e)),
    ...data.settings.map((s) => tx.objectStore('settings').put(s)),
    ...data.audit.map((a) => tx.objectStore('audit').add(a)),
    ...data.meta.map((m) => tx.objectStore('meta').put(m)),
  ]);
  await tx.done;
  db.close();
}

const platform = fc.constantFrom<PlatformId>('douyin', 'wechat', 'jd');
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
const text = fc.string({ unit: 'grapheme', maxLength: 12 });

const orderArb = fc
  .record({
    platform,
    shopId: text,
    orderId: fc.string({ minLength: 1, maxLength: 20 }),
    status: fc.constantFrom<OrderView['status']>('awaiting_shipment', 'shipped', 'completed', 'cancelled'),
    createdAt: instant,
    completedAt: fc.option(instant, { nil: undefined }),
    firstSeenAt: instant,
    lastSeenAt: instant,
    name: fc.constantFrom('张*', '欧阳**', '李*'),
    phone: fc.constantFrom('132****3639', '13240968483-9647', ''),
    remark: fc.option(text, { nil: undefined }),
  })
  .map((r): StoredOrder => {
    const view: OrderView = {
      platform: r.platform,
      shopId: r.shopId,
      orderId: r.orderId,
      status: r.status,
      createdAt: r.createdAt,
      items: [{ name: '保温杯', quantity: 1 }],
      receiver: { name: r.name, phone: r.phone },
      ...(r.remark !== undefined ? { remark: r.remark } : {}),
      ...(r.completedAt !== undefined ? { completedAt: r.completedAt } : {}),
    };
    return {
      platform: r.platform,
      shopId: r.shopId,
      orderId: r.orderId,
      view,
      firstSeenAt: r.firstSeenAt,
      lastSeenAt: r.lastSeenAt,
      ...(r.completedAt !== undefined ? { completedAt: r.completedAt } : {}),
    };
  });

const eventArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 30 }),
  platform,
  shopId: text,
  at: instant,
  recordedAt: instant,
  event: fc.oneof(
    fc.record({
      type: fc.constant('decrypted'),
      at: instant,
      orderKey: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 64 }),
    }),
    fc.record({ type: fc.constant('platformCounterObserved'), at: instant, remaining: fc.nat() }),
  ),
}) as fc.Arbitrary<StoredQuotaEvent>;

const settingsArb = fc.record({
  platform,
  shopId: text,
  updatedAt: instant,
  settings: fc.record(
    {
      platform,
      shopName: text,
      retentionDays: fc.integer({ min: 1, max: 3650 }),
      language: fc.constantFrom<'zh' | 'en'>('zh', 'en'),
      quota: fc.record({ allowance: fc.nat(), warnAt: fc.double({ min: 0, max: 1, noNaN: true }) }),
    },
    { requiredKeys: ['platform'] },
  ),
});

const v1DataArb: fc.Arbitrary<V1Data> = fc.record({
  orders: fc.uniqueArray(orderArb, {
    maxLength: 15,
    selector: (o) => JSON.stringify([o.platform, o.shopId, o.orderId]),
  }),
  events: fc.uniqueArray(eventArb, { maxLength: 15, selector: (e) => e.id }),
  settings: fc.uniqueArray(settingsArb, {
    maxLength: 5,
    selector: (s) => JSON.stringify([s.platform, s.shopId]),
  }),
  audit: fc.array(fc.record({ at: instant, kind: fc.constantFrom('reveal', 'purge', 'settings') }), {
    maxLength: 5,
  }),
  meta: fc.uniqueArray(fc.record({ key: text, value: fc.jsonValue() }), {
    maxLength: 3,
    selector: (m) => m.key,
  }),
});

/** Open at the current version and read everything back. */
async function readCurrent(factory: IDBFactory) {
  const events: DbEvent[] = [];
  const db = await openShipmaskDb({ factory, onEvent: (e) => events.push(e) });
  const out = {
    version: db.version,
    stores: [...db.objectStoreNames].sort(),
    orders: await db.getAll('orders'),
    events: await db.getAll('quotaEvents'),
    settings: await db.getAll('settings'),
    audit: await db.getAll('audit'),
    meta: await db.getAll('meta'),
    shops: await db.getAll('shops'),
    lifecycle: events,
  };
  db.close();
  return out;
}

const byKey = <T>(xs: readonly T[], key: (x: T) => string): T[] =>
  [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const orderKey = (o: StoredOrder): string => JSON.stringify([o.platform, o.shopId, o.orderId]);
const shopKeyOf = (s: { platform: string; shopId: string }): string => JSON.stringify([s.platform, s.shopId]);

/** The v1 → current check: every v1 record is still there, unchanged; shops are backfilled. */
async function assertUpgradeKeepsEverything(data: V1Data): Promise<void> {
  const factory = new IDBFactory();
  await seedV1(factory, data);
  const now = await readCurrent(factory);
  expect(now.version).toBe(DB_VERSION);
  expect(now.lifecycle).toContainEqual({ type: 'upgraded', from: 1, to: DB_VERSION });
  expect(now.stores).toEqual(
    [
      'audit',
      'batches',
      'meta',
      'orders',
      'printJobs',
      'printLog',
      'quotaEvents',
      'settings',
      'shops',
      'supplierRules',
    ].sort(),
  );
  expect(byKey(now.orders, orderKey)).toEqual(byKey(data.orders, orderKey));
  expect(byKey(now.events, (e) => e.id)).toEqual(byKey(data.events, (e) => e.id));
  expect(byKey(now.settings, shopKeyOf)).toEqual(byKey(data.settings, shopKeyOf));
  expect(now.audit.map(({ seq: _seq, ...a }) => a)).toEqual(data.audit);
  expect(byKey(now.meta, (m) => m.key)).toEqual(byKey(data.meta, (m) => m.key));
  // Every shop named anywhere in v1 is in the registry, with the earliest and latest instants.
  const expected = new Map<string, { first: number; last: number }>();
  const note = (s: { platform: string; shopId: string }, at: number): void => {
    const k = shopKeyOf(s);
    const e = expected.get(k);
    expected.set(
      k,
      e ? { first: Math.min(e.first, at), last: Math.max(e.last, at) } : { first: at, last: at },
    );
  };
  for (const o of data.orders) note(o, o.firstSeenAt);
  for (const s of data.settings) note(s, s.updatedAt);
  for (const e of data.events) note(e, e.at);
  expect(now.shops).toHaveLength(expected.size);
  for (const s of now.shops) {
    expect(expected.get(shopKeyOf(s))).toEqual({ first: s.firstSeenAt, last: s.lastSeenAt });
  }
}

describe('schema migrations', () => {
  it('has one step per version', () => {
    expect(migrations).toHaveLength(DB_VERSION);
  });

  it('creates every store on a fresh install', async () => {
    const now = await readCurrent(new IDBFactory());
    expect(now.lifecycle).toContainEqual({ type: 'upgraded', from: 0, to: DB_VERSION });
    expect(now.stores).toContain('printJobs');
    expect(now.stores).toContain('batches');
    expect(now.orders).toEqual([]);
  });

  it('upgrades a known v1 database without losing anything', async () => {
    const view: OrderView = {
      platform: 'wechat',
      shopId: 'demo',
      orderId: '3718000000000001',
      status: 'completed',
      createdAt: Date.UTC(2026, 9, 1),
      completedAt: Date.UTC(2026, 9, 9),
      items: [{ name: '保温杯', quantity: 2 }],
      receiver: { name: '张*', phone: '132****3639', virtual: { main: '13476567876', ext: '3639' } },
    };
    await assertUpgradeKeepsEverything({
      orders: [
        {
          platform: 'wechat',
          shopId: 'demo',
          orderId: view.orderId,
          view,
          firstSeenAt: Date.UTC(2026, 9, 2),
          lastSeenAt: Date.UTC(2026, 9, 10),
          completedAt: view.completedAt!,
        },
      ],
      events: [
        {
          id: 'click:1',
          platform: 'wechat',
          shopId: 'demo',
          at: Date.UTC(2026, 9, 3),
          recordedAt: Date.UTC(2026, 9, 3),
          event: { type: 'decrypted', orderKey: 'ab12' },
        },
        {
          id: 'click:2',
          platform: 'douyin',
          shopId: 'other',
          at: Date.UTC(2026, 8, 3),
          recordedAt: Date.UTC(2026, 8, 3),
          event: { type: 'decrypted', orderKey: 'cd34' },
        },
      ],
      settings: [
        {
          platform: 'jd',
          shopId: 'j1',
          updatedAt: Date.UTC(2026, 7, 1),
          settings: { platform: 'jd', retentionDays: 30 },
        },
      ],
      audit: [{ at: 1, kind: 'purge', detail: { purged: 3 } }],
      meta: [{ key: 'hmacKey', value: new Uint8Array(32).fill(7) }],
    });
  });

  it('property: random v1 data survives the upgrade to the current version', async () => {
    await fc.assert(fc.asyncProperty(v1DataArb, assertUpgradeKeepsEverything), { numRuns: 500 });
  }, 120_000);

  it('upgrades a v2 database to v3: every store and record kept, supplierRules added empty', async () => {
    const factory = new IDBFactory();
    const v2db = await openShipmaskDb({ factory, version: 2 });
    const batch = { id: 'q3Zk8Jd0WcLm', platform: 'douyin' as const, shopId: 's1', createdAt: 5, orders: [] };
    const job = { id: 'j1', platform: 'wechat' as const, shopId: 'w1', createdAt: 6, state: 'done' };
    await v2db.put('batches', batch);
    await v2db.put('printJobs', job);
    await v2db.add('printLog', { jobId: 'j1', at: 7, line: 1 });
    await v2db.put('shops', { platform: 'douyin', shopId: 's1', firstSeenAt: 1, lastSeenAt: 2 });
    await v2db.put('meta', { key: 'handoff:config', value: { baseUrl: '', suppliers: [{ name: '杯厂' }] } });
    v2db.close();
    const events: DbEvent[] = [];
    const db = await openShipmaskDb({ factory, onEvent: (e) => events.push(e) });
    expect(events).toContainEqual({ type: 'upgraded', from: 2, to: 3 });
    expect(await db.getAll('batches')).toEqual([batch]);
    expect(await db.getAll('printJobs')).toEqual([job]);
    expect((await db.getAll('printLog')).map(({ seq: _s, ...l }) => l)).toEqual([
      { jobId: 'j1', at: 7, line: 1 },
    ]);
    expect(await db.getAll('shops')).toHaveLength(1);
    expect(await db.get('meta', 'handoff:config')).toEqual({
      key: 'handoff:config',
      value: { baseUrl: '', suppliers: [{ name: '杯厂' }] },
    });
    expect(await db.getAll('supplierRules')).toEqual([]);
    db.close();
  });

  it('refuses to open a database from a newer build and keeps its data', async () => {
    const factory = new IDBFactory();
    const future = factory.open('shipmask', DB_VERSION + 1);
    await new Promise<void>((resolve) => {
      future.onupgradeneeded = () => future.result.createObjectStore('fromTheFuture');
      future.onsuccess = () => {
        future.result.close();
        resolve();
      };
    });
    await expect(openShipmaskDb({ factory })).rejects.toThrow();
    const again = factory.open('shipmask');
    await new Promise<void>((resolve) => {
      again.onsuccess = () => {
        expect([...again.result.objectStoreNames]).toEqual(['fromTheFuture']);
        again.result.close();
        resolve();
      };
    });
  });
});

describe('connection lifecycle', () => {
  it('closes on versionchange so an upgrade elsewhere is not blocked, then reopens', async () => {
    const factory = new IDBFactory();
    const events: DbEvent[] = [];
    const conn = new Connection({ factory, version: 1, onEvent: (e) => events.push(e) });
    const first = await conn.get();
    await first.put('meta', { key: 'k', value: 1 });
    // Another context (a newer worker) opens at v2: our v1 connection must step aside.
    const upgraded = await openShipmaskDb({ factory, version: 2 });
    expect(events).toContainEqual({ type: 'versionchange', to: 2 });
    expect(upgraded.version).toBe(2);
    upgraded.close();
    // The connection reopens on next use; the data is still there.
    const conn2 = new Connection({ factory });
    const second = await conn2.get();
    expect(second).not.toBe(first);
    expect(await second.get('meta', 'k')).toEqual({ key: 'k', value: 1 });
    await conn2.close();
  });

  it('reports blocked when an old connection does not close, and opens once it does', async () => {
    const factory = new IDBFactory();
    // A raw connection with no versionchange handler: it blocks upgrades until closed.
    const raw = factory.open('shipmask', 1);
    const rawDb = await new Promise<IDBDatabase>((resolve) => {
      raw.onupgradeneeded = () => {
        migrations[0]!(wrap(raw.result) as ShipmaskDb, wrap(raw.transaction!) as never);
      };
      raw.onsuccess = () => resolve(raw.result);
    });
    const events: DbEvent[] = [];
    const opening = new Connection({ factory, onEvent: (e) => events.push(e) }).get();
    await new Promise((r) => setTimeout(r, 20));
    expect(events.some((e) => e.type === 'blocked')).toBe(true);
    rawDb.close();
    const db = await opening;
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });
});
