/**
 * Messages of taught adapters (issue 15, item 5), merged into `ContentRequest` / `ReplyValues`
 * in index.ts. The overlay's teach mode sends them from the back-office page; the background
 * keeps one taught adapter per host (a `meta` entry `adapter:<host>`).
 *
 * A taught adapter holds selectors and value readers only, never page text (checkTaughtAdapter
 * refuses a selector with a phone or ID number in it; teach mode keeps an attribute value only
 * when every row has the same one).
 * @module
 */
import type { PlatformId } from '@shipmask/core';

/**
 * A taught adapter: the row and field selectors a merchant showed shipmask on one back-office
 * host (teach mode), stored per host and exchanged as a JSON file. Data, never code: selectors
 * and a choice among shipmask's own value readers (no pattern text comes from a file).
 * Rule (issue 15, item 5).
 */
export interface TaughtAdapter {
  readonly format: typeof TAUGHT_FORMAT;
  readonly version: 1;
  /** The page's host name (`fxg.jinritemai.com`). */
  readonly host: string;
  /** The page's path, where it applies (the order list). */
  readonly path: string;
  readonly platform: PlatformId;
  /** When it was saved (UTC ms). */
  readonly savedAt: number;
  /** Shadow hosts from the document to the rows (outermost first). */
  readonly hosts: readonly string[];
  /** One element per order, selected in the root `hosts` lead to. */
  readonly row: string;
  readonly fields: { readonly orderId: TaughtRule } & Partial<Record<TaughtField, TaughtRule>>;
}

export type TaughtField = 'orderId' | 'receiverName' | 'receiverPhone' | 'receiverAddress';

/** Where a value is inside a row, and how it is read out of its element's text. */
export interface TaughtRule {
  readonly selector: string;
  /** `orderId`: the digits after 订单号 / 订单编号 (or the whole text); a token (`tokenPattern`); absent: the whole text. */
  readonly read?: 'orderId' | { readonly token: number; readonly rest: boolean };
}

export const TAUGHT_FORMAT = 'shipmask-adapter';

/**
 * Why a taught adapter (or its file) was refused (`TaughtAdapterError` in adapters/taught/record.ts):
 * `too-large`, `not-json`, `wrong-format` (another file), `invalid` (a field is wrong).
 */
export type TaughtAdapterErrorCode = 'too-large' | 'not-json' | 'wrong-format' | 'invalid';

export type AdapterRequest =
  /** The taught adapter of the sender's host, or null. */
  | { readonly type: 'adapters/get'; readonly host: string }
  /** Save (replace) the taught adapter of the sender's host. */
  | { readonly type: 'adapters/save'; readonly adapter: TaughtAdapter }
  /** Import a taught-adapter file's text for the sender's host (checked; a refusal keeps what is stored). */
  | { readonly type: 'adapters/import'; readonly text: string }
  /** Forget the taught adapter of the sender's host. */
  | { readonly type: 'adapters/delete'; readonly host: string };

/** Reply of `adapters/import`: the stored adapter, or why the file was refused. */
export type AdapterImportResult =
  | { readonly ok: true; readonly adapter: TaughtAdapter }
  | {
      readonly ok: false;
      readonly code: TaughtAdapterErrorCode | 'wrong-host';
      readonly message: string;
    };

export interface AdapterReplyValues {
  'adapters/get': TaughtAdapter | null;
  'adapters/save': TaughtAdapter;
  'adapters/import': AdapterImportResult;
  'adapters/delete': boolean;
}
