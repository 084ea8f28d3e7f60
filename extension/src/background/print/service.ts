/**
 * Handlers of the bulk-print messages (issue 7): the overlay's selection hand-off, print jobs
 * (create, mark, pause/resume/cancel, reprint with a reason) and the per-order print log.
 * @module
 */
import type { Instant, OrderView } from '@shipmask/core';
import type { PrintJobView } from '../../messages/print';
import type { ShopRef } from '../../messages/shared';
import type { Store } from '../../storage';
import { PrintStore } from '../../storage/print-store';
import { applyMarks, createJob, followPlatform, reprint, setJobStatus, summarize } from './jobs';
import type { GateService } from '../gate';
import type { Handlers } from '../shared/handlers';

type PrintTypes =
  | 'selection/open'
  | 'selection/get'
  | 'print/job-create'
  | 'print/job-mark'
  | 'print/job-status'
  | 'print/job-get'
  | 'print/jobs'
  | 'print/reprint'
  | 'print/log';

/** The print handlers (spread into the service's handlers). */
export type PrintHandlers = Pick<Handlers, PrintTypes>;

export interface PrintServiceOptions {
  readonly store: Store;
  readonly now: () => Instant;
  readonly randomBytes: (n: number) => Uint8Array;
  /** The exception gate (issue 18): re-checks every order before a job is created. */
  readonly gate?: GateService;
  /** Multi-station sync (issue 22): claim the new job's orders; taken ones come out failed. */
  readonly claimJob?: (job: PrintJobView) => Promise<PrintJobView>;
  /** Open an extension page (path like `/print.html?sel=…`) in a new tab; the tab id, if any. */
  readonly openPage?: (path: string) => Promise<number | undefined>;
}

/** A job or selection id: 16 random bytes as hex. */
function newId(randomBytes: (n: number) => Uint8Array, prefix: string): string {
  return prefix + [...randomBytes(8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Thrown for a job or selection that does not exist (the router replies `internal`). */
class NoSuchJob extends Error {
  override readonly name = 'NoSuchJob';
}

/**
 * Follow the open `platform` jobs (平台打单) of a shop from orders the adapter just read: each job
 * whose documents name one of these orders is updated in its own strict transaction
 * (`followPlatform`). Returns how many documents changed. Documents that came out now are recorded
 * with the exception gate (issue 18), so a later refund or address change raises the intercept
 * notice for platform-printed parcels too.
 * @example
 * await followPlatformOrders(store, now(), shop, [{ orderId: '6920…', status: 'printed' }]);
 */
export async function followPlatformOrders(
  store: Store,
  at: Instant,
  shop: ShopRef,
  orders: readonly { readonly orderId: string; readonly status?: string }[],
  gate?: GateService,
): Promise<number> {
  if (orders.length === 0) return 0;
  const prints = new PrintStore(store);
  const ids = new Set(orders.map((o) => o.orderId));
  const open = (await prints.listJobs(shop)).filter(
    (j) =>
      j.path === 'platform' &&
      j.status !== 'done' &&
      j.status !== 'canceled' &&
      j.documents.some((d) => ids.has(d.orderId)),
  );
  let changed = 0;
  for (const j of open) {
    let printed: { orderId: string; trackingNumber: string }[] = [];
    let carrier = j.carrier;
    await prints.updateJob(j.id, (cur) => {
      if (!cur) return undefined;
      const was = new Map(cur.documents.map((d) => [d.documentId, d.state]));
      const applied = followPlatform(cur, orders, at);
      changed += applied.log.length;
      printed = applied.job.documents.filter(
        (d) => d.state === 'printed' && was.get(d.documentId) !== 'printed',
      );
      carrier = applied.job.carrier;
      return applied.log.length > 0 ? applied : undefined;
    });
    if (printed.length > 0) await gate?.recordPrinted(shop, printed, carrier);
  }
  return changed;
}

/**
 * Build the print handlers.
 * @example
 * const print = createPrintHandlers({ store, now: Date.now, randomBytes, openPage });
 * await print['print/jobs']({ type: 'print/jobs' }, { kind: 'page' });
 */
export function createPrintHandlers(options: PrintServiceOptions): PrintHandlers {
  const { store, now } = options;
  const prints = new PrintStore(store);

  const ordersFor = async (
    shop: ShopRef,
    ids: readonly string[],
  ): Promise<{ orders: OrderView[]; missing: string[] }> => {
    const stored = new Map((await store.ordersOf(shop)).map((o) => [o.orderId, o.view]));
    const orders: OrderView[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const o = stored.get(id);
      if (o) orders.push(o);
      else missing.push(id);
    }
    return { orders, missing };
  };

  const mustJob = (job: PrintJobView | undefined, id: string): PrintJobView => {
    if (!job) throw new NoSuchJob(`no print job ${id}`);
    return job;
  };

  return {
    async 'selection/open'(req, context) {
      const selectionId = newId(options.randomBytes, 's');
      await prints.putSelection(selectionId, {
        shop: req.shop,
        orderIds: [...new Set(req.orderIds)],
        purpose: req.purpose,
        createdAt: now(),
      });
      // The tab the selection came from (its id only, no order data): the page asks that tab's
      // content script for detailed addresses at print time (messages/address.ts).
      const from = context.kind === 'content' && context.tabId !== undefined ? `&tab=${context.tabId}` : '';
      const tabId = options.openPage
        ? await options.openPage(
            `/${req.purpose === 'handoff' ? 'handoff' : 'print'}.html?sel=${selectionId}${from}`,
          )
        : undefined;
      return { selectionId, tabId: tabId ?? null };
    },
    async 'selection/get'(req) {
      const sel = await prints.getSelection(req.selectionId);
      if (!sel) throw new NoSuchJob(`no selection ${req.selectionId}`);
      const { orders, missing } = await ordersFor(sel.shop, sel.orderIds);
      return { shop: sel.shop, orders, missing };
    },
    async 'print/job-create'(req) {
      // Held orders never reach a label without an explicit override (logged by the gate).
      await options.gate?.enforce(
        req.shop,
        req.documents.map((d) => d.orderId),
        'print',
        req.overrides,
      );
      const t = now();
      const fresh = createJob(
        {
          id: newId(options.randomBytes, 'p'),
          shop: req.shop,
          path: req.path,
          ...(req.component !== undefined ? { component: req.component } : {}),
          carrier: req.carrier,
          labelSize: req.labelSize,
          documents: req.documents,
        },
        t,
      );
      const job = options.claimJob ? await options.claimJob(fresh) : fresh;
      await prints.putJob(job);
      await store.audit({
        at: t,
        kind: 'print-job',
        platform: req.shop.platform,
        shopId: req.shop.shopId,
        detail: { jobId: job.id, path: job.path, documents: job.counts.total },
      });
      return job;
    },
    async 'print/job-mark'(req) {
      const before = await prints.getJob(req.jobId);
      const job = await prints.updateJob(req.jobId, (j) => (j ? applyMarks(j, req.marks, now()) : undefined));
      const result = mustJob(job, req.jobId);
      // Labels that came out now: remember tracking number, carrier and the address at printing,
      // so a later refund or address change raises the intercept notice (issue 18).
      const was = new Map(before?.documents.map((d) => [d.documentId, d.state]) ?? []);
      const printed = result.documents.filter(
        (d) => d.state === 'printed' && was.get(d.documentId) !== 'printed',
      );
      if (printed.length > 0) await options.gate?.recordPrinted(result.shop, printed, result.carrier);
      return summarize(result);
    },
    async 'print/job-status'(req) {
      const job = await prints.updateJob(req.jobId, (j) =>
        j ? setJobStatus(j, req.status, now()) : undefined,
      );
      return summarize(mustJob(job, req.jobId));
    },
    async 'print/job-get'(req) {
      const job = mustJob(await prints.getJob(req.jobId), req.jobId);
      const { orders } = await ordersFor(
        job.shop,
        job.documents.map((d) => d.orderId),
      );
      return { job, orders };
    },
    async 'print/jobs'(req) {
      return (await prints.listJobs(req.shop)).slice(0, 50).map(summarize);
    },
    async 'print/reprint'(req) {
      const t = now();
      const job = await prints.updateJob(req.jobId, (j) =>
        j ? reprint(j, req.orderIds, req.reason, t, req.includeInFlight === true) : undefined,
      );
      const result = mustJob(job, req.jobId);
      await store.audit({
        at: t,
        kind: 'reprint',
        platform: result.shop.platform,
        shopId: result.shop.shopId,
        detail: { jobId: result.id, orders: req.orderIds.length },
      });
      return result;
    },
    async 'print/log'(req) {
      return prints.logOf(req.shop, req.orderId);
    },
  };
}
