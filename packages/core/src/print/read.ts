/**
 * Total readers for untrusted component messages (internal): JSON parsing that never throws, and
 * field readers that return `undefined` instead of guessing.
 * @module
 */
import type { JsonObject, JsonValue, PrintCodecError, PrintStatus } from './types.js';

/** Largest message read (a preview reply may carry a base64 PDF): 32 MiB of text. */
export const MAX_MESSAGE_CHARS = 32 * 1024 * 1024;

/** A parsed message object, or why there is none. */
export type ObjectParse =
  { readonly ok: true; readonly value: JsonObject } | { readonly ok: false; readonly error: PrintCodecError };

/**
 * Reads one message: a JSON string (as a WebSocket delivers it) or an already-parsed object.
 * Never throws.
 * @example
 * readObject('{"cmd":"print"}'); // { ok: true, value: { cmd: 'print' } }
 * readObject('{'); // { ok: false, error: { code: 'malformed-json', … } }
 */
export function readObject(raw: unknown): ObjectParse {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    if (raw.length > MAX_MESSAGE_CHARS) {
      return { ok: false, error: { code: 'too-large', message: 'Message longer than 32 MiB.' } };
    }
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return { ok: false, error: { code: 'malformed-json', message: 'Not valid JSON.' } };
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: { code: 'not-an-object', message: 'Message is not a JSON object.' } };
  }
  return { ok: true, value: value as JsonObject };
}

/** Own property of a JSON object (never the prototype). */
export function field(o: unknown, key: string): JsonValue | undefined {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return undefined;
  return Object.hasOwn(o, key) ? (o as JsonObject)[key] : undefined;
}

/** A string field; numbers are accepted as their decimal text (ids often arrive as numbers). */
export function str(o: unknown, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = field(o, k);
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

/** An array field (or `[]`). */
export function arr(o: unknown, ...keys: string[]): readonly JsonValue[] {
  for (const k of keys) {
    const v = field(o, k);
    if (Array.isArray(v)) return v as readonly JsonValue[];
  }
  return [];
}

/** An object field. */
export function obj(o: unknown, key: string): JsonObject | undefined {
  const v = field(o, key);
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

/** A boolean field; `"true"` / `"false"` strings count (JD replies use them). */
export function bool(o: unknown, key: string): boolean | undefined {
  const v = field(o, key);
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

const STATUS: Readonly<Record<string, PrintStatus>> = {
  printed: 'printed',
  success: 'printed',
  succeed: 'printed',
  printsuccess: 'printed',
  done: 'printed',
  rendered: 'rendered',
  // Kuaishou: some documents of the task printed (their own states say which).
  partprinted: 'partial',
  failed: 'failed',
  failure: 'failed',
  fail: 'failed',
  error: 'failed',
  printfailed: 'failed',
  canceled: 'canceled',
  cancelled: 'canceled',
  cancel: 'canceled',
  initial: 'pending',
  pending: 'pending',
  printing: 'pending',
  queued: 'pending',
  rendering: 'pending',
};

/**
 * Normalises a component's status word (`printed`, `success`, `failed`, `canceled`, …).
 * @example
 * printStatus('success'); // 'printed'
 */
export function printStatus(v: unknown): PrintStatus {
  if (typeof v === 'boolean') return v ? 'printed' : 'failed';
  if (typeof v !== 'string') return 'unknown';
  return STATUS[v.trim().toLowerCase()] ?? 'unknown';
}

/** Drops `undefined` members so built JSON and parsed values compare cleanly. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** A typed list that may be anything at run time: itself when it is an array, else `[]`. */
export function list<T>(x: readonly T[] | null | undefined): readonly T[] {
  const u: unknown = x;
  return Array.isArray(u) ? (x as readonly T[]) : [];
}
