/**
 * Several suppliers (issue 17, item 4): a rule set naming the supplier of each SKU (商家编码),
 * kept per shop and exchanged as a JSON file, and the split of a selection into one part per
 * supplier. Rules:
 * - a rule set file is hostile input: its size is checked before parsing, every rule is checked
 *   (SKU 1–64 characters, supplier 1–100, no control characters, no mobile number), a SKU named
 *   twice is refused; a bad file gets a typed error naming the field, never a throw;
 * - an item goes to the supplier its SKU names (trimmed): an exact rule first, else the longest
 *   prefix rule (`match: 'prefix'`, e.g. `SM-001-` for every variant of one product); an item
 *   without SKU or rule goes to the fallback supplier (the one picked on the hand-off page);
 * - an order whose items belong to two suppliers becomes two parcels: one order line in each
 *   supplier's part, holding that supplier's items only, and it is listed in `split` so the
 *   merchant sees the split before sealing.
 * @module
 */
import { containsMobile } from './check.js';

/**
 * One rule: the items with this SKU are shipped by this supplier.
 * @example
 * const r: SupplierRule = { sku: 'BWB-500-BK', supplier: '义乌杯厂' };
 * const p: SupplierRule = { sku: 'SM-001-', supplier: '义乌杯厂', match: 'prefix' };
 */
export interface SupplierRule {
  readonly sku: string;
  readonly supplier: string;
  /** `prefix`: every SKU starting with `sku` (absent: the exact SKU). */
  readonly match?: 'prefix';
}

/**
 * A shop's rule set as a file holds it.
 * @example
 * const s: SupplierRuleSet = { version: 1, rules: [{ sku: 'BWB-500-BK', supplier: '义乌杯厂' }] };
 */
export interface SupplierRuleSet {
  readonly version: 1;
  readonly rules: readonly SupplierRule[];
}

/** Limits of a rule set file. */
export const SUPPLIER_RULE_LIMITS = { chars: 1_000_000, rules: 5_000, sku: 64, supplier: 100 } as const;

/** Why a rule set was refused. */
export interface SupplierRulesError {
  readonly code: 'invalid-rules';
  readonly message: string;
  readonly field?: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/u;

/**
 * Check a rule set value (from a file or storage): the rules trimmed, or a typed error.
 * @example
 * checkSupplierRules({ version: 1, rules: [{ sku: ' A-1 ', supplier: '义乌杯厂' }] });
 * // { ok: true, value: { version: 1, rules: [{ sku: 'A-1', supplier: '义乌杯厂' }] } }
 */
export function checkSupplierRules(
  v: unknown,
):
  | { readonly ok: true; readonly value: SupplierRuleSet }
  | { readonly ok: false; readonly error: SupplierRulesError } {
  const bad = (message: string, field?: string) =>
    ({ ok: false, error: { code: 'invalid-rules', message, ...(field ? { field } : {}) } }) as const;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad('not a rule set object');
  const o = v as { version?: unknown; rules?: unknown };
  if (o.version !== 1) return bad('version must be 1', 'version');
  if (!Array.isArray(o.rules)) return bad('rules must be a list', 'rules');
  if (o.rules.length > SUPPLIER_RULE_LIMITS.rules)
    return bad(`at most ${SUPPLIER_RULE_LIMITS.rules} rules`, 'rules');
  const seen = new Set<string>();
  const rules: SupplierRule[] = [];
  for (let i = 0; i < o.rules.length; i++) {
    const r = o.rules[i] as { sku?: unknown; supplier?: unknown; match?: unknown } | null;
    if (typeof r !== 'object' || r === null) return bad('a rule is not an object', `rules[${i}]`);
    for (const [key, max] of [
      ['sku', SUPPLIER_RULE_LIMITS.sku],
      ['supplier', SUPPLIER_RULE_LIMITS.supplier],
    ] as const) {
      const t = r[key];
      if (typeof t !== 'string' || t.trim() === '' || t.trim().length > max || CONTROL.test(t))
        return bad(`${key} must be 1–${max} characters without control characters`, `rules[${i}].${key}`);
      if (containsMobile(t)) return bad(`${key} holds a mobile number`, `rules[${i}].${key}`);
    }
    if (r.match !== undefined && r.match !== 'exact' && r.match !== 'prefix')
      return bad('match must be "exact" or "prefix"', `rules[${i}].match`);
    const prefix = r.match === 'prefix';
    const sku = (r.sku as string).trim();
    const key = `${prefix ? 'p' : 'e'}:${sku}`;
    if (seen.has(key)) return bad(`SKU ${sku} is named twice`, `rules[${i}].sku`);
    seen.add(key);
    const supplier = (r.supplier as string).trim();
    rules.push(prefix ? { sku, supplier, match: 'prefix' } : { sku, supplier });
  }
  return { ok: true, value: { version: 1, rules } };
}

/**
 * Read a rule set file (JSON text). Never throws.
 * @example
 * parseSupplierRules('{"version":1,"rules":[{"sku":"A-1","supplier":"义乌杯厂"}]}').ok; // true
 * parseSupplierRules('{').ok; // false: { code: 'invalid-rules', message: 'not JSON' }
 */
export function parseSupplierRules(
  text: string,
):
  | { readonly ok: true; readonly value: SupplierRuleSet }
  | { readonly ok: false; readonly error: SupplierRulesError } {
  if (typeof text !== 'string' || text.length > SUPPLIER_RULE_LIMITS.chars)
    return { ok: false, error: { code: 'invalid-rules', message: 'not a rule set file (too large)' } };
  let v: unknown;
  try {
    v = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch {
    return { ok: false, error: { code: 'invalid-rules', message: 'not JSON' } };
  }
  return checkSupplierRules(v);
}

/**
 * The file text of a rule set (what `parseSupplierRules` reads back).
 * @example
 * serializeSupplierRules({ version: 1, rules: [] }); // '{\n  "version": 1,\n  "rules": []\n}\n'
 */
export function serializeSupplierRules(set: SupplierRuleSet): string {
  const rules = set.rules.map((r) =>
    r.match === 'prefix'
      ? { sku: r.sku, supplier: r.supplier, match: 'prefix' }
      : { sku: r.sku, supplier: r.supplier },
  );
  return `${JSON.stringify({ version: 1, rules }, null, 2)}\n`;
}

/**
 * A lookup of a rule set: the supplier of a SKU (module rules: exact first, else the longest
 * prefix), or `undefined` for a SKU no rule names.
 * @example
 * const of = supplierLookup({ version: 1, rules: [{ sku: 'SM-', supplier: '杯厂', match: 'prefix' }] });
 * of(' SM-001-A '); // '杯厂'
 * of('X-1'); // undefined
 */
export function supplierLookup(rules: SupplierRuleSet): (sku: string | undefined) => string | undefined {
  const exact = new Map<string, string>();
  const prefixes: SupplierRule[] = [];
  for (const r of rules.rules) {
    if (r.match === 'prefix') prefixes.push(r);
    else exact.set(r.sku, r.supplier);
  }
  // Longest prefix first, so the most specific rule wins.
  prefixes.sort((a, b) => b.sku.length - a.sku.length || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  return (sku) => {
    if (typeof sku !== 'string') return undefined;
    const t = sku.trim();
    if (t === '') return undefined;
    return exact.get(t) ?? prefixes.find((p) => t.startsWith(p.sku))?.supplier;
  };
}

/** An order shape the split reads: an id and items with optional SKUs. */
export interface SplittableOrder {
  readonly orderId: string;
  readonly items: readonly { readonly sku?: string | undefined }[];
}

/**
 * The split of a selection: one part per supplier (in order of first appearance) and the orders
 * that became several parcels.
 * @example
 * const s: SupplierSplit<OrderView> = { parts: [{ supplier: '义乌杯厂', orders: [] }], split: [] };
 */
export interface SupplierSplit<T extends SplittableOrder> {
  readonly parts: readonly { readonly supplier: string; readonly orders: readonly T[] }[];
  readonly split: readonly string[];
}

/**
 * Split orders by supplier (module rules).
 * @example
 * splitBySupplier(
 *   [{ orderId: '1', items: [{ sku: 'A' }, { sku: 'B' }] }],
 *   { version: 1, rules: [{ sku: 'B', supplier: '杯厂' }] },
 *   '毛巾厂',
 * );
 * // { parts: [{ supplier: '毛巾厂', orders: [{ orderId: '1', items: [{ sku: 'A' }] }] },
 * //           { supplier: '杯厂', orders: [{ orderId: '1', items: [{ sku: 'B' }] }] }], split: ['1'] }
 */
export function splitBySupplier<T extends SplittableOrder>(
  orders: readonly T[],
  rules: SupplierRuleSet,
  fallback: string,
): SupplierSplit<T> {
  const of = supplierLookup(rules);
  const parts = new Map<string, T[]>();
  const split: string[] = [];
  for (const o of orders) {
    const items = new Map<string, T['items'][number][]>();
    for (const it of o.items) {
      const supplier = of(it.sku) ?? fallback;
      const list = items.get(supplier);
      if (list) list.push(it);
      else items.set(supplier, [it]);
    }
    if (items.size > 1) split.push(o.orderId);
    for (const [supplier, its] of items) {
      const part = parts.get(supplier) ?? [];
      part.push(items.size === 1 ? o : { ...o, items: its });
      parts.set(supplier, part);
    }
  }
  return { parts: [...parts].map(([supplier, list]) => ({ supplier, orders: list })), split };
}
