/**
 * Print jobs as pure values (issue 7): creation, document marks and reprints. The background
 * persists every step (print-store.ts) so a job survives a closed tab or a killed browser.
 *
 * Exactly-once rule: a document is marked `sent` (and that mark is on disk) BEFORE its bytes go to
 * the component. After a crash, `queued` documents were never sent (safe to send); `sent` ones may
 * or may not have reached the component, so the print page asks the component (`getTaskStatus`)
 * and resends only those whose task the component does not know. Final states (`printed`,
 * `failed`, `canceled`) never change through a mark; only an explicit, logged reprint reopens them.
 * @module
 */
import type { Instant } from '@shipmask/core';
import type {
  LabelSizeId,
  PrintCounts,
  PrintDocState,
  PrintJobDocument,
  PrintJobSummary,
  PrintJobView,
  PrintLogLine,
  PrintPath,
} from '../../messages/print';
import type { ShopRef } from '../../messages/shared';

const FINAL: ReadonlySet<PrintDocState> = new Set(['printed', 'failed', 'canceled']);

/** Whether a mark may move a document from `from` to `to`. */
export function canMark(from: PrintDocState, to: PrintDocState): boolean {
  if (FINAL.has(from)) return false;
  if (from === to) return false;
  // `sent` → `queued`: the component reported the task unknown (never received): send again.
  return true;
}

/** Counts of a job's documents by state. */
export function countDocuments(documents: readonly PrintJobDocument[]): PrintCounts {
  const c = { total: documents.length, queued: 0, sent: 0, printed: 0, failed: 0, canceled: 0 };
  for (const d of documents) c[d.state]++;
  return c;
}

/** The job's status after its documents changed (`paused` and `canceled` stay). */
function settle(job: PrintJobView): PrintJobView {
  const counts = countDocuments(job.documents);
  const open = counts.queued + counts.sent > 0;
  const status =
    !open && job.status !== 'canceled' ? 'done' : open && job.status === 'done' ? 'running' : job.status;
  return { ...job, counts, status };
}

export interface NewJob {
  readonly id: string;
  readonly shop: ShopRef;
  readonly path: PrintPath;
  readonly component?: string;
  readonly carrier: string;
  readonly labelSize: LabelSizeId;
  readonly documents: readonly { readonly orderId: string; readonly trackingNumber: string }[];
}

/**
 * A new job: every document `queued`, document id `<job>-<n>`, task id `<job>-<n>` (one document
 * per task, as Cainiao advises, so a task's status is the document's).
 * @example
 * createJob({ id: 'j1', shop, path: 'component', carrier: 'ZTO', labelSize: '76x130', documents }, now);
 */
export function createJob(spec: NewJob, now: Instant): PrintJobView {
  const documents = spec.documents.map((d, n): PrintJobDocument => ({
    orderId: d.orderId,
    documentId: `${spec.id}-${n + 1}`,
    taskId: `${spec.id}-${n + 1}`,
    trackingNumber: d.trackingNumber,
    state: 'queued',
    attempts: 0,
  }));
  return settle({
    id: spec.id,
    shop: spec.shop,
    path: spec.path,
    ...(spec.component !== undefined ? { component: spec.component } : {}),
    carrier: spec.carrier,
    labelSize: spec.labelSize,
    status: 'running',
    createdAt: now,
    updatedAt: now,
    documents,
    counts: countDocuments(documents),
  });
}

/** Outcome of applying marks: the job and the log lines to append. */
export interface Applied {
  readonly job: PrintJobView;
  readonly log: readonly PrintLogLine[];
  /** Marks refused (unknown document or a transition `canMark` forbids). */
  readonly refused: number;
}

/**
 * Apply document marks. A `sent` mark counts an attempt. Refused marks change nothing.
 * @example
 * applyMarks(job, [{ documentId: 'j1-1', state: 'sent' }], now).job.counts.sent; // 1
 */
export function applyMarks(
  job: PrintJobView,
  marks: readonly { readonly documentId: string; readonly state: PrintDocState; readonly message?: string }[],
  now: Instant,
): Applied {
  const index = new Map(job.documents.map((d, i) => [d.documentId, i]));
  const documents = [...job.documents];
  const log: PrintLogLine[] = [];
  let refused = 0;
  for (const m of marks) {
    const i = index.get(m.documentId);
    const d = i === undefined ? undefined : documents[i];
    if (i === undefined || !d || !canMark(d.state, m.state)) {
      refused++;
      continue;
    }
    const next: PrintJobDocument = {
      ...d,
      state: m.state,
      attempts: d.attempts + (m.state === 'sent' ? 1 : 0),
      ...(m.message !== undefined ? { message: m.message } : {}),
    };
    documents[i] = next;
    if (m.state !== 'queued') {
      log.push({
        at: now,
        jobId: job.id,
        orderId: d.orderId,
        kind: m.state,
        trackingNumber: d.trackingNumber,
        ...(m.message !== undefined ? { message: m.message } : {}),
      });
    }
  }
  return { job: settle({ ...job, documents, updatedAt: now }), log, refused };
}

/**
 * Set the job's status: pause or resume (open documents stay as they are), or cancel (every
 * `queued` document becomes `canceled`; `sent` ones wait for the component's answer).
 * @example
 * setJobStatus(job, 'paused', now).status; // 'paused'
 */
export function setJobStatus(
  job: PrintJobView,
  status: 'running' | 'paused' | 'canceled',
  now: Instant,
): Applied {
  if (job.status === 'done' || job.status === 'canceled') return { job, log: [], refused: 1 };
  if (status !== 'canceled') return { job: settle({ ...job, status, updatedAt: now }), log: [], refused: 0 };
  const queued = job.documents.filter((d) => d.state === 'queued');
  const applied = applyMarks(
    job,
    queued.map((d) => ({ documentId: d.documentId, state: 'canceled' as const })),
    now,
  );
  return { ...applied, job: { ...applied.job, status: 'canceled' } };
}

/**
 * Reopen documents for a reprint: each named order's document goes back to `queued` with a new
 * task id (`<document>-r<k>`; a component that remembers the old task must not skip it), and a
 * `reprint` log line carries the reason. Orders still queued are refused; orders in flight
 * (`sent`) too, unless `includeInFlight` (the merchant checked the printer after a crash on a
 * component without task status).
 * @example
 * reprint(job, ['3718…'], '卡纸', now).job.documents[0].taskId; // 'j1-1-r1'
 */
export function reprint(
  job: PrintJobView,
  orderIds: readonly string[],
  reason: string,
  now: Instant,
  includeInFlight = false,
): Applied {
  const wanted = new Set(orderIds);
  const log: PrintLogLine[] = [];
  let refused = 0;
  const seen = new Set<string>();
  const documents = job.documents.map((d) => {
    if (!wanted.has(d.orderId)) return d;
    seen.add(d.orderId);
    if (!FINAL.has(d.state) && !(includeInFlight && d.state === 'sent')) {
      refused++;
      return d;
    }
    const k = /-r(\d+)$/u.exec(d.taskId)?.[1] ?? '0';
    const round = Number(k) + 1;
    log.push({
      at: now,
      jobId: job.id,
      orderId: d.orderId,
      kind: 'reprint',
      trackingNumber: d.trackingNumber,
      reason,
    });
    const { message: _drop, ...rest } = d;
    void _drop;
    return { ...rest, state: 'queued' as const, taskId: `${d.documentId}-r${round}` };
  });
  refused += [...wanted].filter((id) => !seen.has(id)).length;
  const status = log.length > 0 ? 'running' : job.status;
  return { job: settle({ ...job, documents, status, updatedAt: now }), log, refused };
}

/** Order statuses that show the platform's own print took the order (已打待发货 and later). */
const PLATFORM_DONE: ReadonlySet<string> = new Set(['printed', 'shipped', 'received', 'completed']);

/**
 * Follow a `platform` job (平台打单) from the order statuses the adapter read off the platform's
 * list: an open document whose order now shows 已打待发货 / 已发货 / later becomes `printed`
 * (message `platform:<status>`), one that shows 已关闭 / 已取消 becomes `canceled`. Other paths
 * and final documents are untouched. Every change is logged like any mark.
 * @example
 * followPlatform(job, [{ orderId: '6920…', status: 'printed' }], now).job.counts.printed; // 1
 */
export function followPlatform(
  job: PrintJobView,
  orders: readonly { readonly orderId: string; readonly status?: string }[],
  now: Instant,
): Applied {
  if (job.path !== 'platform') return { job, log: [], refused: 0 };
  const status = new Map(orders.map((o) => [o.orderId, o.status]));
  const marks: { documentId: string; state: PrintDocState; message: string }[] = [];
  for (const d of job.documents) {
    if (FINAL.has(d.state)) continue;
    const s = status.get(d.orderId);
    if (s === undefined) continue;
    if (PLATFORM_DONE.has(s))
      marks.push({ documentId: d.documentId, state: 'printed', message: `platform:${s}` });
    else if (s === 'cancelled')
      marks.push({ documentId: d.documentId, state: 'canceled', message: 'platform:cancelled' });
  }
  return marks.length === 0 ? { job, log: [], refused: 0 } : applyMarks(job, marks, now);
}

/** A job without its documents. */
export function summarize(job: PrintJobView): PrintJobSummary {
  const { documents: _documents, ...summary } = job;
  void _documents;
  return summary;
}
