/**
 * Building hand-off orders from the `OrderView`s the extension already holds. An `OrderView`
 * never holds buyer plaintext, so this is a plain projection onto what the supplier needs:
 * items, remark, the receiver's masked references, ciphertext and virtual number, and a
 * carrier preference. `sealBatch` still checks the result.
 * @module
 */
import type { OrderView } from '../types.js';
import type { HandoffOrder } from './types.js';

/** Options of `handoffOrderFromView`. */
export interface FromViewOptions {
  /** Carrier the merchant wants the supplier to use; default: the order's carrier, if any. */
  readonly carrier?: string;
  /** Leave out ciphertext (a virtual-number hand-off) or the virtual number (a ciphertext one). */
  readonly omit?: 'cipher' | 'virtual';
}

/**
 * Project an `OrderView` onto a hand-off order.
 * @example
 * handoffOrderFromView({
 *   platform: 'wechat', shopId: 'demo', orderId: '3718000000000001', status: 'awaiting_shipment',
 *   createdAt: 0, items: [{ name: '保温杯', quantity: 1 }],
 *   receiver: { name: '张*', phone: '132****3639', virtual: { main: '13476567876', ext: '3639' } },
 * }, { carrier: 'ZTO' });
 * // { orderId: '3718000000000001', items: [{ name: '保温杯', quantity: 1 }],
 * //   receiver: { name: '张*', phone: '132****3639', virtual: { main: '13476567876', ext: '3639' } }, carrier: 'ZTO' }
 */
export function handoffOrderFromView(view: OrderView, options: FromViewOptions = {}): HandoffOrder {
  const r = view.receiver;
  const receiver: {
    name?: string;
    phone?: string;
    address?: string;
    virtual?: { main: string; ext: string };
    cipher?: { name?: string; phone?: string; address?: string };
  } = {};
  if (r.name) receiver.name = r.name;
  if (r.phone) receiver.phone = r.phone;
  if (r.address) receiver.address = r.address;
  if (r.virtual && options.omit !== 'virtual')
    receiver.virtual = { main: r.virtual.main, ext: r.virtual.ext };
  if (r.cipher && options.omit !== 'cipher') {
    const c: { name?: string; phone?: string; address?: string } = {};
    if (r.cipher.name) c.name = r.cipher.name;
    if (r.cipher.phone) c.phone = r.cipher.phone;
    if (r.cipher.address) c.address = r.cipher.address;
    if (Object.keys(c).length > 0) receiver.cipher = c;
  }
  const carrier = options.carrier ?? view.carrier;
  return {
    orderId: view.orderId,
    items: view.items.map((it) =>
      it.sku
        ? { name: it.name, sku: it.sku, quantity: it.quantity }
        : { name: it.name, quantity: it.quantity },
    ),
    ...(view.remark ? { remark: view.remark } : {}),
    receiver: receiver,
    ...(carrier ? { carrier } : {}),
  };
}
