import { maskText, type PlatformId } from '@shipmask/core';
import {
  TAUGHT_FORMAT,
  type TaughtAdapter,
  type TaughtAdapterErrorCode,
  type TaughtField,
  type TaughtRule,
} from '../../messages/adapter';
import { ORDER_INLINE, tokenPattern } from '../detect/signals';
import type { FieldRule, SiteAdapter } from '../types';

// The record's shape is part of the message contract (`adapters/save`), so it lives there.
export { TAUGHT_FORMAT, type TaughtAdapter, type TaughtField, type TaughtRule };

/** Bounds of a taught adapter (a file is hostile until checked: limits before parsing). */
export const TAUGHT_LIMITS = {
  /** Largest file accepted, in characters. */
  file: 16_384,
  selector: 300,
  hosts: 4,
  host: 253,
  path: 300,
  token: 20,
} as const;

const PLATFORMS: readonly PlatformId[] = ['douyin', 'wechat', 'jd'];
const FIELDS: readonly TaughtField[] = ['orderId', 'receiverName', 'receiverPhone', 'receiverAddress'];
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/u;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/u;

/** Why a taught adapter (or its file) was refused. */
export class TaughtAdapterError extends Error {
  override readonly name = 'TaughtAdapterError';
  /** `too-large`, `not-json`, `wrong-format` (another file), `invalid` (a field is wrong). */
  readonly code: TaughtAdapterErrorCode;
  constructor(code: TaughtAdapterErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

type Obj = Record<string, unknown>;

function fail(path: string, what: string): never {
  throw new TaughtAdapterError('invalid', `${path}: ${what}`);
}

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'expected an object');
  return v as Obj;
}

function selector(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.trim() === '') fail(path, 'expected a selector');
  if (v.length > TAUGHT_LIMITS.selector) fail(path, `longer than ${TAUGHT_LIMITS.selector}`);
  if (CONTROL.test(v)) fail(path, 'control characters');
  // A selector names page structure; a phone or ID number in it would be buyer data.
  if (maskText(v).found.length > 0) fail(path, 'holds a phone or ID number');
  return v;
}

function rule(v: unknown, path: string): TaughtRule {
  const o = obj(v, path);
  const sel = selector(o.selector, `${path}.selector`);
  if (o.read === undefined) return { selector: sel };
  if (o.read === 'orderId') return { selector: sel, read: 'orderId' };
  const r = obj(o.read, `${path}.read`);
  const token = r.token;
  if (typeof token !== 'number' || !Number.isInteger(token) || token < 0 || token > TAUGHT_LIMITS.token)
    fail(`${path}.read.token`, `expected an integer 0-${TAUGHT_LIMITS.token}`);
  if (typeof r.rest !== 'boolean') fail(`${path}.read.rest`, 'expected true or false');
  return { selector: sel, read: { token, rest: r.rest } };
}

/**
 * Check any value as a taught adapter and rebuild it from known fields only. Throws
 * `TaughtAdapterError` (code `wrong-format` or `invalid`, with the path of the first bad field).
 * @example
 * checkTaughtAdapter(JSON.parse(text)); // a TaughtAdapter, or throws TaughtAdapterError
 */
export function checkTaughtAdapter(value: unknown): TaughtAdapter {
  const o = obj(value, 'adapter');
  if (o.format !== TAUGHT_FORMAT) throw new TaughtAdapterError('wrong-format', 'not a shipmask adapter file');
  if (o.version !== 1) fail('version', 'this build reads version 1');
  const host = o.host;
  if (typeof host !== 'string' || host.length > TAUGHT_LIMITS.host || !HOST.test(host))
    fail('host', 'expected a host name');
  const path = o.path;
  if (
    typeof path !== 'string' ||
    !path.startsWith('/') ||
    path.length > TAUGHT_LIMITS.path ||
    CONTROL.test(path)
  )
    fail('path', 'expected a path starting with /');
  if (typeof o.platform !== 'string' || !PLATFORMS.includes(o.platform as PlatformId))
    fail('platform', `expected one of ${PLATFORMS.join(', ')}`);
  const savedAt = o.savedAt;
  if (typeof savedAt !== 'number' || !Number.isSafeInteger(savedAt) || savedAt < 0)
    fail('savedAt', 'expected a time');
  if (!Array.isArray(o.hosts) || o.hosts.length > TAUGHT_LIMITS.hosts)
    fail('hosts', `expected at most ${TAUGHT_LIMITS.hosts} selectors`);
  const hosts = (o.hosts as unknown[]).map((h, i) => selector(h, `hosts[${i}]`));
  const row = selector(o.row, 'row');
  const f = obj(o.fields, 'fields');
  for (const k of Object.keys(f))
    if (!FIELDS.includes(k as TaughtField)) fail(`fields.${k}`, 'unknown field');
  const fields: Partial<Record<TaughtField, TaughtRule>> = {};
  for (const k of FIELDS) if (f[k] !== undefined) fields[k] = rule(f[k], `fields.${k}`);
  if (!fields.orderId) fail('fields.orderId', 'required');
  return {
    format: TAUGHT_FORMAT,
    version: 1,
    host,
    path,
    platform: o.platform as PlatformId,
    savedAt,
    hosts,
    row,
    fields: fields as TaughtAdapter['fields'],
  };
}

/**
 * Parse a taught-adapter file: size checked before parsing, then `checkTaughtAdapter`. Throws
 * `TaughtAdapterError` (`too-large`, `not-json`, `wrong-format`, `invalid`).
 * @example
 * parseTaughtFile(await file.text()); // TaughtAdapter
 */
export function parseTaughtFile(text: string): TaughtAdapter {
  if (typeof text !== 'string' || text.length > TAUGHT_LIMITS.file)
    throw new TaughtAdapterError('too-large', `larger than ${TAUGHT_LIMITS.file} characters`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new TaughtAdapterError('not-json', 'not a JSON file');
  }
  return checkTaughtAdapter(value);
}

/**
 * The file text of a taught adapter (what the merchant exports and sends when reporting a page).
 * @example
 * const text = taughtFileText(adapter); // '{\n  "format": "shipmask-adapter", …'
 */
export function taughtFileText(adapter: TaughtAdapter): string {
  return `${JSON.stringify(adapter, null, 2)}\n`;
}

/** The field rule a taught rule reads with. */
export function fieldRule(r: TaughtRule): FieldRule {
  if (r.read === 'orderId') return { selector: r.selector, pattern: ORDER_ID_OR_DIGITS };
  if (r.read) return { selector: r.selector, pattern: tokenPattern(r.read.token, r.read.rest) };
  return { selector: r.selector };
}

/** An order number after its label, or a text that is only the number. */
const ORDER_ID_OR_DIGITS = new RegExp(`${ORDER_INLINE.source}|^\\s*\\d{8,24}\\s*$`, 'iu');

/**
 * The site adapter that reads a page with a taught adapter: the platform adapter for statuses,
 * reveal control, counter and shop; the taught row and fields instead of its own.
 * @example
 * readRow(row, taughtSiteAdapter(douyin, taught), shopId, Date.now(), false);
 */
export function taughtSiteAdapter(base: SiteAdapter, taught: TaughtAdapter): SiteAdapter {
  const { items: _items, quantities: _quantities, rowGroup: _rowGroup, fields: _fields, ...rest } = base;
  const fields: Record<string, FieldRule> = {};
  for (const [k, r] of Object.entries(taught.fields)) fields[k] = fieldRule(r);
  return { ...rest, list: taught.row, row: taught.row, fields: fields as unknown as SiteAdapter['fields'] };
}
