/**
 * Planning a multi-supplier hand-off (issue 17, item 4): which parcels a selection becomes, one
 * part per supplier, before anything is sealed. Rules:
 * - each item goes to the supplier the shop's rule set names for its SKU (`supplierLookup`:
 *   exact, else longest prefix);
 * - an item whose SKU no rule names, or that carries no SKU, goes to the default supplier when
 *   the merchant set one; without a default its WHOLE order stays unassigned (`no-sku` /
 *   `no-rule`, naming the SKUs), never half sealed: shipping part of an order and marking it
 *   shipped would leave the rest unsent;
 * - an order with no items read (the page or export did not show them) stays unassigned
 *   (`no-items`): nothing is guessed;
 * - an order whose items belong to two suppliers becomes two parcels: one order line in each
 *   supplier's part, holding that supplier's items only; the split is listed per order with each
 *   parcel's supplier and SKUs, for the merchant to see before sealing;
 * - an order id met twice in one selection is planned once (`duplicate` for the later ones);
 * - parts come in order of first appearance, orders in selection order.
 * So every order ends in exactly one of {one or more parts, unassigned with a reason}, and every
 * item of a planned order is in exactly one parcel (property-tested).
 * @module
 */
import { supplierLookup, type SplittableOrder, type SupplierRuleSet } from './supplier-rules.js';

/** Why an order was not given to any supplier. */
export type UnassignedReason = 'no-items' | 'no-sku' | 'no-rule' | 'duplicate';

/** One parcel of a split order: its supplier and the SKUs (or item names) it carries. */
export interface ParcelOf {
  readonly supplier: string;
  readonly skus: readonly string[];
}

/**
 * The plan of a selection.
 * @example
 * const p: SupplierParcelPlan<OrderView> = { parts: [], unassigned: [{ orderId: '1', reason: 'no-items', skus: [] }], split: [] };
 */
export interface SupplierParcelPlan<T extends SplittableOrder> {
  /** One part per supplier; a split order's line holds that supplier's items only. */
  readonly parts: readonly { readonly supplier: string; readonly orders: readonly T[] }[];
  /** Orders not given to anyone, with why (and the SKUs without a supplier). */
  readonly unassigned: readonly {
    readonly orderId: string;
    readonly reason: UnassignedReason;
    readonly skus: readonly string[];
  }[];
  /** Orders that became several parcels, each parcel's supplier and SKUs, in part order. */
  readonly split: readonly { readonly orderId: string; readonly parcels: readonly ParcelOf[] }[];
}

/** Options of `planSupplierParcels`. */
export interface SupplierPlanOptions {
  /** The default supplier for items no rule names (blank or absent: leave them unassigned). */
  readonly fallback?: string;
}

type Named = { readonly sku?: string | undefined; readonly name?: unknown };

/** What names an item in the split list: its SKU, else its name, else `?`. */
const labelOf = (it: Named): string =>
  typeof it.sku === 'string' && it.sku.trim() !== ''
    ? it.sku.trim()
    : typeof it.name === 'string' && it.name !== ''
      ? it.name
      : '?';

/**
 * Plan the parcels of a selection (module rules). Never throws.
 * @example
 * planSupplierParcels(
 *   [{ orderId: '1', items: [{ sku: 'A-1' }, { sku: 'B-1' }] }, { orderId: '2', items: [{ sku: 'Z' }] }],
 *   { version: 1, rules: [{ sku: 'A-', supplier: '杯厂', match: 'prefix' }, { sku: 'B-1', supplier: '毛巾厂' }] },
 * );
 * // { parts: [{ supplier: '杯厂', orders: [{ orderId: '1', items: [{ sku: 'A-1' }] }] },
 * //           { supplier: '毛巾厂', orders: [{ orderId: '1', items: [{ sku: 'B-1' }] }] }],
 * //   unassigned: [{ orderId: '2', reason: 'no-rule', skus: ['Z'] }],
 * //   split: [{ orderId: '1', parcels: [{ supplier: '杯厂', skus: ['A-1'] }, { supplier: '毛巾厂', skus: ['B-1'] }] }] }
 */
export function planSupplierParcels<T extends SplittableOrder>(
  orders: readonly T[],
  rules: SupplierRuleSet,
  options: SupplierPlanOptions = {},
): SupplierParcelPlan<T> {
  const of = supplierLookup(rules);
  const fallback = typeof options.fallback === 'string' ? options.fallback.trim() : '';
  const parts = new Map<string, T[]>();
  const unassigned: { orderId: string; reason: UnassignedReason; skus: string[] }[] = [];
  const split: { orderId: string; parcels: ParcelOf[] }[] = [];
  const seen = new Set<string>();
  for (const o of (Array.isArray(orders) ? orders : []) as readonly T[]) {
    if (seen.has(o.orderId)) {
      unassigned.push({ orderId: o.orderId, reason: 'duplicate', skus: [] });
      continue;
    }
    seen.add(o.orderId);
    const items = (Array.isArray(o.items) ? o.items : []) as T['items'];
    if (items.length === 0) {
      unassigned.push({ orderId: o.orderId, reason: 'no-items', skus: [] });
      continue;
    }
    const bySupplier = new Map<string, T['items'][number][]>();
    const noSku: string[] = [];
    const noRule: string[] = [];
    for (const it of items) {
      const named = of(it.sku);
      const hasSku = typeof it.sku === 'string' && it.sku.trim() !== '';
      const supplier = named ?? (fallback !== '' ? fallback : undefined);
      if (supplier === undefined) {
        (hasSku ? noRule : noSku).push(labelOf(it));
        continue;
      }
      const list = bySupplier.get(supplier);
      if (list) list.push(it);
      else bySupplier.set(supplier, [it]);
    }
    if (noSku.length > 0 || noRule.length > 0) {
      unassigned.push({
        orderId: o.orderId,
        reason: noSku.length > 0 ? 'no-sku' : 'no-rule',
        skus: [...noSku, ...noRule],
      });
      continue;
    }
    for (const [supplier, its] of bySupplier) {
      const part = parts.get(supplier) ?? [];
      part.push(bySupplier.size === 1 ? o : { ...o, items: its });
      parts.set(supplier, part);
    }
    if (bySupplier.size > 1) {
      const rank = new Map([...parts.keys()].map((k, i) => [k, i]));
      split.push({
        orderId: o.orderId,
        parcels: [...bySupplier]
          .sort(([a], [b]) => rank.get(a)! - rank.get(b)!)
          .map(([supplier, its]) => ({ supplier, skus: its.map((it) => labelOf(it as Named)) })),
      });
    }
  }
  return { parts: [...parts].map(([supplier, list]) => ({ supplier, orders: list })), unassigned, split };
}
