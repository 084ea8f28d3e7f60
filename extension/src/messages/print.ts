/**
 * Messages of bulk print (issue 7) and of the overlay's selection that opens the print or
 * hand-off page. Jobs hold order ids, waybill numbers and per-document states only.
 * @module
 */
import type { HoldReason, Instant, OrderView } from '@shipmask/core';
import type { ShopRef } from './shared';

/** Print requests a content script may send (the overlay opens a page for its selection). */
export type PrintContentRequest =
  /**
   * Open an extension page for the overlay's selection (`purpose: 'print'` opens the print page).
   * The background keeps the selection (order ids only) under a new id and opens
   * `print.html?sel=<id>` in a new tab; the page reads the masked orders with `selection/get`.
   * From a content script, `&tab=<sender tab id>` is added (an id, no order data): the page asks
   * that tab for detailed addresses at print time (messages/address.ts).
   */
  {
    readonly type: 'selection/open';
    readonly shop: ShopRef;
    readonly orderIds: readonly string[];
    /** `handoff` (issue 8) opens `handoff.html?sel=<id>` instead. */
    readonly purpose: 'print' | 'handoff';
  };

/** Label sizes (core templates). */
export type LabelSizeId = '76x130' | '100x150' | '100x180';

/**
 * Bulk print (issue 7). Jobs hold order ids, waybill numbers and per-document states only: never
 * label text or plaintext (the print page lays labels out in memory from the masked views, plus a
 * detailed address held in memory for the one print when the merchant dropped an export in).
 */
export type PrintPageRequest =
  | { readonly type: 'selection/get'; readonly selectionId: string }
  | {
      readonly type: 'print/job-create';
      readonly shop: ShopRef;
      readonly path: PrintPath;
      /** Print component id (core `printComponents`), for `path: 'component'`. */
      readonly component?: string;
      readonly carrier: string;
      readonly labelSize: LabelSizeId;
      readonly documents: readonly { readonly orderId: string; readonly trackingNumber: string }[];
      /** Explicit overrides of the exception gate (issue 18), logged. */
      readonly overrides?: readonly { readonly orderId: string; readonly reason: HoldReason }[];
    }
  /** Persist document states (before a send: `sent`; after the component answers: final states). */
  | {
      readonly type: 'print/job-mark';
      readonly jobId: string;
      readonly marks: readonly {
        readonly documentId: string;
        readonly state: PrintDocState;
        readonly message?: string;
      }[];
    }
  | {
      readonly type: 'print/job-status';
      readonly jobId: string;
      readonly status: 'running' | 'paused' | 'canceled';
    }
  | { readonly type: 'print/job-get'; readonly jobId: string }
  | { readonly type: 'print/jobs'; readonly shop: ShopRef }
  /** Reprint documents already printed (or failed): an explicit reason is required and logged. */
  | {
      readonly type: 'print/reprint';
      readonly jobId: string;
      readonly orderIds: readonly string[];
      readonly reason: string;
      /**
       * Also reopen documents still `sent` (a component without task status, e.g. JD or WeChat,
       * left them unknown after a crash and the merchant checked the printer: no label came out).
       */
      readonly includeInFlight?: boolean;
    }
  | { readonly type: 'print/log'; readonly shop: ShopRef; readonly orderId: string };

/** `browser`: shipmask's own label document printed by the browser (virtual-number labels);
 * `component`: the platform's local print component over WebSocket, only with real print data
 * (a print-data file from the e-waybill API: signed, passed through untouched);
 * `platform`: 平台打单, the platform's own print (ciphertext orders without print data): shipmask
 * ticks the rows in the platform's list (`sent` = ticked) and follows their status there (`printed`
 * when the page shows 已打待发货 / 已发货). Platform jobs carry no waybill number (`''`): the
 * platform takes it. */
export type PrintPath = 'browser' | 'component' | 'platform';

/**
 * A document's state. `queued` → `sent` (persisted BEFORE the bytes leave) → `printed` / `failed`
 * / `canceled`. Final states never revert except through `print/reprint`.
 */
export type PrintDocState = 'queued' | 'sent' | 'printed' | 'failed' | 'canceled';

/** One document (one waybill) of a job. */
export interface PrintJobDocument {
  readonly orderId: string;
  readonly documentId: string;
  /** Task id sent to the component; a reprint gets a new one (`…-r1`). */
  readonly taskId: string;
  readonly trackingNumber: string;
  readonly state: PrintDocState;
  readonly message?: string;
  readonly attempts: number;
}

export interface PrintCounts {
  readonly total: number;
  readonly queued: number;
  readonly sent: number;
  readonly printed: number;
  readonly failed: number;
  readonly canceled: number;
}

/** A print job as the page sees it. */
export interface PrintJobView {
  readonly id: string;
  readonly shop: ShopRef;
  readonly path: PrintPath;
  readonly component?: string;
  readonly carrier: string;
  readonly labelSize: LabelSizeId;
  readonly status: 'running' | 'paused' | 'done' | 'canceled';
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly documents: readonly PrintJobDocument[];
  readonly counts: PrintCounts;
}

/** A job in `print/jobs` (no documents). */
export type PrintJobSummary = Omit<PrintJobView, 'documents'>;

/** One line of the print log (per order). */
export interface PrintLogLine {
  readonly at: Instant;
  readonly jobId: string;
  readonly orderId: string;
  readonly kind: 'sent' | 'printed' | 'failed' | 'canceled' | 'reprint';
  readonly trackingNumber?: string;
  readonly reason?: string;
  readonly message?: string;
}

/** Reply of `selection/get`: the stored masked views, and ids no longer stored. */
export interface SelectionView {
  readonly shop: ShopRef;
  readonly orders: readonly OrderView[];
  readonly missing: readonly string[];
}

/** Reply values of the print and selection requests. */
export interface PrintReplyValues {
  'selection/open': { readonly selectionId: string; readonly tabId: number | null };
  'selection/get': SelectionView;
  'print/job-create': PrintJobView;
  'print/job-mark': PrintJobSummary;
  'print/job-status': PrintJobSummary;
  'print/job-get': { readonly job: PrintJobView; readonly orders: readonly OrderView[] };
  'print/jobs': readonly PrintJobSummary[];
  'print/reprint': PrintJobView;
  'print/log': readonly PrintLogLine[];
}

/** What ticking orders on an order-list tab did (issue 16, 平台打单). */
export interface TickResult {
  /** Orders whose row is now ticked (was or became). */
  readonly ticked: readonly string[];
  /** Orders not on this page (another page of the list, or another tab of statuses). */
  readonly missing: readonly string[];
  /** Other rows the merchant had ticked, unticked so the platform prints only this group. */
  readonly unticked: number;
  /** The text of the page's print control, when the adapter knows it and the page shows it. */
  readonly entry: string | null;
}

/** The message the print page sends to an order-list tab. */
export interface TickRequest {
  readonly type: 'platform-print/tick';
  readonly shop: { readonly platform: string; readonly shopId: string };
  readonly orderIds: readonly string[];
}

/** The order-list tab's answer: ticked on that page, or why not. */
export type TickReply =
  | ({ readonly ok: true } & TickResult)
  | { readonly ok: false; readonly reason: 'bad-request' | 'not-an-order-list' | 'other-shop' };
