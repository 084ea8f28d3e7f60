/**
 * Arbitraries and fixtures of the sync tests.
 */
import fc from 'fast-check';
import type { QuotaEvent } from '../quota/events.js';
import type { SyncDoc, SyncShop, SyncStation } from './documents.js';
import { deriveSyncKeys, type SyncKeys } from './keys.js';

/** Keys of a fixed test sync key (byte i = i + seed). */
export function testKeys(seed = 1): SyncKeys {
  const r = deriveSyncKeys(Uint8Array.from({ length: 32 }, (_, i) => (i + seed) & 255));
  if (!r.ok) throw new Error('bad test key');
  return r.keys;
}

/** A random source for tests (real randomness: IVs must never repeat). */
export const realRandom = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

export const T0 = Date.UTC(2026, 11, 7, 2, 0, 0);

/** Realistic order ids: 12-19 digits (Douyin, WeChat and JD ids are long numbers). */
export const orderIdArb = fc.stringMatching(/^[1-9][0-9]{11,18}$/u);
export const tokenArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/u);
export const shopArb: fc.Arbitrary<SyncShop> = fc.record({
  platform: fc.constantFrom('douyin' as const, 'wechat' as const, 'jd' as const),
  shopId: fc.stringMatching(/^[A-Za-z0-9]{4,16}$/u),
});
export const stationArb: fc.Arbitrary<SyncStation> = fc.record({
  id: fc.stringMatching(/^st-[a-z0-9]{6}$/u),
  label: fc.constantFrom('1', '2', '3', '前台'),
});
const atArb = fc.integer({ min: T0, max: T0 + 90 * 86_400_000 });
const reasonArb = fc.constantFrom('卡纸', '面单模糊', 'paper jam', '快递丢件重发');
const jsonArb = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as never);

export const quotaEventArb: fc.Arbitrary<QuotaEvent> = fc.oneof(
  fc.record({
    type: fc.constant('orderCounted' as const),
    id: tokenArb,
    at: atArb,
    count: fc.nat({ max: 500 }),
  }),
  fc.record({
    type: fc.constant('decrypted' as const),
    id: tokenArb,
    at: atArb,
    orderKey: fc.stringMatching(/^[0-9a-f]{64}$/u),
    field: fc.constantFrom('phone' as const, 'name' as const, 'address' as const),
    source: fc.constantFrom('backoffice' as const, 'tool' as const),
    via: fc.constantFrom('single' as const, 'bulk' as const),
  }),
  fc.record({
    type: fc.constant('granted' as const),
    id: tokenArb,
    at: atArb,
    amount: fc.nat({ max: 1000 }),
  }),
);

/** Any valid replicated document. */
export const syncDocArb: fc.Arbitrary<SyncDoc> = fc.oneof(
  fc.record({ kind: fc.constant('quotaEvent' as const), shop: shopArb, event: quotaEventArb }),
  fc
    .record({
      kind: fc.constant('journal' as const),
      shop: shopArb,
      orderId: orderIdArb,
      step: fc.constantFrom('printed' as const, 'reprinted' as const),
      entryId: tokenArb,
      trackingNumber: fc.stringMatching(/^[A-Z]{2}[0-9]{10,13}$/u),
      carrier: fc.constantFrom('ZTO', 'YTO', 'JD'),
      reason: reasonArb,
      at: atArb,
      station: stationArb,
    })
    .map((d) => (d.step === 'printed' ? (({ reason: _r, ...rest }) => rest)(d) : d)),
  fc.record({
    kind: fc.constant('claim' as const),
    shop: shopArb,
    orderId: orderIdArb,
    at: atArb,
    station: stationArb,
  }),
  fc.record({
    kind: fc.constant('handoffBatch' as const),
    shop: shopArb,
    batchId: tokenArb,
    record: jsonArb,
    at: atArb,
    station: stationArb,
  }),
  fc.record({
    kind: fc.constant('returnCode' as const),
    shop: shopArb,
    batchId: tokenArb,
    codeId: tokenArb,
    results: jsonArb,
    at: atArb,
    station: stationArb,
  }),
  fc.record({
    kind: fc.constant('gateOverride' as const),
    shop: shopArb,
    orderId: orderIdArb,
    overrideId: tokenArb,
    reason: reasonArb,
    at: atArb,
    station: stationArb,
  }),
  fc.record({
    kind: fc.constant('adapter' as const),
    adapterId: tokenArb,
    definition: jsonArb,
    at: atArb,
    station: stationArb,
  }),
  fc.record({
    kind: fc.constant('settings' as const),
    shop: shopArb,
    settings: jsonArb,
    at: atArb,
    station: stationArb,
  }),
  fc.record({
    kind: fc.constant('batchMark' as const),
    shop: shopArb,
    batchId: tokenArb,
    mark: fc.constantFrom('revoked' as const, 'shipFile' as const),
    at: atArb,
    station: stationArb,
  }),
  fc.record({
    kind: fc.constant('supplierRules' as const),
    shop: shopArb,
    rules: jsonArb,
    at: atArb,
    station: stationArb,
  }),
  fc.record({
    kind: fc.constant('handoffConfig' as const),
    config: jsonArb,
    at: atArb,
    station: stationArb,
  }),
);

/** The order id a document names, if any. */
export function orderIdOf(doc: SyncDoc): string | undefined {
  return 'orderId' in doc ? doc.orderId : undefined;
}
