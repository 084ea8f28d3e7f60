/**
 * Ship-by policies per platform (issue 18, item 2): how long after payment an order must ship when
 * the page does not show its own deadline. Every number is a setting.
 *
 * Which parts are documented and which are defaults (also in packages/core/README.md):
 * - The seeds (DOMAIN.md) state no shipping deadline for any platform.
 * - WeChat shop (微信小店) orders carry their own deadline: the order API's per-product
 *   `delivery_deadline` (a documented field, see
 *   https://developers.weixin.qq.com/community/develop/doc/000eac6dc18fc8080bb22886b61000) and the
 *   back-office's 发货截止时间. When the page shows it, it wins (`source: 'page'`).
 * - The 48-hour figures below are defaults (the common "现货 48 小时内发货" promise); the merchant's
 *   own promise per product (24 h, 72 h, pre-sale dates) differs and is set here or read off the page.
 * @module
 */
import type { PlatformId } from '../types.js';

/**
 * One platform's ship-by rule when the page shows no deadline.
 * @example
 * const p: ShipByPolicy = { hours: 48, from: 'paid', cutoff: 'instant', source: 'default', note: '' };
 */
export interface ShipByPolicy {
  /** Hours after `from` the order must ship by. */
  readonly hours: number;
  /** Counted from payment (`paidAt`, falling back to `createdAt`) or from order creation. */
  readonly from: 'paid' | 'created';
  /** `instant`: exactly `hours` later; `end-of-china-day`: through the end of that China day. */
  readonly cutoff: 'instant' | 'end-of-china-day';
  /** A documented platform rule, a default of ours, or the merchant's setting. */
  readonly source: 'documented' | 'default' | 'setting';
  readonly note: string;
}

/**
 * The default ship-by policy per platform; each field is a setting (`DeadlineSettings.policies`).
 * @example
 * shipByPolicies.douyin.hours; // 48
 */
export const shipByPolicies: Readonly<Record<PlatformId, ShipByPolicy>> = {
  douyin: {
    hours: 48,
    from: 'paid',
    cutoff: 'instant',
    source: 'default',
    note: 'default: 48 h after payment for in-stock goods; the page shows the promised time where set',
  },
  wechat: {
    hours: 48,
    from: 'paid',
    cutoff: 'instant',
    source: 'default',
    note: 'default; each order carries its own delivery deadline (发货截止时间 / delivery_deadline), read off the page',
  },
  jd: {
    hours: 48,
    from: 'paid',
    cutoff: 'instant',
    source: 'default',
    note: 'default: 48 h after payment',
  },
};

/**
 * Deadline settings; every field optional.
 * @example
 * const s: DeadlineSettings = { dueWithinHours: 6, policies: { jd: { hours: 24 } } };
 */
export interface DeadlineSettings {
  /** Per-platform overrides of `shipByPolicies`. */
  readonly policies?: Partial<Record<PlatformId, Partial<ShipByPolicy>>>;
  /** "Due within N hours" for the panel list and the badge colour. Default `DEFAULT_DUE_WITHIN_HOURS`. */
  readonly dueWithinHours?: number;
}

/** Default of `DeadlineSettings.dueWithinHours`. */
export const DEFAULT_DUE_WITHIN_HOURS = 12;

/** Largest accepted policy length (a year); larger or non-positive values fall back to the default. */
export const MAX_POLICY_HOURS = 24 * 366;

/**
 * The effective policy of a platform: the default with the setting's fields that are valid.
 * Rule: `hours` must be a finite number in (0, MAX_POLICY_HOURS]; other fields must be one of
 * their allowed values; anything else keeps the default.
 * @example
 * shipByPolicy('jd', { policies: { jd: { hours: 24 } } }).hours; // 24
 * shipByPolicy('jd', { policies: { jd: { hours: -1 } } }).hours; // 48
 */
export function shipByPolicy(platform: PlatformId, settings: DeadlineSettings = {}): ShipByPolicy {
  const d = Object.hasOwn(shipByPolicies, platform) ? shipByPolicies[platform] : shipByPolicies.douyin;
  const o = settings.policies?.[platform] ?? {};
  const hours =
    typeof o.hours === 'number' && Number.isFinite(o.hours) && o.hours > 0 && o.hours <= MAX_POLICY_HOURS
      ? o.hours
      : d.hours;
  const from = o.from === 'paid' || o.from === 'created' ? o.from : d.from;
  const cutoff = o.cutoff === 'instant' || o.cutoff === 'end-of-china-day' ? o.cutoff : d.cutoff;
  const changed = hours !== d.hours || from !== d.from || cutoff !== d.cutoff;
  return {
    hours,
    from,
    cutoff,
    source: changed ? 'setting' : d.source,
    note: changed ? 'merchant setting' : d.note,
  };
}
