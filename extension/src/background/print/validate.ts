/**
 * Validators of the bulk-print messages (issue 7), in the style of validate.ts: every field is
 * type-checked, sizes are bounded, and the request is rebuilt from known fields only. The helpers
 * come from validate.ts (one failure path: `invalid-message`).
 * @module
 */
import type { PageRequest } from '../../messages/index';
import type { PrintContentRequest, PrintDocState, PrintPageRequest } from '../../messages/print';
import { gateOverrides } from '../gate';
import type { ValidateKit } from '../shared/validate-kit';

/** Bounds: one job prints at most 1,000 waybills (the bulk-print bench size). */
export const PRINT_LIMITS = {
  documents: 1000,
  trackingNumber: 40,
  reason: 500,
  message: 300,
  minReason: 2,
} as const;

const STATES: readonly PrintDocState[] = ['queued', 'sent', 'printed', 'failed', 'canceled'];
const SIZES = ['76x130', '100x150', '100x180'] as const;
/** Waybill numbers: letters and digits (carriers use both, e.g. JD `JDVA…`). */
const TRACKING = /^[0-9A-Za-z-]{1,40}$/u;

type PrintType = PrintPageRequest['type'] | PrintContentRequest['type'];

/** Print request types: a content script opens a selection; the print page does the rest. */
export const printRequestTypes = {
  'selection/open': 'content',
  'selection/get': 'page',
  'print/job-create': 'page',
  'print/job-mark': 'page',
  'print/job-status': 'page',
  'print/job-get': 'page',
  'print/jobs': 'page',
  'print/reprint': 'page',
  'print/log': 'page',
} as const satisfies Record<PrintType, 'content' | 'page'>;

/** Whether `type` is a print request type. */
export function isPrintType(type: string): type is PrintType {
  return Object.prototype.hasOwnProperty.call(printRequestTypes, type);
}

function list(k: ValidateKit, v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v)) return k.fail(path, 'expected an array');
  if (v.length > max) k.fail(path, `more than ${max}`);
  return v;
}

/**
 * Rebuild one bulk-print request (throws through `kit.fail` on bad input).
 * @example
 * printRequest({ type: 'print/job-get', jobId: 'j1' }, 'print/job-get', kit); // { type, jobId: 'j1' }
 */
export function printRequest(o: Record<string, unknown>, type: string, k: ValidateKit): PageRequest {
  const t = type as PrintType;
  switch (t) {
    case 'selection/open': {
      const orderIds = list(k, o.orderIds, 'orderIds', PRINT_LIMITS.documents).map((x, i) =>
        k.id(x, `orderIds[${i}]`),
      );
      if (orderIds.length === 0) k.fail('orderIds', 'expected at least one order');
      return {
        type: t,
        shop: k.shopRef(o.shop, 'shop'),
        orderIds,
        purpose: k.oneOf(o.purpose, ['print', 'handoff'] as const, 'purpose'),
      };
    }
    case 'selection/get':
      return { type: t, selectionId: k.id(o.selectionId, 'selectionId') };
    case 'print/job-create': {
      const path = k.oneOf(o.path, ['browser', 'component', 'platform'] as const, 'path');
      const documents = list(k, o.documents, 'documents', PRINT_LIMITS.documents).map((x, i) => {
        const d = k.obj(x, `documents[${i}]`);
        // The platform's own print takes the waybill number itself: a platform job holds none.
        const trackingNumber =
          path === 'platform'
            ? k.str(d.trackingNumber, `documents[${i}].trackingNumber`, 0, 0)
            : k.str(d.trackingNumber, `documents[${i}].trackingNumber`, 40, 1);
        if (path !== 'platform' && !TRACKING.test(trackingNumber))
          k.fail(`documents[${i}].trackingNumber`, 'letters and digits only');
        return { orderId: k.id(d.orderId, `documents[${i}].orderId`), trackingNumber };
      });
      if (documents.length === 0) k.fail('documents', 'expected at least one document');
      if (new Set(documents.map((d) => d.orderId)).size !== documents.length) {
        k.fail('documents', 'an order appears twice');
      }
      return {
        type: t,
        shop: k.shopRef(o.shop, 'shop'),
        path,
        ...(o.component !== undefined ? { component: k.id(o.component, 'component') } : {}),
        carrier: k.str(o.carrier, 'carrier', 40, 1),
        labelSize: k.oneOf(o.labelSize, SIZES, 'labelSize'),
        documents,
        ...(o.overrides !== undefined ? { overrides: gateOverrides(k, o.overrides, 'overrides') } : {}),
      };
    }
    case 'print/job-mark': {
      const marks = list(k, o.marks, 'marks', PRINT_LIMITS.documents).map((x, i) => {
        const m = k.obj(x, `marks[${i}]`);
        return {
          documentId: k.id(m.documentId, `marks[${i}].documentId`),
          state: k.oneOf(m.state, STATES, `marks[${i}].state`),
          ...(m.message !== undefined
            ? { message: k.str(m.message, `marks[${i}].message`, PRINT_LIMITS.message) }
            : {}),
        };
      });
      return { type: t, jobId: k.id(o.jobId, 'jobId'), marks };
    }
    case 'print/job-status':
      return {
        type: t,
        jobId: k.id(o.jobId, 'jobId'),
        status: k.oneOf(o.status, ['running', 'paused', 'canceled'] as const, 'status'),
      };
    case 'print/job-get':
      return { type: t, jobId: k.id(o.jobId, 'jobId') };
    case 'print/jobs':
      return { type: t, shop: k.shopRef(o.shop, 'shop') };
    case 'print/reprint': {
      const orderIds = list(k, o.orderIds, 'orderIds', PRINT_LIMITS.documents).map((x, i) =>
        k.id(x, `orderIds[${i}]`),
      );
      if (orderIds.length === 0) k.fail('orderIds', 'expected at least one order');
      const reason = k.str(o.reason, 'reason', PRINT_LIMITS.reason).trim();
      if (reason.length < PRINT_LIMITS.minReason) k.fail('reason', 'a reprint needs a reason');
      if (o.includeInFlight !== undefined && typeof o.includeInFlight !== 'boolean') {
        k.fail('includeInFlight', 'expected a boolean');
      }
      return {
        type: t,
        jobId: k.id(o.jobId, 'jobId'),
        orderIds,
        reason,
        ...(o.includeInFlight === true ? { includeInFlight: true } : {}),
      };
    }
    case 'print/log':
      return { type: t, shop: k.shopRef(o.shop, 'shop'), orderId: k.id(o.orderId, 'orderId') };
  }
  return k.fail('type', 'not a print request');
}
