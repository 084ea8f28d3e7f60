/**
 * Order status words in the platforms' exports, mapped to shipmask's `OrderStatus`, and back.
 * Douyin: 待支付 / 备货中 / 待发货 / 部分发货 / 已发货 / 已完成 / 已关闭 / 售后中. WeChat Channels
 * shop: 待付款 / 待发货 / 部分发货 / 待收货 / 已完成 / 已取消. JD: 等待付款 / 等待出库 / 等待确认收货
 * / 完成 / 已取消 / 锁定. A partly shipped order still needs shipping: `awaiting_shipment`.
 * @module
 */
import type { OrderStatus, PlatformId } from '../types.js';

const WORDS: Readonly<Record<string, OrderStatus>> = {
  待支付: 'unpaid',
  待付款: 'unpaid',
  等待付款: 'unpaid',
  未付款: 'unpaid',
  待发货: 'awaiting_shipment',
  备货中: 'awaiting_shipment',
  部分发货: 'awaiting_shipment',
  等待出库: 'awaiting_shipment',
  待出库: 'awaiting_shipment',
  已支付: 'awaiting_shipment',
  待配货: 'awaiting_shipment',
  已打单: 'printed',
  已打待发货: 'printed',
  已打印: 'printed',
  已发货: 'shipped',
  待收货: 'shipped',
  等待确认收货: 'shipped',
  运输中: 'shipped',
  已揽收: 'shipped',
  已签收: 'received',
  已收货: 'received',
  已完成: 'completed',
  完成: 'completed',
  交易成功: 'completed',
  交易完成: 'completed',
  售后中: 'after_sale',
  退款中: 'after_sale',
  售后: 'after_sale',
  锁定: 'after_sale',
  已关闭: 'cancelled',
  已取消: 'cancelled',
  取消: 'cancelled',
  交易关闭: 'cancelled',
  订单关闭: 'cancelled',
  已退款: 'cancelled',
};

/**
 * Read an export's status word (any platform's wording); `undefined` when not recognised.
 * @example
 * readOrderStatus('待发货'); // 'awaiting_shipment'
 * readOrderStatus('等待确认收货'); // 'shipped'
 * readOrderStatus('??'); // undefined
 */
export function readOrderStatus(text: string): OrderStatus | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  if (Object.hasOwn(WORDS, t)) return WORDS[t];
  // `已发货(部分)`, `待发货（预售）`: the word before a bracket.
  const m = /^([^(（]{1,12})[(（]/u.exec(t.length > 64 ? '' : t);
  const head = m?.[1]?.trim();
  return head !== undefined && Object.hasOwn(WORDS, head) ? WORDS[head] : undefined;
}

const OUT: Readonly<Record<PlatformId, Readonly<Record<OrderStatus, string>>>> = {
  douyin: {
    unpaid: '待支付',
    awaiting_shipment: '待发货',
    printed: '待发货',
    shipped: '已发货',
    received: '已发货',
    completed: '已完成',
    after_sale: '售后中',
    cancelled: '已关闭',
  },
  wechat: {
    unpaid: '待付款',
    awaiting_shipment: '待发货',
    printed: '待发货',
    shipped: '待收货',
    received: '已完成',
    completed: '已完成',
    after_sale: '售后中',
    cancelled: '已取消',
  },
  jd: {
    unpaid: '等待付款',
    awaiting_shipment: '等待出库',
    printed: '等待出库',
    shipped: '等待确认收货',
    received: '完成',
    completed: '完成',
    after_sale: '锁定',
    cancelled: '已取消',
  },
};

/**
 * The platform's word for a status, as its export writes it.
 * @example
 * orderStatusText('jd', 'awaiting_shipment'); // '等待出库'
 * orderStatusText('wechat', 'shipped'); // '待收货'
 */
export function orderStatusText(platform: PlatformId, status: OrderStatus): string {
  const words: Readonly<Record<string, string>> | undefined = Object.hasOwn(OUT, platform)
    ? OUT[platform]
    : undefined;
  return words !== undefined && Object.hasOwn(words, status) ? (words[status] ?? '') : '';
}
