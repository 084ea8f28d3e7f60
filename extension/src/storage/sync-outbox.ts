/**
 * The storage layer's outbox for sync (issue 22): every store method that writes something the
 * stations of one shop share announces it here AFTER its transaction committed, so the sync
 * service (background/sync/) can turn it into a replicated document. Stores know nothing of sync;
 * with no listener (sync not paired, unit tests) an announcement costs one empty loop.
 *
 * What is announced (one kind per replicated thing of the issue's deliver 1):
 * - `quotaEvent`: a ledger event that was new in the store;
 * - `printLog`: print-log lines of a job (the print journal: printed, reprinted with reason);
 * - `batch`: a hand-off batch record as first stored, and as changed later (`before` given);
 * - `gateOverride`: an explicit override of the exception gate (it is logged in the audit);
 * - `adapter` / `adapterDeleted`: a taught adapter stored or forgotten;
 * - `settings`: a shop's settings saved from the popup;
 * - `supplierRules`: a shop's supplier-per-SKU rules and default supplier saved;
 * - `handoffConfig`: the hand-off settings saved (link base URL, suppliers used), with the
 *   instant of the save.
 *
 * Writes the sync service applies from other stations pass `quiet`, so they are not announced
 * back (a settings edit pulled from station 2 must not come back as station 1's newer edit).
 * A listener that throws never breaks the write that announced (it already committed).
 * @module
 */
import type { Instant } from '@shipmask/core';
import type { TaughtAdapter } from '../adapters/taught/record';
import type { BatchRecord } from './batch-record';
import type { PrintLogLine } from '../messages/print';
import type { ShopRef } from '../messages/shared';
import type { ShopSettings } from '../messages/shops';
import type { HandoffConfig } from '../messages/handoff';
import type { SupplierRuleSet } from '@shipmask/core';

/** One committed write the stations share. */
export type StoreWrite =
  | { readonly kind: 'quotaEvent'; readonly shop: ShopRef; readonly event: unknown }
  | {
      readonly kind: 'printLog';
      readonly shop: ShopRef;
      readonly carrier: string;
      readonly lines: readonly PrintLogLine[];
    }
  | { readonly kind: 'batch'; readonly record: BatchRecord; readonly before?: BatchRecord }
  | {
      readonly kind: 'gateOverride';
      readonly shop: ShopRef;
      readonly at: Instant;
      readonly orderId: string;
      readonly reason: string;
    }
  | { readonly kind: 'adapter'; readonly adapter: TaughtAdapter }
  | { readonly kind: 'adapterDeleted'; readonly host: string }
  | {
      readonly kind: 'settings';
      readonly shop: ShopRef;
      readonly settings: ShopSettings;
      readonly at: Instant;
    }
  | {
      readonly kind: 'supplierRules';
      readonly shop: ShopRef;
      readonly rules: SupplierRuleSet;
      readonly fallback?: string;
      readonly at: Instant;
    }
  | { readonly kind: 'handoffConfig'; readonly config: HandoffConfig; readonly at: Instant };

/** A listener of committed writes. */
export type WriteListener = (write: StoreWrite) => void;

/**
 * The outbox of one `Store`: listeners of committed writes. Rule: `emit` calls every listener in
 * subscription order and swallows their errors (the write already committed; sync catches up
 * from the stores at its next full pass).
 * @example
 * const hub = new WriteHub();
 * const off = hub.subscribe((w) => console.log(w.kind));
 * hub.emit({ kind: 'adapterDeleted', host: 'fxg.jinritemai.com' }); // logs 'adapterDeleted'
 * off();
 */
export class WriteHub {
  private readonly listeners = new Set<WriteListener>();

  /** Listen to committed writes; returns the function that stops listening. */
  subscribe(listener: WriteListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Announce a committed write (see the rule above). */
  emit(write: StoreWrite): void {
    for (const l of this.listeners) {
      try {
        l(write);
      } catch {
        // A broken listener must not turn a committed write into a failed request.
      }
    }
  }
}
