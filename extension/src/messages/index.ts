/**
 * The message contract between extension contexts, composed from the feature modules beside this
 * file: the request unions (who may send what) and the reply map. Content scripts, the popup and
 * the extension pages never open IndexedDB: they send these to the background service worker,
 * which validates every message (sender and shape) and rejects unknown types.
 *
 * This file only composes: a type belongs to its feature module (`quota.ts`, `print.ts`,
 * `handoff.ts`…), and a feature module never imports another feature or this file.
 * @module
 */
import type { AdapterReplyValues, AdapterRequest } from './adapter';
import type { GateReplyValues, GateRequest } from './gate';
import type { HandoffRemindersRequest, HandoffReplyValues, HandoffRequest } from './handoff';
import type { OrdersContentRequest, OrdersReplyValues } from './orders';
import type { PrintContentRequest, PrintPageRequest, PrintReplyValues } from './print';
import type { QuotaContentRequest, QuotaPageRequest, QuotaReplyValues } from './quota';
import type { ShopsContentRequest, ShopsPageRequest, ShopsReplyValues } from './shops';
import type { SyncReplyValues, SyncRequest } from './sync';

/** Requests a content script may send. */
export type ContentRequest =
  | ShopsContentRequest
  | OrdersContentRequest
  | QuotaContentRequest
  | PrintContentRequest
  /** Taught adapters of the page's host (issue 15, item 5). */
  | AdapterRequest
  /** The exception gate, deadlines and merge hints (issue 18). */
  | GateRequest
  /** Hand-off batches of the page's shop near expiry (issue 17): the panel's reminder. */
  | HandoffRemindersRequest;

/** Requests the popup and extension pages may send (in addition to the content ones). */
export type PageRequest =
  | ContentRequest
  | ShopsPageRequest
  | QuotaPageRequest
  | PrintPageRequest
  | HandoffRequest
  /** Multi-station sync (issue 22): extension pages only, never a content script. */
  | SyncRequest;

/** What each request's reply carries (`send()` in client.ts returns `Reply<ReplyOf<R>>`). */
export interface ReplyValues
  extends
    ShopsReplyValues,
    OrdersReplyValues,
    QuotaReplyValues,
    PrintReplyValues,
    HandoffReplyValues,
    AdapterReplyValues,
    GateReplyValues,
    SyncReplyValues {}

/** The reply value of a request. */
export type ReplyOf<R extends { readonly type: keyof ReplyValues }> = ReplyValues[R['type']];
