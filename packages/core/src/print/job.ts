/**
 * Print-job tracking as a pure reducer: which document of which task has printed, failed or is
 * still pending, whatever component answers and however it correlates its answers.
 *
 * Correlation rules: Cainiao-standard results (`notifyPrintResult`, PDD `PrintResultNotify`,
 * `notifyDocResult`, `getTaskStatus`) carry the `taskID`; JD answers carry only `key`, the request
 * id; WeChat answers carry one WeChat task per waybill, whose id is the document id. A refused
 * print (`print-ack` with `ok: false`) fails every document of the request. A document that
 * reached a final state (`printed`, `failed`, `canceled`) is only overwritten by a later final
 * state, never set back to pending.
 * @module
 */
import { list } from './read.js';
import type { PrintMessage, PrintStatus, PrintTask, TaskResult } from './types.js';

/** One tracked document. */
export interface TrackedDocument {
  readonly taskID: string;
  readonly requestID: string;
  readonly documentID: string;
  readonly status: PrintStatus;
  readonly message?: string;
}

/** The state of one print job (all requests sent for one batch). */
export interface PrintJobState {
  readonly component: string;
  /** Documents in the order they were sent. */
  readonly documents: readonly TrackedDocument[];
}

/** Counts of a job. */
export interface PrintJobSummary {
  readonly total: number;
  readonly printed: number;
  readonly failed: number;
  readonly canceled: number;
  readonly pending: number;
  /** True when no document is pending any more. */
  readonly done: boolean;
}

/** An id as text without calling anything on the value (strings and finite numbers only). */
const asText = (x: unknown): string =>
  typeof x === 'string' ? x : typeof x === 'number' && Number.isFinite(x) ? String(x) : '';

const FINAL: ReadonlySet<PrintStatus> = new Set(['printed', 'failed', 'canceled']);

/**
 * Starts tracking the requests of a job (as sent: request id and the task it carried). Every
 * document starts `pending`.
 * @example
 * const job = startPrintJob('pdd', [{ requestID: 'r1', task }]);
 * printJobSummary(job); // { total: task.documents.length, pending: …, done: false, … }
 */
export function startPrintJob(
  component: string,
  sent: readonly { readonly requestID: string; readonly task: PrintTask }[],
): PrintJobState {
  const documents: TrackedDocument[] = [];
  for (const s of list(sent)) {
    const docs = list(s?.task?.documents);
    for (const d of docs) {
      documents.push({
        taskID: asText(s.task.taskID),
        requestID: asText(s.requestID),
        documentID: asText(d?.documentID),
        status: 'pending',
      });
    }
  }
  return { component: asText(component), documents };
}

function settle(d: TrackedDocument, status: PrintStatus, message: string | undefined): TrackedDocument {
  if (status === 'unknown' || (FINAL.has(d.status) && !FINAL.has(status))) return d;
  if (d.status === status && d.message === message) return d;
  return { ...d, status, ...(message !== undefined ? { message } : {}) };
}

/** Applies one task result to the documents it names (or to the whole task when it names none). */
function applyTask(
  docs: readonly TrackedDocument[],
  t: TaskResult,
  matches: (d: TrackedDocument) => boolean,
): TrackedDocument[] {
  const byDoc = new Map(t.documents.map((r) => [r.documentID, r] as const));
  return docs.map((d) => {
    if (!matches(d)) return d;
    const r = byDoc.get(d.documentID);
    if (r) return settle(d, r.status, r.message);
    // A task-level outcome settles the task's documents only when it is final, or when the
    // result lists no documents at all.
    return byDoc.size === 0 || FINAL.has(t.status) ? settle(d, t.status, t.message) : d;
  });
}

/**
 * Folds one parsed component message into the job. Messages that name nothing in the job leave
 * it unchanged (same object). Never throws.
 * @example
 * let job = startPrintJob('pdd', [{ requestID: 'r1', task }]);
 * job = applyPrintMessage(job, parsePrintMessage('pdd', notifyText));
 * printJobSummary(job).printed; // documents the notification reported printed
 */
export function applyPrintMessage(state: PrintJobState, message: PrintMessage): PrintJobState {
  if (!state || typeof state !== 'object' || !message || typeof message !== 'object') {
    return state;
  }
  let docs: readonly TrackedDocument[] = list(state.documents);
  const rid = message.kind !== 'error' ? message.requestID : undefined;
  if (message.kind === 'print-ack') {
    if (message.ok) return state;
    docs = docs.map((d) =>
      (rid !== undefined && d.requestID === rid) ||
      (message.taskID !== undefined && d.taskID === message.taskID)
        ? settle(d, 'failed', message.message)
        : d,
    );
  } else if (message.kind === 'print-result' || message.kind === 'task-status') {
    for (const t of list(message.tasks)) {
      if (state.component === 'jd') {
        // JD: results are keyed by the request id.
        docs = applyTask(docs, t, (d) => d.requestID === t.taskID || d.requestID === rid);
      } else if (state.component === 'wechat') {
        // WeChat: one WeChat task per waybill, id = document id (within this request if known).
        docs = applyTask(
          docs,
          t,
          (d) => d.documentID === t.taskID && (rid === undefined || d.requestID === rid),
        );
      } else {
        docs = applyTask(docs, t, (d) => d.taskID === t.taskID);
      }
    }
  } else {
    return state;
  }
  return docs.every((d, i) => d === state.documents[i]) ? state : { ...state, documents: docs };
}

/**
 * Counts of a job.
 * @example
 * printJobSummary(startPrintJob('jd', [])); // { total: 0, printed: 0, failed: 0, canceled: 0, pending: 0, done: true }
 */
export function printJobSummary(state: PrintJobState): PrintJobSummary {
  const docs = list(state?.documents);
  let printed = 0;
  let failed = 0;
  let canceled = 0;
  for (const d of docs) {
    if (d.status === 'printed') printed++;
    else if (d.status === 'failed') failed++;
    else if (d.status === 'canceled') canceled++;
  }
  const pending = docs.length - printed - failed - canceled;
  return { total: docs.length, printed, failed, canceled, pending, done: pending === 0 };
}
