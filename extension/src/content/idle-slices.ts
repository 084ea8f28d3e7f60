/**
 * Idle slices for the overlay's page reads (issue 15 / 19: what the merchant feels). A page read
 * reads the rows near the viewport; what the background is told of them (orders seen, gate
 * facts), and the other rows while the panel is open, are done in slices of the browser's idle
 * time, a few milliseconds each, so no frame of the page waits on shipmask for long. An action
 * that needs everything (select all, print, hand off) hurries the rest: from then on every wait
 * resolves at once, with no time limit.
 * @module
 */

/** Longest slice, even when the browser offers more idle time (a frame is 16 ms). */
export const SLICE_MS = 5;
/** A slice runs within this long even on a page that is never idle (requestIdleCallback's timeout). */
export const SLICE_TIMEOUT_MS = 100;

/** What the slices need of a window (a fake in tests). */
export interface IdleHost {
  requestIdleCallback?(
    cb: (deadline: { timeRemaining(): number }) => void,
    opts?: { timeout: number },
  ): number;
  cancelIdleCallback?(handle: number): void;
  setTimeout(cb: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

/** One wait for idle time. */
export interface IdleSlices {
  /**
   * Resolves in the next idle period with the clock time the slice must end by (`Infinity` once
   * hurried). Resolves with `undefined` when cancelled: the work it belongs to is stale.
   */
  next(): Promise<number | undefined>;
  /** Everything still waiting, and every later wait, runs at once (until `reset`). */
  hurry(): void;
  /** Drop the waiting slice (a new page read replaces the work); later waits are idle again. */
  reset(): void;
}

/**
 * @example
 * const idle = idleSlices(window, () => performance.now());
 * for (let i = 0; i < rows.length; ) {
 *   const until = await idle.next();
 *   if (until === undefined) return; // stale
 *   while (i < rows.length && performance.now() < until) read(rows[i++]);
 * }
 */
export function idleSlices(host: IdleHost, clock: () => number): IdleSlices {
  let urgent = false;
  let waiting: { resolve(until: number | undefined): void; cancel(): void } | undefined;
  return {
    next() {
      if (urgent) return Promise.resolve(Infinity);
      waiting?.resolve(undefined);
      return new Promise((resolve) => {
        const done = (until: number | undefined): void => {
          if (waiting?.resolve !== done) return;
          waiting = undefined;
          resolve(until);
        };
        let cancel: () => void;
        if (host.requestIdleCallback) {
          const h = host.requestIdleCallback(
            (d) => done(clock() + Math.max(1, Math.min(SLICE_MS, d.timeRemaining()))),
            { timeout: SLICE_TIMEOUT_MS },
          );
          cancel = () => host.cancelIdleCallback?.(h);
        } else {
          const h = host.setTimeout(() => done(clock() + SLICE_MS), 0);
          cancel = () => host.clearTimeout(h);
        }
        waiting = { resolve: done, cancel };
      });
    },
    hurry() {
      urgent = true;
      const w = waiting;
      if (w) {
        w.cancel();
        w.resolve(Infinity);
      }
    },
    reset() {
      urgent = false;
      const w = waiting;
      if (w) {
        w.cancel();
        w.resolve(undefined);
      }
    },
  };
}
