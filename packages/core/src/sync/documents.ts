/**
 * The replicated documents of one shop (issue 22), one shape per kind, and how each merges:
 *
 * | kind | natural identity (hashed into the doc id) | merge |
 * | --- | --- | --- |
 * | `quotaEvent` | shop + event id + event content (a reused id with other content is another event, as in the ledger) | set (union) |
 * | `journal` | shop + order id + step (`printed` / `reprinted`) + entry id | set |
 * | `claim` | shop + order id | first claim: CouchDB's winner (`claim.ts`) |
 * | `handoffBatch` | shop + batch id | set (a batch record is written once) |
 * | `returnCode` | shop + batch id + code id | set |
 * | `gateOverride` | shop + order id + override id | set |
 * | `batchMark` | shop + batch id + mark (`revoked` / `shipFile`) + station id | set (the earliest mark counts) |
 * | `adapter` | adapter id | latest edit (`merge.ts`) |
 * | `settings` | shop | latest edit |
 * | `supplierRules` | shop | latest edit |
 * | `handoffConfig` | none: one document (the hand-off settings are install-wide) | latest edit |
 *
 * Kinds whose shapes belong to the extension (batch record, return results, adapter definition,
 * settings, supplier rules, hand-off settings) carry them as bounded plain JSON (`canonical.ts`); the extension checks them with its
 * own validators after opening. Invariant 1: no document holds buyer plaintext; order ids are
 * sealed inside bodies and only keyed hashes of them reach the server as ids.
 * @module
 */
import { checkQuotaEvent, type QuotaEvent } from '../quota/events.js';
import type { Instant, PlatformId } from '../types.js';
import { canonicalJson, isJsonValue, type JsonValue } from './canonical.js';

/** The shop a document belongs to. */
export interface SyncShop {
  readonly platform: PlatformId;
  readonly shopId: string;
}

/** The station that wrote a document: a stable random id and the label the merchant gave it ("2"). */
export interface SyncStation {
  readonly id: string;
  readonly label: string;
}

interface Written {
  /** When the station wrote it (UTC epoch ms). */
  readonly at: Instant;
  readonly station: SyncStation;
}

/** A quota-ledger event (core `QuotaEvent`). */
export interface QuotaEventDoc {
  readonly kind: 'quotaEvent';
  readonly shop: SyncShop;
  readonly event: QuotaEvent;
}

/** A print-journal entry: a label printed, or reprinted with a reason. */
export interface JournalDoc extends Written {
  readonly kind: 'journal';
  readonly shop: SyncShop;
  readonly orderId: string;
  readonly step: 'printed' | 'reprinted';
  /** Unique per entry (e.g. the print document id). */
  readonly entryId: string;
  readonly trackingNumber?: string;
  readonly carrier?: string;
  /** Why it was reprinted (required for `reprinted`; masked free text). */
  readonly reason?: string;
}

/** A station's claim on an order before its label is sent: one winner per order. */
export interface ClaimDoc extends Written {
  readonly kind: 'claim';
  readonly shop: SyncShop;
  readonly orderId: string;
}

/** A supplier hand-off batch record (its shape is the extension's). */
export interface HandoffBatchDoc extends Written {
  readonly kind: 'handoffBatch';
  readonly shop: SyncShop;
  readonly batchId: string;
  readonly record: JsonValue;
}

/** An imported return code's results (its shape is the extension's). */
export interface ReturnCodeDoc extends Written {
  readonly kind: 'returnCode';
  readonly shop: SyncShop;
  readonly batchId: string;
  readonly codeId: string;
  readonly results: JsonValue;
}

/** An explicit, logged override of the exception gate. */
export interface GateOverrideDoc extends Written {
  readonly kind: 'gateOverride';
  readonly shop: SyncShop;
  readonly orderId: string;
  readonly overrideId: string;
  readonly reason: string;
}

/**
 * A mark one station set on a hand-off batch: `revoked` (its return codes are refused from then
 * on) or `shipFile` (the bulk-ship file was made from its results). Each station's mark is its own
 * set member; the stations apply the earliest instant, so the order marks arrive in does not
 * matter.
 */
export interface BatchMarkDoc extends Written {
  readonly kind: 'batchMark';
  readonly shop: SyncShop;
  readonly batchId: string;
  readonly mark: 'revoked' | 'shipFile';
}

/** A shop's supplier-per-SKU rules and default supplier (their shape is the extension's). */
export interface SupplierRulesDoc extends Written {
  readonly kind: 'supplierRules';
  readonly shop: SyncShop;
  readonly rules: JsonValue;
}

/** The hand-off settings of the stations (link base URL, suppliers used; the extension's shape). */
export interface HandoffConfigDoc extends Written {
  readonly kind: 'handoffConfig';
  readonly config: JsonValue;
}

/** A taught adapter (its definition is the extension's). */
export interface AdapterDoc extends Written {
  readonly kind: 'adapter';
  readonly adapterId: string;
  readonly definition: JsonValue;
}

/** A shop's settings (its shape is the extension's `ShopSettings`). */
export interface SettingsDoc extends Written {
  readonly kind: 'settings';
  readonly shop: SyncShop;
  readonly settings: JsonValue;
}

/**
 * Any replicated document.
 * @example
 * const d: SyncDoc = { kind: 'claim', shop: { platform: 'douyin', shopId: 's1' }, orderId: '3718…',
 *   at: Date.now(), station: { id: 'st-a1b2c3d4', label: '1' } };
 */
export type SyncDoc =
  | QuotaEventDoc
  | JournalDoc
  | ClaimDoc
  | HandoffBatchDoc
  | ReturnCodeDoc
  | GateOverrideDoc
  | BatchMarkDoc
  | AdapterDoc
  | SettingsDoc
  | SupplierRulesDoc
  | HandoffConfigDoc;

/** Every kind. */
export type SyncDocKind = SyncDoc['kind'];

/** How concurrent writes of one document id merge. */
export type MergeMode = 'set' | 'first-claim' | 'latest-edit';

/**
 * The merge mode of each kind (see the module table).
 * @example
 * MERGE_MODE.quotaEvent; // 'set'
 */
export const MERGE_MODE: { readonly [K in SyncDocKind]: MergeMode } = {
  quotaEvent: 'set',
  journal: 'set',
  claim: 'first-claim',
  handoffBatch: 'set',
  returnCode: 'set',
  gateOverride: 'set',
  batchMark: 'set',
  adapter: 'latest-edit',
  settings: 'latest-edit',
  supplierRules: 'latest-edit',
  handoffConfig: 'latest-edit',
};

/** Why a value is not a replicated document. */
export type SyncDocErrorCode =
  'not-an-object' | 'bad-kind' | 'bad-shop' | 'bad-station' | 'bad-time' | 'bad-field' | 'bad-event';

/**
 * Result of `checkSyncDoc`.
 * @example
 * const r: SyncDocCheck = checkSyncDoc(opened);
 */
export type SyncDocCheck =
  | { readonly ok: true; readonly doc: SyncDoc }
  | { readonly ok: false; readonly error: { readonly code: SyncDocErrorCode; readonly message: string } };

const PLATFORMS: readonly PlatformId[] = ['douyin', 'wechat', 'jd'];
const TOKEN = /^[A-Za-z0-9_.:-]{1,128}$/u;
const LONE_SURROGATE = /\p{Cs}/u;

const fail = (code: SyncDocErrorCode, message: string): SyncDocCheck => ({
  ok: false,
  error: { code, message },
});
const isText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max && !LONE_SURROGATE.test(v);
const isToken = (v: unknown): v is string => typeof v === 'string' && TOKEN.test(v);
const isInstant = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 8_640_000_000_000_000;

function checkShop(v: unknown): SyncShop | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { platform, shopId } = v as Record<string, unknown>;
  if (!PLATFORMS.includes(platform as PlatformId) || !isText(shopId, 200)) return undefined;
  return { platform: platform as PlatformId, shopId };
}

function checkStation(v: unknown): SyncStation | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { id, label } = v as Record<string, unknown>;
  if (!isToken(id) || !isText(label, 40)) return undefined;
  return { id, label };
}

/**
 * Check an untrusted value (an opened document, a message) and return a clean document holding
 * only the known fields, or a typed error. Never throws. Rules: shop ids, labels and reasons are
 * non-empty well-formed text (shop id <= 200, station label <= 40, reason <= 500 characters);
 * station, entry, batch, code, override and adapter ids are 1-128 of `A-Z a-z 0-9 _ . : -`;
 * order ids 1-64 characters; times safe-integer epoch ms; a `reprinted` entry needs a reason;
 * quota events pass `checkQuotaEvent`; extension-owned bodies pass `isJsonValue`; a batch mark is
 * `revoked` or `shipFile`.
 * @example
 * checkSyncDoc({ kind: 'claim', shop: { platform: 'jd', shopId: 's' }, orderId: '1', at: 0,
 *   station: { id: 'a', label: '1' } }).ok; // true
 */
export function checkSyncDoc(value: unknown): SyncDocCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('not-an-object', 'A document is an object.');
  const d = value as Record<string, unknown>;
  const kind = d['kind'];
  if (typeof kind !== 'string' || !Object.hasOwn(MERGE_MODE, kind)) return fail('bad-kind', 'Unknown kind.');
  if (kind === 'quotaEvent') {
    const shop = checkShop(d['shop']);
    if (!shop) return fail('bad-shop', 'shop must be { platform, shopId }.');
    const e = checkQuotaEvent(d['event']);
    if (!e.ok) return fail('bad-event', `event: ${e.error.message}`);
    return { ok: true, doc: { kind, shop, event: e.event } };
  }
  const at = d['at'];
  if (!isInstant(at)) return fail('bad-time', 'at must be a safe-integer epoch-millisecond instant.');
  const station = checkStation(d['station']);
  if (!station) return fail('bad-station', 'station must be { id: token, label: 1-40 characters }.');
  const written = { at, station };
  if (kind === 'adapter') {
    const { adapterId, definition } = d;
    if (!isToken(adapterId)) return fail('bad-field', 'adapterId must be a token.');
    if (!isJsonValue(definition)) return fail('bad-field', 'definition must be bounded plain JSON.');
    return { ok: true, doc: { kind, adapterId, definition, ...written } };
  }
  if (kind === 'handoffConfig') {
    const config = d['config'];
    if (!isJsonValue(config)) return fail('bad-field', 'config must be bounded plain JSON.');
    return { ok: true, doc: { kind, config, ...written } };
  }
  const shop = checkShop(d['shop']);
  if (!shop) return fail('bad-shop', 'shop must be { platform, shopId }.');
  const base = { shop, ...written };
  switch (kind) {
    case 'settings': {
      const settings = d['settings'];
      if (!isJsonValue(settings)) return fail('bad-field', 'settings must be bounded plain JSON.');
      return { ok: true, doc: { kind, settings, ...base } };
    }
    case 'supplierRules': {
      const rules = d['rules'];
      if (!isJsonValue(rules)) return fail('bad-field', 'rules must be bounded plain JSON.');
      return { ok: true, doc: { kind, rules, ...base } };
    }
    case 'batchMark': {
      const { batchId, mark } = d;
      if (!isToken(batchId)) return fail('bad-field', 'batchId must be a token.');
      if (mark !== 'revoked' && mark !== 'shipFile')
        return fail('bad-field', "mark must be 'revoked' or 'shipFile'.");
      return { ok: true, doc: { kind, batchId, mark, ...base } };
    }
    case 'claim': {
      const orderId = d['orderId'];
      if (!isText(orderId, 64)) return fail('bad-field', 'orderId must be 1-64 characters.');
      return { ok: true, doc: { kind, orderId, ...base } };
    }
    case 'journal': {
      const { orderId, step, entryId, trackingNumber, carrier, reason } = d;
      if (!isText(orderId, 64)) return fail('bad-field', 'orderId must be 1-64 characters.');
      if (step !== 'printed' && step !== 'reprinted')
        return fail('bad-field', "step must be 'printed' or 'reprinted'.");
      if (!isToken(entryId)) return fail('bad-field', 'entryId must be a token.');
      if (trackingNumber !== undefined && !isText(trackingNumber, 64))
        return fail('bad-field', 'trackingNumber must be 1-64 characters.');
      if (carrier !== undefined && !isText(carrier, 64))
        return fail('bad-field', 'carrier must be 1-64 characters.');
      if (reason !== undefined && !isText(reason, 500))
        return fail('bad-field', 'reason must be 1-500 characters.');
      if (step === 'reprinted' && reason === undefined) return fail('bad-field', 'A reprint needs a reason.');
      return {
        ok: true,
        doc: {
          kind,
          orderId,
          step,
          entryId,
          ...(trackingNumber !== undefined ? { trackingNumber } : {}),
          ...(carrier !== undefined ? { carrier } : {}),
          ...(reason !== undefined ? { reason } : {}),
          ...base,
        },
      };
    }
    case 'handoffBatch': {
      const { batchId, record } = d;
      if (!isToken(batchId)) return fail('bad-field', 'batchId must be a token.');
      if (!isJsonValue(record)) return fail('bad-field', 'record must be bounded plain JSON.');
      return { ok: true, doc: { kind, batchId, record, ...base } };
    }
    case 'returnCode': {
      const { batchId, codeId, results } = d;
      if (!isToken(batchId) || !isToken(codeId))
        return fail('bad-field', 'batchId and codeId must be tokens.');
      if (!isJsonValue(results)) return fail('bad-field', 'results must be bounded plain JSON.');
      return { ok: true, doc: { kind, batchId, codeId, results, ...base } };
    }
    case 'gateOverride': {
      const { orderId, overrideId, reason } = d;
      if (!isText(orderId, 64)) return fail('bad-field', 'orderId must be 1-64 characters.');
      if (!isToken(overrideId)) return fail('bad-field', 'overrideId must be a token.');
      if (!isText(reason, 500)) return fail('bad-field', 'reason must be 1-500 characters.');
      return { ok: true, doc: { kind, orderId, overrideId, reason, ...base } };
    }
    default:
      return fail('bad-kind', 'Unknown kind.');
  }
}

/**
 * The natural identity of a document (module table) as one string, before it is hashed into the
 * id. Parts are joined as a canonical JSON array so no two identities can collide by
 * concatenation.
 * @example
 * naturalKey({ kind: 'claim', shop: { platform: 'jd', shopId: 's' }, orderId: '42', at: 0,
 *   station: { id: 'a', label: '1' } }); // '["claim","jd","s","42"]'
 */
export function naturalKey(doc: SyncDoc): string {
  switch (doc.kind) {
    case 'quotaEvent':
      // Identity is the event id AND content (quota/events.ts).
      return canonicalJson([
        doc.kind,
        doc.shop.platform,
        doc.shop.shopId,
        doc.event.id,
        eventText(doc.event),
      ]);
    case 'journal':
      return canonicalJson([
        doc.kind,
        doc.shop.platform,
        doc.shop.shopId,
        doc.orderId,
        doc.step,
        doc.entryId,
      ]);
    case 'claim':
      return canonicalJson([doc.kind, doc.shop.platform, doc.shop.shopId, doc.orderId]);
    case 'handoffBatch':
      return canonicalJson([doc.kind, doc.shop.platform, doc.shop.shopId, doc.batchId]);
    case 'returnCode':
      return canonicalJson([doc.kind, doc.shop.platform, doc.shop.shopId, doc.batchId, doc.codeId]);
    case 'gateOverride':
      return canonicalJson([doc.kind, doc.shop.platform, doc.shop.shopId, doc.orderId, doc.overrideId]);
    case 'batchMark':
      return canonicalJson([
        doc.kind,
        doc.shop.platform,
        doc.shop.shopId,
        doc.batchId,
        doc.mark,
        doc.station.id,
      ]);
    case 'adapter':
      return canonicalJson([doc.kind, doc.adapterId]);
    case 'settings':
    case 'supplierRules':
      return canonicalJson([doc.kind, doc.shop.platform, doc.shop.shopId]);
    case 'handoffConfig':
      return canonicalJson([doc.kind]);
  }
}

// Canonical texts are computed once per document (issue 22 bench: sealing computed a quota
// event's canonical JSON twice, for the body and again for the id, and opening once more).
// Documents are immutable values, so a text cached on the object stays right; the cache holds the
// objects weakly.
const texts = new WeakMap<object, string>();
function cachedText(o: object, make: () => string): string {
  let t = texts.get(o);
  if (t === undefined) texts.set(o, (t = make()));
  return t;
}
const eventText = (e: QuotaEvent): string => cachedText(e, () => canonicalJson(e as unknown as JsonValue));

/**
 * The canonical JSON text of a checked document (what is sealed and what revisions hash),
 * computed once per document object. A quota-event document's text is composed from its event's
 * text (keys in canonical order: `event` < `kind` < `shop`), which its id (`naturalKey`) reuses.
 * @example
 * docText(doc) === docText(structuredClone(doc)); // true
 * docText(doc) === canonicalJson(doc); // true
 */
export function docText(doc: SyncDoc): string {
  return cachedText(doc, () =>
    doc.kind === 'quotaEvent' && Object.keys(doc).length === 3
      ? `{"event":${eventText(doc.event)},"kind":"quotaEvent","shop":${canonicalJson(doc.shop as unknown as JsonValue)}}`
      : canonicalJson(doc as unknown as JsonValue),
  );
}
