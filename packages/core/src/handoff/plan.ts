/**
 * Planning one order of a supplier hand-off (issue 17): how the supplier will ship it, decided
 * before sealing so nothing is sealed that the supplier cannot use.
 *
 * Rules:
 * - a virtual-number order with a detailed delivery address supplied by the merchant (from the
 *   platform export or a counted reveal) is `label`: the supplier prints the compliant label
 *   (`店小二(转NNNN)` / main number / full address + `如需联系用户,请转NNNN`). The detailed
 *   address replaces the masked one in the order to be sealed; nothing else changes.
 * - a virtual-number order without a detailed address is `needs-address`, unless it carries
 *   platform ciphertext (then the platform's drop-ship prints it, as below);
 * - any other order is `platform`: marked `route: 'platform-dropship'`, it prints through the
 *   platform's own drop-ship (抖店 厂商代发, 微信小店 代发管理) or the supplier's authorised
 *   print software; the supplier still returns its tracking number. A detailed address given for
 *   such an order is dropped, never sealed (DESIGN.md invariant 1).
 * @module
 */
import { isDetailedAddress } from './check.js';
import type { HandoffOrder } from './types.js';

/**
 * How one order will be handed off (see the module rules).
 * @example
 * const p: HandoffPlan = { kind: 'needs-address', orderId: '3718000000000001' };
 */
export type HandoffPlan =
  | { readonly kind: 'label'; readonly order: HandoffOrder }
  | { readonly kind: 'platform'; readonly order: HandoffOrder }
  | { readonly kind: 'needs-address'; readonly orderId: string };

/**
 * Plan one order. `address` is the detailed delivery address the merchant supplied for it at
 * hand-off time (page memory only), if any. Never throws.
 * @example
 * planHandoffOrder(
 *   { orderId: '1', items: [{ name: '杯', quantity: 1 }],
 *     receiver: { name: '张*', address: '广东省广州市天河区****', virtual: { main: '13476567876', ext: '3639' } } },
 *   '广东省广州市天河区花城广场888号',
 * ); // { kind: 'label', order: { …, receiver: { …, address: '广东省广州市天河区花城广场888号' } } }
 */
export function planHandoffOrder(order: HandoffOrder, address?: string): HandoffPlan {
  const r = order.receiver;
  const given = typeof address === 'string' ? address.trim() : r.address;
  if (r.virtual !== undefined && given !== undefined && isDetailedAddress(given)) {
    const { route: _route, ...rest } = order;
    return { kind: 'label', order: { ...rest, receiver: { ...r, address: given } } };
  }
  const hasCipher =
    r.cipher !== undefined && Object.values(r.cipher).some((v) => typeof v === 'string' && v !== '');
  if (r.virtual !== undefined && !hasCipher) return { kind: 'needs-address', orderId: order.orderId };
  // Whatever address came with the order itself stays only if it is not detailed.
  const keepAddress = r.address !== undefined && !isDetailedAddress(r.address);
  const { address: _a, ...receiver } = r;
  return {
    kind: 'platform',
    order: {
      ...order,
      receiver: keepAddress ? { ...receiver, address: r.address } : receiver,
      route: 'platform-dropship',
    },
  };
}
