/**
 * One checkbox per row (issue 21 item 10): where the page has its own row checkbox (the adapter's
 * `platformPrint.select`, the box the platform's batch actions act on), that box is the selection;
 * shipmask draws its own box only on rows without one (content-based detection, a taught adapter,
 * a page without row selection). Which rows are ticked is read from the page's boxes after any
 * click in the document (one delegated capture listener: a click on a box, its label, or the
 * page's own 全选 header; Space on a focused box is a click too), never from per-row listeners.
 * @module
 */
import { queryFirst, rowScope } from '../adapters/select';
import type { SiteAdapter } from '../adapters/types';

/** The page's own selection for the rows of one adapter. */
export interface PlatformSelection {
  /** The page's checkbox of a row, if it has one (cached per row element). */
  boxOf(row: Element): HTMLInputElement | null;
  /** Tick or untick the page's boxes of `rows` by clicking them, as the merchant would. */
  set(rows: readonly Element[], ticked: boolean): void;
  /** Remove the listener. */
  stop(): void;
}

/**
 * Follow the page's own row checkboxes. `rows()` gives the current rows and their order ids;
 * `onTicked` gets, after a click, each of those rows with a page checkbox and whether it is ticked.
 * Rule: the page's box is the truth for its row; rows without one are not reported.
 * @example
 * const sel = followPlatformSelection(document, douyin, () => rows, (ticks) => apply(ticks));
 */
export function followPlatformSelection(
  doc: Document,
  adapter: SiteAdapter,
  rows: () => readonly { readonly element: Element; readonly orderId: string }[],
  onTicked: (ticks: ReadonlyMap<string, boolean>) => void,
): PlatformSelection {
  const win = doc.defaultView ?? window;
  const select = adapter.platformPrint?.select;
  const boxes = new WeakMap<Element, HTMLInputElement | null>();
  const boxOf = (row: Element): HTMLInputElement | null => {
    if (!select) return null;
    let box = boxes.get(row);
    if (box === undefined || (box && !box.isConnected)) {
      const found = queryFirst(rowScope(row, adapter.rowGroup, adapter.row), select);
      box =
        found instanceof HTMLInputElement || found?.localName === 'input'
          ? (found as HTMLInputElement)
          : null;
      boxes.set(row, box);
    }
    return box;
  };
  let pending = 0;
  const read = (): void => {
    pending = 0;
    const ticks = new Map<string, boolean>();
    for (const r of rows()) {
      const box = boxOf(r.element);
      if (box) ticks.set(r.orderId, box.checked);
    }
    if (ticks.size) onTicked(ticks);
  };
  // After the page's own handlers (a framework may re-render the box): one read per burst of clicks.
  const onClick = (e: Event): void => {
    if (pending) return;
    const origin = e.composedPath()[0] ?? e.target;
    if (
      !(origin instanceof Element) ||
      !origin.closest('input, label, [role="checkbox"], [class*="checkbox"]')
    )
      return;
    pending = win.setTimeout(read, 0);
  };
  if (select) doc.addEventListener('click', onClick, { capture: true, passive: true });
  return {
    boxOf,
    set(list, ticked) {
      for (const row of list) {
        const box = boxOf(row);
        if (box && !box.disabled && box.checked !== ticked) box.click();
      }
    },
    stop() {
      if (pending) win.clearTimeout(pending);
      if (select) doc.removeEventListener('click', onClick, { capture: true });
    },
  };
}
