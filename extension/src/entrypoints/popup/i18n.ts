/** Popup strings. Chinese by default (the merchants' language), English available. */
export type Lang = 'zh' | 'en';

export interface PopupStrings {
  readonly title: string;
  readonly noShop: string;
  readonly shop: string;
  readonly activeTab: string;
  readonly quota: string;
  readonly used: string;
  readonly limit: string;
  readonly remaining: string;
  readonly unlimited: string;
  readonly period: (from: string, to: string) => string;
  /** Today's period (a platform counter per day, 京东): one date. */
  readonly today: (date: string) => string;
  readonly noPeriod: string;
  readonly forecast: (when: string) => string;
  readonly noForecast: string;
  readonly localDiffers: (n: number) => string;
  readonly level: Record<'ok' | 'warn' | 'exhausted', string>;
  readonly chartTitle: string;
  readonly chartLabel: (days: number, total: number, share: string) => string;
  readonly dailyShare: (n: string) => string;
  readonly legendBar: string;
  readonly legendOver: string;
  readonly revealsOn: (date: string, n: number) => string;
  readonly settings: string;
  readonly platform: string;
  readonly shopName: string;
  readonly quotaRules: string;
  readonly ratio: string;
  readonly allowance: string;
  readonly packSize: string;
  readonly warnAt: string;
  readonly recount: string;
  readonly sender: string;
  readonly senderName: string;
  readonly senderPhone: string;
  readonly senderAddress: string;
  readonly carrier: string;
  readonly carrierNone: string;
  readonly labelSize: string;
  readonly retention: string;
  readonly retentionHint: string;
  readonly language: string;
  readonly save: string;
  readonly saved: string;
  readonly saveFailed: (why: string) => string;
  readonly defaultValue: (v: string) => string;
  readonly loading: string;
  readonly offline: string;
  readonly switchLang: string;
  readonly platforms: Record<'douyin' | 'wechat' | 'jd', string>;
}

const zh: PopupStrings = {
  title: '解密额度与设置',
  noShop: '还没有店铺数据。打开抖店、视频号小店或京东商家的订单页即可开始统计。',
  shop: '店铺',
  activeTab: '（当前标签页）',
  quota: '解密额度',
  used: '已用',
  limit: '上限',
  remaining: '剩余',
  unlimited: '不限',
  period: (from, to) => `本月 ${from} 至 ${to}（北京时间）`,
  today: (date) => `今日 ${date}（北京时间），次日零点重置`,
  noPeriod: '额度包不按周期重置',
  forecast: (when) => `按近期速度，预计 ${when} 用完`,
  noForecast: '按近期速度，本期内不会用完',
  localDiffers: (n) => `本机记录估算剩余 ${n} 次，以平台显示为准`,
  level: { ok: '正常', warn: '注意', exhausted: '已用完' },
  chartTitle: '近 30 天每日解密次数',
  chartLabel: (days, total, share) => `近 ${days} 天共解密 ${total} 次；剩余额度每天可用 ${share} 次`,
  dailyShare: (n) => `今后每天可用 ${n} 次`,
  legendBar: '每日解密',
  legendOver: '超出每天可用',
  revealsOn: (date, n) => `${date}：${n} 次`,
  settings: '店铺设置',
  platform: '平台',
  shopName: '店铺名称',
  quotaRules: '额度规则（留空用平台默认）',
  ratio: '解密比例（%）',
  allowance: '每月额度（次）',
  packSize: '额度包（次）',
  warnAt: '提醒阈值（%）',
  recount: '同一订单重复查看也计次',
  sender: '寄件人（打印面单用）',
  senderName: '姓名',
  senderPhone: '电话',
  senderAddress: '地址',
  carrier: '默认快递',
  carrierNone: '未设置',
  labelSize: '面单尺寸（毫米）',
  retention: '订单保留天数',
  retentionHint: '订单完成后超过此天数即从本机删除',
  language: '语言（所有页面）',
  save: '保存',
  saved: '已保存',
  saveFailed: (why) => `保存失败：${why}`,
  defaultValue: (v) => `默认 ${v}`,
  loading: '加载中…',
  offline: '无法连接扩展后台，请重新打开此窗口。',
  switchLang: 'English',
  platforms: { douyin: '抖店', wechat: '视频号小店', jd: '京东' },
};

const en: PopupStrings = {
  title: 'Decrypt quota and settings',
  noShop:
    'No shop data yet. Open an order page on Douyin shop, WeChat Channels shop or JD to start counting.',
  shop: 'Shop',
  activeTab: ' (active tab)',
  quota: 'Decrypt quota',
  used: 'Used',
  limit: 'Limit',
  remaining: 'Left',
  unlimited: 'no limit',
  period: (from, to) => `This month, ${from} to ${to} (China time)`,
  today: (date) => `Today, ${date} (China time); resets at midnight`,
  noPeriod: 'The pack does not reset by period',
  forecast: (when) => `At the recent rate it runs out on ${when}`,
  noForecast: 'At the recent rate it lasts this period',
  localDiffers: (n) => `Our own records estimate ${n} left; the page's count is what applies`,
  level: { ok: 'OK', warn: 'Low', exhausted: 'Used up' },
  chartTitle: 'Reveals per day, last 30 days',
  chartLabel: (days, total, share) => `${total} reveals in ${days} days; what is left allows ${share} a day`,
  dailyShare: (n) => `${n} a day from now on`,
  legendBar: 'reveals',
  legendOver: 'above that',
  revealsOn: (date, n) => `${date}: ${n}`,
  settings: 'Shop settings',
  platform: 'Platform',
  shopName: 'Shop name',
  quotaRules: 'Quota rule (empty = platform default)',
  ratio: 'Ratio (%)',
  allowance: 'Monthly allowance',
  packSize: 'Pack size',
  warnAt: 'Warn at (%)',
  recount: 'Viewing the same order again counts again',
  sender: 'Sender (printed on labels)',
  senderName: 'Name',
  senderPhone: 'Phone',
  senderAddress: 'Address',
  carrier: 'Default carrier',
  carrierNone: 'None',
  labelSize: 'Label size (mm)',
  retention: 'Keep orders (days)',
  retentionHint: 'Orders are deleted from this computer this many days after they complete',
  language: 'Language (all pages)',
  save: 'Save',
  saved: 'Saved',
  saveFailed: (why) => `Not saved: ${why}`,
  defaultValue: (v) => `default ${v}`,
  loading: 'Loading…',
  offline: 'The extension background is unreachable; reopen this window.',
  switchLang: '中文',
  platforms: { douyin: 'Douyin shop', wechat: 'WeChat Channels shop', jd: 'JD' },
};

/** The strings of a language. */
export const popupStrings = (lang: Lang): PopupStrings => (lang === 'en' ? en : zh);
