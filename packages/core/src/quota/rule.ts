/**
 * Decrypt-quota rules as data. Platform policy records carry their defaults; every number is a
 * setting the merchant may change. Owned by the quota area (src/quota); platform records import
 * the type from here.
 * @module
 */
import type { FieldKind } from '../types.js';

/** How a period is cut, in China time (Asia/Shanghai). `none` = a pack that never resets. */
export type QuotaPeriod = 'day' | 'month' | 'none';

/**
 * Which decrypts a rule charges: `every` = every counted decrypt (back-office eye click or tool);
 * `bulk` = only decrypts made as part of a bulk export (JD: single look-ups are free, a bulk
 * virtual-number export consumes the prepaid pack).
 */
export type QuotaCharges = 'every' | 'bulk';

/**
 * Optional settings every rule kind accepts. All additive: a rule without them keeps the
 * documented defaults, so older records (and the platform records) stay valid.
 */
export interface QuotaRuleOptions {
  /** Field kinds whose decrypts this rule charges. Default: all (`phone`, `name`, `address`, `text`). */
  readonly fields?: readonly FieldKind[];
  /** Which decrypts are charged. Default: `bulk` for `pack` rules, `every` otherwise. */
  readonly charges?: QuotaCharges;
  /** Trailing window (whole China days, including today) for burn rate and forecast. Default 7. */
  readonly burnWindowDays?: number;
}

/**
 * One decrypt-quota rule.
 * - `ratio`: decrypts <= ratio × orders counted in the period (Douyin: 5%, calendar month).
 * - `fixed`: a fixed allowance per period (WeChat: 500 real-number views a month, PC only;
 *   with `period: 'day'` the daily allowances some back-offices show as "今日剩余查看次数").
 * - `pack`: a prepaid count with no period (JD virtual-number service pack).
 * Grants (`granted` events) add to the limit of the period they fall in (for `pack`: forever).
 * @example
 * const douyin: QuotaRule = { kind: 'ratio', id: 'douyin-5pct', ratio: 0.05, period: 'month',
 *   rounding: 'floor', minimum: 0, recountSameOrder: true, warnAt: 0.8 };
 */
export type QuotaRule =
  | (QuotaRuleOptions & {
      readonly kind: 'ratio';
      readonly id: string;
      readonly ratio: number;
      readonly period: QuotaPeriod;
      readonly rounding: 'floor' | 'ceil' | 'round';
      /** A floor under the computed limit (0 = none). */
      readonly minimum: number;
      /** Re-viewing the same order in the same period costs again (DOMAIN.md default: yes). */
      readonly recountSameOrder: boolean;
      /** Fraction of the limit at which the level becomes `warn`. */
      readonly warnAt: number;
    })
  | (QuotaRuleOptions & {
      readonly kind: 'fixed';
      readonly id: string;
      readonly allowance: number;
      readonly period: QuotaPeriod;
      readonly recountSameOrder: boolean;
      readonly warnAt: number;
    })
  | (QuotaRuleOptions & {
      readonly kind: 'pack';
      readonly id: string;
      /** Count bought up front; `packBought` events add to it. */
      readonly initial: number;
      readonly recountSameOrder: boolean;
      readonly warnAt: number;
    });
