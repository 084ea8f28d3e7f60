/**
 * Invariant 1 for orders (defence in depth; the adapters mask already): `plaintextIn` refuses an
 * order whose receiver fields are not already core's masks, or whose free text (remark, items,
 * SKU, category, region) still holds anything `maskText` masks. The router asks
 * `plaintextRefusal` before any handler sees an `orders/seen`.
 * @module
 */
import {
  classifyField,
  maskAddress,
  maskName,
  maskPhone,
  maskText,
  type FieldForm,
  type OrderView,
} from '@shipmask/core';
import type { PageRequest } from '../../messages/index';

/** Forms a receiver field may take in storage (invariant 1). */
const ALLOWED: Record<'name' | 'phone' | 'address', readonly FieldForm[]> = {
  name: ['masked', 'ciphertext', 'empty'],
  phone: ['masked', 'ciphertext', 'virtual', 'empty'],
  address: ['masked', 'ciphertext', 'empty'],
};

/** The core mask of each receiver slot: a stored value must already be its own mask. */
const MASKS: Record<'name' | 'phone' | 'address', (v: string) => string> = {
  name: (v) => maskName(v).value,
  phone: (v) => maskPhone(v).value,
  address: (v) => maskAddress(v).value,
};

/** The first kind of buyer data `maskText` finds in `text` (virtual numbers and extensions are not). */
function freeTextFinding(text: string): string | undefined {
  return maskText(text).found.find((f) => f.kind !== 'virtual' && f.kind !== 'extension')?.kind;
}

/**
 * The first field of `order` that is not safe to store, as `receiver.phone (plain)`, or
 * undefined when every field is safe. Issue 14, item 4: the gate agrees with core's masks —
 * - a receiver name / phone / address is stored only in a safe form (masked, ciphertext,
 *   virtual, empty) AND only if it is already what `maskName` / `maskPhone` / `maskAddress`
 *   produces from it (`张**`, `132*****639`, `广东省广州市天河区花城广场**` are refused:
 *   masked, but not by the rule);
 * - ciphertext slots hold ciphertext (a ciphertext-shaped value carrying a mobile is not);
 * - the free text — remark, item names and SKUs, category, region names — holds nothing
 *   `maskText` would mask (phone, ID number, detailed address, name).
 * @example
 * plaintextIn({ ...order, receiver: { phone: '13240968483' } }); // 'receiver.phone (plain)'
 * plaintextIn({ ...order, receiver: { name: '张**' } }); // 'receiver.name (not masked by the rule)'
 * plaintextIn({ ...order, items: [{ name: '杯 +86 138 1234 5678', quantity: 1 }] }); // 'items[0].name (mobile)'
 */
export function plaintextIn(order: OrderView): string | undefined {
  const r = order.receiver;
  for (const kind of ['name', 'phone', 'address'] as const) {
    const v = r[kind];
    if (v !== undefined) {
      const form = classifyField(v, kind).form;
      if (!ALLOWED[kind].includes(form)) return `receiver.${kind} (${form})`;
      if (form !== 'virtual' && form !== 'empty' && MASKS[kind](v) !== v.trim())
        return `receiver.${kind} (not masked by the rule)`;
    }
    const c = r.cipher?.[kind];
    if (c !== undefined) {
      const form = classifyField(c, kind).form;
      if (form !== 'ciphertext' && form !== 'empty') return `receiver.cipher.${kind} (${form})`;
    }
  }
  const texts: [string, string | undefined][] = [
    ['remark', order.remark],
    ['category', order.category],
    ['receiver.region.province', r.region?.province],
    ['receiver.region.city', r.region?.city],
    ['receiver.region.district', r.region?.district],
  ];
  order.items.forEach((it, i) => {
    texts.push([`items[${i}].name`, it.name], [`items[${i}].sku`, it.sku]);
  });
  for (const [where, text] of texts) {
    if (text === undefined || text === '') continue;
    const kind = freeTextFinding(text);
    if (kind !== undefined) return `${where} (${kind})`;
  }
  return undefined;
}

/**
 * Why a request must not reach a handler because it carries buyer plaintext, or undefined.
 * Rule: every order of an `orders/seen` passes `plaintextIn` (nothing is stored otherwise).
 * @example
 * plaintextRefusal({ type: 'orders/seen', shop, orders: [plainOrder] }); // 'order carries plaintext: receiver.phone (plain)'
 * plaintextRefusal({ type: 'shops/list' }); // undefined
 */
export function plaintextRefusal(request: PageRequest): string | undefined {
  if (request.type !== 'orders/seen') return undefined;
  for (const order of request.orders) {
    const where = plaintextIn(order);
    if (where) return `order carries plaintext: ${where}`;
  }
  return undefined;
}
