/**
 * The platforms' decrypt-quota rules as defaults (DOMAIN.md, seeds 001-003). Platform policy
 * records (src/platform) reference these constants; every number is a setting.
 * @module
 */
import type { QuotaRule } from './rule.js';

/**
 * Douyin (抖店) rule, seed 001: "解密次数…不得超过订单总量的5%". The period is not stated; the
 * default is the calendar month in China time. Small counts round down (`floor`): 19 orders give
 * 0 decrypts, 20 orders give 1, 39 give 1, 40 give 2. Self-service raises (自助提额, `granted`
 * events) add to the month's limit. Re-viewing the same order counts again (DOMAIN.md default).
 * @example
 * douyinQuotaRule.ratio; // 0.05
 */
export const douyinQuotaRule = {
  kind: 'ratio',
  id: 'douyin-5pct',
  ratio: 0.05,
  period: 'month',
  rounding: 'floor',
  minimum: 0,
  recountSameOrder: true,
  warnAt: 0.8,
} as const satisfies QuotaRule;

/**
 * WeChat Channels shop (视频号小店) rule, seed 002: "电脑端小店后台商家每个月可查看500次真实号码,
 * 移动端暂不支持" — 500 real-phone views per calendar month (China time), PC back-office only.
 * Extra quota granted to merchants of not-yet-connected carriers comes in as `granted` events.
 * @example
 * wechatQuotaRule.allowance; // 500
 */
export const wechatQuotaRule = {
  kind: 'fixed',
  id: 'wechat-pc-500',
  allowance: 500,
  period: 'month',
  recountSameOrder: true,
  warnAt: 0.8,
  fields: ['phone'],
} as const satisfies QuotaRule;

/**
 * JD (京东) rule, seed 003: a prepaid virtual-number service pack (虚拟号服务包) consumed by bulk
 * exports of virtual numbers; single look-ups are free (`charges: 'bulk'`). No period: the pack
 * never resets; `packBought` events add to it, `initial` is what was bought before tracking began.
 * @example
 * jdQuotaRule.charges; // 'bulk'
 */
export const jdQuotaRule = {
  kind: 'pack',
  id: 'jd-virtual-pack',
  initial: 0,
  recountSameOrder: true,
  warnAt: 0.8,
  charges: 'bulk',
} as const satisfies QuotaRule;

/**
 * A daily allowance ("今日剩余查看次数" on some back-offices): a fixed count per China calendar
 * day, resetting at 00:00 Asia/Shanghai (16:00 UTC). The seeds give no number, so the allowance is
 * an argument; negative or non-finite allowances become 0.
 * @example
 * dailyQuotaRule(50, 'wechat-daily'); // { kind: 'fixed', id: 'wechat-daily', allowance: 50, period: 'day', ... }
 */
export function dailyQuotaRule(allowance: number, id = 'daily'): QuotaRule {
  const n = Number.isFinite(allowance) && allowance > 0 ? Math.floor(allowance) : 0;
  return { kind: 'fixed', id, allowance: n, period: 'day', recountSameOrder: true, warnAt: 0.8 };
}

/**
 * The default rules per platform, in the order a meter shows them.
 * @example
 * defaultQuotaRules.wechat[0]?.id; // 'wechat-pc-500'
 */
export const defaultQuotaRules = {
  douyin: [douyinQuotaRule],
  wechat: [wechatQuotaRule],
  jd: [jdQuotaRule],
} as const satisfies Record<string, readonly QuotaRule[]>;
