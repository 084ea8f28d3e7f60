import { describe, expect, it } from 'vitest';
import { busiestRendererMs, extensionThreadTime, type TraceEvent } from './thread-time.ts';

const EXT = 'chrome-extension://abc/content-scripts/orders.js';
const PAGE = 'http://127.0.0.1/page.js';

/** A renderer main thread (pid 1, tid 1) profiled from t=1000 µs, the i-th sample `step(i)` µs after the one before. */
function trace(
  tasks: { ts: number; dur: number; tdur: number }[],
  leaves: number[],
  step: (i: number) => number = () => 100,
): TraceEvent[] {
  const nodes = [
    { id: 1, callFrame: { functionName: '(root)' } },
    { id: 2, parent: 1, callFrame: { functionName: 'pageCode', url: PAGE } },
    { id: 3, parent: 2, callFrame: { functionName: 'readRow', url: EXT } },
    { id: 4, parent: 1, callFrame: { functionName: '(idle)' } },
    { id: 5, parent: 3, callFrame: { functionName: 'querySelector', url: '' } }, // native, called by us
    { id: 6, parent: 2, callFrame: { functionName: 'querySelector', url: '' } }, // native, called by the page
    { id: 7, parent: 1, callFrame: { functionName: '(garbage collector)' } },
  ];
  const half = Math.floor(leaves.length / 2);
  const chunk = (from: number, to: number, withNodes: boolean): TraceEvent => ({
    name: 'ProfileChunk',
    ph: 'P',
    pid: 1,
    tid: 7, // the sampler's own thread
    ts: 5000 + from,
    id: '0x1',
    args: {
      data: {
        cpuProfile: { ...(withNodes ? { nodes } : {}), samples: leaves.slice(from, to) },
        timeDeltas: leaves.slice(from, to).map((_, i) => step(from + i)),
      },
    },
  });
  return [
    { name: 'Profile', ph: 'P', pid: 1, tid: 1, ts: 900, id: '0x1', args: { data: { startTime: 1000 } } },
    // Chunks out of order on purpose; node ids arrive in the first chunk only.
    chunk(half, leaves.length, false),
    chunk(0, half, true),
    ...tasks.map((t) => ({ name: 'RunTask', ph: 'X', pid: 1, tid: 1, ...t })),
    // Another thread's task and a nested task must not count twice.
    { name: 'RunTask', ph: 'X', pid: 1, tid: 2, ts: 1000, dur: 10_000, tdur: 10_000 },
  ];
}

describe('extensionThreadTime', () => {
  it('splits each task’s thread time by its share of extension samples', () => {
    // Samples at 1100..2000 (10): first 5 page code, last 5 extension code; one task covering them
    // ran 1 ms of wall time but only 0.5 ms on the CPU (preempted half the time).
    const t = extensionThreadTime(
      trace([{ ts: 1000, dur: 1001, tdur: 500 }], [2, 2, 2, 2, 2, 3, 3, 3, 3, 3]),
    );
    expect(t.wallMs).toBeCloseTo(0.5, 6);
    expect(t.cpuMs).toBeCloseTo(0.25, 6);
    expect(t.outsideMs).toBe(0);
  });

  it('counts nested tasks once, ignores idle samples, and reports extension samples outside tasks', () => {
    const leaves = [3, 3, 4, 4, 3, 3, 3, 3, 2, 2];
    // Task A (1000–1400 µs) holds samples 1100..1400 (3,3,4,4); its nested task must not count again.
    // Task B (1450–2001) holds 1500..2000 (3,3,3,3,2,2). Nothing outside.
    const t = extensionThreadTime(
      trace(
        [
          { ts: 1000, dur: 401, tdur: 400 },
          { ts: 1050, dur: 100, tdur: 100 },
          { ts: 1450, dur: 551, tdur: 300 },
        ],
        leaves,
      ),
    );
    // A: 2 of 4 sample-intervals ext → 200 µs; B: 4 of 6 → 200 µs.
    expect(t.cpuMs).toBeCloseTo(0.4, 6);
    expect(t.tasks.map((x) => [x.threadMs, Number(x.extMs.toFixed(6)), x.samples, x.top])).toEqual([
      [0.4, 0.2, 4, 'readRow'],
      [0.3, 0.2, 6, 'readRow'],
    ]);
    expect(t.wallMs).toBeCloseTo(0.6, 6);
    const outside = extensionThreadTime(trace([{ ts: 1000, dur: 301, tdur: 300 }], [3, 3, 3, 3, 3]));
    expect(outside.outsideMs).toBeCloseTo(0.2, 6);
    expect(outside.cpuMs).toBeCloseTo(0.3, 6);
  });

  it('does not hand a preempted stretch to the frame that was on top', () => {
    // 10 samples 100 µs apart, but the 6th (extension code) came 5 ms late: the thread was off the
    // CPU. The task's thread time (1.4 ms) splits 1 : 9 by sample, not 5 ms : 0.9 ms by wall.
    const t = extensionThreadTime(
      trace([{ ts: 1000, dur: 6000, tdur: 1400 }], [2, 2, 2, 2, 2, 3, 2, 2, 2, 2], (i) =>
        i === 5 ? 5000 : 100,
      ),
    );
    expect(t.wallMs).toBeCloseTo(5, 6);
    // Clamped at 3 × the 100 µs median: 300 of (9 × 100 + 300) → 1.4 ms × 0.25.
    expect(t.cpuMs).toBeCloseTo(0.35, 6);
  });

  it('bills a native function to the frame that called it; GC to no one', () => {
    // 4 samples in our querySelector, 4 in the page's, 2 in GC: a 1 ms task of thread time.
    const t = extensionThreadTime(
      trace([{ ts: 1000, dur: 1001, tdur: 1000 }], [5, 5, 5, 5, 6, 6, 6, 6, 7, 7]),
    );
    expect(t.cpuMs).toBeCloseTo(0.4, 6);
    expect(t.wallMs).toBeCloseTo(0.4, 6);
  });

  it('gives zeros for a trace with no extension code or no profile', () => {
    expect(extensionThreadTime(trace([{ ts: 1000, dur: 2000, tdur: 2000 }], [2, 2, 4]))).toEqual({
      cpuMs: 0,
      wallMs: 0,
      outsideMs: 0,
      tasks: [],
    });
    expect(extensionThreadTime([])).toEqual({ cpuMs: 0, wallMs: 0, outsideMs: 0, tasks: [] });
  });
});

describe('busiestRendererMs', () => {
  it('sums the outermost tasks of the busiest renderer main thread, in thread time', () => {
    const meta = (pid: number, tid: number, name: string): TraceEvent => ({
      name: 'thread_name',
      ph: 'M',
      pid,
      tid,
      ts: 0,
      args: { name },
    });
    const task = (pid: number, tid: number, ts: number, dur: number, tdur: number): TraceEvent => ({
      name: 'RunTask',
      ph: 'X',
      pid,
      tid,
      ts,
      dur,
      tdur,
    });
    const events = [
      meta(1, 1, 'CrRendererMain'),
      meta(2, 2, 'CrRendererMain'),
      meta(1, 5, 'Compositor'),
      task(1, 1, 0, 1000, 600),
      task(1, 1, 100, 200, 150), // nested
      task(1, 1, 2000, 500, 400),
      task(2, 2, 0, 3000, 300), // a quieter renderer
      task(1, 5, 0, 9000, 9000), // not a main thread
    ];
    expect(busiestRendererMs(events)).toBeCloseTo(1, 6);
    expect(busiestRendererMs([])).toBe(0);
  });

  it("leaves out a test driver's DevTools commands, but not the layout they force", () => {
    const main: TraceEvent = {
      name: 'thread_name',
      ph: 'M',
      pid: 1,
      tid: 1,
      ts: 0,
      args: { name: 'CrRendererMain' },
    };
    const ev = (name: string, ts: number, dur: number, tdur?: number, tid = 1): TraceEvent => ({
      name,
      ph: 'X',
      pid: 1,
      tid,
      ts,
      dur,
      ...(tdur === undefined ? {} : { tdur }),
    });
    const events = [
      main,
      ev('RunTask', 0, 1000, 600),
      ev('RunTask', 2000, 800, 700), // the driver's evaluation: 650 µs, 200 of them a forced layout
      ev('DevToolsSession::DispatchProtocolCommand', 2010, 700, 650),
      ev('UpdateLayoutTree', 2100, 100, 80),
      ev('Layout', 2300, 150, 120),
      ev('Layout', 2320, 50, 40), // nested in the one above: counted once
      ev('RunTask', 4000, 500, 400),
      ev('DevToolsSession::DispatchProtocolCommand', 4100, 100, 90, 9), // another thread
    ];
    // 600 + 700 + 400 − (650 − 200)
    expect(busiestRendererMs(events)).toBeCloseTo(1.25, 6);
  });
});
