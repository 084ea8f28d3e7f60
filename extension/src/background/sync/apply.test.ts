import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { QuotaEvent, SyncDoc } from '@shipmask/core';
import { describe, expect, it } from 'vitest';
import type { TaughtAdapter } from '../../adapters/taught/record';
import { Store } from '../../storage';
import { getTaughtAdapter, putTaughtAdapter } from '../../storage/adapter-store';
import { addBatch, getBatch, getHandoffConfig, setHandoffConfig } from '../../storage/handoff-store';
import { getSupplierRules } from '../../storage/supplier-rules-store';
import type { StoreWrite } from '../../storage/sync-outbox';
import { GateStore } from '../gate/store';
import type { BatchRecord } from '../../storage/batch-record';
import { queueLocks } from '../shared/locks';
import { applyDocs } from './apply';

const shop = { platform: 'jd', shopId: 'jd-1' } as const;
const T = Date.UTC(2026, 11, 7, 3);
const me = { id: 'st-000000000001', label: '1' };
const two = { id: 'st-000000000002', label: '2' };
const random = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

function setup() {
  const store = new Store({ factory: new IDBFactory() });
  const gates = new GateStore(store, queueLocks(), random);
  const forgotten: string[] = [];
  const announced: StoreWrite[] = [];
  store.writes.subscribe((w) => announced.push(w));
  const deps = { store, gates, forget: (s: { shopId: string }) => forgotten.push(s.shopId), now: () => T };
  return { store, gates, deps, forgotten, announced };
}

const reveal = (id: string, orderKey: string): SyncDoc => ({
  kind: 'quotaEvent',
  shop,
  event: {
    type: 'decrypted',
    id,
    at: T,
    orderKey,
    field: 'phone',
    source: 'backoffice',
    via: 'single',
  } as QuotaEvent,
});

const batch: BatchRecord = {
  id: 'b1',
  platform: 'jd',
  shopId: 'jd-1',
  createdAt: T,
  expiresAt: T + 86_400_000,
  supplier: { id: 's1', name: '义乌仓' },
  passphrase: false,
  orders: [],
  keep: { batchId: 'b1', key: 'AAAA', createdAt: T, expiresAt: T + 86_400_000, orderIds: ['1', '2'] },
  results: {},
  imports: [],
} as unknown as BatchRecord;

const code = (codeId: string, waybill: string, sealedAt: number): SyncDoc => ({
  kind: 'returnCode',
  shop,
  batchId: 'b1',
  codeId,
  results: { '1': { result: { orderId: '1', status: 'shipped', carrier: 'ZTO', waybill }, sealedAt } },
  at: T,
  station: two,
});

describe('applyDocs', () => {
  it('ledger events from other stations: the union, each once, the ledger cache dropped; nothing announced back', async () => {
    const { store, deps, forgotten, announced } = setup();
    const docs = [reveal('c:1', 'k1'), reveal('c:2', 'k2')];
    expect(await applyDocs(deps, docs, me.id)).toEqual({ applied: 2, skipped: 0 });
    expect(await applyDocs(deps, [...docs, reveal('c:3', 'k3')], me.id)).toEqual({ applied: 1, skipped: 0 });
    expect((await store.eventsOf(shop)).map((e) => (e.event as QuotaEvent).id)).toEqual([
      'c:1',
      'c:2',
      'c:3',
    ]);
    expect(forgotten).toEqual(['jd-1', 'jd-1']);
    expect(announced).toEqual([]);
  });

  it('a label printed on station 2 shows as printed here (gate printed record), once', async () => {
    const { deps, gates } = setup();
    const printed: SyncDoc = {
      kind: 'journal',
      shop,
      orderId: '69',
      step: 'printed',
      entryId: 'p1:printed:1',
      trackingNumber: 'ZT1',
      carrier: 'ZTO',
      at: T,
      station: two,
    };
    expect((await applyDocs(deps, [printed], me.id)).applied).toBe(1);
    expect((await applyDocs(deps, [{ ...printed, entryId: 'p2:printed:2', at: T + 9 }], me.id)).applied).toBe(
      0,
    );
    expect((await gates.records(shop))['69']?.printed).toEqual({
      orderId: '69',
      printedAt: T,
      trackingNumber: 'ZT1',
      carrier: 'ZTO',
    });
  });

  it('skips its own set members (already in the main database)', async () => {
    const { deps, gates } = setup();
    const mine: SyncDoc = {
      kind: 'journal',
      shop,
      orderId: '69',
      step: 'printed',
      entryId: 'e',
      at: T,
      station: me,
    };
    expect(await applyDocs(deps, [mine], me.id)).toEqual({ applied: 0, skipped: 0 });
    expect(await gates.records(shop)).toEqual({});
  });

  it('a batch from station 2 is stored once; return codes merge by the replay rule in any order', async () => {
    for (const order of [
      [code('c-new', 'ZT-NEW', T + 20), code('c-old', 'ZT-OLD', T + 10)],
      [code('c-old', 'ZT-OLD', T + 10), code('c-new', 'ZT-NEW', T + 20)],
    ]) {
      const { store, deps, announced } = setup();
      const doc: SyncDoc = {
        kind: 'handoffBatch',
        shop,
        batchId: 'b1',
        record: batch as never,
        at: T,
        station: two,
      };
      // The return codes arrive in the same pass as their batch: the batch is applied first.
      await applyDocs(deps, [...order, doc], me.id);
      await applyDocs(deps, [doc], me.id);
      const stored = await getBatch(store, 'b1');
      expect(stored?.results['1']).toEqual({
        result: { orderId: '1', status: 'shipped', carrier: 'ZTO', waybill: 'ZT-NEW' },
        sealedAt: T + 20,
      });
      expect(announced).toEqual([]);
    }
  });

  it('refuses a batch record for another shop and a return code for an order outside the batch', async () => {
    const { store, deps } = setup();
    await addBatch(store, batch);
    const foreign: SyncDoc = {
      kind: 'handoffBatch',
      shop: { platform: 'jd', shopId: 'other' },
      batchId: 'b9',
      record: { ...batch, id: 'b9' } as never,
      at: T,
      station: two,
    };
    const outside: SyncDoc = {
      ...code('c', 'ZT', T),
      results: {
        '7': { result: { orderId: '7', status: 'shipped', carrier: 'ZTO', waybill: 'x' }, sealedAt: T },
      },
    } as SyncDoc;
    expect(await applyDocs(deps, [foreign], me.id)).toEqual({ applied: 0, skipped: 1 });
    expect(await applyDocs(deps, [outside], me.id)).toEqual({ applied: 0, skipped: 0 });
    expect((await getBatch(store, 'b1'))?.results).toEqual({});
  });

  it('settings pass the popup validator (bad ones skipped); adapters stored and forgotten; overrides audited', async () => {
    const { store, deps } = setup();
    const settings: SyncDoc = {
      kind: 'settings',
      shop,
      settings: { platform: 'jd', retentionDays: 30 },
      at: T,
      station: two,
    };
    const bad: SyncDoc = { ...settings, settings: { platform: 'jd', retentionDays: 99_999 } };
    expect(await applyDocs(deps, [bad], me.id)).toEqual({ applied: 0, skipped: 1 });
    expect(await applyDocs(deps, [settings], me.id)).toEqual({ applied: 1, skipped: 0 });
    expect(await store.getSettings(shop)).toEqual({ platform: 'jd', retentionDays: 30 });

    const adapter = {
      format: 'shipmask-adapter',
      version: 1,
      host: 'shop.jd.com',
      path: '/jdm/trade/orders/order-list',
      platform: 'jd',
      savedAt: T,
      hosts: [],
      row: 'tr',
      fields: { orderId: { selector: 'td', read: 'orderId' } },
    } as TaughtAdapter;
    await applyDocs(
      deps,
      [{ kind: 'adapter', adapterId: 'shop.jd.com', definition: adapter as never, at: T, station: two }],
      me.id,
    );
    expect(await getTaughtAdapter(store, 'shop.jd.com')).toEqual(adapter);
    await applyDocs(
      deps,
      [{ kind: 'adapter', adapterId: 'shop.jd.com', definition: null, at: T + 1, station: two }],
      me.id,
    );
    expect(await getTaughtAdapter(store, 'shop.jd.com')).toBeUndefined();
    await putTaughtAdapter(store, adapter, { quiet: true });
    const broken = {
      kind: 'adapter',
      adapterId: 'shop.jd.com',
      definition: { row: 1 },
      at: T,
      station: two,
    } as SyncDoc;
    expect(await applyDocs(deps, [broken], me.id)).toEqual({ applied: 0, skipped: 1 });

    await applyDocs(
      deps,
      [
        {
          kind: 'gateOverride',
          shop,
          orderId: '69',
          overrideId: 'o1',
          reason: '已核实',
          at: T,
          station: two,
        },
      ],
      me.id,
    );
    expect((await store.auditLog()).map((a) => [a.kind, a.detail])).toEqual([
      ['sync-gate-override', { orderId: '69', reason: '已核实', station: '2' }],
    ]);
  });

  it('batch marks: the earliest instant any station set wins, in any order; none announced back', async () => {
    const { store, deps, announced } = setup();
    await addBatch(store, batch, { quiet: true });
    const mark = (m: 'revoked' | 'shipFile', at: number, station = two): SyncDoc => ({
      kind: 'batchMark',
      shop,
      batchId: 'b1',
      mark: m,
      at,
      station,
    });
    const three = { id: 'st-000000000003', label: '3' };
    expect(await applyDocs(deps, [mark('revoked', T + 50)], me.id)).toEqual({ applied: 1, skipped: 0 });
    expect(await applyDocs(deps, [mark('revoked', T + 20, three)], me.id)).toEqual({
      applied: 1,
      skipped: 0,
    });
    // A later mark (arriving after) changes nothing.
    expect(await applyDocs(deps, [mark('revoked', T + 90, three)], me.id)).toEqual({
      applied: 0,
      skipped: 0,
    });
    await applyDocs(deps, [mark('shipFile', T + 60)], me.id);
    expect(await getBatch(store, 'b1')).toMatchObject({ revokedAt: T + 20, shipFileAt: T + 60 });
    // A mark of a batch this station does not hold, or of another shop's batch: not applied.
    expect(await applyDocs(deps, [{ ...mark('revoked', T), batchId: 'b2' } as SyncDoc], me.id)).toEqual({
      applied: 0,
      skipped: 1,
    });
    expect(
      await applyDocs(
        deps,
        [{ ...mark('shipFile', T), shop: { platform: 'jd', shopId: 'jd-2' } } as SyncDoc],
        me.id,
      ),
    ).toEqual({ applied: 0, skipped: 0 });
    expect((await getBatch(store, 'b1'))?.shipFileAt).toBe(T + 60);
    expect(announced).toEqual([]);
  });

  it('supplier rules: the merged edit saved through the rules validator; an invalid rule set skipped', async () => {
    const { store, deps, announced } = setup();
    const rules = { version: 1, rules: [{ sku: 'SM-001-A', supplier: '义乌杯厂' }] };
    const doc = (r: unknown, station = two): SyncDoc =>
      ({ kind: 'supplierRules', shop, rules: r, at: T + 5, station }) as SyncDoc;
    expect(await applyDocs(deps, [doc({ rules, fallback: '自营仓' })], me.id)).toEqual({
      applied: 1,
      skipped: 0,
    });
    expect(await getSupplierRules(store, shop)).toEqual({ rules, fallback: '自营仓', updatedAt: T + 5 });
    // This station's own edit, when it is the merged winner, is applied too (latest edit wins).
    expect(await applyDocs(deps, [doc({ rules: { version: 1, rules: [] } }, me)], me.id)).toEqual({
      applied: 1,
      skipped: 0,
    });
    expect((await getSupplierRules(store, shop)).rules.rules).toEqual([]);
    for (const bad of [{ rules: { version: 2, rules: [] } }, { rules, fallback: '13812345678' }, [1], null])
      expect(await applyDocs(deps, [doc(bad)], me.id)).toEqual({ applied: 0, skipped: 1 });
    expect(announced).toEqual([]);
  });

  it('hand-off settings: the edit’s base URL; suppliers merged by union, the union announced', async () => {
    const { store, deps, announced } = setup();
    await setHandoffConfig(store, { baseUrl: '', suppliers: [{ name: '本地厂' }, { name: '义乌杯厂' }] }, T, {
      quiet: true,
    });
    const config = {
      baseUrl: 'https://example.com/shipmask/supplier.html',
      suppliers: [{ name: '义乌杯厂', note: '周日不发' }, { name: '温州鞋厂' }],
    };
    const doc = (c: unknown): SyncDoc =>
      ({ kind: 'handoffConfig', config: c, at: T + 9, station: two }) as SyncDoc;
    expect(await applyDocs(deps, [doc(config)], me.id)).toEqual({ applied: 1, skipped: 0 });
    expect(await getHandoffConfig(store)).toEqual({
      baseUrl: config.baseUrl,
      suppliers: [{ name: '义乌杯厂', note: '周日不发' }, { name: '温州鞋厂' }, { name: '本地厂' }],
    });
    // This station knew a supplier the edit lacks: the union goes back out as its own edit.
    expect(announced).toEqual([
      {
        kind: 'handoffConfig',
        config: { baseUrl: config.baseUrl, suppliers: [...config.suppliers, { name: '本地厂' }] },
        at: T,
      },
    ]);
    announced.length = 0;
    // The union arriving back: nothing new here, stored quietly.
    const union = { ...config, suppliers: [...config.suppliers, { name: '本地厂' }] };
    expect(await applyDocs(deps, [doc(union)], me.id)).toEqual({ applied: 1, skipped: 0 });
    expect(await applyDocs(deps, [doc({ baseUrl: 'javascript:alert(1)', suppliers: [] })], me.id)).toEqual({
      applied: 0,
      skipped: 1,
    });
    expect(await applyDocs(deps, [doc({ baseUrl: '' })], me.id)).toEqual({ applied: 0, skipped: 1 });
    expect((await getHandoffConfig(store)).baseUrl).toBe(config.baseUrl);
    expect(announced).toEqual([]);
  });
});
