// Main-thread CPU time spent in the extension's code, from one Chromium trace that holds both the
// scheduler's tasks (with thread time, `tdur`) and the V8 sampler's profile chunks.
//
// Why: a CPU profile's sample deltas are wall-clock time. On a 2-core machine the renderer's main
// thread is preempted by the browser, GPU and raster threads and by the test runner, and every
// preempted stretch lands on whatever JS frame was on top; a trace shows content-script tasks with
// twice as much wall time as thread time. So each top-level task's thread time is split by the
// share of its samples in extension code (its frames and the native functions they call), and
// summed. Whole tasks are not billed: the page's frame layout runs in the same task as our
// ResizeObserver callback. For that share a sample
// counts for its delta clamped at 3× the median interval: a delta far above the interval is the
// thread descheduled, and would otherwise hand the whole stretch to one frame.

/** The fields of a Chromium trace event this module reads. */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly id?: string;
  readonly args?: {
    readonly name?: string;
    readonly data?: {
      readonly startTime?: number;
      readonly cpuProfile?: {
        readonly nodes?: readonly {
          readonly id: number;
          readonly parent?: number;
          readonly callFrame: { readonly url?: string; readonly functionName?: string };
        }[];
        readonly samples?: readonly number[];
      };
      readonly timeDeltas?: readonly number[];
    };
  };
}

export interface ThreadTime {
  /** Estimated main-thread CPU time in extension code (ms). */
  readonly cpuMs: number;
  /** Wall-clock sample time in extension code (ms): what a plain CPU profile reports. */
  readonly wallMs: number;
  /** Extension samples that fell outside every task (ms, wall): should be ~0. */
  readonly outsideMs: number;
  /** Each task that ran extension code: its thread time, the extension's part, the busiest function. */
  readonly tasks: readonly {
    readonly threadMs: number;
    readonly extMs: number;
    readonly samples: number;
    readonly top: string;
  }[];
}

/** A scheduler task: `RunTask` (devtools.timeline) or `ThreadControllerImpl::RunTask` (toplevel). */
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

type ProfileNode = NonNullable<
  NonNullable<NonNullable<NonNullable<TraceEvent['args']>['data']>['cpuProfile']>['nodes']
>[number];

/**
 * Nodes whose time is the extension's: its own frames, and native functions (`querySelector`,
 * `observe`, `fetch`: nodes without a script URL) called from them. `(program)`,
 * `(garbage collector)` and `(idle)` hang off the root and belong to no one.
 */
function extensionNodes(nodes: ReadonlyMap<number, ProfileNode>, urlPrefix: string): Set<number> {
  const owner = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const known = owner.get(id);
    if (known !== undefined) return known;
    const n = nodes.get(id);
    const url = n?.callFrame.url ?? '';
    const name = n?.callFrame.functionName ?? '';
    const own = url !== '' ? url : name.startsWith('(') || n?.parent === undefined ? '' : ownerOf(n.parent);
    owner.set(id, own);
    return own;
  };
  const out = new Set<number>();
  for (const id of nodes.keys()) if (ownerOf(id).startsWith(urlPrefix)) out.add(id);
  return out;
}

interface Sample {
  readonly at: number;
  readonly delta: number;
  readonly node: number;
}

/**
 * @example
 * const t = extensionThreadTime(traceEvents, 'chrome-extension://'); // { cpuMs, wallMs, outsideMs }
 */
export function extensionThreadTime(
  events: readonly TraceEvent[],
  urlPrefix = 'chrome-extension://',
): ThreadTime {
  // Profiles: one per (pid, id), started on the thread whose tid the `Profile` event carries.
  const profiles = new Map<
    string,
    {
      pid: number;
      tid: number;
      start: number;
      nodes: Map<number, ProfileNode>;
      samples: Sample[];
      clock: number;
    }
  >();
  for (const e of events) {
    if (e.name !== 'Profile' || e.id === undefined) continue;
    const start = e.args?.data?.startTime ?? e.ts;
    profiles.set(`${e.pid}:${e.id}`, {
      pid: e.pid,
      tid: e.tid,
      start,
      nodes: new Map(),
      samples: [],
      clock: start,
    });
  }
  const chunks = events.filter((e) => e.name === 'ProfileChunk').sort((a, b) => a.ts - b.ts);
  for (const e of chunks) {
    const p = profiles.get(`${e.pid}:${e.id ?? ''}`);
    const data = e.args?.data;
    if (!p || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((node, i) => {
      const delta = deltas[i] ?? 0;
      p.clock += delta;
      p.samples.push({ at: p.clock, delta: Math.max(0, delta), node });
    });
  }
  let cpu = 0;
  let wall = 0;
  let outside = 0;
  const perTask: { threadMs: number; extMs: number; samples: number; top: string }[] = [];
  for (const p of profiles.values()) {
    // Node ids arrive across chunks: classify once all are read.
    const ext = extensionNodes(p.nodes, urlPrefix);
    const sorted = p.samples.map((s) => s.delta).sort((a, b) => a - b);
    const cap = 3 * (sorted[Math.floor(sorted.length / 2)] ?? 0);
    const samples = p.samples.map((s) => ({
      at: s.at,
      delta: s.delta,
      weight: Math.min(s.delta, cap),
      ext: ext.has(s.node),
      node: s.node,
    }));
    if (!samples.some((s) => s.ext)) continue;
    // Top-level tasks of the profiled thread, outermost only.
    const tasks = events
      .filter(
        (e) => e.pid === p.pid && e.tid === p.tid && e.ph === 'X' && TASKS.has(e.name) && e.dur !== undefined,
      )
      .sort((a, b) => a.ts - b.ts);
    const top: TraceEvent[] = [];
    for (const t of tasks) {
      const last = top[top.length - 1];
      if (!last || t.ts >= last.ts + (last.dur ?? 0)) top.push(t);
    }
    let i = 0;
    let inTask = 0;
    for (const t of top) {
      const end = t.ts + (t.dur ?? 0);
      while (i < samples.length && samples[i]!.at < t.ts) {
        const s = samples[i++]!;
        if (s.ext) outside += s.delta;
      }
      let all = 0;
      let ext = 0;
      let extWall = 0;
      let count = 0;
      const byName = new Map<string, number>();
      while (i < samples.length && samples[i]!.at < end) {
        const s = samples[i++]!;
        all += s.weight;
        count++;
        if (s.ext) {
          ext += s.weight;
          extWall += s.delta;
          const name = p.nodes.get(s.node)?.callFrame.functionName || '(anonymous)';
          byName.set(name, (byName.get(name) ?? 0) + s.weight);
        }
      }
      inTask += extWall;
      if (ext > 0 && all > 0) {
        const thread = t.tdur ?? t.dur ?? 0;
        cpu += (thread * ext) / all;
        const top = [...byName].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
        perTask.push({ threadMs: thread / 1000, extMs: (thread * ext) / all / 1000, samples: count, top });
      }
    }
    for (; i < samples.length; i++) if (samples[i]!.ext) outside += samples[i]!.delta;
    wall += inTask;
  }
  return {
    cpuMs: cpu / 1000,
    wallMs: (wall + outside) / 1000,
    outsideMs: outside / 1000,
    tasks: perTask,
  };
}

/**
 * A test driver's command (Playwright's locators and evaluations, a DevTools client) running on
 * the renderer's main thread: trace category `devtools`. A merchant's page runs none of them.
 */
const DRIVER = 'DevToolsSession::DispatchProtocolCommand';
/** The page's own rendering work, which a driver's command may force early (a visibility check). */
const RENDERING = new Set(['Layout', 'UpdateLayoutTree']);

/**
 * Thread time (ms) of the busiest renderer main thread in the trace (the page under test): the
 * sum of its outermost tasks' `tdur`, i.e. all main-thread work — script, style, layout, paint —
 * less the test driver's DevTools commands (they need the `devtools` and `devtools.timeline`
 * categories in the trace): the
 * harness waits differently with and without the extension, and its commands are no part of what
 * either page costs the merchant. Style and layout that a command forces stay counted: that is
 * the page's own work, done early.
 * @example
 * const ms = busiestRendererMs(traceEvents);
 */
export function busiestRendererMs(events: readonly TraceEvent[]): number {
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const totals = new Map<string, number>();
  const add = (key: string, us: number): void => void totals.set(key, (totals.get(key) ?? 0) + us);
  const ends = new Map<string, number>();
  const tasks = events
    .filter((e) => e.ph === 'X' && TASKS.has(e.name) && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts);
  for (const t of tasks) {
    const key = `${t.pid}:${t.tid}`;
    if (t.ts < (ends.get(key) ?? -Infinity)) continue; // nested in the previous outermost task
    ends.set(key, t.ts + (t.dur ?? 0));
    add(key, t.tdur ?? t.dur ?? 0);
  }
  // Each driver command's own time comes off, less the outermost rendering events inside it.
  const commands = events.filter((e) => e.ph === 'X' && e.name === DRIVER && mains.has(`${e.pid}:${e.tid}`));
  const rendering = events
    .filter((e) => e.ph === 'X' && RENDERING.has(e.name) && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts);
  for (const c of commands) {
    const key = `${c.pid}:${c.tid}`;
    const end = c.ts + (c.dur ?? 0);
    let forced = 0;
    let until = -Infinity;
    for (const r of rendering) {
      if (r.pid !== c.pid || r.tid !== c.tid || r.ts < c.ts || r.ts >= end || r.ts < until) continue;
      until = r.ts + (r.dur ?? 0);
      forced += r.tdur ?? r.dur ?? 0;
    }
    add(key, -Math.max(0, (c.tdur ?? c.dur ?? 0) - forced));
  }
  return Math.max(0, ...totals.values()) / 1000;
}
