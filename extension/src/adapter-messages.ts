/**
 * Messages of taught adapters (issue 15, item 5), merged into `ContentRequest` / `ReplyValues`
 * in messages.ts. The overlay's teach mode sends them from the back-office page; the background
 * keeps one taught adapter per host (a `meta` entry `adapter:<host>`).
 *
 * A taught adapter holds selectors and value readers only, never page text (checkTaughtAdapter
 * refuses a selector with a phone or ID number in it; teach mode keeps an attribute value only
 * when every row has the same one).
 * @module
 */
import type { TaughtAdapter, TaughtAdapterError } from './adapters/taught/record';

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
      readonly code: TaughtAdapterError['code'] | 'wrong-host';
      readonly message: string;
    };

export interface AdapterReplyValues {
  'adapters/get': TaughtAdapter | null;
  'adapters/save': TaughtAdapter;
  'adapters/import': AdapterImportResult;
  'adapters/delete': boolean;
}
