/**
 * What a back-office row says about an order besides its status column: a refund or after-sales
 * request, a closed order, a changed address, an assignment to a supplier through the platform.
 * Adapters read these words off the row (status cell, tags); the gate decides on them.
 * @module
 */
import type { OrderStatus } from '../types.js';

/**
 * Exception facts about one order as the page last showed them. Absent means "not shown".
 * @example
 * const f: OrderFlags = { refund: 'requested' };
 */
export interface OrderFlags {
  /** The buyer asked for a refund (`requested`, 退款中 / 申请退款) or it was paid out (`refunded`, 退款成功). */
  readonly refund?: 'requested' | 'refunded';
  /** An after-sales ticket is open (售后中). */
  readonly afterSale?: boolean;
  /** The order is closed or cancelled (已关闭 / 交易关闭 / 已取消). */
  readonly closed?: boolean;
  /** The page's own "address changed" marker (修改地址 / 地址已修改) is on the row. */
  readonly addressChanged?: boolean;
  /** The platform assigned the order to a supplier (厂商代发 / 已分配供应商). */
  readonly supplierAssigned?: boolean;
}

// Literal alternations only: linear in the input, no nested quantifiers.
const REFUNDED = /退款成功|已退款|退款完成|退款已完成/u;
const REFUND_REQUESTED = /退款中|申请退款|退款申请|待退款|退款待处理|仅退款|退货退款|买家已申请退款/u;
const AFTER_SALE = /售后中|售后处理中|申请售后|售后待处理|售后申请/u;
const CLOSED = /已关闭|交易关闭|订单关闭|已取消|订单取消|取消成功|交易取消/u;
const ADDRESS_CHANGED = /修改地址|地址已修改|已修改地址|改地址|地址变更|修改收货地址|收货信息已修改/u;
const SUPPLIER =
  /厂商代发|已分配厂商|分配厂商|代发中|已分配供应商|供应商代发|代发管理|已推送代发|已分配代发/u;

/**
 * Read exception words from a row's text (status cell, tags). Rule: 退款成功/已退款 → refunded,
 * else 退款中/申请退款/仅退款/退货退款 → refund requested; 售后中/申请售后 → after-sale;
 * 已关闭/交易关闭/已取消 → closed; 修改地址/地址已修改/地址变更 → address changed;
 * 厂商代发/已分配厂商/已分配供应商/代发中 → assigned to a supplier. Never throws; non-strings give `{}`.
 * @example
 * readOrderFlags('待发货 买家申请退款'); // { refund: 'requested' }
 * readOrderFlags('已关闭'); // { closed: true }
 */
export function readOrderFlags(text: string): OrderFlags {
  if (typeof text !== 'string' || text === '') return {};
  const out: { -readonly [K in keyof OrderFlags]: OrderFlags[K] } = {};
  if (REFUNDED.test(text)) out.refund = 'refunded';
  else if (REFUND_REQUESTED.test(text)) out.refund = 'requested';
  if (AFTER_SALE.test(text)) out.afterSale = true;
  if (CLOSED.test(text)) out.closed = true;
  if (ADDRESS_CHANGED.test(text)) out.addressChanged = true;
  if (SUPPLIER.test(text)) out.supplierAssigned = true;
  return out;
}

/**
 * Flags implied by a normalised status, merged with flags read from the page (either source
 * suffices). Rule: `after_sale` → after-sale; `cancelled` → closed.
 * @example
 * flagsWithStatus('cancelled', {}); // { closed: true }
 */
export function flagsWithStatus(status: OrderStatus, flags: OrderFlags | undefined): OrderFlags {
  const f = flags ?? {};
  if (status === 'after_sale' && !f.afterSale) return { ...f, afterSale: true };
  if (status === 'cancelled' && !f.closed) return { ...f, closed: true };
  return f;
}
