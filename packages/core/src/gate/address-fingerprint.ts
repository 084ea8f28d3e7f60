/**
 * Address-change detection without plaintext (issue 18, item 1): a keyed hash of what the page
 * shows for the receiver's address, compared with the one recorded when the order was first seen
 * or printed. Only the hash is stored.
 * @module
 */
import { classifyField } from '../classify/classify-field.js';
import type { FieldForm } from '../types.js';
import { keyedHasher, type KeyedHasher } from './keyed-hash.js';

/** Longest address text hashed; a longer one is `invalid` (checked before any allocation). */
export const MAX_SHOWN_ADDRESS = 2_000;

/**
 * The address as the page shows it, held in page memory only.
 * @example
 * const s: ShownAddress = { address: '广东省广州市天河区花城***', ext: '3639' };
 */
export interface ShownAddress {
  /** The address text as shown: masked, or revealed after a counted decrypt. */
  readonly address?: string;
  /** Province / city / district where the page shows them apart. */
  readonly region?: { readonly province?: string; readonly city?: string; readonly district?: string };
  /** The virtual-number extension (分机号); a new one follows a new receiver phone. */
  readonly ext?: string;
  /** The page's own "address changed" marker (修改地址) is on the row. */
  readonly changedMarker?: boolean;
}

/**
 * A keyed hash of a shown address, tagged with the form of the address text (a masked view and a
 * revealed view of one address hash differently, so only same-form hashes are compared).
 * @example
 * const f: AddressFingerprint = { form: 'masked', hash: '…64 hex…' };
 */
export interface AddressFingerprint {
  readonly form: FieldForm;
  readonly hash: string;
}

/** Fingerprints recorded for one order, at most one per form; the first one of a form stays. */
export type AddressBaseline = Readonly<Partial<Record<FieldForm, string>>>;

const classifyAddress = (address: string): FieldForm => classifyField(address, 'address').form;

const WS = /\s+/gu;
const clean = (s: unknown): string => (typeof s === 'string' ? s.replace(WS, ' ').trim() : '');

/**
 * The keyed fingerprint of a shown address. Rule: HMAC-SHA256 under the shop key over the
 * whitespace-normalised address text, region parts, virtual-number extension and the page's
 * change marker, tagged with the address text's form (`classifyField(…, 'address')`). Address
 * text over `MAX_SHOWN_ADDRESS` characters gives form `invalid` with an empty hash.
 * `classify` must give `classifyField(address, 'address').form` (the default); a caller that
 * already classified the same texts passes its remembered answers (a page swap classifies each
 * shown address once, not twice).
 * @example
 * const key = new Uint8Array(32);
 * addressFingerprint(key, { address: '广东省广州市天河区****', ext: '3639' }).form; // 'masked'
 */
export function addressFingerprint(
  key: Uint8Array | KeyedHasher,
  shown: ShownAddress,
  classify: (address: string) => FieldForm = classifyAddress,
): AddressFingerprint {
  const raw = typeof shown?.address === 'string' ? shown.address : '';
  if (raw.length > MAX_SHOWN_ADDRESS) return { form: 'invalid', hash: '' };
  const address = clean(raw);
  const form: FieldForm = address === '' ? 'empty' : classify(address);
  const r = shown?.region ?? {};
  const text = JSON.stringify([
    1,
    address,
    clean(r.province),
    clean(r.city),
    clean(r.district),
    clean(shown?.ext),
    shown?.changedMarker === true ? 1 : 0,
  ]);
  const hash = (typeof key === 'function' ? key : keyedHasher(key))(text);
  return { form, hash };
}

/**
 * Compare a fingerprint with an order's baseline. Rule: `changed` when the baseline holds a hash
 * of the same form that differs; `same` when it is equal; `unknown` when the baseline has no hash
 * of that form, or the fingerprint is `empty`/`invalid` (nothing shown to compare).
 * @example
 * addressChange({ masked: 'aa' }, { form: 'masked', hash: 'bb' }); // 'changed'
 * addressChange({ masked: 'aa' }, { form: 'plain', hash: 'bb' }); // 'unknown'
 */
export function addressChange(
  baseline: AddressBaseline | undefined,
  fp: AddressFingerprint | undefined,
): 'same' | 'changed' | 'unknown' {
  if (!fp || fp.hash === '' || fp.form === 'empty' || fp.form === 'invalid') return 'unknown';
  const before = baseline?.[fp.form];
  if (before === undefined) return 'unknown';
  return before === fp.hash ? 'same' : 'changed';
}

/**
 * Record a fingerprint in a baseline. Rule: the first hash of each form is kept (so a later change
 * is never absorbed); `empty`/`invalid` fingerprints are not recorded. Returns the same object when
 * nothing was added.
 * @example
 * recordAddress(undefined, { form: 'masked', hash: 'aa' }); // { masked: 'aa' }
 * recordAddress({ masked: 'aa' }, { form: 'masked', hash: 'bb' }); // { masked: 'aa' }
 */
export function recordAddress(
  baseline: AddressBaseline | undefined,
  fp: AddressFingerprint | undefined,
): AddressBaseline {
  const b = baseline ?? {};
  if (!fp || fp.hash === '' || fp.form === 'empty' || fp.form === 'invalid') return b;
  if (b[fp.form] !== undefined) return b;
  return { ...b, [fp.form]: fp.hash };
}
