/**
 * Apply documents pulled from the shop's other stations into the main `shipmask` database, which
 * stays the store the rest of the extension reads (issue 22, deliver 2). Every write here is
 * `quiet` (storage/sync-outbox.ts): it is not announced back as this station's own write.
 *
 * Rules, one per kind (documents are the merged view, core `resolveDocument`):
 * - `quotaEvent`: appended to the shop's ledger, idempotent by event id and content; the union of
 *   every station's events is the shared quota, exact because each event is stored once;
 * - `journal` (`printed` / `reprinted` on another station): the order's gate record gets its
 *   printed record (tracking number, carrier, when) if it has none, so the order shows as printed
 *   here and a later refund or address change raises the intercept notice on every station;
 * - `claim`: nothing (claims are read from the sync mirror by the print path);
 * - `handoffBatch`: stored if this station does not have it (a batch record is written once);
 * - `returnCode`: its results merged into the batch by core's replay rule
 *   (`compareStoredResults`: the later-sealed result wins, equal instants by content), so imports
 *   on different stations in any order end with the same results;
 * - `gateOverride`: an audit line `sync-gate-override` (order id, reason, station label) so the
 *   override is visible here; it is not re-announced;
 * - `batchMark` (a batch revoked, or its bulk-ship file made, on another station): the batch gets
 *   the mark at the EARLIEST instant any station set it, so marks arriving in any order end the
 *   same on every station; a revoked batch then refuses return codes here too;
 * - `adapter`: stored, or forgotten when its definition is `null` (latest edit wins);
 * - `settings`: saved if they pass the same validator as the popup's `settings/set` (latest edit
 *   wins; the sync report names the edit that lost);
 * - `supplierRules`: saved if they pass the validator of `handoff/rules/set` (latest edit wins);
 * - `handoffConfig`: the link base URL of the latest edit (validator of `handoff/config/set`);
 *   the suppliers used merge by union: the edit's list first, then this station's others (at
 *   most 50); when this station knew suppliers the edit lacks, the union is announced as this
 *   station's own edit (base URL unchanged), so every station ends with the union and no station
 *   forgets a supplier another one typed.
 * A document whose content fails its check here is counted as `skipped`, never stored.
 * @module
 */
import { compareStoredResults, type StoredReturnResult, type SyncDoc, type SyncShop } from '@shipmask/core';
import { TaughtAdapterError, checkTaughtAdapter } from '../../adapters/taught/record';
import type { Store } from '../../storage';
import { deleteTaughtAdapter, putTaughtAdapter } from '../../storage/adapter-store';
import {
  addBatch,
  getBatch,
  getHandoffConfig,
  setHandoffConfig,
  updateBatch,
} from '../../storage/handoff-store';
import { setSupplierRules } from '../../storage/supplier-rules-store';
import type { BatchRecord } from '../../storage/batch-record';
import type { GateStore } from '../gate';
import { storedEventId } from '../quota';
import { validateRequest } from '../validate';

/** What the applier needs. */
export interface ApplyDeps {
  readonly store: Store;
  readonly gates: GateStore;
  /** Drop a shop's cached ledger after its events or rule changed. */
  readonly forget: (shop: SyncShop) => void;
  readonly now: () => number;
}

/** Suppliers remembered at most (as the hand-off service keeps them). */
const MAX_SUPPLIERS = 50;
/** Kinds whose merged document is applied even when this station wrote it (latest edit wins). */
const LATEST: ReadonlySet<SyncDoc['kind']> = new Set([
  'settings',
  'adapter',
  'supplierRules',
  'handoffConfig',
]);

/** What one pass applied. */
export interface ApplyReport {
  readonly applied: number;
  readonly skipped: number;
}

/** Kinds in the order they are applied (a batch before the return codes that name it). */
const ORDER: readonly SyncDoc['kind'][] = [
  'settings',
  'supplierRules',
  'handoffConfig',
  'adapter',
  'quotaEvent',
  'handoffBatch',
  'batchMark',
  'returnCode',
  'journal',
  'gateOverride',
  'claim',
];

const shopKey = (s: SyncShop): string => JSON.stringify([s.platform, s.shopId]);

function isBatchRecord(v: unknown, shop: SyncShop, id: string): v is BatchRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    r['id'] === id &&
    r['platform'] === shop.platform &&
    r['shopId'] === shop.shopId &&
    Array.isArray(r['orders']) &&
    typeof r['keep'] === 'object' &&
    r['keep'] !== null &&
    typeof r['results'] === 'object' &&
    r['results'] !== null &&
    Array.isArray(r['imports']) &&
    typeof r['createdAt'] === 'number'
  );
}

function isStoredResult(v: unknown): v is StoredReturnResult {
  if (typeof v !== 'object' || v === null) return false;
  const { result, sealedAt } = v as Record<string, unknown>;
  if (typeof sealedAt !== 'number' || typeof result !== 'object' || result === null) return false;
  const r = result as Record<string, unknown>;
  return (
    typeof r['orderId'] === 'string' &&
    ((r['status'] === 'shipped' && typeof r['carrier'] === 'string' && typeof r['waybill'] === 'string') ||
      (r['status'] === 'cannot-ship' && typeof r['reason'] === 'string'))
  );
}

/**
 * Apply documents from other stations (see the module rules). `mine` is this station's id:
 * its own set members are already in the main database and are skipped.
 * @example
 * await applyDocs({ store, gates, forget: (s) => ledgers.forget(s), now: Date.now }, docs, 'st-0a1b2c3d4e5f');
 */
export async function applyDocs(
  deps: ApplyDeps,
  docs: readonly SyncDoc[],
  mine: string,
): Promise<ApplyReport> {
  const { store } = deps;
  let applied = 0;
  let skipped = 0;
  const sorted = [...docs].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  const events = new Map<string, { shop: SyncShop; docs: (SyncDoc & { kind: 'quotaEvent' })[] }>();
  const flushEvents = async (): Promise<void> => {
    for (const { shop, docs: ds } of events.values()) {
      const results = await store.appendEvents(
        shop,
        ds.map((d) => ({ id: storedEventId(shop, d.event.id), at: d.event.at, event: d.event })),
        deps.now(),
        { quiet: true },
      );
      const added = results.filter((r) => r.added).length;
      applied += added;
      if (added > 0) deps.forget(shop);
    }
    events.clear();
  };
  for (const doc of sorted) {
    if ('station' in doc && doc.station.id === mine && !LATEST.has(doc.kind)) continue;
    switch (doc.kind) {
      case 'quotaEvent': {
        const k = shopKey(doc.shop);
        const e = events.get(k) ?? { shop: doc.shop, docs: [] };
        e.docs.push(doc);
        events.set(k, e);
        break;
      }
      case 'settings': {
        const checked = validateRequest({ type: 'settings/set', shop: doc.shop, settings: doc.settings });
        if (!checked.ok || checked.value.type !== 'settings/set') {
          skipped++;
          break;
        }
        await store.putSettings(doc.shop, checked.value.settings, deps.now(), { quiet: true });
        deps.forget(doc.shop);
        applied++;
        break;
      }
      case 'supplierRules': {
        const v = doc.rules as Record<string, unknown> | null;
        const checked =
          typeof v === 'object' && v !== null && !Array.isArray(v)
            ? validateRequest({
                type: 'handoff/rules/set',
                shop: doc.shop,
                rules: v['rules'],
                ...(v['fallback'] !== undefined ? { fallback: v['fallback'] } : {}),
              })
            : undefined;
        if (!checked?.ok || checked.value.type !== 'handoff/rules/set') {
          skipped++;
          break;
        }
        const { rules, fallback } = checked.value;
        await setSupplierRules(store, doc.shop, rules, fallback, doc.at, { quiet: true });
        applied++;
        break;
      }
      case 'handoffConfig': {
        const checked = validateRequest({ type: 'handoff/config/set', config: doc.config });
        if (!checked.ok || checked.value.type !== 'handoff/config/set') {
          skipped++;
          break;
        }
        const incoming = checked.value.config;
        const names = new Set(incoming.suppliers.map((x) => x.name));
        const local = (await getHandoffConfig(store)).suppliers.filter((x) => !names.has(x.name));
        const suppliers = [...incoming.suppliers, ...local].slice(0, MAX_SUPPLIERS);
        // Suppliers the edit lacks: the union goes back out as this station's edit.
        const grew = suppliers.length > incoming.suppliers.length;
        await setHandoffConfig(store, { baseUrl: incoming.baseUrl, suppliers }, grew ? deps.now() : doc.at, {
          quiet: !grew,
        });
        applied++;
        break;
      }
      case 'batchMark': {
        await flushEvents();
        const field = doc.mark === 'revoked' ? 'revokedAt' : 'shipFileAt';
        const r = await updateBatch(
          store,
          doc.batchId,
          (record) => {
            const old = record[field];
            const sameShop = record.platform === doc.shop.platform && record.shopId === doc.shop.shopId;
            const earlier = sameShop && (old === undefined || doc.at < old);
            return { record: earlier ? { ...record, [field]: doc.at } : record, value: earlier };
          },
          { quiet: true },
        );
        if (!r.found) skipped++;
        else if (r.value) applied++;
        break;
      }
      case 'adapter': {
        if (doc.definition === null) {
          if (await deleteTaughtAdapter(store, doc.adapterId, { quiet: true })) applied++;
          break;
        }
        try {
          await putTaughtAdapter(store, checkTaughtAdapter(doc.definition), { quiet: true });
          applied++;
        } catch (e) {
          if (!(e instanceof TaughtAdapterError)) throw e;
          skipped++;
        }
        break;
      }
      case 'handoffBatch': {
        await flushEvents();
        if (!isBatchRecord(doc.record, doc.shop, doc.batchId)) {
          skipped++;
          break;
        }
        if (await getBatch(store, doc.batchId)) break;
        await addBatch(store, doc.record, { quiet: true });
        applied++;
        break;
      }
      case 'returnCode': {
        const incoming = Object.entries(doc.results as Record<string, unknown>);
        if (!incoming.every(([id, r]) => isStoredResult(r) && r.result.orderId === id)) {
          skipped++;
          break;
        }
        const r = await updateBatch(
          store,
          doc.batchId,
          (record) => {
            const inBatch = new Set(record.keep.orderIds);
            const results: Record<string, StoredReturnResult> = { ...record.results };
            let moved = false;
            for (const [orderId, res] of incoming as [string, StoredReturnResult][]) {
              if (!inBatch.has(orderId)) continue;
              const old = Object.hasOwn(results, orderId) ? results[orderId] : undefined;
              if (old && compareStoredResults(res, old) <= 0) continue;
              Object.defineProperty(results, orderId, {
                value: res,
                enumerable: true,
                writable: true,
                configurable: true,
              });
              moved = true;
            }
            return { record: moved ? { ...record, results } : record, value: moved };
          },
          { quiet: true },
        );
        if (r.found && r.value) applied++;
        else if (!r.found) skipped++;
        break;
      }
      case 'journal': {
        const changed = await deps.gates.update(doc.shop, (records) => {
          const e = records[doc.orderId] ?? { facts: { orderId: doc.orderId } };
          if (e.printed) return false;
          records[doc.orderId] = {
            ...e,
            printed: {
              orderId: doc.orderId,
              printedAt: doc.at,
              ...(doc.trackingNumber !== undefined ? { trackingNumber: doc.trackingNumber } : {}),
              ...(doc.carrier !== undefined ? { carrier: doc.carrier } : {}),
              ...(e.baseline ? { address: e.baseline } : {}),
            },
          };
          return true;
        });
        if (changed) applied++;
        break;
      }
      case 'gateOverride':
        await store.audit({
          at: doc.at,
          kind: 'sync-gate-override',
          platform: doc.shop.platform,
          shopId: doc.shop.shopId,
          detail: { orderId: doc.orderId, reason: doc.reason, station: doc.station.label },
        });
        applied++;
        break;
      case 'claim':
        break;
    }
  }
  await flushEvents();
  return { applied, skipped };
}
