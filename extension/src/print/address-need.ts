/**
 * Which selected orders need a detailed address from outside the stored view (issue 21 item 1):
 * the label of a virtual-number order carries the full address, and the stored view holds only
 * the masked one (invariant 1).
 * @module
 */
import { classifyField, shippable, type OrderView } from '@shipmask/core';

/**
 * Whether `order` needs a detailed address at print time. Rule: a shippable order (core
 * `shippable`) without ciphertext (the platform's print holds its data) and without a malformed
 * phone (no virtual number is ever issued for it), whose held address is masked. An order whose
 * page shows no virtual number yet (京东 lists it on some rows; a reveal shows it) counts too: the
 * order page answers whether it has one.
 * @example
 * needsDetailedAddress({ ...order, receiver: { virtual, address: '广东省广州市天河区****' } }); // true
 * needsDetailedAddress({ ...order, receiver: { cipher: { address: '#…#' } } }); // false
 */
export function needsDetailedAddress(order: OrderView): boolean {
  const r = order.receiver;
  if (r.cipher || r.phoneInvalid || !shippable(order).ok) return false;
  return classifyField(r.address ?? '', 'address').form === 'masked';
}
