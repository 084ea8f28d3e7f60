/**
 * The six Douyin shipping modes of seed 001 and what each needs once receiver data is encrypted,
 * usable as a readiness checklist.
 * @module
 */
import type { DisplayName } from './types.js';

/**
 * The six ways a Douyin merchant used to ship (seed 001, section 三).
 * @example
 * const m: ShippingModeId = 'supplier-dropship';
 */
export type ShippingModeId =
  | 'manual-tracking'
  | 'backoffice-ewaybill'
  | 'export-offline'
  | 'supplier-dropship'
  | 'external-warehouse'
  | 'print-software';

/**
 * One step of getting ready, with who does it.
 * @example
 * const step: ReadinessStep | undefined = readiness('douyin', ['print-software'])[0]; // ewaybill-account
 */
export interface ReadinessStep {
  readonly id: ReadinessStepId;
  readonly title: DisplayName;
  readonly who: 'merchant' | 'supplier' | 'warehouse';
  /** Where the seed points the merchant, if anywhere. */
  readonly link?: string;
}

/**
 * Ids of the readiness steps, in checklist order.
 * @example
 * const id: ReadinessStepId = 'print-component';
 */
export type ReadinessStepId =
  | 'supplier-joins'
  | 'warehouse-joins-open-platform'
  | 'dropship-bind'
  | 'ewaybill-account'
  | 'supplier-ewaybill-account'
  | 'print-software'
  | 'print-component'
  | 'supplier-print-component'
  | 'warehouse-print-component'
  | 'waybill-template'
  | 'assign-orders'
  | 'ewaybill-carrier-setup'
  | 'mark-shipped';

const DOUYIN_PRINT_CLIENT = 'logistics.douyinec.com/davinci/CloudPrintClient';

/**
 * Every readiness step, in the order a checklist shows them.
 * @example
 * readinessSteps[0].id; // 'supplier-joins'
 */
export const readinessSteps: readonly ReadinessStep[] = [
  {
    id: 'supplier-joins',
    title: {
      zh: '引导厂商入驻抖店并订购代发打单软件',
      en: 'Supplier joins the shop platform and orders drop-ship print software',
    },
    who: 'supplier',
  },
  {
    id: 'warehouse-joins-open-platform',
    title: { zh: '确认外仓仓库系统已入驻开放平台或服务市场', en: 'Warehouse system joins the open platform' },
    who: 'warehouse',
    link: 'https://op.jinritemai.com/platform-notice/5/893',
  },
  {
    id: 'dropship-bind',
    title: {
      zh: '商家与厂商开通代发管理并互相绑定确认',
      en: 'Merchant and supplier open drop-ship management and bind',
    },
    who: 'merchant',
  },
  {
    id: 'ewaybill-account',
    title: {
      zh: '开通电子面单账户,联系网点审核并充值',
      en: 'Open an e-waybill account, get it approved by the depot, top it up',
    },
    who: 'merchant',
  },
  {
    id: 'supplier-ewaybill-account',
    title: { zh: '厂商开通电子面单账户,联系网点审核并充值', en: 'Supplier opens its own e-waybill account' },
    who: 'supplier',
  },
  {
    id: 'print-software',
    title: { zh: '在服务市场选购打单软件', en: 'Choose print software in the service market' },
    who: 'merchant',
  },
  {
    id: 'print-component',
    title: {
      zh: '在打单电脑上安装官方打印组件',
      en: 'Install the official print component on the printing PC',
    },
    who: 'merchant',
    link: DOUYIN_PRINT_CLIENT,
  },
  {
    id: 'supplier-print-component',
    title: { zh: '厂商在打单电脑上安装官方打印组件', en: 'Supplier installs the official print component' },
    who: 'supplier',
    link: DOUYIN_PRINT_CLIENT,
  },
  {
    id: 'warehouse-print-component',
    title: { zh: '仓库在打单电脑上安装官方打印组件', en: 'Warehouse installs the official print component' },
    who: 'warehouse',
    link: DOUYIN_PRINT_CLIENT,
  },
  {
    id: 'waybill-template',
    title: {
      zh: '账户审核通过后更新店铺信息并配置面单模板',
      en: 'After approval, refresh the shop and set up the label template',
    },
    who: 'merchant',
  },
  {
    id: 'assign-orders',
    title: {
      zh: '在代发订单页把订单分配给已绑定的厂商',
      en: 'Assign orders to the bound supplier on the drop-ship page',
    },
    who: 'merchant',
  },
  {
    id: 'ewaybill-carrier-setup',
    title: {
      zh: '在"电子面单"中选择物流服务商并完成设置',
      en: 'Pick a carrier in 电子面单 and finish its setup',
    },
    who: 'merchant',
  },
  {
    id: 'mark-shipped',
    title: {
      zh: '打单后到"已打待发货"操作发货',
      en: 'After printing, mark orders shipped (已打待发货 → 发货)',
    },
    who: 'merchant',
  },
];

/**
 * A shipping mode, whether encryption breaks it, and the steps it needs.
 * @example
 * const m: ShippingMode | undefined = douyinShippingModes.find((x) => x.affected);
 */
export interface ShippingMode {
  readonly id: ShippingModeId;
  readonly title: DisplayName;
  /** Whether receiver encryption affects this mode (seed 001). */
  readonly affected: boolean;
  readonly needs: readonly ReadinessStepId[];
  /** What works until the steps are done. */
  readonly interim?: string;
}

/**
 * Fallback for every affected mode (seed 001): ship by hand, then upload logistics info.
 * @example
 * shippingFallback.en; // 'Manual shipping in the back-office, then enter or bulk-upload logistics info'
 */
export const shippingFallback: DisplayName = {
  zh: '抖店后台手工发货:逐条复制订单信息发货,再逐单填写或批量上传物流信息',
  en: 'Manual shipping in the back-office, then enter or bulk-upload logistics info',
};

/**
 * The six Douyin shipping modes with what each needs (seed 001).
 * @example
 * douyinShippingModes.find((m) => m.id === 'export-offline')?.needs;
 * // ['ewaybill-account', 'print-software', 'print-component', 'waybill-template']
 */
export const douyinShippingModes: readonly ShippingMode[] = [
  {
    id: 'manual-tracking',
    title: { zh: '后台逐单手动输入物流单号发货', en: 'Type tracking numbers one by one in the back-office' },
    affected: false,
    needs: [],
  },
  {
    id: 'backoffice-ewaybill',
    title: { zh: '后台电子面单在线取号发货', en: 'Back-office e-waybill online' },
    affected: false,
    needs: [],
  },
  {
    id: 'export-offline',
    title: { zh: '导出订单表格线下自行发货', en: 'Export the order sheet and ship offline' },
    affected: true,
    needs: ['ewaybill-account', 'print-software', 'print-component', 'waybill-template'],
  },
  {
    id: 'supplier-dropship',
    title: { zh: '导出订单给厂商/供货商发货(厂商代发)', en: 'Supplier drop-ship (厂商代发)' },
    affected: true,
    needs: [
      'supplier-joins',
      'dropship-bind',
      'supplier-ewaybill-account',
      'supplier-print-component',
      'waybill-template',
      'assign-orders',
    ],
    interim: 'hand the supplier ciphertext orders for a tool that prints from ciphertext',
  },
  {
    id: 'external-warehouse',
    title: { zh: '交给外仓发货', en: 'External warehouse' },
    affected: true,
    needs: [
      'warehouse-joins-open-platform',
      'ewaybill-account',
      'warehouse-print-component',
      'waybill-template',
    ],
  },
  {
    id: 'print-software',
    title: { zh: '使用打单软件自行发货', en: 'Own print software' },
    affected: true,
    needs: ['ewaybill-account', 'print-component', 'waybill-template'],
  },
];
