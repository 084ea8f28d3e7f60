/**
 * Return codes: the supplier's results (order → carrier + waybill number, or cannot-ship + a
 * reason) sealed for the merchant. The key is HKDF-SHA256 of the batch key bound to the batch id
 * (`returnKey`), so only the holder of that batch's link, or the merchant who kept its
 * `BatchKeyMaterial`, can make or read one; the batch id also travels in the clear so a code
 * pasted into the wrong batch is named `wrong-batch` instead of looking tampered.
 *
 * Envelope, version 1: `0x81 | total length (varint) | batch id length (1) + batch id | IV (12) |
 * AES-256-GCM(body size (varint) | deflate(body)) + tag`, AAD = everything before the IV. Body: sealed-at instant (6),
 * result count, then per result the order's index in the batch, a kind byte, and the carrier
 * (interned) and waybill number (digits as a signed delta from the previous numeric waybill,
 * since one e-waybill account hands out near-consecutive numbers) or the reason. The text is
 * base64url; whitespace, line breaks and text around it are tolerated.
 *
 * What a return code proves, and what it does not (issue 14 item 2): a code that opens proves
 * only that whoever sealed it held the batch's key: the link (or its passphrase), which the
 * supplier has, but so does anyone the link was forwarded to or who read it in the chat it was
 * sent through. It does not prove who sealed it, that a parcel was shipped, that the waybill
 * number exists at the carrier or belongs to this order, or when it was sealed (`sealedAt` is
 * the sealer's clock, bounded only by `RETURN_CLOCK_SKEW_MS`), and an older code can be pasted
 * again (`mergeReturnResults` decides which code wins, the same way in any import order).
 * So `openReturn` checks every result with the rule `sealReturn` applies
 * (`checkReturnResult`), refuses a `sealedAt` in the future or before the batch was created,
 * and names only orders of the batch (by index into the kept order ids); the merchant should
 * treat the numbers as the supplier's claim, as the platform does when they are uploaded.
 * @module
 */
import { encodeBase64url } from './base64url.js';
import { ByteReader, ByteWriter } from './bytes.js';
import { deflateWith, inflateWith } from './compress.js';
import { aesGcmDecrypt, aesGcmEncrypt, returnKey } from './crypto.js';
import { fail, type HandoffResult, type ReturnErrorCode } from './errors.js';
import { findPayload, type HeaderProbe } from './payload-text.js';
import { checkReturnResult, normalizeReturnResult, RETURN_LIMITS } from './result-check.js';
import { decodeKey, type OpenedBatch } from './seal.js';
import { sealedAtProblem } from './sealed-at.js';
import type { BatchKeyMaterial, RandomBytes } from './types.js';

/** Version byte of return codes (distinct from batch links, so neither is taken for the other). */
export const RETURN_FORMAT_VERSION = 0x81;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAX_CODE_BYTES = 4 * 1024 * 1024;
const NO_DICTIONARY = new Uint8Array(0);

/**
 * One supplier result.
 * @example
 * const a: ReturnResult = { orderId: '6932718406512345678', status: 'shipped', carrier: 'ZTO', waybill: '78412345678901' };
 * const b: ReturnResult = { orderId: '6932718406512345679', status: 'cannot-ship', reason: '缺货' };
 */
export type ReturnResult =
  | {
      readonly orderId: string;
      readonly status: 'shipped';
      readonly carrier: string;
      readonly waybill: string;
    }
  | { readonly orderId: string; readonly status: 'cannot-ship'; readonly reason: string };

/** An opened return code. */
export interface OpenedReturn {
  readonly batchId: string;
  readonly sealedAt: number;
  readonly results: readonly ReturnResult[];
}

/** Options of `sealReturn`. */
export interface SealReturnOptions {
  readonly random: RandomBytes;
  readonly now: number;
}

/** Options of `openReturn`. */
export interface OpenReturnOptions {
  /** The current instant: a code sealed more than `RETURN_CLOCK_SKEW_MS` after it is refused. */
  readonly now: number;
  /**
   * When the batch was created, for key material kept without it (`BatchKeyMaterial.createdAt`
   * is used otherwise): a code sealed more than `RETURN_CLOCK_SKEW_MS` before it is refused.
   */
  readonly createdAt?: number;
}

/** A numeric waybill number, written as a delta (the only form `sealReturn` writes as one). */
const NUMERIC_WAYBILL = /^[1-9][0-9]{0,39}$/u;

/** `Array.isArray` without narrowing to `any[]`. */
function isList(v: unknown): boolean {
  return Array.isArray(v);
}

function keyOf(source: OpenedBatch | BatchKeyMaterial): BatchKeyMaterial {
  return 'keep' in source ? source.keep : source;
}

function header(w: ByteWriter, total: number, batchId: string): void {
  w.byte(RETURN_FORMAT_VERSION);
  w.varint(total);
  w.byte(batchId.length);
  for (let i = 0; i < batchId.length; i++) w.byte(batchId.charCodeAt(i));
}

/**
 * Seal the supplier's results for the merchant. Refuses results for orders not in the batch
 * (`unknown-order`), duplicates and results that break `checkReturnResult` after carrier and
 * waybill are trimmed and the reason passed through `maskText` (`invalid-result`, naming the
 * order and field), and a `now` more than `RETURN_CLOCK_SKEW_MS` before the batch was created
 * (`bad-time`: the merchant would refuse the code). Never rejects.
 * @example
 * const r = await sealReturn(opened, [{ orderId: '6932718406512345678', status: 'shipped', carrier: 'ZTO', waybill: '78412345678901' }],
 *   { random: (n) => crypto.getRandomValues(new Uint8Array(n)), now: Date.now() });
 * if (r.ok) show(r.value.code); // base64url text to paste back to the merchant
 */
export async function sealReturn(
  source: OpenedBatch | BatchKeyMaterial,
  results: readonly ReturnResult[],
  options: SealReturnOptions,
): Promise<HandoffResult<{ readonly code: string; readonly bytes: number }, ReturnErrorCode>> {
  try {
    const keep = keyOf(source);
    const batchKey = decodeKey(keep.key);
    if (!batchKey) return fail('invalid-result', 'the key material is not a 32-byte base64url key');
    if (!/^[A-Za-z0-9_-]{1,64}$/u.test(keep.batchId))
      return fail('invalid-result', 'the batch id is malformed');
    const index = new Map<string, number>();
    keep.orderIds.forEach((id, i) => index.set(id, i));
    if (!isList(results) || results.length > keep.orderIds.length)
      return fail('invalid-result', 'more results than orders in the batch');
    const now = options.now;
    if (!Number.isSafeInteger(now) || now < 0 || now >= 2 ** 48)
      return fail('invalid-result', 'now must be epoch ms');
    const w = new ByteWriter();
    w.uint48(now);
    w.varint(results.length);
    const seen = new Set<string>();
    const carriers = new Map<string, number>();
    let prev = 0n;
    if (keep.createdAt !== undefined) {
      const problem = sealedAtProblem(now, { createdAt: keep.createdAt, now });
      if (problem) return fail('bad-time', `this device's clock is off: ${problem}`);
    }
    for (const input of results) {
      const i = typeof input?.orderId === 'string' ? index.get(input.orderId) : undefined;
      if (i === undefined)
        return fail('unknown-order', `order ${String(input?.orderId)} is not in this batch`, {
          orderId: String(input?.orderId),
        });
      if (seen.has(input.orderId))
        return fail('invalid-result', `order ${input.orderId} has two results`, { orderId: input.orderId });
      seen.add(input.orderId);
      const checked = checkReturnResult(normalizeReturnResult(input));
      if (!checked.ok) return checked;
      const r = checked.value;
      w.varint(i);
      if (r.status === 'shipped') {
        w.byte(0);
        const k = carriers.get(r.carrier);
        if (k !== undefined) w.varint(k + 1);
        else {
          carriers.set(r.carrier, carriers.size);
          w.varint(0);
          w.string(r.carrier);
        }
        if (NUMERIC_WAYBILL.test(r.waybill)) {
          const v = BigInt(r.waybill);
          w.varint(1);
          w.bigSvarint(v - prev);
          prev = v;
        } else {
          w.varint(0);
          w.string(r.waybill);
        }
      } else {
        w.byte(1);
        w.string(r.reason);
      }
    }
    const body = w.finish();
    const pw = new ByteWriter();
    pw.varint(body.length);
    pw.bytes(deflateWith(body, NO_DICTIONARY));
    const packed = pw.finish();
    const iv = options.random(IV_BYTES);
    if (!(iv instanceof Uint8Array) || iv.length !== IV_BYTES)
      return fail('crypto-failed', 'the random source failed');
    const rest = IV_BYTES + packed.length + TAG_BYTES;
    let total = rest;
    for (;;) {
      const h = new ByteWriter();
      header(h, total, keep.batchId);
      if (h.length + rest === total) break;
      total = h.length + rest;
    }
    const hw = new ByteWriter();
    header(hw, total, keep.batchId);
    const aad = hw.finish();
    const ct = await aesGcmEncrypt(returnKey(batchKey, keep.batchId), iv, aad, packed);
    const env = new ByteWriter();
    env.bytes(aad);
    env.bytes(iv);
    env.bytes(ct);
    const bytes = env.finish();
    return { ok: true, value: { code: encodeBase64url(bytes), bytes: bytes.length } };
  } catch (e) {
    return fail(
      'crypto-failed',
      `sealing the return code failed: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

function probeReturn(head: Uint8Array): HeaderProbe {
  const r = new ByteReader(head);
  const v = r.byte();
  const total = r.varint();
  const idLen = r.byte();
  if (r.failed || v !== RETURN_FORMAT_VERSION || idLen < 1 || idLen > 64) return { kind: 'not-mine' };
  if (total > MAX_CODE_BYTES) return { kind: 'too-large' };
  return total < 3 + IV_BYTES + TAG_BYTES ? { kind: 'not-mine' } : { kind: 'ok', total };
}

/**
 * Open a return code with what the merchant kept for the batch (or the opened batch). Tolerates
 * whitespace, line breaks and text around the code. Every result is checked with the rule
 * `sealReturn` applies (`checkReturnResult`); a result that breaks it, a duplicate or a
 * non-canonical encoding is `tampered` (naming the order and field). Results name orders by
 * their index in the batch, so a code carries only orders of its batch (`unknown-order`
 * otherwise). A `sealedAt` more than `RETURN_CLOCK_SKEW_MS` after `options.now` or before the
 * batch was created is `bad-time`. A code that opens proves only that its sender holds the link
 * (see the module comment). Never rejects; errors: `not-a-code`, `truncated`, `too-large`,
 * `wrong-batch`, `tampered`, `unknown-order`, `bad-time`.
 * @example
 * const r = await openReturn(pastedText, keep, { now: Date.now() });
 * if (r.ok) for (const x of r.value.results) if (x.status === 'shipped') markShipped(x.orderId, x.carrier, x.waybill);
 */
export async function openReturn(
  code: string,
  source: OpenedBatch | BatchKeyMaterial,
  options: OpenReturnOptions,
): Promise<HandoffResult<OpenedReturn, ReturnErrorCode>> {
  try {
    const keep = keyOf(source);
    const found = findPayload(code, probeReturn, MAX_CODE_BYTES, false);
    if (!found.ok) {
      if (found.code === 'not-a-link' || found.code === 'unknown-version')
        return fail('not-a-code', 'no return code found in the text');
      if (found.code === 'corrupt') return fail('tampered', 'the return code is not valid base64url');
      return fail(
        found.code,
        found.code === 'truncated' ? 'the return code is cut off' : 'the return code is too large',
      );
    }
    const env = found.bytes;
    const r = new ByteReader(env);
    r.byte();
    const total = r.varint();
    const idLen = r.byte();
    const id = r.bytes(idLen);
    const aadEnd = r.pos;
    const iv = r.bytes(IV_BYTES);
    if (r.failed || total !== env.length || env.length - r.pos < TAG_BYTES)
      return fail('tampered', 'the return code is malformed');
    const batchId = String.fromCharCode(...id);
    if (batchId !== keep.batchId)
      return fail(
        'wrong-batch',
        `this return code belongs to batch ${batchId.replace(/[^A-Za-z0-9_-]/gu, '?')}, not ${keep.batchId}`,
      );
    const batchKey = decodeKey(keep.key);
    if (!batchKey) return fail('tampered', 'the key material is not a 32-byte base64url key');
    const packed = await aesGcmDecrypt(
      returnKey(batchKey, keep.batchId),
      iv,
      env.subarray(0, aadEnd),
      env.subarray(r.pos),
    );
    if (!packed) return fail('tampered', 'the return code was altered or is not for this key');
    const pr = new ByteReader(packed);
    const size = pr.varint();
    if (pr.failed) return fail('tampered', 'the return code does not decode');
    // The largest body this batch's results can make: sealedAt, count, and per order its index,
    // kind, carrier and waybill or reason at their limits (a larger stated size is too-large).
    const largest = 16 + keep.orderIds.length * (12 + 3 * (RETURN_LIMITS.carrier + RETURN_LIMITS.reason));
    const inflated = inflateWith(
      packed.subarray(pr.pos),
      NO_DICTIONARY,
      size,
      Math.min(largest, MAX_CODE_BYTES * 8),
    );
    if (!inflated.ok)
      return fail(
        inflated.code === 'too-large' ? 'too-large' : 'tampered',
        'the return code does not expand',
      );
    const b = new ByteReader(inflated.value);
    const sealedAt = b.uint48();
    const n = b.varint();
    if (b.failed || n > keep.orderIds.length) return fail('tampered', 'the return code does not decode');
    const results: ReturnResult[] = [];
    const carriers: string[] = [];
    const seen = new Set<number>();
    let prev = 0n;
    for (let k = 0; k < n && !b.failed; k++) {
      const i = b.varint();
      const orderId = keep.orderIds[i];
      if (orderId === undefined)
        return fail('unknown-order', `result ${k} names an order that is not in this batch`);
      if (seen.has(i)) return fail('tampered', `order ${orderId} has two results`, { orderId });
      seen.add(i);
      const kind = b.byte();
      let decoded: ReturnResult;
      if (kind === 0) {
        const ref = b.varint();
        let carrier: string;
        if (ref === 0) {
          carrier = b.string(RETURN_LIMITS.carrier * 3);
          carriers.push(carrier);
        } else carrier = carriers[ref - 1] ?? b.fail('');
        const numeric = b.varint();
        let waybill: string;
        if (numeric === 1) {
          prev += b.bigSvarint(20);
          waybill = prev.toString();
          if (!NUMERIC_WAYBILL.test(waybill))
            return fail('tampered', 'a waybill number does not decode', { orderId });
        } else if (numeric === 0) waybill = b.string(RETURN_LIMITS.waybill * 3);
        else return fail('tampered', 'the return code does not decode', { orderId });
        decoded = { orderId, status: 'shipped', carrier, waybill };
      } else if (kind === 1)
        decoded = { orderId, status: 'cannot-ship', reason: b.string(RETURN_LIMITS.reason * 3) };
      else return fail('tampered', 'the return code does not decode');
      if (b.failed) break;
      // Issue 14 item 2: the rule sealReturn applies, applied again (the sender may be anyone
      // who holds the link).
      const checked = checkReturnResult(decoded);
      if (!checked.ok)
        return fail('tampered', `a result breaks the sealing rule: ${checked.error.message}`, {
          orderId,
          ...(checked.error.field !== undefined ? { field: checked.error.field } : {}),
        });
      results.push(checked.value);
    }
    if (b.failed || b.remaining !== 0) return fail('tampered', 'the return code does not decode');
    const late = sealedAtProblem(sealedAt, {
      createdAt: options?.createdAt ?? keep.createdAt,
      now: typeof options?.now === 'number' ? options.now : Number.NaN,
    });
    if (late) return fail('bad-time', `the return code is refused: ${late}`);
    return { ok: true, value: { batchId, sealedAt, results } };
  } catch (e) {
    return fail(
      'crypto-failed',
      `opening the return code failed: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
