/**
 * Canonical JSON of replicated documents: object keys sorted by UTF-16 code units, no whitespace,
 * `undefined` members dropped. The same document gives the same text on every station, which is
 * what makes ids and revisions deterministic (two stations writing the same set member produce the
 * same revision, so CouchDB stores it once and sees no conflict).
 *
 * Values are checked before they are encoded (DESIGN.md invariant 5, limits before allocation):
 * only plain JSON (null, booleans, finite numbers, well-formed strings, arrays, plain objects),
 * nesting at most `JSON_LIMITS.depth`, at most `JSON_LIMITS.nodes` values, strings at most
 * `JSON_LIMITS.stringChars` characters.
 * @module
 */

import type { JsonValue } from '../print/types.js';

export type { JsonValue };

/** Limits of a JSON value inside a replicated document. */
export const JSON_LIMITS = { depth: 16, nodes: 20_000, stringChars: 20_000 } as const;

// In `u` mode a paired surrogate is one code point, so this matches lone surrogates only.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Whether a value is plain JSON within `JSON_LIMITS` (never throws, stops at the first problem).
 * @example
 * isJsonValue({ a: [1, 'x', null] }); // true
 * isJsonValue({ a: Number.NaN }); // false
 */
export function isJsonValue(value: unknown): value is JsonValue {
  let nodes = 0;
  const walk = (v: unknown, depth: number): boolean => {
    if (++nodes > JSON_LIMITS.nodes || depth > JSON_LIMITS.depth) return false;
    if (v === null || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (typeof v === 'string') return v.length <= JSON_LIMITS.stringChars && !LONE_SURROGATE.test(v);
    if (Array.isArray(v)) return v.every((x) => walk(x, depth + 1));
    if (typeof v !== 'object') return false;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    for (const [k, x] of Object.entries(v)) {
      if (k.length > JSON_LIMITS.stringChars || LONE_SURROGATE.test(k)) return false;
      if (x !== undefined && !walk(x, depth + 1)) return false;
    }
    return true;
  };
  return walk(value, 0);
}

/**
 * Canonical JSON text of a checked value (see the module rule). Call `isJsonValue` first;
 * `-0` is written as `0`.
 * @example
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // Built by appending, not by map / filter / join (every document sealed, opened or hashed
  // goes through here, some of them twice).
  if (Array.isArray(value)) {
    const items = value as readonly JsonValue[];
    let out = '[';
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out += ',';
      out += canonicalJson(items[i] as JsonValue);
    }
    return out + ']';
  }
  const obj = value as { readonly [k: string]: JsonValue | undefined };
  // The default sort orders strings by UTF-16 code units, the canonical key order.
  const keys = Object.keys(obj).sort();
  let out = '{';
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += JSON.stringify(k) + ':' + canonicalJson(v);
  }
  return out + '}';
}
