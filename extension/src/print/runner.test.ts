import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TaskResult } from '@shipmask/core';
import type { PrintDocState, PrintJobDocument } from '../messages/print';
import { runJob, type RunnerDeps } from './runner';

const docs = (n: number): PrintJobDocument[] =>
  Array.from({ length: n }, (_, i) => ({
    orderId: `o${i}`,
    documentId: `p-${i + 1}`,
    taskId: `p-${i + 1}`,
    trackingNumber: `7890${i}`,
    state: 'queued' as const,
    attempts: 0,
  }));

/** A component that prints what it receives (asynchronously) and remembers every task; a disk. */
function world(options: { crashAfterSends?: number } = {}) {
  const printed: string[] = [];
  const known = new Map<string, 'pending' | 'printed'>();
  const disk = new Map<string, PrintDocState>();
  let listener: ((t: readonly TaskResult[]) => void) | undefined;
  let sends = 0;
  const deps = (paused = () => false): RunnerDeps => ({
    mark: (marks) => {
      for (const m of marks) disk.set(m.documentId, m.state);
      return Promise.resolve();
    },
    print: (task) => {
      sends++;
      if (options.crashAfterSends !== undefined && sends > options.crashAfterSends) {
        return Promise.reject(new Error('crash'));
      }
      known.set(task.taskID, 'pending');
      void Promise.resolve().then(() => {
        printed.push(task.documents[0]!.documentID);
        known.set(task.taskID, 'printed');
        listener?.([{ taskID: task.taskID, status: 'printed', documents: [] }]);
      });
      return Promise.resolve({ ok: true });
    },
    taskStatus: (ids) =>
      Promise.resolve(
        ids
          .filter((id) => known.has(id))
          .map((id) => ({ taskID: id, status: known.get(id)!, documents: [] })),
      ),
    onResult: (l) => {
      listener = l;
      return () => {
        listener = undefined;
      };
    },
    contents: () => [],
    printer: '',
    paused,
    progress: () => undefined,
    sleep: () => new Promise((r) => setTimeout(r, 0)),
  });
  const stored = (initial: PrintJobDocument[]): PrintJobDocument[] =>
    initial.map((d) => ({ ...d, state: disk.get(d.documentId) ?? d.state }));
  return { printed, deps, stored, known, crashOff: () => (options.crashAfterSends = undefined) };
}

describe('runJob', () => {
  it('prints every document once', async () => {
    const w = world();
    const out = await runJob(docs(30), w.deps());
    expect(out.every((d) => d.state === 'printed')).toBe(true);
    expect([...w.printed].sort()).toEqual(
      docs(30)
        .map((d) => d.documentId)
        .sort(),
    );
  });

  it('property: a crash after any number of sends, then a resume, prints every document exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 1, max: 6 }),
        async (crashAt, window) => {
          const w = world({ crashAfterSends: crashAt });
          const initial = docs(12);
          await runJob(initial, { ...w.deps(), window }).catch(() => undefined);
          w.crashOff();
          // A task marked sent whose send never reached the component (crash between mark and send).
          const out = await runJob(w.stored(initial), { ...w.deps(), window });
          expect(out.every((d) => d.state === 'printed')).toBe(true);
          expect(w.printed.length).toBe(12);
          expect(new Set(w.printed).size).toBe(12);
        },
      ),
      // Each run drives two real event-loop job runs (~50 ms): 300 runs cover every crash point
      // (0..14) x window (1..6) pair several times.
      { numRuns: 300 },
    );
  }, 120_000);

  it('a component without task status: in-flight documents stay sent (never resent blindly), queued ones go', async () => {
    const w = world();
    const initial = docs(3).map((d, i) => (i === 0 ? { ...d, state: 'sent' as const, attempts: 1 } : d));
    const out = await runJob(initial, {
      ...w.deps(),
      taskStatus: () => Promise.reject(new Error('unsupported')),
    });
    expect(out.map((d) => d.state)).toEqual(['sent', 'printed', 'printed']);
    expect(w.printed).toEqual(['p-2', 'p-3']);
  });

  it('matches results by document id too (WeChat names the document)', async () => {
    const w = world();
    const base = w.deps();
    let listener: ((t: readonly TaskResult[]) => void) | undefined;
    const initial = docs(1).map((d) => ({ ...d, taskId: `${d.documentId}-r1` }));
    const out = await runJob(initial, {
      ...base,
      onResult: (l) => {
        listener = l;
        return () => undefined;
      },
      print: (task) => {
        setTimeout(
          () => listener?.([{ taskID: task.documents[0]!.documentID, status: 'printed', documents: [] }]),
          0,
        );
        return Promise.resolve({ ok: true });
      },
    });
    expect(out[0]!.state).toBe('printed');
  });

  it('pause stops sending; resume finishes', async () => {
    const w = world();
    let stop = false;
    const initial = docs(10);
    let n = 0;
    const base = w.deps(() => stop);
    await runJob(initial, {
      ...base,
      window: 1,
      print: (t) => {
        if (++n === 3) stop = true;
        return base.print(t);
      },
    });
    const mid = w.stored(initial);
    expect(mid.filter((d) => d.state === 'queued').length).toBe(7);
    stop = false;
    await runJob(mid, w.deps());
    expect(new Set(w.printed).size).toBe(10);
    expect(w.printed.length).toBe(10);
  });
});
