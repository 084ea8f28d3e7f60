/**
 * Shared data shapes of @shipmask/core. Every area (platform, mask, quota, waybill, print,
 * handoff, files) speaks in these types, and so do the extension and other tools.
 *
 * Invariant: an `OrderView` never holds buyer plaintext. Receiver fields are masked values,
 * platform ciphertext or virtual numbers. Times are UTC instants in epoch milliseconds; China
 * time (Asia/Shanghai, UTC+8, no DST) is only used to decide periods and expiry.
 * @module
 */

/** A UTC instant in epoch milliseconds. */
export type Instant = number;

/** The platforms shipmask knows today; policy records may add more. */
export type PlatformId = 'douyin' | 'wechat' | 'jd';

/** What a receiver field holds. */
export type FieldKind = 'phone' | 'name' | 'address' | 'text';

/** The form a field value takes on a back-office page, in an export or in a hand-off. */
export type FieldForm = 'plain' | 'masked' | 'ciphertext' | 'virtual' | 'empty' | 'invalid';

/**
 * An "11+4" virtual number: an 11-digit main number (主机号) owned by the platform and a
 * 4-digit extension (分机号) that routes to the buyer.
 * @example
 * const v: VirtualNumber = { main: '13240968483', ext: '9647' };
 */
export interface VirtualNumber {
  readonly main: string;
  readonly ext: string;
}

/** Platform ciphertext of one receiver field, passed through untouched. */
export interface CipherField {
  readonly value: string;
}

/**
 * The receiver as a merchant may hold it: masked text, platform ciphertext and/or a virtual
 * number. No field here is ever plaintext.
 * @example
 * const r: ReceiverView = { name: '张*', phone: '132****3639', address: '广东省广州市天河区****' };
 */
export interface ReceiverView {
  /** Masked name, e.g. `张*`. */
  readonly name?: string;
  /** Masked phone, e.g. `132****3639`. */
  readonly phone?: string;
  /** Masked address, e.g. `广东省广州市天河区****`. */
  readonly address?: string;
  /** Province / city / district that may be shown in the clear. */
  readonly region?: { readonly province?: string; readonly city?: string; readonly district?: string };
  /** The platform's virtual number for this order, if it issued one. */
  readonly virtual?: VirtualNumber;
  /** Platform ciphertext per field, as exported or returned by the open platform. */
  readonly cipher?: { readonly name?: string; readonly phone?: string; readonly address?: string };
  /** The page said the buyer's phone is malformed (e.g. a digit missing): no virtual number. */
  readonly phoneInvalid?: boolean;
}

/** One line of an order. */
export interface OrderItem {
  readonly name: string;
  readonly sku?: string;
  /** Variant as the platform names it (Douyin `商品规格`, e.g. `500ml 白色`). */
  readonly spec?: string;
  readonly quantity: number;
}

/** Order status, normalised across platforms. */
export type OrderStatus =
  | 'unpaid'
  | 'awaiting_shipment'
  | 'printed'
  | 'shipped'
  | 'received'
  | 'completed'
  | 'after_sale'
  | 'cancelled';

/**
 * An order as shipmask sees and stores it: what the adapter reads off a back-office page or an
 * export file, with the receiver only in masked / ciphertext / virtual form.
 * @example
 * const o: OrderView = {
 *   platform: 'wechat', shopId: 'demo', orderId: '3718000000000001', status: 'awaiting_shipment',
 *   createdAt: Date.UTC(2026, 10, 1), items: [{ name: '保温杯', quantity: 1 }],
 *   receiver: { name: '张*', phone: '132****3639', virtual: { main: '13476567876', ext: '3639' } },
 * };
 */
export interface OrderView {
  readonly platform: PlatformId;
  readonly shopId: string;
  readonly orderId: string;
  readonly status: OrderStatus;
  /** First-level category name as the platform shows it, e.g. `虚拟商品`. */
  readonly category?: string;
  readonly createdAt: Instant;
  /** When receipt was confirmed (WeChat virtual numbers run 14 days past this). */
  readonly receivedAt?: Instant;
  /** When the order completed (JD virtual numbers end here). */
  readonly completedAt?: Instant;
  readonly items: readonly OrderItem[];
  /** Buyer remark, already passed through `maskText`. */
  readonly remark?: string;
  readonly receiver: ReceiverView;
  readonly carrier?: string;
  readonly trackingNumber?: string;
  /**
   * The page shows the order already assigned to a supplier through the platform's own drop-ship
   * (微信小店 代发管理, 抖店 厂商代发): the merchant can no longer take a waybill number for it, so
   * it is never handed off again (issue 17).
   */
  readonly platformDropship?: true;
}
