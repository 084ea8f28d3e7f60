/**
 * Typed messages between extension contexts. Content scripts, the popup, the options page and the
 * supplier page never open IndexedDB: they send these to the background service worker, which
 * validates every message (sender and shape) and rejects unknown types.
 *
 * Invariant: no message carries buyer plaintext. Orders travel as masked `OrderView`s; reveals are
 * identified by order id only (the background turns it into a keyed hash for the ledger).
 */
import type { FieldKind, HoldReason, Instant, OrderView, PlatformId } from '@shipmask/core';
import type { AdapterReplyValues, AdapterRequest } from './adapter-messages';
import type { GateReplyValues, GateRequest } from './gate-messages';
import type { HandoffRemindersRequest, HandoffReplyValues, HandoffRequest } from './handoff-messages';
import type { SyncReplyValues, SyncRequest } from './sync-messages';

/** A shop is identified by platform + the shop id the page shows (or `default`). */
export interface ShopRef {
  readonly platform: PlatformId;
  readonly shopId: string;
}

/** Requests a content script may send. */
export type ContentRequest =
  /** The one language of every shipmask page (issue 21 item 9); the panel toggles it too. */
  | { readonly type: 'ui/language' }
  | { readonly type: 'ui/language/set'; readonly language: 'zh' | 'en' }
  /**
   * Orders currently visible on the page, already masked by the adapter. `summary`: the rows were
   * read without their items and remark (a page swap reads only what badges, the quota's order
   * volume and retention need); the store keeps whatever detail it already holds. The detail of
   * an order is sent when the merchant selects it (data minimisation: buyers' remarks are stored
   * only for orders the merchant prints or hands off).
   */
  | {
      readonly type: 'orders/seen';
      readonly shop: ShopRef;
      /** The shop's name as the page shows it (issue 21; `readShopName`). */
      readonly shopName?: string;
      readonly orders: readonly OrderView[];
      readonly summary?: true;
    }
  /** A trusted click on the platform's reveal control (小眼睛 / 查看). */
  | {
      readonly type: 'reveal/recorded';
      readonly shop: ShopRef;
      readonly orderId: string;
      readonly field: FieldKind | 'all';
      readonly at: Instant;
      /** A unique id for this click, so a retried message is not counted twice. */
      readonly clickId: string;
    }
  /** The page's own remaining-views counter text was read ("剩余 N"). */
  | {
      readonly type: 'counter/observed';
      readonly shop: ShopRef;
      readonly remaining: number;
      readonly at: Instant;
    }
  | { readonly type: 'quota/status'; readonly shop: ShopRef }
  /**
   * Open an extension page for the overlay's selection (`purpose: 'print'` opens the print page).
   * The background keeps the selection (order ids only) under a new id and opens
   * `print.html?sel=<id>` in a new tab; the page reads the masked orders with `selection/get`.
   * From a content script, `&tab=<sender tab id>` is added (an id, no order data): the page asks
   * that tab for detailed addresses at print time (address-messages.ts).
   */
  | {
      readonly type: 'selection/open';
      readonly shop: ShopRef;
      readonly orderIds: readonly string[];
      /** `handoff` (issue 8) opens `handoff.html?sel=<id>` instead. */
      readonly purpose: 'print' | 'handoff';
    }
  /** Taught adapters of the page's host (issue 15, item 5). */
  | AdapterRequest
  /** The exception gate, deadlines and merge hints (issue 18, gate-messages.ts). */
  | GateRequest
  /** Hand-off batches of the page's shop near expiry (issue 17): the panel's reminder. */
  | HandoffRemindersRequest;

/** Requests the popup and extension pages may send (in addition to the content ones). */
export type PageRequest =
  | ContentRequest
  | { readonly type: 'settings/get'; readonly shop: ShopRef }
  | { readonly type: 'settings/set'; readonly shop: ShopRef; readonly settings: ShopSettings }
  | { readonly type: 'shops/list' }
  | { readonly type: 'reveals/daily'; readonly shop: ShopRef; readonly days: number }
  /** The shop a content script last reported from this tab (popup: "the active tab's shop"). */
  | { readonly type: 'shops/active'; readonly tabId: number }
  | PrintPageRequest
  | HandoffRequest
  /** Multi-station sync (issue 22, sync-messages.ts). */
  | SyncRequest;

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

/** Per-shop settings (popup). Every quota number is a setting; defaults come from the platform. */
export interface ShopSettings {
  readonly platform: PlatformId;
  /** Display name of the shop. */
  readonly shopName?: string;
  /** Override of the platform's default quota rule numbers. */
  readonly quota?: {
    readonly ratio?: number;
    readonly allowance?: number;
    readonly packSize?: number;
    readonly warnAt?: number;
    readonly recountSameOrder?: boolean;
  };
  /** The merchant's sender block for labels (the merchant's own data, not a buyer's). */
  readonly sender?: { readonly name: string; readonly phone: string; readonly address: string };
  readonly defaultCarrier?: string;
  readonly labelSize?: '76x130' | '100x150' | '100x180';
  /** Days after completion before an order is purged (default 90). */
  readonly retentionDays?: number;
  readonly language?: 'zh' | 'en';
}

/** The quota meter as the overlay and popup show it. */
export interface QuotaView {
  readonly used: number;
  readonly limit: number | null;
  readonly remaining: number | null;
  readonly level: 'ok' | 'warn' | 'exhausted';
  readonly periodStart: Instant | null;
  readonly periodEnd: Instant | null;
  /**
   * The period the numbers count in (本月 / 今日), or null for a pack that never resets. With the
   * page's own counter it is the counter's period (京东: the day).
   */
  readonly period: 'day' | 'month' | null;
  /** Forecast instant of exhaustion at the current burn rate, or null if not within the period. */
  readonly exhaustsAt: Instant | null;
  /** Platform counter minus our count, when the page shows one (raw; the meter does not show it). */
  readonly drift: number | null;
  /**
   * `platform` when the page's own counter is known: `remaining` is the page's number and `limit`
   * is used + remaining, so the three numbers agree with what the merchant sees; `local` otherwise.
   */
  readonly source: 'platform' | 'local';
  /**
   * Our own estimate of what remains, shown as an explanation only when the page's counter is known
   * and our count differs from it meaningfully (see `meaningfulDifference`); `null` otherwise.
   */
  readonly localRemaining: number | null;
}

/** Every reply: ok with a value, or a typed error. */
export type Reply<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly code: MessageErrorCode; readonly message: string } };

/**
 * `wrong-shop`: a content script named a shop other than the one its tab's page is bound to.
 * `unreachable`: the background could not be reached (extension reloaded or updated, so this
 * context is orphaned); only `send()` in client.ts produces it, never the background.
 */
export type MessageErrorCode =
  | 'invalid-message'
  | 'unknown-type'
  | 'forbidden-sender'
  | 'wrong-shop'
  | 'storage'
  | 'internal'
  | 'unreachable'
  /** The exception gate held orders of a print job or a sealed batch (issue 18); the message lists them. */
  | 'held';

/** Reply of `orders/seen`. */
export interface OrdersSeenResult {
  /** Orders written (new or updated). */
  readonly stored: number;
  /** Orders seen for the first time. */
  readonly added: number;
}

/** Reply of `reveal/recorded`. */
export interface RevealResult {
  /** False when this clickId was already recorded (a retried message is not counted twice). */
  readonly counted: boolean;
  readonly quota: QuotaView;
}

/** Reply of `settings/get` and `settings/set`: the stored settings and the platform defaults. */
export interface SettingsView {
  /** Stored settings, or the defaults when none were saved (`saved: false`). */
  readonly settings: ShopSettings;
  readonly saved: boolean;
  /** The platform's defaults, for placeholders. */
  readonly defaults: {
    readonly quotaKind: 'ratio' | 'fixed' | 'pack' | null;
    readonly ratio?: number;
    readonly allowance?: number;
    readonly packSize?: number;
    readonly warnAt?: number;
    readonly recountSameOrder?: boolean;
    readonly retentionDays: number;
    readonly language: 'zh' | 'en';
  };
}

/** One shop in `shops/list`. */
export interface ShopSummary extends ShopRef {
  readonly shopName?: string;
  readonly lastSeenAt: Instant;
}

/** Reply of `reveals/daily`: reveals per China day, oldest first, ending today. */
export interface DailyReveals {
  readonly days: readonly {
    /** China calendar date `YYYY-MM-DD`. */
    readonly date: string;
    /** Start of that China day (UTC instant). */
    readonly start: Instant;
    readonly count: number;
  }[];
  /** The allowance left per day: remaining ÷ days left in the period (today included), or null. */
  readonly dailyShare: number | null;
  readonly quota: QuotaView;
}

/** What each request's reply carries (`send()` in client.ts returns `Reply<ReplyOf<R>>`). */
export interface ReplyValues
  extends HandoffReplyValues, AdapterReplyValues, GateReplyValues, SyncReplyValues {
  'ui/language': 'zh' | 'en';
  'ui/language/set': 'zh' | 'en';
  'orders/seen': OrdersSeenResult;
  'reveal/recorded': RevealResult;
  'counter/observed': QuotaView;
  'quota/status': QuotaView;
  'settings/get': SettingsView;
  'settings/set': SettingsView;
  'shops/list': readonly ShopSummary[];
  'reveals/daily': DailyReveals;
  'shops/active': ShopRef | null;
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

/** The reply value of a request. */
export type ReplyOf<R extends { readonly type: keyof ReplyValues }> = ReplyValues[R['type']];
