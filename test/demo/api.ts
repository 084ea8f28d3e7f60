// The JSON the demo back-office pages fetch from the demo server (shared by server and page scripts).
// Like the real back-offices, the list API never carries plaintext receivers; only a reveal does.
import type { DemoItem, DemoPlatform, DemoStatus, DemoVirtualNumber } from './data.ts';

export type { DemoPlatform, DemoStatus };

export interface RowReceiver {
  /** Masked (`张*`), or the clear name on an exempt WeChat order. */
  readonly name: string;
  /** Masked (`132****3639`), or the clear phone on an exempt WeChat order. */
  readonly phone: string;
  /** Masked (`广东省广州市天河区****`), clear on an exempt WeChat order, '' when empty. */
  readonly address: string;
  readonly virtual?: DemoVirtualNumber;
  /** The buyer's phone is malformed (WeChat: hence no virtual number). */
  readonly phoneInvalid?: boolean;
  /** The platform does not encrypt this order (WeChat exempt category). */
  readonly clear?: boolean;
}

/** A row's status: the seed's, or 已打待发货 once the page's own 批量打印 printed it. */
export type RowStatus = DemoStatus | '已打待发货';

export interface OrderRow {
  readonly orderId: string;
  readonly status: RowStatus;
  readonly category: string;
  readonly createdAt: number;
  readonly paidAt?: number;
  readonly shippedAt?: number;
  readonly receivedAt?: number;
  readonly completedAt?: number;
  readonly items: readonly DemoItem[];
  readonly total: number;
  readonly freight: number;
  readonly remark: string;
  readonly carrier?: string;
  readonly trackingNo?: string;
  readonly receiver: RowReceiver;
  /** The ship-by instant the row shows (承诺发货时间 / 最晚发货时间), where the platform shows one. */
  readonly shipBy?: number;
  /**
   * An open refund or after-sales request the row shows beside its status (demo control
   * `POST /api/<p>/demo/refund`): `退款中` (refund requested, still 待发货 until the merchant acts).
   */
  readonly refund?: '退款中';
  /** The buyer changed the address (demo control `POST /api/<p>/demo/address`): the row's 修改地址 marker. */
  readonly addressChanged?: boolean;
}

export interface OrdersResponse {
  readonly orders: readonly OrderRow[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** Orders per status tab ('全部' = all) for the current search. */
  readonly counts: Readonly<Record<string, number>>;
  /** The page's own remaining-views counter. */
  readonly remaining: number;
}

export interface RevealResponse {
  readonly ok: true;
  readonly orderId: string;
  readonly name: string;
  /** Douyin / WeChat: the real phone. JD: the virtual number `main-ext` (JD never shows the real phone). */
  readonly phone: string;
  readonly address: string;
  readonly virtual?: DemoVirtualNumber;
  readonly remaining: number;
}

export interface ApiError {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
}

export interface ShipRowInput {
  readonly orderId: string;
  readonly carrier: string;
  readonly trackingNo: string;
}

export interface ShipResponse {
  readonly ok: true;
  readonly succeeded: number;
  readonly failed: readonly { readonly line: number; readonly orderId: string; readonly reason: string }[];
}

/** Bulk-ship CSV headers per platform (order id, carrier, tracking number). */
export const shipHeaders: Readonly<Record<DemoPlatform, readonly [string, string, string]>> = {
  douyin: ['订单编号', '快递公司', '快递单号'],
  wechat: ['订单号', '快递公司', '快递单号'],
  jd: ['订单号', '物流公司', '运单号'],
};

/** Body of the demo controls `POST /api/<p>/demo/refund` and `POST /api/<p>/demo/address`. */
export interface DemoControlInput {
  readonly orderId: string;
}

export const pageSizes = [20, 50, 100, 200] as const;
