/**
 * The time rule of return codes (issue 14 item 2). A code's `sealedAt` is the supplier's clock,
 * and it decides which of two codes wins (`mergeReturnResults`), so a code stamped in the
 * future would win over every later one: a `sealedAt` more than `RETURN_CLOCK_SKEW_MS` after
 * the opener's `now`, or more than that before the batch was created, is refused. The same
 * allowance on both sides lets an honest supplier whose clock is a few minutes off through.
 * @module
 */
import type { Instant } from '../types.js';

/** Clock difference tolerated between the merchant's and the supplier's devices (10 minutes). */
export const RETURN_CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Why `sealedAt` is refused, or `undefined` when it is within
 * `[createdAt - RETURN_CLOCK_SKEW_MS, now + RETURN_CLOCK_SKEW_MS]`. Bad arguments (not finite
 * numbers) are refused too. Never throws.
 * @example
 * sealedAtProblem(T + 60_000, { createdAt: T, now: T + 120_000 }); // undefined
 * sealedAtProblem(T + 3_600_000, { createdAt: T, now: T }); // 'sealed 60 minutes in the future…'
 */
export function sealedAtProblem(
  sealedAt: Instant,
  at: { readonly createdAt: Instant | undefined; readonly now: Instant },
): string | undefined {
  const { createdAt, now } = at;
  if (!Number.isFinite(now)) return 'no current instant was given';
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt))
    return "the batch's creation instant is unknown";
  if (!Number.isFinite(sealedAt)) return 'the sealing instant is not a time';
  const minutes = (ms: number): number => Math.round(ms / 60_000);
  if (sealedAt > now + RETURN_CLOCK_SKEW_MS)
    return `sealed ${minutes(sealedAt - now)} minutes in the future (check the supplier's clock)`;
  if (sealedAt < createdAt - RETURN_CLOCK_SKEW_MS)
    return `sealed ${minutes(createdAt - sealedAt)} minutes before the batch was created (check the supplier's clock)`;
  return undefined;
}
