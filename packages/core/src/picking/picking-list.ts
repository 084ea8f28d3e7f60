/**
 * The picking list (备货单, issue 18, item 4): what to take off the shelves for a selection of
 * orders, one line per SKU (商家编码), with the total quantity and the number of orders.
 * @module
 */
import type { OrderItem, OrderView } from '../types.js';

/**
 * What a picking list reads of an order.
 * @example
 * const o: PickOrder = { orderId: '1', items: [{ name: '保温杯', sku: 'CUP-1', quantity: 2 }] };
 */
export type PickOrder = Pick<OrderView, 'orderId' | 'items'>;

/**
 * One line of the picking list.
 * @example
 * const l: PickLine = { sku: 'CUP-1', name: '保温杯', spec: '', quantity: 3, orders: 2 };
 */
export interface PickLine {
  /** 商家编码 / SKU; empty when the item shows none (then the line is keyed by name and spec). */
  readonly sku: string;
  readonly name: string;
  readonly spec: string;
  /** Total quantity over the selection. */
  readonly quantity: number;
  /** Number of distinct orders with this line. */
  readonly orders: number;
}

/** An item the list could not count. */
export interface PickProblem {
  readonly orderId: string;
  /** Index of the item in the order. */
  readonly index: number;
  readonly code: 'bad-quantity' | 'too-many-items';
  readonly message: string;
}

/**
 * A picking list.
 * @example
 * const p: PickingList = { lines: [], orderCount: 0, totalQuantity: 0, problems: [] };
 */
export interface PickingList {
  /** SKU lines ascending by SKU, then lines without a SKU ascending by name and spec. */
  readonly lines: readonly PickLine[];
  /** Distinct orders in the selection. */
  readonly orderCount: number;
  readonly totalQuantity: number;
  readonly problems: readonly PickProblem[];
}

/** Largest quantity of one item counted; more is a `bad-quantity` problem. */
export const MAX_ITEM_QUANTITY = 100_000;
/** Most items of one order counted; the rest is a `too-many-items` problem. */
export const MAX_ORDER_ITEMS = 500;

const text = (s: unknown): string => (typeof s === 'string' ? s.trim() : '');
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Build the picking list of a selection. Rule: each order id counts once (the first occurrence);
 * items are keyed by SKU when shown, else by name + spec; quantities add up; `orders` counts the
 * distinct orders per line; the shown name (and spec) of a SKU line is the smallest one seen, so
 * the list does not depend on input order; a quantity that is not a whole number in
 * 1..MAX_ITEM_QUANTITY is reported, not counted.
 * @example
 * pickingList([
 *   { orderId: '1', items: [{ name: '保温杯', sku: 'CUP-1', quantity: 2 }] },
 *   { orderId: '2', items: [{ name: '保温杯', sku: 'CUP-1', quantity: 1 }, { name: '杯盖', quantity: 1 }] },
 * ]).lines;
 * // [{ sku: 'CUP-1', name: '保温杯', spec: '', quantity: 3, orders: 2 }, { sku: '', name: '杯盖', spec: '', quantity: 1, orders: 1 }]
 */
export function pickingList(orders: readonly PickOrder[]): PickingList {
  const seenOrders = new Set<string>();
  const lines = new Map<
    string,
    { sku: string; name: string; spec: string; quantity: number; orders: number; last: string }
  >();
  const problems: PickProblem[] = [];
  let total = 0;
  for (const o of (Array.isArray(orders) ? orders : []) as readonly PickOrder[]) {
    if (!o || typeof o.orderId !== 'string' || seenOrders.has(o.orderId)) continue;
    seenOrders.add(o.orderId);
    const items = (Array.isArray(o.items) ? o.items : []) as readonly OrderItem[];
    if (items.length > MAX_ORDER_ITEMS)
      problems.push({
        orderId: o.orderId,
        index: MAX_ORDER_ITEMS,
        code: 'too-many-items',
        message: `only the first ${MAX_ORDER_ITEMS} items of an order are counted`,
      });
    for (let i = 0; i < Math.min(items.length, MAX_ORDER_ITEMS); i++) {
      const it = items[i];
      const q = it?.quantity;
      if (!it) continue;
      if (typeof q !== 'number' || !Number.isInteger(q) || q < 1 || q > MAX_ITEM_QUANTITY) {
        problems.push({
          orderId: o.orderId,
          index: i,
          code: 'bad-quantity',
          message: `the quantity is not a whole number from 1 to ${MAX_ITEM_QUANTITY}`,
        });
        continue;
      }
      const sku = text(it.sku);
      const name = text(it.name);
      const spec = text(it.spec);
      const key = sku !== '' ? `s\u0000${sku}` : `n\u0000${name}\u0000${spec}`;
      const line = lines.get(key);
      if (!line) lines.set(key, { sku, name, spec, quantity: q, orders: 1, last: o.orderId });
      else {
        line.quantity += q;
        // each order id is visited once, in one stretch: count it when the line first sees it
        if (line.last !== o.orderId) {
          line.orders++;
          line.last = o.orderId;
        }
        if (cmp(name, line.name) < 0 || (name === line.name && cmp(spec, line.spec) < 0)) {
          line.name = name;
          line.spec = spec;
        }
      }
      total += q;
    }
  }
  const out = [...lines.values()]
    .map((l) => ({ sku: l.sku, name: l.name, spec: l.spec, quantity: l.quantity, orders: l.orders }))
    .sort((a, b) =>
      a.sku !== '' && b.sku !== ''
        ? cmp(a.sku, b.sku)
        : a.sku !== ''
          ? -1
          : b.sku !== ''
            ? 1
            : cmp(a.name, b.name) || cmp(a.spec, b.spec),
    );
  return { lines: out, orderCount: seenOrders.size, totalQuantity: total, problems };
}
