/**
 * Shapes of a supplier hand-off batch (厂商代发): what a supplier needs to ship an order and
 * nothing more. Receivers are platform ciphertext and/or a virtual number with masked
 * references; never the buyer's real phone, and never a plaintext full name together with a
 * detailed address (DESIGN.md invariant 1).
 * @module
 */
import type { Instant, PlatformId, VirtualNumber } from '../types.js';

/**
 * One line of a hand-off order.
 * @example
 * const item: HandoffItem = { name: '304不锈钢保温杯 500ml 黑色', sku: 'BWB-500-BK', quantity: 2 };
 */
export interface HandoffItem {
  readonly name: string;
  readonly sku?: string;
  /** A whole number from 1 to 1,000,000. */
  readonly quantity: number;
}

/**
 * The receiver as the supplier gets it. `name`, `phone` and `address` are the masked references
 * the platform shows (`张*`, `132****3639`, `广东省广州市天河区****`); `address` may be a detailed
 * address only when the name is not plaintext (the WeChat virtual-number form ships to a
 * placeholder name, `店小二(转3639)`). `cipher` holds platform ciphertext, passed on untouched for a
 * print tool that prints from ciphertext.
 * @example
 * const r: HandoffReceiver = {
 *   name: '张*', phone: '132****3639', address: '广东省广州市天河区****',
 *   virtual: { main: '13476567876', ext: '3639' },
 * };
 */
export interface HandoffReceiver {
  readonly name?: string;
  readonly phone?: string;
  readonly address?: string;
  readonly virtual?: VirtualNumber;
  readonly cipher?: { readonly name?: string; readonly phone?: string; readonly address?: string };
}

/**
 * One order in a hand-off batch.
 * @example
 * const o: HandoffOrder = {
 *   orderId: '6932718406512345678', items: [{ name: '保温杯', quantity: 1 }],
 *   receiver: { name: '张*', phone: '132****3639', virtual: { main: '13476567876', ext: '3639' } },
 *   carrier: 'ZTO',
 * };
 */
export interface HandoffOrder {
  readonly orderId: string;
  readonly items: readonly HandoffItem[];
  /** Buyer remark; `sealBatch` passes it through `maskText` before sealing. */
  readonly remark?: string;
  readonly receiver: HandoffReceiver;
  /** Carrier the merchant prefers (a code such as `ZTO`, or a name). */
  readonly carrier?: string;
  /**
   * How the supplier prints this order (issue 17). `platform-dropship`: a ciphertext order the
   * supplier prints through the platform's own drop-ship flow (抖店 厂商代发, 微信小店 代发管理)
   * or its authorised print software, never from this page; it still returns a tracking number.
   * Absent: the supplier prints the label itself (a virtual-number order with its address).
   */
  readonly route?: HandoffRoute;
}

/**
 * The routes a hand-off order can carry (see `HandoffOrder.route`).
 * @example
 * const r: HandoffRoute = 'platform-dropship';
 */
export type HandoffRoute = 'platform-dropship';

/**
 * A batch of orders handed to one supplier.
 * @example
 * const b: HandoffBatch = {
 *   shop: '小满家居旗舰店', platform: 'wechat', batchId: 'q3Zk8Jd0WcLm',
 *   createdAt: Date.UTC(2026, 10, 23, 2), expiresAt: Date.UTC(2026, 10, 30, 2), orders: [],
 * };
 */
export interface HandoffBatch {
  readonly shop: string;
  readonly platform: PlatformId;
  /** 1–64 characters from `A–Z a–z 0–9 - _` (see `newBatchId`). */
  readonly batchId: string;
  readonly createdAt: Instant;
  /** After this instant the link no longer opens. */
  readonly expiresAt: Instant;
  readonly orders: readonly HandoffOrder[];
  /**
   * The merchant's note to the supplier (issue 21: shown on the supplier page), e.g.
   * "周五前发出，顺丰到付". Passed through `maskText` like a remark; at most 1,000 characters.
   */
  readonly note?: string;
}

/**
 * What the merchant keeps to open return codes later: the batch id and the batch's content
 * key (base64url, 32 bytes). The key opens only this batch's link and its return codes, and
 * the batch holds no buyer plaintext; keep it with the batch record.
 * @example
 * const keep: BatchKeyMaterial = { batchId: 'q3Zk8Jd0WcLm', key: 'Jm9...43 chars', createdAt: 1794395200000, expiresAt: 1795000000000, orderIds: ['3718000000000001234'] };
 */
export interface BatchKeyMaterial {
  readonly batchId: string;
  /** The 256-bit content key, base64url. */
  readonly key: string;
  /**
   * When the batch was created; a return code sealed before it is refused. Optional only for
   * key material stored before issue 14 (then `openReturn` takes it from its options).
   */
  readonly createdAt?: Instant;
  readonly expiresAt: Instant;
  /** Order ids in the batch, so return codes for other orders are refused. */
  readonly orderIds: readonly string[];
}

/** Randomness source: `n` fresh random bytes (e.g. `(n) => crypto.getRandomValues(new Uint8Array(n))`). */
export type RandomBytes = (n: number) => Uint8Array;
