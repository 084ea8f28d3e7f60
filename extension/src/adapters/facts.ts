/**
 * Read a row's exception facts (issue 18) for the background's gate: flags from the row's
 * exception words, the ship-by and payment times, the platform's merge key, and a keyed
 * fingerprint of the address as shown. The shown address text is hashed here, in page memory, and
 * never leaves the content script (only the hash does).
 * @module
 */
import {
  addressFingerprint,
  parseChinaDateTime,
  parseShipByText,
  readOrderFlags,
  type KeyedHasher,
  type OrderFlags,
  type OrderView,
} from '@shipmask/core';
import type { OrderFacts } from '../messages/gate';
import type { GateRules } from './gate-rules';
import { shownAddressForm } from './read';
import { queryAllFirst, queryFirst, variantsOf } from './select';
import type { Selector } from './types';

/** Longest text read from one element (limits before work). */
const MAX_TEXT = 2_000;
const MERGE_KEY = /^[\x21-\x7e]{1,128}$/u;

/** The first element of the order (its row itself included) matching the selector's first matching variant. */
function pick(scope: readonly Element[], selector: Selector): Element | null {
  for (const v of variantsOf(selector)) {
    for (const part of scope) if (part.matches(v)) return part;
    const el = queryFirst(scope, v);
    if (el) return el;
  }
  return null;
}

function text(el: Element | null, attr?: string): string {
  if (!el) return '';
  const v = attr ? (el.getAttribute(attr) ?? '') : (el.textContent ?? '');
  return v.length > MAX_TEXT ? '' : v.trim();
}

/**
 * The facts of one row. `row` is the order's element, or the elements of a table order (its row
 * and group rows, `rowScope`). `hasher` is the gate key's hasher (no fingerprint without it).
 * @example
 * readFacts(row, order, { exceptions: ['.status'] }, hasher, Date.now()); // { orderId, flags: { refund: 'requested' }, … }
 */
export function readFacts(
  row: Element | readonly Element[],
  order: OrderView,
  rules: GateRules | undefined,
  hasher: KeyedHasher | undefined,
  now: number,
): OrderFacts {
  if (!rules) return { orderId: order.orderId };
  const scope: readonly Element[] = Array.isArray(row) ? row : [row as Element];
  let words = '';
  for (const sel of rules.exceptions ?? [])
    for (const el of queryAllFirst(scope, sel)) words += ` ${text(el)}`;
  const flags: OrderFlags = readOrderFlags(words.slice(0, MAX_TEXT));
  const marker = rules.addressMarker ? pick(scope, rules.addressMarker) !== null : false;
  const out: { -readonly [K in keyof OrderFacts]: OrderFacts[K] } = { orderId: order.orderId };
  const f = marker && !flags.addressChanged ? { ...flags, addressChanged: true } : flags;
  if (Object.keys(f).length > 0) out.flags = f;
  if (rules.shipBy) {
    const at = parseShipByText(text(pick(scope, rules.shipBy.selector), rules.shipBy.attr), now);
    if (at !== undefined) out.shipBy = at;
  }
  if (rules.paidAt) {
    const raw = text(pick(scope, rules.paidAt.selector), rules.paidAt.attr);
    const m = rules.paidAt.pattern ? rules.paidAt.pattern.exec(raw)?.[1] : raw;
    const at = m ? parseChinaDateTime(m) : undefined;
    if (at !== undefined) out.paidAt = at;
  }
  if (rules.mergeKey) {
    const k = text(pick(scope, rules.mergeKey.selector), rules.mergeKey.attr);
    if (MERGE_KEY.test(k)) out.mergeKey = k;
  }
  if (rules.address && hasher) {
    const address = text(pick(scope, rules.address));
    if (address !== '' || order.receiver.virtual)
      out.address = addressFingerprint(
        hasher,
        {
          address,
          ...(order.receiver.virtual ? { ext: order.receiver.virtual.ext } : {}),
          changedMarker: f.addressChanged === true,
        },
        shownAddressForm,
      );
  }
  return out;
}
