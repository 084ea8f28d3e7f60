/**
 * Draws asked for by the background's replies (the quota, the gate overview, reminders), made
 * together: on a page load several replies arrive within ~100 ms of each other, and every frame in
 * which anything of ours changes repaints the whole page (about 5 ms on 200 orders, trace of the
 * 抖店 demo). A draw for any other reason (a merchant's action, a page read) draws everything
 * there is, so it settles the pending one.
 * @module
 */

/** How long a reply's draw may wait for the next reply (ms): well under what a merchant notices. */
export const REPLY_DRAW_MS = 100;

export interface DrawBatch {
  /** Draw within `ms`, together with every other draw asked for by then. */
  soon(): void;
  /** Everything was just drawn: the pending draw, if any, has nothing left to do. */
  drawn(): void;
}

/**
 * @example
 * const batch = batchDraws(window, draw);
 * onQuotaReply(() => batch.soon());
 * function draw() { batch.drawn(); render(…); }
 */
export function batchDraws(
  win: Pick<Window, 'setTimeout' | 'clearTimeout'>,
  draw: () => void,
  ms: number = REPLY_DRAW_MS,
): DrawBatch {
  let pending: ReturnType<Window['setTimeout']> | undefined;
  return {
    soon() {
      pending ??= win.setTimeout(() => {
        pending = undefined;
        draw();
      }, ms);
    },
    drawn() {
      if (pending === undefined) return;
      win.clearTimeout(pending);
      pending = undefined;
    },
  };
}
