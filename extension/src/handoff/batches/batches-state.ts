/**
 * The batches on the hand-off page: the list, reminders of batches near expiry, the batch open
 * in detail, the return code typed and what its import changed. Pure reducer; the page asks the
 * background (`handoff/batches`, `handoff/batch`, `handoff/import`, …) and dispatches replies.
 * @module
 */
import type { ReturnResult } from '@shipmask/core';
import type {
  BatchDetail,
  BatchReminder,
  BatchStatus,
  BatchSummary,
  ImportReply,
  ImportResult,
} from '../../messages/handoff';
import type { ShopRef } from '../../messages/shared';
import { carrierName } from '../ship-rows';
import type { Lang } from '../words';

/** The batches part of the page. */
export interface BatchesState {
  readonly batches: readonly BatchSummary[];
  readonly reminders: readonly BatchReminder[];
  readonly open?: BatchDetail | undefined;
  /** The return code typed for the open batch. */
  readonly code: string;
  readonly imported?: ImportResult | undefined;
}

/** Nothing loaded. */
export const BATCHES_START: BatchesState = { batches: [], reminders: [], code: '' };

/** What happens to the batches. */
export type BatchesAction =
  | { readonly type: 'batches'; readonly batches: readonly BatchSummary[] }
  | { readonly type: 'reminders'; readonly reminders: readonly BatchReminder[] }
  | { readonly type: 'open'; readonly detail: BatchDetail }
  | { readonly type: 'back' }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'imported'; readonly result: ImportResult }
  | { readonly type: 'status'; readonly batchId: string; readonly status: BatchStatus };

/**
 * The batches after an action. Rules: reminders are shown soonest expiry first; opening a batch
 * starts with no code and no import shown; an accepted import shows its changes and the batch as
 * the background now has it; a status change (the bulk-ship file made) updates the open batch
 * only when it is that batch.
 * @example
 * batchesReducer(BATCHES_START, { type: 'open', detail }).open?.batchId; // detail.batchId
 */
export function batchesReducer(s: BatchesState, a: BatchesAction): BatchesState {
  switch (a.type) {
    case 'batches':
      return { ...s, batches: a.batches };
    case 'reminders':
      return { ...s, reminders: [...a.reminders].sort((x, y) => x.expiresAt - y.expiresAt) };
    case 'open':
      return { ...s, open: a.detail, imported: undefined, code: '' };
    case 'back':
      return { ...s, open: undefined };
    case 'code':
      return { ...s, code: a.text };
    case 'imported':
      return { ...s, imported: a.result, open: a.result.batch };
    case 'status':
      return s.open && s.open.batchId === a.batchId ? { ...s, open: { ...s.open, status: a.status } } : s;
  }
}

/**
 * Whether 导入回执码 sends anything. Rule: a batch is open and a code was typed.
 * @example
 * canImport({ ...BATCHES_START, code: ' ' }); // false
 */
export function canImport(s: BatchesState): boolean {
  return s.open !== undefined && s.code.trim() !== '';
}

/**
 * The page after the background's import reply. Rule: a refused code (`wrong-batch`, a revoked
 * or expired batch, an order outside the batch, tampered…) changes nothing on the page and is
 * shown as `code: message`; an accepted one becomes the `imported` action.
 * @example
 * importOutcome({ ok: false, code: 'revoked', message: '批次已作废' }); // { error: 'revoked: 批次已作废' }
 */
export function importOutcome(
  reply: ImportReply,
): { readonly error: string } | { readonly action: BatchesAction } {
  if (!reply.ok) return { error: `${reply.code}: ${reply.message}` };
  const { changes, unchanged, stale, batch } = reply;
  return { action: { type: 'imported', result: { changes, unchanged, stale, batch } } };
}

/**
 * The shops that have batches, each once, in list order (one merged bulk-ship file each).
 * @example
 * shopsOf(batches); // [{ platform: 'douyin', shopId: 'demo' }]
 */
export function shopsOf(batches: readonly { readonly shop: ShopRef }[]): ShopRef[] {
  return [...new Map(batches.map((b) => [`${b.shop.platform}:${b.shop.shopId}`, b.shop])).values()];
}

/**
 * A supplier's result in words: carrier (the platform's name) and number, `✕ reason`, or `—`.
 * @example
 * resultText({ orderId: '1', status: 'cannot-ship', reason: '缺货' }, 'douyin', 'zh'); // '✕ 缺货'
 */
export function resultText(r: ReturnResult | undefined, platform: ShopRef['platform'], lang: Lang): string {
  if (!r) return '—';
  return r.status === 'shipped' ? `${carrierName(platform, r.carrier, lang)} ${r.waybill}` : `✕ ${r.reason}`;
}

/**
 * The open batch as its bulk-ship file may ship it (issue 18). Rule: only orders the exception
 * gate passed (refunded, closed or changed since sealing stay out unless overridden); nothing
 * until the gate has answered.
 * @example
 * gatePassed(detail, new Set(['6920…1'])).items.length; // 1
 */
export function gatePassed(
  open: BatchDetail | undefined,
  pass: ReadonlySet<string> | undefined,
): BatchDetail | undefined {
  return open && pass ? { ...open, items: open.items.filter((it) => pass.has(it.order.orderId)) } : undefined;
}
