/**
 * Messages of the reveal quota: trusted reveal clicks, the page's own counter, the meter the
 * overlay and popup show, and the popup's per-day chart.
 * @module
 */
import type { FieldKind, Instant } from '@shipmask/core';
import type { ShopRef } from './shared';

/** Quota requests a content script may send. */
export type QuotaContentRequest =
  /** A trusted click on the platform's reveal control (小眼睛 / 查看). */
  | {
      readonly type: 'reveal/recorded';
      readonly shop: ShopRef;
      readonly orderId: string;
      readonly field: FieldKind | 'all';
      readonly at: Instant;
      /** A unique id for this click, so a retried message is not counted twice. */
      readonly clickId: string;
    }
  /** The page's own remaining-views counter text was read ("剩余 N"). */
  | {
      readonly type: 'counter/observed';
      readonly shop: ShopRef;
      readonly remaining: number;
      readonly at: Instant;
    }
  | { readonly type: 'quota/status'; readonly shop: ShopRef };

/** Quota requests of the popup and extension pages. */
export type QuotaPageRequest = {
  readonly type: 'reveals/daily';
  readonly shop: ShopRef;
  readonly days: number;
};

/** The quota meter as the overlay and popup show it. */
export interface QuotaView {
  readonly used: number;
  readonly limit: number | null;
  readonly remaining: number | null;
  readonly level: 'ok' | 'warn' | 'exhausted';
  readonly periodStart: Instant | null;
  readonly periodEnd: Instant | null;
  /**
   * The period the numbers count in (本月 / 今日), or null for a pack that never resets. With the
   * page's own counter it is the counter's period (京东: the day).
   */
  readonly period: 'day' | 'month' | null;
  /** Forecast instant of exhaustion at the current burn rate, or null if not within the period. */
  readonly exhaustsAt: Instant | null;
  /** Platform counter minus our count, when the page shows one (raw; the meter does not show it). */
  readonly drift: number | null;
  /**
   * `platform` when the page's own counter is known: `remaining` is the page's number and `limit`
   * is used + remaining, so the three numbers agree with what the merchant sees; `local` otherwise.
   */
  readonly source: 'platform' | 'local';
  /**
   * Our own estimate of what remains, shown as an explanation only when the page's counter is known
   * and our count differs from it meaningfully (see `meaningfulDifference`); `null` otherwise.
   */
  readonly localRemaining: number | null;
}

/** Reply of `reveal/recorded`. */
export interface RevealResult {
  /** False when this clickId was already recorded (a retried message is not counted twice). */
  readonly counted: boolean;
  readonly quota: QuotaView;
}

/** Reply of `reveals/daily`: reveals per China day, oldest first, ending today. */
export interface DailyReveals {
  readonly days: readonly {
    /** China calendar date `YYYY-MM-DD`. */
    readonly date: string;
    /** Start of that China day (UTC instant). */
    readonly start: Instant;
    readonly count: number;
  }[];
  /** The allowance left per day: remaining ÷ days left in the period (today included), or null. */
  readonly dailyShare: number | null;
  readonly quota: QuotaView;
}

/** Reply values of the quota requests. */
export interface QuotaReplyValues {
  'reveal/recorded': RevealResult;
  'counter/observed': QuotaView;
  'quota/status': QuotaView;
  'reveals/daily': DailyReveals;
}
