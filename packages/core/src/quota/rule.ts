/**
 * Decrypt-quota rules as data. Platform policy records carry their defaults; every number is a
 * setting the merchant may change. Owned by the quota area (src/quota); platform records import
 * the type from here.
 * @module
 */

/** How a period is cut, in China time (Asia/Shanghai). `none` = a pack that never resets. */
export type QuotaPeriod = 'day' | 'month' | 'none';

/**
 * One decrypt-quota rule.
 * - `ratio`: decrypts <= ratio × orders counted in the period (Douyin: 5%, calendar month).
 * - `fixed`: a fixed allowance per period (WeChat: 500 real-number views a month, PC only).
 * - `pack`: a prepaid count with no period (JD virtual-number service pack).
 * @example
 * const douyin: QuotaRule = { kind: 'ratio', id: 'douyin-5pct', ratio: 0.05, period: 'month',
 *   rounding: 'floor', minimum: 0, recountSameOrder: true, warnAt: 0.8 };
 */
export type QuotaRule =
  | {
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
    }
  | {
      readonly kind: 'fixed';
      readonly id: string;
      readonly allowance: number;
      readonly period: QuotaPeriod;
      readonly recountSameOrder: boolean;
      readonly warnAt: number;
    }
  | {
      readonly kind: 'pack';
      readonly id: string;
      /** Count bought up front; `packBought` events add to it. */
      readonly initial: number;
      readonly recountSameOrder: boolean;
      readonly warnAt: number;
    };
