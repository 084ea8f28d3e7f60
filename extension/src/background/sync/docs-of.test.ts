import { checkSyncDoc, docId, deriveSyncKeys } from '@shipmask/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BatchRecord } from '../../storage/batch-record';
import { docsOf } from './docs-of';

const shop = { platform: 'jd', shopId: 'jd-1' } as const;
const station = { id: 'st-0a1b2c3d4e5f', label: '1' };
const T = Date.UTC(2026, 11, 7, 3);

const batch = (over: Partial<BatchRecord> = {}): BatchRecord =>
  ({
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
    ...over,
  }) as unknown as BatchRecord;

describe('docsOf', () => {
  it('a ledger event: one quotaEvent; an event core refuses: nothing', () => {
    const event = { type: 'granted', id: 'g1', at: T, amount: 5 };
    expect(docsOf({ kind: 'quotaEvent', shop, event }, station, T)).toEqual([
      { kind: 'quotaEvent', shop, event },
    ]);
    expect(
      docsOf({ kind: 'quotaEvent', shop, event: { type: 'granted', id: '', at: -1 } }, station, T),
    ).toEqual([]);
  });

  it('print log: printed and reprint lines become journal entries; sent, failed, canceled stay local', () => {
    const lines = [
      { at: T, jobId: 'p1', orderId: '69', kind: 'sent' },
      { at: T + 1, jobId: 'p1', orderId: '69', kind: 'printed', trackingNumber: 'ZT1' },
      { at: T + 2, jobId: 'p1', orderId: '69', kind: 'failed' },
      { at: T + 3, jobId: 'p1', orderId: '69', kind: 'reprint', reason: '卡纸' },
    ] as const;
    const docs = docsOf({ kind: 'printLog', shop, carrier: 'ZTO', lines }, station, T);
    expect(docs).toEqual([
      {
        kind: 'journal',
        shop,
        orderId: '69',
        step: 'printed',
        entryId: `p1:printed:${T + 1}`,
        trackingNumber: 'ZT1',
        carrier: 'ZTO',
        at: T + 1,
        station,
      },
      {
        kind: 'journal',
        shop,
        orderId: '69',
        step: 'reprinted',
        entryId: `p1:reprint:${T + 3}`,
        carrier: 'ZTO',
        reason: '卡纸',
        at: T + 3,
        station,
      },
    ]);
  });

  it('a new batch: handoffBatch; an import: returnCode with the changed results only', () => {
    const b = batch();
    expect(docsOf({ kind: 'batch', record: b }, station, T)).toEqual([
      { kind: 'handoffBatch', shop, batchId: 'b1', record: JSON.parse(JSON.stringify(b)), at: T, station },
    ]);
    const r1 = {
      result: { orderId: '1', status: 'shipped', carrier: 'ZTO', waybill: 'ZT1' },
      sealedAt: T + 5,
    };
    const r2 = {
      result: { orderId: '2', status: 'shipped', carrier: 'ZTO', waybill: 'ZT2' },
      sealedAt: T + 5,
    };
    const before = batch({ results: { '1': r1 } as BatchRecord['results'] });
    const after = batch({
      results: { '1': r1, '2': r2 } as BatchRecord['results'],
      imports: [{ at: T + 9, sealedAt: T + 5, changed: 1 }],
    });
    expect(docsOf({ kind: 'batch', record: after, before }, station, T)).toEqual([
      {
        kind: 'returnCode',
        shop,
        batchId: 'b1',
        codeId: `${T + 5}-${T + 9}`,
        results: { '2': r2 },
        at: T + 9,
        station,
      },
    ]);
    // A change that is neither an import nor a mark stays local.
    expect(
      docsOf({ kind: 'batch', record: { ...after, expiresAt: T + 1 }, before: after }, station, T),
    ).toEqual([]);
  });

  it('a revoke and a bulk-ship file: one batchMark each, with their instant, once', () => {
    const b = batch();
    const revoked = { ...b, revokedAt: T + 7 };
    expect(docsOf({ kind: 'batch', record: revoked, before: b }, station, T + 99)).toEqual([
      { kind: 'batchMark', shop, batchId: 'b1', mark: 'revoked', at: T + 7, station },
    ]);
    const shipped = { ...b, shipFileAt: T + 8 };
    expect(docsOf({ kind: 'batch', record: shipped, before: b }, station, T + 99)).toEqual([
      { kind: 'batchMark', shop, batchId: 'b1', mark: 'shipFile', at: T + 8, station },
    ]);
    // Already marked before this change: nothing again.
    expect(docsOf({ kind: 'batch', record: { ...revoked }, before: revoked }, station, T)).toEqual([]);
    // A batch read whole (the backfill) with both marks: the record and both marks.
    const both = { ...b, revokedAt: T + 7, shipFileAt: T + 8 };
    expect(docsOf({ kind: 'batch', record: both }, station, T).map((d) => d.kind)).toEqual([
      'handoffBatch',
      'batchMark',
      'batchMark',
    ]);
  });

  it('supplier rules and hand-off settings: one latest-edit document each', () => {
    const rules = { version: 1 as const, rules: [{ sku: 'SM-001-A', supplier: '义乌杯厂' }] };
    expect(docsOf({ kind: 'supplierRules', shop, rules, fallback: '自营仓', at: T }, station, T + 5)).toEqual(
      [{ kind: 'supplierRules', shop, rules: { rules, fallback: '自营仓' }, at: T, station }],
    );
    expect(docsOf({ kind: 'supplierRules', shop, rules, at: T }, station, T)[0]).toMatchObject({
      rules: { rules },
    });
    const config = { baseUrl: 'https://example.com/s.html', suppliers: [{ name: '义乌杯厂' }] };
    expect(docsOf({ kind: 'handoffConfig', config, at: T + 3 }, station, T + 5)).toEqual([
      { kind: 'handoffConfig', config, at: T + 3, station },
    ]);
  });

  it('settings, adapters (forgotten: definition null) and overrides; a value outside JSON: nothing', () => {
    const settings = { platform: 'jd', retentionDays: 30 } as const;
    expect(docsOf({ kind: 'settings', shop, settings, at: T }, station, T)).toEqual([
      { kind: 'settings', shop, settings, at: T, station },
    ]);
    expect(
      docsOf(
        { kind: 'settings', shop, settings: { ...settings, retentionDays: Number.NaN }, at: T },
        station,
        T,
      ),
    ).toEqual([]);
    expect(docsOf({ kind: 'adapterDeleted', host: 'shop.jd.com' }, station, T)).toEqual([
      { kind: 'adapter', adapterId: 'shop.jd.com', definition: null, at: T, station },
    ]);
    expect(
      docsOf({ kind: 'gateOverride', shop, at: T, orderId: '69', reason: 'x'.repeat(900) }, station, T)[0],
    ).toMatchObject({
      kind: 'gateOverride',
      overrideId: `o${T}`,
      reason: 'x'.repeat(500),
    });
  });

  it('property: whatever the log lines hold, every document passes core checkSyncDoc and ids differ per entry', () => {
    const keys = deriveSyncKeys(new Uint8Array(32).fill(1));
    if (!keys.ok) throw new Error('key');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 2 ** 45 }),
            jobId: fc.constantFrom('p0a1b2c3d4e5f6071', 'p0a1b2c3d4e5f6072'),
            orderId: fc.string({ minLength: 1, maxLength: 64 }),
            kind: fc.constantFrom('printed', 'reprint', 'sent'),
            trackingNumber: fc.string({ maxLength: 100 }),
            reason: fc.string({ minLength: 1, maxLength: 900 }),
          }),
          { maxLength: 8 },
        ),
        fc.string({ maxLength: 100 }),
        (lines, carrier) => {
          const docs = docsOf({ kind: 'printLog', shop, carrier, lines: lines }, station, T);
          for (const d of docs) expect(checkSyncDoc(d).ok).toBe(true);
          const kept = lines.filter((l) => l.kind !== 'sent');
          expect(docs).toHaveLength(kept.length);
          // Distinct entries (order, job, kind, instant) are distinct documents: none is lost.
          const entries = new Set(kept.map((l) => JSON.stringify([l.orderId, l.jobId, l.kind, l.at])));
          expect(new Set(docs.map((d) => docId(keys.keys.idKey, d))).size).toBe(entries.size);
        },
      ),
      { numRuns: 100 },
    );
  });
});
