/**
 * Packing slips (issue 18, item 4): per order, what goes in the parcel, with the receiver and the
 * remark masked. Every text passes the masks again (they are idempotent), so a slip never carries
 * a plaintext phone, full name or detailed address even when its input did.
 * @module
 */
import { classifyField } from '../classify/classify-field.js';
import { maskAddress } from '../mask/mask-address.js';
import { maskName } from '../mask/mask-name.js';
import { maskPhone } from '../mask/mask-phone.js';
import { maskText } from '../mask/mask-text.js';
import type { OrderItem, OrderView } from '../types.js';

/**
 * One packing slip.
 * @example
 * const s: PackingSlip = { orderId: '1', items: [{ sku: '', name: '保温杯', spec: '', quantity: 1 }], remark: '', receiver: { name: '张*', phone: '132****3639', address: '广东省广州市天河区****' } };
 */
export interface PackingSlip {
  readonly orderId: string;
  readonly items: readonly {
    readonly sku: string;
    readonly name: string;
    readonly spec: string;
    readonly quantity: number;
  }[];
  /** The buyer remark, masked (`maskText`). */
  readonly remark: string;
  /** Masked receiver; platform ciphertext is left out (it means nothing on paper). */
  readonly receiver: { readonly name: string; readonly phone: string; readonly address: string };
}

const MAX_TEXT = 2_000;
const str = (s: unknown): string => (typeof s === 'string' ? s.slice(0, MAX_TEXT).trim() : '');

function safe(value: string, kind: 'name' | 'phone' | 'address'): string {
  if (value === '' || classifyField(value, kind).form === 'ciphertext') return '';
  if (kind === 'name') return maskName(value).value;
  if (kind === 'phone') return maskPhone(value).value;
  return maskAddress(value).value;
}

/**
 * Packing slips for a selection, in the selection's order, one per order id (the first). Rule:
 * items as listed (name, spec, SKU, quantity); remark through `maskText`; receiver name, phone and
 * address through `maskName` / `maskPhone` / `maskAddress` (a virtual number stays in its
 * `main-ext` form; ciphertext becomes empty); item texts also through `maskText`.
 * @example
 * packingSlips([{ platform: 'jd', shopId: 's', orderId: '1', status: 'awaiting_shipment', createdAt: 0,
 *   items: [{ name: '保温杯', quantity: 1 }], remark: '电话13812345678',
 *   receiver: { name: '张三', phone: '13812345678', address: '广东省广州市天河区花城广场888号' } }])[0]?.receiver;
 * // { name: '张*', phone: '138****5678', address: '广东省广州市天河区****' }
 */
export function packingSlips(orders: readonly OrderView[]): readonly PackingSlip[] {
  const seen = new Set<string>();
  const out: PackingSlip[] = [];
  for (const o of (Array.isArray(orders) ? orders : []) as readonly OrderView[]) {
    if (!o || typeof o.orderId !== 'string' || seen.has(o.orderId)) continue;
    seen.add(o.orderId);
    const r = o.receiver ?? {};
    const v = r.virtual;
    const phone = v ? `${v.main}-${v.ext}` : str(r.phone);
    out.push({
      orderId: o.orderId,
      items: ((Array.isArray(o.items) ? o.items : []) as readonly OrderItem[]).map((it) => ({
        sku: maskText(str(it?.sku)).value,
        name: maskText(str(it?.name)).value,
        spec: maskText(str(it?.spec)).value,
        quantity: typeof it?.quantity === 'number' && Number.isFinite(it.quantity) ? it.quantity : 0,
      })),
      remark: maskText(str(o.remark)).value,
      receiver: {
        name: safe(str(r.name), 'name'),
        phone: safe(phone, 'phone'),
        address: safe(str(r.address), 'address'),
      },
    });
  }
  return out;
}
