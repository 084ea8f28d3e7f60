/**
 * Shared shapes of the print-component codecs: what a caller asks a local print component
 * (打印组件) to do, and the one typed union every reply or pushed notification parses into,
 * whatever the component's own protocol (Cainiao-standard `cmd`, JD `orderType`, WeChat shop
 * `command`).
 * @module
 */

/** A JSON value (what crosses the WebSocket). */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { readonly [key: string]: JsonValue };

/**
 * One content layer of a printed document.
 * - `encrypted`: the platform's standard waybill print data exactly as its e-waybill API returned
 *   it when the waybill number was taken (电子面单取号): `encryptedData` + `signature` (+
 *   `templateURL`, `ver`, `addData`), passed through untouched: the component checks the
 *   signature, decrypts and prints; shipmask never sees plaintext. An order's own receiver
 *   ciphertext is NOT print data: a real component refuses it (no signature). Douyin additionally
 *   needs `params` (the signed `logistics.getShopKey` query string: app key, access token,
 *   timestamp, sign), Kuaishou the `key` its 取号 API returned.
 * - `data`: a custom area (自定义区) with shipmask's own data and template (never buyer data).
 *   Kuaishou's wire name for it is `customData`.
 * - `printInfo`: WeChat shop's opaque print message (`print_info` from 获取打印报文 / 电子面单取号),
 *   with an optional per-task custom area (`customInfo { templateUrl, data }`).
 */
export type PrintContent =
  | {
      readonly kind: 'encrypted';
      readonly encryptedData: string;
      readonly signature: string;
      readonly templateURL: string;
      readonly ver?: string;
      readonly addData?: JsonObject;
      /** Douyin: the signed `logistics.getShopKey` query string (required by its component). */
      readonly params?: string;
      /** Kuaishou: the `key` returned with the print data by its e-waybill API. */
      readonly key?: string;
    }
  | { readonly kind: 'data'; readonly data: JsonObject; readonly templateURL: string }
  | {
      readonly kind: 'printInfo';
      readonly printInfo: string;
      readonly customInfo?: { readonly templateUrl: string; readonly data: JsonObject };
    };

/** One printed document (one waybill). */
export interface PrintDocument {
  readonly documentID: string;
  readonly contents: readonly PrintContent[];
  /** The waybill number (Kuaishou requires it on every document, with `ksOrderFlag: true`). */
  readonly waybillCode?: string;
}

/** One print task: documents sent to one printer in one request. */
export interface PrintTask {
  readonly taskID: string;
  /** Preview instead of printing. */
  readonly preview: boolean;
  /** Printer name as the component lists it; `''` = the component's default printer. */
  readonly printer: string;
  readonly documents: readonly PrintDocument[];
  /** Cainiao-standard preview format. */
  readonly previewType?: 'pdf' | 'image';
  /** Cainiao-standard numbering across split tasks (1-based first number, total count). */
  readonly firstDocumentNumber?: number;
  readonly totalDocumentCount?: number;
}

/** What a caller asks a component to do. Request and task ids come in as arguments. */
export type PrintRequest =
  | { readonly kind: 'getPrinters'; readonly requestID: string }
  | { readonly kind: 'print'; readonly requestID: string; readonly task: PrintTask }
  | { readonly kind: 'getTaskStatus'; readonly requestID: string; readonly taskIDs: readonly string[] };

/**
 * Normalised state of a task or document. `partial`: a task some of whose documents printed and
 * some not (Kuaishou's `taskStatus: "partPrinted"`); its documents carry their own states.
 */
export type PrintStatus = 'pending' | 'rendered' | 'printed' | 'partial' | 'failed' | 'canceled' | 'unknown';

/** Per-document outcome. */
export interface DocumentResult {
  readonly documentID: string;
  readonly status: PrintStatus;
  readonly message?: string;
  /** The waybill number, when the component reports it (Kuaishou). */
  readonly waybillCode?: string;
  /** WeChat: the e-waybill order id the platform's print-success notice needs. */
  readonly ewaybillOrderID?: string;
}

/** Per-task outcome. */
export interface TaskResult {
  readonly taskID: string;
  readonly status: PrintStatus;
  readonly printer?: string;
  readonly documents: readonly DocumentResult[];
  readonly message?: string;
}

/** A printer as a component lists it. */
export interface PrinterInfo {
  readonly name: string;
  readonly displayName?: string;
  /** Component-specific status, passed through (e.g. `enable`, or WeChat's numeric code). */
  readonly status?: string | number;
}

/**
 * Why a message could not be read or a request not built. `incomplete-print-data`: a content a
 * real component refuses (an encrypted waybill without its `signature`, a Douyin one without
 * `params`, a Kuaishou one without `key` or its document's `waybillCode`); refused before
 * anything is sent.
 */
export interface PrintCodecError {
  readonly code:
    | 'malformed-json'
    | 'not-an-object'
    | 'too-large'
    | 'missing-command'
    | 'bad-field'
    | 'unknown-component'
    | 'too-many-documents'
    | 'incomplete-print-data'
    | 'unsupported';
  readonly message: string;
}

/**
 * Every reply or pushed notification of every component parses into exactly one of these.
 * - `printers`: the printer list.
 * - `print-ack`: the immediate answer to a print/preview request (accepted or refused; preview
 *   data when previewing).
 * - `print-result`: a pushed outcome (Cainiao `notifyPrintResult`, PDD `PrintResultNotify`,
 *   `notifyDocResult` / `notifyTaskResult`, JD's print reply, WeChat's per-task results).
 * - `task-status`: the answer to `getTaskStatus`.
 * - `other`: a well-formed message of a command shipmask does not model (passed through).
 * - `error`: unreadable input; parsing never throws.
 */
export type PrintMessage =
  | {
      readonly kind: 'printers';
      readonly component: string;
      readonly requestID?: string;
      readonly printers: readonly PrinterInfo[];
      readonly defaultPrinter?: string;
    }
  | {
      readonly kind: 'print-ack';
      readonly component: string;
      readonly requestID?: string;
      readonly taskID?: string;
      readonly ok: boolean;
      readonly message?: string;
      readonly preview?: {
        readonly url?: string;
        readonly images?: readonly string[];
        readonly data?: string;
      };
    }
  | {
      readonly kind: 'print-result';
      readonly component: string;
      readonly requestID?: string;
      readonly tasks: readonly TaskResult[];
    }
  | {
      readonly kind: 'task-status';
      readonly component: string;
      readonly requestID?: string;
      readonly tasks: readonly TaskResult[];
    }
  | {
      readonly kind: 'other';
      readonly component: string;
      readonly command: string;
      readonly requestID?: string;
      readonly ok?: boolean;
      readonly message?: string;
    }
  | { readonly kind: 'error'; readonly component: string; readonly error: PrintCodecError };

/** Result of building a request. */
export type BuildResult =
  { readonly ok: true; readonly json: string } | { readonly ok: false; readonly error: PrintCodecError };

/** Result of reading a request back (what a fake component or a log viewer does). */
export type RequestParse =
  | { readonly ok: true; readonly request: PrintRequest }
  | { readonly ok: false; readonly error: PrintCodecError };
