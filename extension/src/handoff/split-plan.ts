/**
 * The hand-off page's preview of a multi-supplier seal (issue 17 item 4), by the same core rule
 * the background seals by (`planSupplierParcels` over the shop's saved rules): how many orders
 * each supplier gets, which orders become several parcels (shown before sealing as
 * `订单 …：2 个包裹 → 厂家A（SKU x），厂家B（SKU y）`), and which stay unassigned, with why.
 * Orders already assigned through the platform's drop-ship are left out before planning.
 * @module
 */
import {
  planSupplierParcels,
  type OrderView,
  type SupplierParcelPlan,
  type UnassignedReason,
} from '@shipmask/core';
import type { SupplierRulesValue } from '../messages/handoff';

/**
 * Plan the selection with the shop's rules.
 * @example
 * previewSuppliers(orders, { rules: { version: 1, rules: [] }, fallback: '自营仓' }).parts[0]?.supplier; // '自营仓'
 */
export function previewSuppliers(
  orders: readonly OrderView[],
  value: SupplierRulesValue,
): SupplierParcelPlan<OrderView> {
  return planSupplierParcels(
    orders.filter((o) => !o.platformDropship),
    value.rules,
    value.fallback ? { fallback: value.fallback } : {},
  );
}

/**
 * One split order as a line of text (Preact renders it as text).
 * @example
 * splitLine({ orderId: '6921…', parcels: [{ supplier: '杯厂', skus: ['A'] }, { supplier: '毛巾厂', skus: ['B'] }] }, 'zh');
 * // '订单 6921…：2 个包裹 → 杯厂（A），毛巾厂（B）'
 */
export function splitLine(s: SupplierParcelPlan<OrderView>['split'][number], lang: 'zh' | 'en'): string {
  if (lang === 'en')
    return `Order ${s.orderId}: ${s.parcels.length} parcels → ${s.parcels.map((p) => `${p.supplier} (${p.skus.join(', ')})`).join(', ')}`;
  return `订单 ${s.orderId}：${s.parcels.length} 个包裹 → ${s.parcels.map((p) => `${p.supplier}（${p.skus.join('、')}）`).join('，')}`;
}

/**
 * Why an order stays unassigned, in words.
 * @example
 * unassignedText('no-rule', ['SM-009-A'], 'zh'); // '未分配厂家：商家编码 SM-009-A 没有对应厂家，也没有设置默认厂家'
 */
export function unassignedText(reason: UnassignedReason, skus: readonly string[], lang: 'zh' | 'en'): string {
  const list = skus.join(lang === 'zh' ? '、' : ', ');
  if (lang === 'en')
    return {
      'no-items':
        'No supplier: the page showed no items for this order (open it in the back-office or add the export)',
      'no-sku': `No supplier: item ${list} has no SKU code and no default supplier is set`,
      'no-rule': `No supplier: SKU ${list} has no rule and no default supplier is set`,
      duplicate: 'Listed twice in the selection: planned once',
    }[reason];
  return {
    'no-items': '未分配厂家：页面上没有读到这个订单的商品（请在后台打开它，或补充导出文件）',
    'no-sku': `未分配厂家：商品 ${list} 没有商家编码，也没有设置默认厂家`,
    'no-rule': `未分配厂家：商家编码 ${list} 没有对应厂家，也没有设置默认厂家`,
    duplicate: '在选择中重复出现：只计一次',
  }[reason];
}
