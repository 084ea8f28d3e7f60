/**
 * Typed errors of the hand-off area. Every public function returns `{ ok: false, error }`
 * instead of throwing; `error.code` is stable, `error.message` is English prose for logs.
 * @module
 */

/** Why `sealBatch` refused a batch. */
export type SealErrorCode =
  /** A real mobile number, or a plaintext full name with a detailed address (invariant 1). */
  | 'plaintext'
  /** The batch is malformed (bad id, quantity, times, duplicate order ids, too long a field). */
  | 'invalid-batch'
  /** WebCrypto (`globalThis.crypto.subtle`) or the random source failed. */
  | 'crypto-failed';

/** Why `openBatch` could not open a link or file. */
export type OpenErrorCode =
  /** No sealed payload found in the text. */
  | 'not-a-link'
  /** The payload ends early (cut off in copy/paste). */
  | 'truncated'
  /** The payload is larger than `MAX_PAYLOAD_BYTES` or expands beyond `MAX_BATCH_BYTES`. */
  | 'too-large'
  /** A format version this build does not know. */
  | 'unknown-version'
  /** The key in the link does not belong to this payload. */
  | 'wrong-key'
  /** The passphrase does not open this payload. */
  | 'wrong-passphrase'
  /** The batch was sealed with a passphrase and none was given. */
  | 'passphrase-required'
  /** The key is right but the content was altered (authentication failed). */
  | 'tampered'
  /** The batch expired (`now >= expiresAt`). */
  | 'expired'
  /** WebCrypto failed for a reason unrelated to the payload. */
  | 'crypto-failed';

/** Why `sealReturn` / `openReturn` failed. */
export type ReturnErrorCode =
  | 'not-a-code'
  | 'truncated'
  | 'too-large'
  | 'unknown-version'
  /** The code belongs to another batch. */
  | 'wrong-batch'
  /** The code was altered, or the key material is not this batch's. */
  | 'tampered'
  /** A result names an order that is not in the batch. */
  | 'unknown-order'
  /** A result is malformed (empty waybill number, too long a field, duplicate order). */
  | 'invalid-result'
  /**
   * The code's sealing instant is more than `RETURN_CLOCK_SKEW_MS` in the future or before the
   * batch was created (one of the two clocks is wrong), or sealing on a clock that would be.
   */
  | 'bad-time'
  | 'crypto-failed';

/**
 * A typed error value.
 * @example
 * const e: HandoffError<'expired'> = { code: 'expired', message: 'the batch expired at 2026-11-30T02:00:00.000Z' };
 */
export interface HandoffError<C extends string> {
  readonly code: C;
  readonly message: string;
  /** The order concerned, when one is. */
  readonly orderId?: string;
  /** The field concerned, e.g. `receiver.phone`, `remark`, `items[1].name`. */
  readonly field?: string;
}

/**
 * Success with a value or failure with a typed error.
 * @example
 * const r: HandoffResult<number, 'expired'> = { ok: true, value: 1 };
 */
export type HandoffResult<T, C extends string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: HandoffError<C> };

/** Build a failure. */
export function fail<C extends string>(
  code: C,
  message: string,
  where?: { orderId?: string; field?: string },
): { readonly ok: false; readonly error: HandoffError<C> } {
  return { ok: false, error: { code, message, ...where } };
}
