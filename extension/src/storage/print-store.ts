/**
 * Print jobs, the print log and overlay selections in IndexedDB (stores `printJobs`, `printLog`
 * and `meta` of schema v2). Job records hold order ids, waybill numbers and document states only;
 * log lines name the order, the job, the waybill number and (for a reprint) the merchant's reason.
 * Writes that the exactly-once rule depends on (`sent` marks) use `strict` durability: on disk
 * before the reply, so before the page sends anything to the component.
 * @module
 */
import type { Instant, PlatformId } from '@shipmask/core';
import type { PrintJobView, PrintLogLine } from '../messages/print';
import type { ShopRef } from '../messages/shared';
import type { StoredPrintJob } from './schema';
import type { Store } from './store';

/** A stored overlay selection (order ids only). */
export interface StoredSelection {
  readonly shop: ShopRef;
  readonly orderIds: readonly string[];
  readonly purpose: 'print' | 'handoff';
  readonly createdAt: Instant;
}

/** Selections older than this are dropped when a new one is stored. */
export const SELECTION_TTL_MS = 7 * 24 * 3600_000;
const SELECTION_PREFIX = 'selection:';

function toRecord(job: PrintJobView): StoredPrintJob {
  return { ...job, platform: job.shop.platform, shopId: job.shop.shopId };
}

function fromRecord(r: StoredPrintJob): PrintJobView {
  const {
    platform: _p,
    shopId: _s,
    ...rest
  } = r as unknown as PrintJobView & {
    platform: PlatformId;
    shopId: string;
  };
  void _p;
  void _s;
  return rest;
}

/**
 * Print storage over the background's `Store`.
 * @example
 * const prints = new PrintStore(store);
 * await prints.putJob(job);
 */
export class PrintStore {
  constructor(private readonly store: Store) {}

  async putSelection(id: string, selection: StoredSelection): Promise<void> {
    const db = await this.store.db();
    const tx = db.transaction('meta', 'readwrite');
    // Old selections go (they are short-lived hand-offs from the overlay to the print page).
    for (
      let c = await tx.store.openCursor(IDBKeyRange.bound(SELECTION_PREFIX, `${SELECTION_PREFIX}\uffff`));
      c;
      c = await c.continue()
    ) {
      const v = c.value.value as StoredSelection | undefined;
      if (!v || selection.createdAt - v.createdAt > SELECTION_TTL_MS) await c.delete();
    }
    await tx.store.put({ key: `${SELECTION_PREFIX}${id}`, value: selection });
    await tx.done;
  }

  async getSelection(id: string): Promise<StoredSelection | undefined> {
    return this.store.getMeta<StoredSelection>(`${SELECTION_PREFIX}${id}`);
  }

  async getJob(id: string): Promise<PrintJobView | undefined> {
    const r = await (await this.store.db()).get('printJobs', id);
    return r ? fromRecord(r) : undefined;
  }

  /** Jobs of a shop (or all), newest first. */
  async listJobs(shop?: ShopRef): Promise<PrintJobView[]> {
    const db = await this.store.db();
    const all = shop
      ? await db.getAllFromIndex('printJobs', 'shop', [shop.platform, shop.shopId])
      : await db.getAll('printJobs');
    return all.map(fromRecord).sort((a, b) => b.createdAt - a.createdAt);
  }

  async putJob(job: PrintJobView): Promise<void> {
    await (await this.store.db()).put('printJobs', toRecord(job));
  }

  /**
   * Read-modify-write one job and append its log lines in ONE strict transaction. `change` gets
   * the stored job (undefined when there is none) and returns the new job and lines, or undefined
   * to write nothing.
   */
  async updateJob(
    id: string,
    change: (
      job: PrintJobView | undefined,
    ) => { job: PrintJobView; log: readonly PrintLogLine[] } | undefined,
  ): Promise<PrintJobView | undefined> {
    const db = await this.store.db();
    const tx = db.transaction(['printJobs', 'printLog'], 'readwrite', { durability: 'strict' });
    const old = await tx.objectStore('printJobs').get(id);
    const next = change(old ? fromRecord(old) : undefined);
    if (next) {
      await tx.objectStore('printJobs').put(toRecord(next.job));
      const log = tx.objectStore('printLog');
      await Promise.all(next.log.map((l) => log.add({ ...l })));
    }
    await tx.done;
    if (next && next.log.length > 0)
      this.store.writes.emit({
        kind: 'printLog',
        shop: next.job.shop,
        carrier: next.job.carrier,
        lines: next.log,
      });
    return next?.job ?? (old ? fromRecord(old) : undefined);
  }

  /** The print log of one order: the lines of every job of its shop that printed it, in the order they were written. */
  async logOf(shop: ShopRef, orderId: string): Promise<PrintLogLine[]> {
    const db = await this.store.db();
    const jobs = (await db.getAllFromIndex('printJobs', 'shop', [shop.platform, shop.shopId])).filter((j) =>
      fromRecord(j).documents.some((d) => d.orderId === orderId),
    );
    const lines: { seq: number; line: PrintLogLine }[] = [];
    for (const j of jobs) {
      for (const l of await db.getAllFromIndex('printLog', 'jobId', j.id)) {
        if (l.orderId === orderId) {
          const { seq, ...line } = l;
          lines.push({ seq: seq ?? 0, line: line as unknown as PrintLogLine });
        }
      }
    }
    // Append order (the log's auto-increment key), not clock order: clocks may step back.
    return lines.sort((a, b) => a.seq - b.seq).map((l) => l.line);
  }
}
