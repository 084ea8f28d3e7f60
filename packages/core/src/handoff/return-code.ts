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
 * @module
 */
import { maskText } from '../mask/mask-text.js';
import { encodeBase64url } from './base64url.js';
import { ByteReader, ByteWriter } from './bytes.js';
import { containsMobile } from './check.js';
import { deflateWith, inflateWith } from './compress.js';
import { aesGcmDecrypt, aesGcmEncrypt, returnKey } from './crypto.js';
import { fail, type HandoffResult, type ReturnErrorCode } from './errors.js';
import { findPayload, type HeaderProbe } from './payload-text.js';
import { decodeKey, type OpenedBatch } from './seal.js';
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

const WAYBILL = /^[A-Za-z0-9-]{1,64}$/u;

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
 * (`unknown-order`), duplicates and malformed waybill numbers (`invalid-result`); reasons pass
 * through `maskText`. Never rejects.
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
    for (const r of results) {
      const i = typeof r?.orderId === 'string' ? index.get(r.orderId) : undefined;
      if (i === undefined)
        return fail('unknown-order', `order ${String(r?.orderId)} is not in this batch`, {
          orderId: String(r?.orderId),
        });
      if (seen.has(r.orderId))
        return fail('invalid-result', `order ${r.orderId} has two results`, { orderId: r.orderId });
      seen.add(r.orderId);
      w.varint(i);
      if (r.status === 'shipped') {
        if (typeof r.carrier !== 'string' || r.carrier.trim() === '' || r.carrier.length > 64)
          return fail('invalid-result', 'carrier must be 1–64 characters', {
            orderId: r.orderId,
            field: 'carrier',
          });
        const waybill = typeof r.waybill === 'string' ? r.waybill.trim() : '';
        if (!WAYBILL.test(waybill))
          return fail('invalid-result', 'waybill number must be 1–64 letters, digits or dashes', {
            orderId: r.orderId,
            field: 'waybill',
          });
        if (containsMobile(waybill) || containsMobile(r.carrier))
          return fail('invalid-result', 'a waybill number or carrier may not be a mobile number', {
            orderId: r.orderId,
            field: 'waybill',
          });
        w.byte(0);
        const k = carriers.get(r.carrier);
        if (k !== undefined) w.varint(k + 1);
        else {
          carriers.set(r.carrier, carriers.size);
          w.varint(0);
          w.string(r.carrier);
        }
        if (/^[1-9][0-9]{0,39}$/u.test(waybill)) {
          const v = BigInt(waybill);
          w.varint(1);
          w.bigSvarint(v - prev);
          prev = v;
        } else {
          w.varint(0);
          w.string(waybill);
        }
      } else if (r.status === 'cannot-ship') {
        if (typeof r.reason !== 'string' || r.reason.length > 500)
          return fail('invalid-result', 'reason must be at most 500 characters', {
            orderId: r.orderId,
            field: 'reason',
          });
        const reason = maskText(r.reason).value;
        if (containsMobile(reason))
          return fail('invalid-result', 'the reason holds a mobile number', {
            orderId: r.orderId,
            field: 'reason',
          });
        w.byte(1);
        w.string(reason);
      } else
        return fail('invalid-result', 'status must be shipped or cannot-ship', {
          orderId: (r as { orderId: string }).orderId,
          field: 'status',
        });
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
 * whitespace, line breaks and text around the code. Never rejects; errors: `not-a-code`,
 * `truncated`, `too-large`, `wrong-batch`, `tampered`, `unknown-order`.
 * @example
 * const r = await openReturn(pastedText, keep);
 * if (r.ok) for (const x of r.value.results) if (x.status === 'shipped') markShipped(x.orderId, x.carrier, x.waybill);
 */
export async function openReturn(
  code: string,
  source: OpenedBatch | BatchKeyMaterial,
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
    const inflated = inflateWith(packed.subarray(pr.pos), NO_DICTIONARY, size, MAX_CODE_BYTES * 8);
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
      if (kind === 0) {
        const ref = b.varint();
        let carrier: string;
        if (ref === 0) {
          carrier = b.string(256);
          carriers.push(carrier);
        } else carrier = carriers[ref - 1] ?? b.fail('');
        const numeric = b.varint();
        let waybill: string;
        if (numeric === 1) {
          prev += b.bigSvarint(20);
          waybill = prev.toString();
        } else waybill = b.string(256);
        results.push({ orderId, status: 'shipped', carrier, waybill });
      } else if (kind === 1) results.push({ orderId, status: 'cannot-ship', reason: b.string(4096) });
      else return fail('tampered', 'the return code does not decode');
    }
    if (b.failed || b.remaining !== 0) return fail('tampered', 'the return code does not decode');
    return { ok: true, value: { batchId, sealedAt, results } };
  } catch (e) {
    return fail(
      'crypto-failed',
      `opening the return code failed: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
