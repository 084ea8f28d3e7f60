// The storage layer announces exactly the committed writes the stations share (issue 22), once,
// after commit, and not the ones applied from other stations (`quiet`).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { TaughtAdapter } from '../adapters/taught/record';
import { deleteTaughtAdapter, putTaughtAdapter } from './adapter-store';
import { PrintStore } from './print-store';
import { Store } from './store';
import { WriteHub, type StoreWrite } from './sync-outbox';

const shop = { platform: 'douyin', shopId: 'dy1' } as const;
const T = Date.UTC(2026, 11, 7, 3);
const adapter: TaughtAdapter = {
  format: 'shipmask-adapter',
  version: 1,
  host: 'fxg.jinritemai.com',
  path: '/ffa/morder/order/list',
  platform: 'douyin',
  savedAt: T,
  hosts: [],
  row: 'tr.auxo-table-row',
  fields: { orderId: { selector: '[class*="leftWrapper"] span', read: 'orderId' } },
};

function watched(): { store: Store; seen: StoreWrite[] } {
  const store = new Store({ factory: new IDBFactory() });
  const seen: StoreWrite[] = [];
  store.writes.subscribe((w) => seen.push(w));
  return { store, seen };
}

describe('WriteHub', () => {
  it('calls listeners in order, survives a throwing one, and stops after unsubscribe', () => {
    const hub = new WriteHub();
    const got: string[] = [];
    hub.subscribe(() => {
      throw new Error('broken listener');
    });
    const off = hub.subscribe((w) => got.push(w.kind));
    hub.emit({ kind: 'adapterDeleted', host: 'a.example' });
    off();
    hub.emit({ kind: 'adapterDeleted', host: 'a.example' });
    expect(got).toEqual(['adapterDeleted']);
  });
});

describe('Store announces shared writes', () => {
  it('ledger events: only the new ones, once; quiet ones not at all', async () => {
    const { store, seen } = watched();
    const e = (id: string) => ({ id, at: T, event: { type: 'granted', id, at: T, amount: 5 } });
    await store.appendEvents(shop, [e('a'), e('b')], T);
    await store.appendEvents(shop, [e('a'), e('c')], T);
    await store.appendEvents(shop, [e('d')], T, { quiet: true });
    expect(seen.map((w) => (w.kind === 'quotaEvent' ? (w.event as { id: string }).id : w.kind))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('settings (not quiet ones) and gate overrides from the audit log; other audit lines never', async () => {
    const { store, seen } = watched();
    await store.putSettings(shop, { platform: 'douyin', retentionDays: 30 }, T);
    await store.putSettings(shop, { platform: 'douyin', retentionDays: 60 }, T, { quiet: true });
    await store.audit({
      at: T,
      kind: 'gate-override',
      ...shop,
      detail: { orderId: '69', reason: '已核实', action: 'print' },
    });
    await store.audit({ at: T, kind: 'print-job', ...shop, detail: { jobId: 'p1' } });
    expect(seen).toEqual([
      { kind: 'settings', shop, settings: { platform: 'douyin', retentionDays: 30 }, at: T },
      { kind: 'gateOverride', shop, at: T, orderId: '69', reason: '已核实' },
    ]);
  });

  it('print-log lines of a job update, after the commit, with the job shop and carrier', async () => {
    const { store, seen } = watched();
    const prints = new PrintStore(store);
    const job = {
      id: 'p1',
      shop,
      path: 'browser',
      carrier: 'ZTO',
      labelSize: '76x130',
      status: 'running',
      createdAt: T,
      updatedAt: T,
      documents: [],
      counts: { total: 0, queued: 0, sent: 0, printed: 0, failed: 0, canceled: 0 },
    } as const;
    const line = { at: T, jobId: 'p1', orderId: '69', kind: 'printed', trackingNumber: 'ZT1' } as const;
    await prints.updateJob('p1', () => ({ job, log: [line] }));
    await prints.updateJob('p1', () => ({ job, log: [] }));
    expect(seen).toEqual([{ kind: 'printLog', shop, carrier: 'ZTO', lines: [line] }]);
    expect(await prints.logOf(shop, '69')).toHaveLength(0); // the job has no document: not in its log
  });

  it('taught adapters stored and forgotten; quiet ones and absent ones not', async () => {
    const { store, seen } = watched();
    await putTaughtAdapter(store, adapter);
    await putTaughtAdapter(store, adapter, { quiet: true });
    expect(await deleteTaughtAdapter(store, adapter.host)).toBe(true);
    expect(await deleteTaughtAdapter(store, adapter.host)).toBe(false);
    expect(seen).toEqual([
      { kind: 'adapter', adapter },
      { kind: 'adapterDeleted', host: adapter.host },
    ]);
  });
});
