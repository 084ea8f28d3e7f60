/**
 * Texts of the exception gate, deadlines, merge hints and picking lists (issue 18), Chinese
 * default and English, shared by the panel, the print page and the hand-off page.
 * @module
 */
import type { HoldReason, InterceptReason } from '@shipmask/core';

export type GateLang = 'zh' | 'en';

const zh = {
  reason: {
    refund: '买家申请退款',
    'after-sale': '售后中',
    closed: '订单已关闭/取消',
    'address-changed': '地址已修改',
    'supplier-assigned': '已分配厂商代发',
    'virtual-expired': '虚拟号已过期',
  } satisfies Record<HoldReason, string>,
  heldTitle: (n: number) => `${n} 单被拦下（异常订单）`,
  heldHint: '逐项勾选"仍要继续"才会放行，每次放行都会记入日志。',
  override: '仍要继续（记录）',
  intercept: '已打印，需拦截',
  handled: '已处理',
  interceptOf: (tracking: string, carrier: string) => `运单 ${tracking}（${carrier}）`,
  due: (n: number, h: number) => `${n} 单将在 ${h} 小时内到期`,
  overdue: (n: number) => `${n} 单已超时`,
  left: (h: number, m: number) => `剩${h}小时${m}分`,
  late: (h: number, m: number) => `超时${h}小时${m}分`,
  merge: '可合并',
  mergeGroups: (n: number) => `${n} 组可合并`,
  picking: '备货单',
  packing: '发货单',
  exportCsv: '导出 CSV',
  exportXlsx: '导出 Excel',
  total: '合计',
  perDay: '每日到期',
  intercepted: (reasons: readonly InterceptReason[]) => reasons.map((r) => zh.reason[r]).join('、'),
};

type Strings = typeof zh;

const en: Strings = {
  reason: {
    refund: 'refund requested',
    'after-sale': 'after-sales open',
    closed: 'closed / cancelled',
    'address-changed': 'address changed',
    'supplier-assigned': 'assigned to a supplier',
    'virtual-expired': 'virtual number expired',
  },
  heldTitle: (n) => `${n} orders held (exceptions)`,
  heldHint: 'Tick "go on anyway" per reason to release an order; every release is logged.',
  override: 'Go on anyway (logged)',
  intercept: 'Printed, intercept needed',
  handled: 'Handled',
  interceptOf: (tracking, carrier) => `waybill ${tracking} (${carrier})`,
  due: (n, h) => `${n} orders due within ${h} h`,
  overdue: (n) => `${n} orders overdue`,
  left: (h, m) => `${h}h${m}m left`,
  late: (h, m) => `${h}h${m}m late`,
  merge: 'Mergeable',
  mergeGroups: (n) => `${n} mergeable groups`,
  picking: 'Picking list',
  packing: 'Packing slips',
  exportCsv: 'Export CSV',
  exportXlsx: 'Export Excel',
  total: 'Total',
  perDay: 'Due per day',
  intercepted: (reasons) => reasons.map((r) => en.reason[r]).join(', '),
};

/**
 * The gate strings of a language.
 * @example
 * gateStrings('zh').intercept; // '已打印，需拦截'
 */
export function gateStrings(lang: GateLang): Strings {
  return lang === 'en' ? en : zh;
}
