/**
 * The one entry of request validation: the table of every request type (who may send it), the
 * field checkers every feature's validator uses (one failure path), and the hand-off of each
 * type to its feature's `validate.ts` (orders, quota, shops, print, hand-off, taught adapters,
 * gate, sync). Each validator type-checks every field, bounds sizes, and REBUILDS the value from
 * known fields only, so an unexpected property (which could carry anything) never reaches
 * storage. Unknown `type`s are reported as such. No dependency: the contract is small and the
 * checks are the documentation.
 *
 * Invariant 1 (defence in depth; the adapters mask already): the router then refuses an order
 * whose receiver fields or free text are not already masked (`orders/plaintext.ts`).
 * @module
 */
import type { PageRequest } from '../messages/index';
import { adapterRequest, adapterRequestTypes, isAdapterType } from './adapters/validate';
import { gateRequest, gateRequestTypes, isGateType } from './gate/validate';
import { handoffRequest, handoffRequestTypes, isHandoffType } from './handoff/validate';
import { isOrdersType, ordersRequest, ordersRequestTypes } from './orders/validate';
import { isPrintType, printRequest, printRequestTypes } from './print/validate';
import { isQuotaType, quotaRequest, quotaRequestTypes } from './quota/validate';
import { KIT_LIMITS, PLATFORMS, type RecordKit } from './shared/validate-kit';
import { isShopsType, shopsRequest, shopsRequestTypes } from './shops/validate';
import { isSyncType, syncRequest, syncRequestTypes } from './sync/sync-validate';

/** Outcome of validating one message. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: 'invalid-message' | 'unknown-type'; readonly message: string };

/** Every request type, and who may send it. */
export const requestTypes = {
  ...shopsRequestTypes,
  ...ordersRequestTypes,
  ...quotaRequestTypes,
  ...printRequestTypes,
  ...handoffRequestTypes,
  ...adapterRequestTypes,
  ...gateRequestTypes,
  ...syncRequestTypes,
} as const satisfies Record<PageRequest['type'], 'content' | 'page'>;

export type RequestType = keyof typeof requestTypes;

/** Thrown inside a validator and turned into `invalid-message` at the top (never escapes). */
class Invalid extends Error {}

const fail = (path: string, what: string): never => {
  throw new Invalid(`${path}: ${what}`);
};

type Obj = Record<string, unknown>;

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'expected an object');
  return v as Obj;
}

/** Control characters (except tab/newline) never appear in ids or page text we keep. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

function str(v: unknown, path: string, max: number = KIT_LIMITS.text, min = 0): string {
  if (typeof v !== 'string') return fail(path, 'expected a string');
  if (v.length < min) fail(path, `expected at least ${min} characters`);
  if (v.length > max) fail(path, `longer than ${max} characters`);
  if (CONTROL.test(v)) fail(path, 'contains control characters');
  return v;
}

const id = (v: unknown, path: string): string => str(v, path, KIT_LIMITS.id, 1);

function num(v: unknown, path: string, min = -Infinity, max = Infinity, integer = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fail(path, 'expected a finite number');
  if (integer && !Number.isInteger(v)) fail(path, 'expected an integer');
  if (v < min || v > max) fail(path, `out of range [${min}, ${max}]`);
  return v;
}

/** An instant: epoch ms between 2000 and 2100. */
const instant = (v: unknown, path: string): number =>
  num(v, path, Date.UTC(2000, 0, 1), Date.UTC(2100, 0, 1), true);

function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') fail(path, 'expected a boolean');
  return v as boolean;
}

function oneOf<T extends string>(v: unknown, options: readonly T[], path: string): T {
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
    fail(path, `expected one of ${options.join(', ')}`);
  }
  return v as T;
}

/** Copy `key` from `src` through `check` when present (undefined counts as absent). */
function opt<T>(
  src: Obj,
  key: string,
  path: string,
  check: (v: unknown, p: string) => T,
): { [k: string]: T } {
  const v = src[key];
  return v === undefined ? {} : { [key]: check(v, `${path}.${key}`) };
}

const kit: RecordKit = {
  fail,
  obj,
  str,
  id,
  num,
  instant,
  bool,
  oneOf,
  opt,
  shopRef(v, path) {
    const o = obj(v, path);
    return {
      platform: oneOf(o.platform, PLATFORMS, `${path}.platform`),
      shopId: id(o.shopId, `${path}.shopId`),
    };
  },
};

/** Rebuild one request of a known type (throws `Invalid`). */
function request(o: Obj, type: RequestType): PageRequest {
  if (isShopsType(type)) return shopsRequest(o, type, kit);
  if (isOrdersType(type)) return ordersRequest(o, type, kit);
  if (isQuotaType(type)) return quotaRequest(o, type, kit);
  if (isPrintType(type)) return printRequest(o, type, kit);
  if (isHandoffType(type)) return handoffRequest(o, type, fail);
  if (isAdapterType(type)) return adapterRequest(o, type, fail);
  if (isSyncType(type)) return syncRequest(o, type, str);
  if (isGateType(type)) return gateRequest(o, type, kit);
  return fail('type', `no validator for ${String(type)}`);
}

/** Whether `type` names a request of the contract. */
export function isRequestType(type: unknown): type is RequestType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(requestTypes, type);
}

/**
 * Validate any value as a request. Never throws: a malformed value is `invalid-message`, a
 * well-formed one of an unknown type is `unknown-type`.
 * @example
 * validateRequest({ type: 'shops/list' }); // { ok: true, value: { type: 'shops/list' } }
 * validateRequest({ type: 'nope' }).ok; // false (code 'unknown-type')
 */
export function validateRequest(value: unknown): Checked<PageRequest> {
  try {
    const o = obj(value, 'message');
    if (typeof o.type !== 'string')
      return { ok: false, code: 'invalid-message', message: 'type: expected a string' };
    if (!isRequestType(o.type)) {
      return {
        ok: false,
        code: 'unknown-type',
        message: `unknown message type ${JSON.stringify(o.type.slice(0, 60))}`,
      };
    }
    return { ok: true, value: request(o, o.type) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, code: 'invalid-message', message: e.message };
    // A getter or proxy trap in a hostile value threw: still a typed refusal.
    return { ok: false, code: 'invalid-message', message: 'unreadable message' };
  }
}
