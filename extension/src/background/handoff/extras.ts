/**
 * The export's extras over the stored masked views (issue 8 / 17), shared by the one-supplier and
 * the multi-supplier seal.
 * @module
 */
import type { OrderView } from '@shipmask/core';
import type { HandoffExtra } from '../../messages/handoff';

/**
 * Add the ciphertext / virtual numbers read from the platform's export to the stored masked views
 * (in memory, for this sealing only; the validator let only ciphertext and 11+4 numbers through).
 * @example
 * withExtras(views, [{ orderId: '6921…', cipher: { phone: '$…$' } }])[0]?.receiver.cipher;
 */
export function withExtras(orders: readonly OrderView[], extras: readonly HandoffExtra[] = []): OrderView[] {
  const byId = new Map(extras.map((e) => [e.orderId, e]));
  return orders.map((o) => {
    const e = byId.get(o.orderId);
    if (!e) return o;
    return {
      ...o,
      receiver: {
        ...o.receiver,
        ...(e.cipher ? { cipher: { ...o.receiver.cipher, ...e.cipher } } : {}),
        ...(e.virtual && !o.receiver.virtual ? { virtual: e.virtual } : {}),
      },
    };
  });
}
