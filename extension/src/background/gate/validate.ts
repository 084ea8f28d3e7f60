/**
 * Validators of the gate messages (issue 18), in the style of validate.ts: every field
 * type-checked and bounded, the request rebuilt from known fields only. Facts carry no receiver
 * text: flags are booleans / a fixed enum, instants are numbers, the merge key and the address
 * fingerprint are bounded opaque strings (the fingerprint must be 64 hex characters).
 * @module
 */
import {
  HOLD_REASONS,
  type AddressFingerprint,
  type FieldForm,
  type GateAction,
  type GateOverride,
  type InterceptReason,
  type OrderFlags,
} from '@shipmask/core';
import type { GateRequest, OrderFacts } from '../../messages/gate';
import type { PageRequest } from '../../messages/index';
import type { ValidateKit } from '../shared/validate-kit';

/** Gate request types: facts, key and overview come from content scripts; check and handled from both. */
export const gateRequestTypes = {
  'gate/facts': 'content',
  'gate/key': 'content',
  'gate/check': 'content',
  'gate/overview': 'content',
  'gate/handled': 'content',
} as const satisfies Record<GateRequest['type'], 'content' | 'page'>;

export type GateRequestType = keyof typeof gateRequestTypes;

/** Whether `type` is a gate request type. */
export function isGateType(type: string): type is GateRequestType {
  return Object.prototype.hasOwnProperty.call(gateRequestTypes, type);
}

/** Bounds. */
export const GATE_LIMITS = { facts: 1000, orderIds: 1000, overrides: 6000, mergeKey: 128 } as const;

const ACTIONS: readonly GateAction[] = ['print', 'seal', 'bulk-ship'];
const INTERCEPTS: readonly InterceptReason[] = ['refund', 'after-sale', 'closed', 'address-changed'];
const FORMS: readonly FieldForm[] = ['plain', 'masked', 'ciphertext', 'virtual', 'empty', 'invalid'];
const HEX64 = /^[0-9a-f]{64}$/u;
const MERGE_KEY = /^[\x21-\x7e]{1,128}$/u;

function list(k: ValidateKit, v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v)) return k.fail(path, 'expected an array');
  if (v.length > max) k.fail(path, `more than ${max}`);
  return v;
}

function instant(k: ValidateKit, v: unknown, path: string): number {
  return k.num(v, path, 0, 8.64e15, true);
}

function bool(k: ValidateKit, v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') k.fail(path, 'expected a boolean');
  return v;
}

function flags(k: ValidateKit, v: unknown, path: string): OrderFlags {
  const o = k.obj(v, path);
  const out: { -readonly [K in keyof OrderFlags]: OrderFlags[K] } = {};
  if (o.refund !== undefined)
    out.refund = k.oneOf(o.refund, ['requested', 'refunded'] as const, `${path}.refund`);
  for (const f of ['afterSale', 'closed', 'addressChanged', 'supplierAssigned'] as const)
    if (o[f] !== undefined && bool(k, o[f], `${path}.${f}`)) out[f] = true;
  return out;
}

function fingerprint(k: ValidateKit, v: unknown, path: string): AddressFingerprint {
  const o = k.obj(v, path);
  const form = k.oneOf(o.form, FORMS, `${path}.form`);
  const hash = k.str(o.hash, `${path}.hash`, 64);
  if (hash !== '' && !HEX64.test(hash)) k.fail(`${path}.hash`, 'expected 64 hex characters');
  return { form, hash };
}

function facts(k: ValidateKit, v: unknown, path: string): OrderFacts {
  const o = k.obj(v, path);
  const mergeKey =
    o.mergeKey === undefined ? undefined : k.str(o.mergeKey, `${path}.mergeKey`, GATE_LIMITS.mergeKey, 1);
  if (mergeKey !== undefined && !MERGE_KEY.test(mergeKey)) k.fail(`${path}.mergeKey`, 'printable ASCII only');
  return {
    orderId: k.id(o.orderId, `${path}.orderId`),
    ...(o.flags !== undefined ? { flags: flags(k, o.flags, `${path}.flags`) } : {}),
    ...(o.shipBy !== undefined ? { shipBy: instant(k, o.shipBy, `${path}.shipBy`) } : {}),
    ...(o.paidAt !== undefined ? { paidAt: instant(k, o.paidAt, `${path}.paidAt`) } : {}),
    ...(mergeKey !== undefined ? { mergeKey } : {}),
    ...(o.address !== undefined ? { address: fingerprint(k, o.address, `${path}.address`) } : {}),
  };
}

/**
 * Overrides of the gate (also used by print/job-create and handoff/seal).
 * @example
 * gateOverrides(kit, [{ orderId: '1', reason: 'refund' }], 'overrides'); // [{ orderId: '1', reason: 'refund' }]
 */
export function gateOverrides(k: ValidateKit, v: unknown, path: string): GateOverride[] {
  return list(k, v, path, GATE_LIMITS.overrides).map((x, i) => {
    const o = k.obj(x, `${path}[${i}]`);
    return {
      orderId: k.id(o.orderId, `${path}[${i}].orderId`),
      reason: k.oneOf(o.reason, HOLD_REASONS, `${path}[${i}].reason`),
    };
  });
}

/**
 * Rebuild a gate request of a known type (throws through `k.fail`).
 * @example
 * gateRequest({ type: 'gate/key' }, 'gate/key', kit); // { type: 'gate/key' }
 */
export function gateRequest(o: Record<string, unknown>, type: GateRequestType, k: ValidateKit): PageRequest {
  switch (type) {
    case 'gate/key':
      return { type };
    case 'gate/facts':
      return {
        type,
        shop: k.shopRef(o.shop, 'shop'),
        facts: list(k, o.facts, 'facts', GATE_LIMITS.facts).map((x, i) => facts(k, x, `facts[${i}]`)),
      };
    case 'gate/check':
      return {
        type,
        shop: k.shopRef(o.shop, 'shop'),
        orderIds: list(k, o.orderIds, 'orderIds', GATE_LIMITS.orderIds).map((x, i) =>
          k.id(x, `orderIds[${i}]`),
        ),
        action: k.oneOf(o.action, ACTIONS, 'action'),
        ...(o.overrides !== undefined ? { overrides: gateOverrides(k, o.overrides, 'overrides') } : {}),
      };
    case 'gate/overview':
      return {
        type,
        shop: k.shopRef(o.shop, 'shop'),
        ...(o.dueWithinHours !== undefined
          ? { dueWithinHours: k.num(o.dueWithinHours, 'dueWithinHours', 1, 24 * 30, true) }
          : {}),
      };
    case 'gate/handled':
      return {
        type,
        shop: k.shopRef(o.shop, 'shop'),
        orderId: k.id(o.orderId, 'orderId'),
        reasons: list(k, o.reasons, 'reasons', 4).map((x, i) => k.oneOf(x, INTERCEPTS, `reasons[${i}]`)),
      };
  }
}
