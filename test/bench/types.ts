/** One measured number in the results table of `pnpm bench`. */
export interface BenchRow {
  /** What is measured, e.g. `maskPhone (shipmask)`. */
  readonly name: string;
  /** The measured value. */
  readonly value: number;
  /** Unit of `value`, e.g. `ops/s`, `ms`, `bytes/order`, `KB gz`. */
  readonly unit: string;
  /** The target as text, e.g. `>= 500,000 ops/s`; omitted when the row is informational. */
  readonly target?: string;
  /** Whether the target is met; omitted when there is no target. */
  readonly ok?: boolean;
  /** Ratio against the named peer measured in the same run, or any short remark. */
  readonly note?: string;
}

/** A benchmark suite: a file `test/bench/<name>.bench.ts` whose default export is this. */
export interface BenchSuite {
  readonly name: string;
  run(): Promise<readonly BenchRow[]>;
}

/** Operations per second of `fn` over `iterations` calls, after a warm-up. */
export function opsPerSecond(fn: (i: number) => unknown, iterations: number): number {
  for (let i = 0; i < Math.min(iterations, 10_000); i++) fn(i);
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn(i);
  const ms = performance.now() - start;
  return iterations / (ms / 1000);
}

/** Median of the wall time of `fn` over `runs` runs, in milliseconds. */
export async function medianMs(fn: () => unknown, runs = 7): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}
