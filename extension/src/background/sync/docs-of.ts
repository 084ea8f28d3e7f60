/**
 * From a committed local write (storage/sync-outbox.ts) to the replicated documents of issue 22
 * (core `SyncDoc`). Pure: the station and the instant are arguments.
 *
 * Rules, one per kind:
 * - a new ledger event → one `quotaEvent` (its identity is the event id and content, so two
 *   stations recording the same event meet as one document: the shared quota is the union);
 * - print-log lines → `journal` entries: `printed` lines as `printed`, `reprint` lines (which carry
 *   the merchant's reason) as `reprinted`; `sent`, `failed` and `canceled` lines stay local (they
 *   say nothing about a parcel that went out). Entry id: job id, line kind and instant;
 * - a batch stored the first time → `handoffBatch` (the record as created, written once); a batch
 *   changed by an imported return code (its `imports` grew) → one `returnCode` holding the results
 *   that changed (id: the code's `sealedAt` and the import instant); a revoke or a bulk-ship file
 *   (`revokedAt` / `shipFileAt` newly set, or already set on a batch stored the first time, as the
 *   backfill reads them) → one `batchMark` with that instant; other batch changes stay local;
 * - a gate override → `gateOverride` (id: its instant); adapters and settings → `adapter` /
 *   `settings` (latest edit wins, core `resolveDocument`); a forgotten adapter → `adapter` with
 *   `definition: null`;
 * - supplier rules → `supplierRules` (`{ rules, fallback? }`, latest edit wins); the hand-off
 *   settings → `handoffConfig` (the whole `HandoffConfig`, latest edit wins; the stations merge
 *   the suppliers used by union when they apply it, apply.ts).
 *
 * Anything that does not make a valid document (core `checkSyncDoc`: a value outside the JSON
 * limits, a text too long) is dropped here and counted by the caller, never sent half-checked.
 * @module
 */
import {
  checkQuotaEvent,
  checkSyncDoc,
  isJsonValue,
  type JsonValue,
  type SyncDoc,
  type SyncStation,
} from '@shipmask/core';
import type { StoreWrite } from '../../storage/sync-outbox';

const TOKEN_UNSAFE = /[^A-Za-z0-9_.:-]/gu;
const token = (s: string): string => s.replace(TOKEN_UNSAFE, '_').slice(0, 128);
const clip = (s: string, max: number): string => [...s].slice(0, max).join('');

/** Plain-JSON copy of a stored value (drops `undefined`), or `undefined` when it is not JSON. */
function json(v: unknown): JsonValue | undefined {
  // Checked before copying: JSON.stringify would quietly turn NaN into null.
  return isJsonValue(v) ? (JSON.parse(JSON.stringify(v)) as JsonValue) : undefined;
}

/**
 * The documents of one committed write (see the module rules); invalid ones are left out.
 * @example
 * docsOf({ kind: 'settings', shop, settings, at }, { id: 'st-0a1b2c3d4e5f', label: '1' }, now);
 * // [{ kind: 'settings', shop, settings, at, station }]
 */
export function docsOf(write: StoreWrite, station: SyncStation, now: number): SyncDoc[] {
  const out: SyncDoc[] = [];
  const keep = (doc: SyncDoc): void => {
    const c = checkSyncDoc(doc);
    if (c.ok) out.push(c.doc);
  };
  switch (write.kind) {
    case 'quotaEvent': {
      const e = checkQuotaEvent(write.event);
      if (e.ok) keep({ kind: 'quotaEvent', shop: write.shop, event: e.event });
      break;
    }
    case 'printLog':
      for (const l of write.lines) {
        if (l.kind !== 'printed' && l.kind !== 'reprint') continue;
        keep({
          kind: 'journal',
          shop: write.shop,
          orderId: l.orderId,
          step: l.kind === 'printed' ? 'printed' : 'reprinted',
          entryId: token(`${l.jobId}:${l.kind}:${l.at}`),
          ...(l.trackingNumber ? { trackingNumber: clip(l.trackingNumber, 64) } : {}),
          ...(write.carrier ? { carrier: clip(write.carrier, 64) } : {}),
          ...(l.reason ? { reason: clip(l.reason, 500) } : {}),
          at: l.at,
          station,
        });
      }
      break;
    case 'batch': {
      const r = write.record;
      const shop = { platform: r.platform, shopId: r.shopId };
      const marks = (): void => {
        for (const [mark, at, was] of [
          ['revoked', r.revokedAt, write.before?.revokedAt],
          ['shipFile', r.shipFileAt, write.before?.shipFileAt],
        ] as const)
          if (at !== undefined && was === undefined)
            keep({ kind: 'batchMark', shop, batchId: token(r.id), mark, at, station });
      };
      if (!write.before) {
        const record = json(r);
        if (record !== undefined)
          keep({ kind: 'handoffBatch', shop, batchId: token(r.id), record, at: now, station });
        marks();
        break;
      }
      const before = write.before;
      marks();
      if (r.imports.length <= before.imports.length) break;
      const changed: Record<string, unknown> = {};
      for (const [orderId, res] of Object.entries(r.results))
        if (JSON.stringify(before.results[orderId]) !== JSON.stringify(res)) changed[orderId] = res;
      const results = json(changed);
      const last = r.imports[r.imports.length - 1]!;
      if (results !== undefined && Object.keys(changed).length > 0)
        keep({
          kind: 'returnCode',
          shop,
          batchId: token(r.id),
          codeId: token(`${last.sealedAt}-${last.at}`),
          results,
          at: last.at,
          station,
        });
      break;
    }
    case 'gateOverride':
      keep({
        kind: 'gateOverride',
        shop: write.shop,
        orderId: write.orderId,
        overrideId: token(`o${write.at}`),
        reason: clip(write.reason, 500),
        at: write.at,
        station,
      });
      break;
    case 'adapter': {
      const definition = json(write.adapter);
      if (definition !== undefined)
        keep({ kind: 'adapter', adapterId: token(write.adapter.host), definition, at: now, station });
      break;
    }
    case 'adapterDeleted':
      keep({ kind: 'adapter', adapterId: token(write.host), definition: null, at: now, station });
      break;
    case 'settings': {
      const settings = json(write.settings);
      if (settings !== undefined)
        keep({ kind: 'settings', shop: write.shop, settings, at: write.at, station });
      break;
    }
    case 'supplierRules': {
      const rules = json({
        rules: write.rules,
        ...(write.fallback !== undefined ? { fallback: write.fallback } : {}),
      });
      if (rules !== undefined)
        keep({ kind: 'supplierRules', shop: write.shop, rules, at: write.at, station });
      break;
    }
    case 'handoffConfig': {
      const config = json(write.config);
      if (config !== undefined) keep({ kind: 'handoffConfig', config, at: write.at, station });
      break;
    }
  }
  return out;
}
