/**
 * The exception gate on the print page (issue 18): the background re-checks the orders of a new
 * job (a held order needs an override per reason, every override is logged) and the page gates
 * the bulk-ship file the same way. These build the requests and read the refusal; the page shows
 * held orders with `gate/HeldOrders.tsx`. Pure.
 * @module
 */
import type { GateOverride } from '@shipmask/core';
import type { GateRequest } from '../../messages/gate';
import type { LabelSizeId, PrintPageRequest } from '../../messages/print';
import type { ShopRef } from '../../messages/shared';

type JobCreate = Extract<PrintPageRequest, { type: 'print/job-create' }>;
type GateCheck = Extract<GateRequest, { type: 'gate/check' }>;

/**
 * The `print/job-create` request. Rules: the component only for the component path; the
 * merchant's overrides only when there are any (the background logs each one).
 * @example
 * send(jobCreateRequest({ shop, path: 'browser', component: 'douyin', carrier: 'ZTO', labelSize: '76x130', documents, overrides: [] }));
 */
export function jobCreateRequest(i: {
  readonly shop: ShopRef;
  readonly path: JobCreate['path'];
  readonly component: string;
  readonly carrier: string;
  readonly labelSize: LabelSizeId;
  readonly documents: JobCreate['documents'];
  readonly overrides: readonly GateOverride[];
}): JobCreate {
  return {
    type: 'print/job-create',
    shop: i.shop,
    path: i.path,
    ...(i.path === 'component' ? { component: i.component } : {}),
    carrier: i.carrier,
    labelSize: i.labelSize,
    documents: i.documents,
    ...(i.overrides.length ? { overrides: i.overrides } : {}),
  };
}

/**
 * Whether a refused job creation is the gate's: then the page asks `gate/check` which orders are
 * held and why, and shows them with their override boxes. Rule: error code `held`; any other
 * refusal is only said.
 * @example
 * if (heldByGate(r.error)) send(gateCheckRequest(shop, ids, 'print', overrides));
 */
export function heldByGate(error: { readonly code: string }): boolean {
  return error.code === 'held';
}

/**
 * The `gate/check` request for printing or for the bulk-ship file. Rule: the orders concerned
 * and every override the merchant gave (possibly none).
 * @example
 * gateCheckRequest(shop, printedIds, 'bulk-ship', overrides);
 */
export function gateCheckRequest(
  shop: ShopRef,
  orderIds: readonly string[],
  action: 'print' | 'bulk-ship',
  overrides: readonly GateOverride[],
): GateCheck {
  return { type: 'gate/check', shop, orderIds, action, overrides };
}
