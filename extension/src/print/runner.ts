/**
 * Runs a component print job to the end, exactly once per document across crashes (issue 7).
 *
 * The rule (print-jobs.ts in the background): a document is marked `sent` and that mark is on
 * disk (strict transaction) BEFORE the page sends it. So after a closed tab or a killed browser:
 * - `queued` documents were never sent: send them;
 * - `sent` documents may have reached the component: ask it (`getTaskStatus`, one document per
 *   task so a task's status is the document's). Printed → `printed`; failed → `failed`; still
 *   pending → wait and ask again; unknown to the component → it never got the task: back to
 *   `queued` and send again. This resends only documents the component positively does not know,
 *   so no label prints twice as long as the component remembers its tasks (it does while it runs;
 *   a component restarted in between forgets: such a task is reported unknown and resent, and
 *   the merchant sees the attempt count 2 in the log).
 * @module
 */
import type { PrintContent, TaskResult } from '@shipmask/core';
import type { PrintDocState, PrintJobDocument } from '../messages/print';

/** What the runner needs from the page. */
export interface RunnerDeps {
  /** Persist marks (resolves once on disk). */
  mark(marks: readonly { documentId: string; state: PrintDocState; message?: string }[]): Promise<void>;
  print(task: {
    taskID: string;
    printer: string;
    preview: false;
    /** One document; `waybillCode` is its waybill number (Kuaishou's component requires it). */
    documents: { documentID: string; contents: PrintContent[]; waybillCode?: string }[];
  }): Promise<{ ok: boolean; message?: string }>;
  taskStatus(taskIDs: readonly string[]): Promise<readonly TaskResult[]>;
  /** Subscribe to pushed results; returns the unsubscribe function. */
  onResult(listener: (tasks: readonly TaskResult[]) => void): () => void;
  contents(doc: PrintJobDocument): PrintContent[];
  readonly printer: string;
  /** Checked before each send: true stops sending (documents in flight still finish). */
  paused(): boolean;
  /** Progress after every change. */
  progress(documents: readonly PrintJobDocument[]): void;
  /** Documents in flight at once (default 8). */
  readonly window?: number;
  /** Poll interval for pending tasks after a resume (default 500 ms). */
  readonly pollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const FINAL = new Set<PrintDocState>(['printed', 'failed', 'canceled']);

/**
 * Run (or resume) a job. Resolves when no document is queued or in flight, or when paused with
 * nothing in flight. Returns the documents as last marked.
 * @example
 * const docs = await runJob(job.documents, deps);
 */
export async function runJob(
  initial: readonly PrintJobDocument[],
  deps: RunnerDeps,
): Promise<PrintJobDocument[]> {
  const docs = new Map(initial.map((d) => [d.documentId, d]));
  // Results name the task (Cainiao standard, JD's key = our task id) or the document (WeChat).
  const byTask = new Map(
    initial.flatMap((d) => [[d.documentId, d.documentId] as const, [d.taskId, d.documentId] as const]),
  );
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const window = deps.window ?? 8;
  const waiters = new Map<string, () => void>();

  const set = async (
    marks: { documentId: string; state: PrintDocState; message?: string }[],
  ): Promise<void> => {
    const real = marks.filter((m) => {
      const d = docs.get(m.documentId);
      return d && !FINAL.has(d.state) && d.state !== m.state;
    });
    if (real.length === 0) return;
    await deps.mark(real);
    for (const m of real) {
      const d = docs.get(m.documentId)!;
      docs.set(m.documentId, {
        ...d,
        state: m.state,
        attempts: d.attempts + (m.state === 'sent' ? 1 : 0),
        ...(m.message !== undefined ? { message: m.message } : {}),
      });
      if (FINAL.has(m.state)) {
        waiters.get(m.documentId)?.();
        waiters.delete(m.documentId);
      }
    }
    deps.progress([...docs.values()]);
  };

  const fromResults = (tasks: readonly TaskResult[], unknownToQueued: boolean) => {
    const marks: { documentId: string; state: PrintDocState; message?: string }[] = [];
    for (const t of tasks) {
      const documentId = byTask.get(t.taskID);
      if (!documentId) continue;
      const status = t.documents.find((d) => d.documentID === documentId)?.status ?? t.status;
      if (status === 'printed') marks.push({ documentId, state: 'printed' });
      else if (status === 'failed' || status === 'canceled') {
        marks.push({
          documentId,
          state: 'failed',
          ...(t.message ? { message: t.message.slice(0, 300) } : {}),
        });
      } else if (status === 'unknown' && unknownToQueued) marks.push({ documentId, state: 'queued' });
    }
    return marks;
  };

  // Pushed results are applied one batch at a time (marks persist in order).
  let chain = Promise.resolve();
  const unsubscribe = deps.onResult((tasks) => {
    chain = chain.then(() => set(fromResults(tasks, false))).catch(() => undefined);
  });

  try {
    // 1. Recover documents that were sent before a crash or a closed tab.
    const recover = async (): Promise<void> => {
      const sent = [...docs.values()].filter((d) => d.state === 'sent');
      for (let i = 0; i < sent.length; i += 50) {
        const chunk = sent.slice(i, i + 50);
        let tasks: readonly TaskResult[];
        try {
          tasks = await deps.taskStatus(chunk.map((d) => d.taskId));
        } catch {
          // A component without task status (JD, WeChat): these stay `sent` (never resent
          // blindly); the merchant checks the printer. Queued documents still go out.
          return;
        }
        const known = new Set(tasks.map((t) => t.taskID));
        // A task the component does not list at all is unknown to it.
        const missing = chunk
          .filter((d) => !known.has(d.taskId))
          .map((d) => ({ taskID: d.taskId, status: 'unknown' as const, documents: [] }));
        await set(fromResults([...tasks, ...missing], true));
      }
    };
    await recover();

    // 2. Send queued documents, at most `window` in flight.
    const inFlight = new Set<Promise<void>>();
    const claimed = new Set<string>();
    let lost = false;
    const sendOne = async (d: PrintJobDocument): Promise<void> => {
      const done = new Promise<void>((resolve) => waiters.set(d.documentId, resolve));
      await set([{ documentId: d.documentId, state: 'sent' }]); // on disk before the bytes leave
      let ack: { ok: boolean; message?: string };
      try {
        ack = await deps.print({
          taskID: d.taskId,
          printer: deps.printer,
          preview: false,
          documents: [
            {
              documentID: d.documentId,
              contents: deps.contents(d),
              // The print data's own waybill number (the job document's); Kuaishou refuses without.
              ...(d.trackingNumber ? { waybillCode: d.trackingNumber } : {}),
            },
          ],
        });
      } catch {
        // Connection lost mid-send: stays `sent`; the next resume asks the component.
        waiters.delete(d.documentId);
        lost = true;
        return;
      }
      if (!ack.ok)
        await set([
          { documentId: d.documentId, state: 'failed', message: (ack.message ?? 'refused').slice(0, 300) },
        ]);
      await done;
    };
    for (;;) {
      if (deps.paused() || lost) break;
      const next = [...docs.values()].find((d) => d.state === 'queued' && !claimed.has(d.documentId));
      if (!next) break;
      if (inFlight.size >= window) {
        await Promise.race(inFlight);
        continue;
      }
      // Claimed synchronously so the loop does not pick it twice.
      claimed.add(next.documentId);
      const p: Promise<void> = sendOne(next).finally(() => inFlight.delete(p));
      inFlight.add(p);
      await Promise.resolve();
    }
    // In flight after a lost connection: their results can no longer arrive on this socket.
    if (lost) throw new Error('component connection lost');
    await Promise.all(inFlight);

    // 3. Documents still `sent` (pending in the component after a resume): poll until final.
    for (let round = 0; [...docs.values()].some((d) => d.state === 'sent') && round < 600; round++) {
      await sleep(deps.pollMs ?? 500);
      await chain;
      const sent = [...docs.values()].filter((d) => d.state === 'sent');
      if (sent.length === 0) break;
      let tasks: readonly TaskResult[];
      try {
        tasks = await deps.taskStatus(sent.map((d) => d.taskId));
      } catch {
        break;
      }
      await set(fromResults(tasks, false));
    }
    await chain;
  } finally {
    unsubscribe();
  }
  return [...docs.values()];
}
