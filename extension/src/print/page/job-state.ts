/**
 * A print job's documents on the page: counts, the documents still open, the marks each print
 * path writes, progress from the runner, reprint input. Pure: the page's hooks send the marks.
 * Document states only move `queued → sent → printed | failed | canceled` (the background
 * enforces it; these functions only ever ask for those moves).
 * @module
 */
import type { PrintDocState, PrintJobDocument, PrintJobView } from '../../messages/print';

/** A mark the page asks the background to write (`print/job-mark`). */
export interface DocumentMark {
  readonly documentId: string;
  readonly state: PrintDocState;
  readonly message?: string;
}

/** Counts per document state, and the total. */
export interface DocumentCounts {
  total: number;
  queued: number;
  sent: number;
  printed: number;
  failed: number;
  canceled: number;
}

/**
 * Count documents per state. Rule: every document is counted once, so the five states add up to
 * `total`.
 * @example
 * countDocuments(job.documents).printed;
 */
export function countDocuments(docs: readonly Pick<PrintJobDocument, 'state'>[]): DocumentCounts {
  const c: DocumentCounts = { total: docs.length, queued: 0, sent: 0, printed: 0, failed: 0, canceled: 0 };
  for (const d of docs) c[d.state]++;
  return c;
}

/**
 * The documents a print still has to print. Rule: `queued` and `sent` (sent may not have come
 * out); final states are never printed again except through a reprint.
 * @example
 * openDocuments(job.documents).length;
 */
export function openDocuments<D extends Pick<PrintJobDocument, 'state'>>(docs: readonly D[]): D[] {
  return docs.filter((d) => d.state === 'queued' || d.state === 'sent');
}

/**
 * Marks before the browser's print dialog. Rule: each open `queued` document becomes `sent`
 * (on disk before the print); a `sent` one stays as it is.
 * @example
 * sendMarks(openDocuments(job.documents));
 */
export function sendMarks(open: readonly PrintJobDocument[]): DocumentMark[] {
  return open.filter((d) => d.state === 'queued').map((d) => ({ documentId: d.documentId, state: 'sent' }));
}

/**
 * Marks after a print the page cannot observe further. Rule: every given document becomes
 * `printed` with the message saying how it was known (`browser`: the dialog closed; `checked at
 * the printer`: the merchant looked).
 * @example
 * printedMarks(open, 'browser');
 */
export function printedMarks(docs: readonly PrintJobDocument[], message: string): DocumentMark[] {
  return docs.map((d) => ({ documentId: d.documentId, state: 'printed', message }));
}

/**
 * Marks after the platform tab ticked rows (平台打单). Rule: an open `queued` document whose order
 * was ticked becomes `sent` (`ticked on the platform`); rows not found stay `queued`.
 * @example
 * tickedMarks(open, ['6920…1']);
 */
export function tickedMarks(open: readonly PrintJobDocument[], ticked: Iterable<string>): DocumentMark[] {
  const set = new Set(ticked);
  return open
    .filter((d) => d.state === 'queued' && set.has(d.orderId))
    .map((d) => ({ documentId: d.documentId, state: 'sent', message: 'ticked on the platform' }));
}

/**
 * Split marks into the batches one `print/job-mark` message carries. Rule: at most `size` marks a
 * batch, in order, none lost; no marks, no batch.
 * @example
 * markBatches(marks, 1000).length; // Math.ceil(marks.length / 1000)
 */
export function markBatches<M>(marks: readonly M[], size = 1000): M[][] {
  const out: M[][] = [];
  for (let i = 0; i < marks.length; i += size) out.push(marks.slice(i, i + size));
  return out;
}

/**
 * The job after the runner reported progress. Rule: only the job the run is for takes the new
 * documents (and counts from them); another job, or none, is left as it is.
 * @example
 * setJob((j) => withProgress(j, target.id, documents));
 */
export function withProgress(
  job: PrintJobView | undefined,
  jobId: string,
  documents: readonly PrintJobDocument[],
): PrintJobView | undefined {
  return job && job.id === jobId ? { ...job, documents, counts: countDocuments(documents) } : job;
}

/**
 * The documents the bulk-ship file and the WeChat notice cover. Rule: printed ones only.
 * @example
 * printedDocuments(job).length;
 */
export function printedDocuments(job: Pick<PrintJobView, 'documents'> | undefined): PrintJobDocument[] {
  return job ? job.documents.filter((d) => d.state === 'printed') : [];
}

/**
 * Order ids typed for a reprint. Rule: split on spaces, commas and full-width commas; empty
 * parts dropped.
 * @example
 * reprintOrderIds('a, b，c'); // ['a', 'b', 'c']
 */
export function reprintOrderIds(text: string): string[] {
  return text.split(/[\s,，]+/u).filter(Boolean);
}

/**
 * The failed orders, as the reprint box's text. Rule: every `failed` document's order, comma-joined.
 * @example
 * failedOrderList(job.documents); // 'a,b'
 */
export function failedOrderList(docs: readonly PrintJobDocument[]): string {
  return docs
    .filter((d) => d.state === 'failed')
    .map((d) => d.orderId)
    .join(',');
}

/**
 * How many of the asked orders a reprint queued again. Rule: documents of those orders now `queued`.
 * @example
 * requeuedCount(reply.documents, ['a']); // 1
 */
export function requeuedCount(docs: readonly PrintJobDocument[], orderIds: readonly string[]): number {
  return docs.filter((d) => orderIds.includes(d.orderId) && d.state === 'queued').length;
}

/**
 * Whether a reprint reason may be sent. Rule: at least two characters besides spaces (the
 * background requires 2–500).
 * @example
 * reasonReady(' x '); // false
 */
export function reasonReady(reason: string): boolean {
  return reason.trim().length >= 2;
}
