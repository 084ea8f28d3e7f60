import { findRoots } from './roots';
import { queryAllFirst } from './select';
import type { SiteAdapter } from './types';

/** What the page shows right now, as the adapter reads it. */
export interface PageSnapshot {
  readonly rows: readonly Element[];
  /** The document and the open shadow roots the rows were looked for in. */
  readonly roots: readonly (Document | ShadowRoot)[];
}

/** While no row is found, look for new shadow roots at most this often, this many times. */
const RESCAN_MS = 1000;
const MAX_RESCANS = 30;

/**
 * Follow an SPA order list: call `onChange` with a fresh snapshot now and after every page swap
 * (pagination, filtering), debounced, until the returned stop function is called.
 *
 * Rows are looked for in the document, and where it has none, in every open shadow root (the
 * 微信小店 `<micro-app>` case), and each root is observed: a MutationObserver on `document.body` sees nothing inside a
 * shadow root. While the adapter finds no row, the roots are searched again (a micro-app may
 * attach its shadow root after this script starts), at most once a second
 * (30 times: a list that stays empty is a filter with no result). `onChange` returns true when
 * it found the page's rows another way (content-based detection, a taught adapter): then no
 * search for new roots runs until it finds none again (a walk of the whole document took 4 ms on
 * every swap of a redesigned page, and once a second after it).
 */
export function watchOrderList(
  doc: Document,
  adapter: SiteAdapter,
  onChange: (snapshot: PageSnapshot) => boolean | void,
  debounceMs = 80,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let rescanTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  // The document first: walking every element for shadow roots (findRoots) costs a few ms on a
  // long list, and is only needed while the document itself shows no row.
  let roots: (Document | ShadowRoot)[] = [doc];
  let lastScan = -Infinity;
  let rescans = 0;
  /** The last read found no row here but `onChange` found the page's rows another way. */
  let foundElsewhere = false;
  const observed = new Set<Node>();

  const observer = new MutationObserver((records) => {
    // Our own UI lives in a shadow host; its changes are not page swaps.
    if (records.every((r) => r.target instanceof Element && r.target.closest('[data-shipmask]'))) return;
    schedule();
  });
  const observeRoots = (): void => {
    for (const root of roots) {
      const target = root === doc ? doc.body : root;
      if (!target || observed.has(target)) continue;
      observed.add(target);
      observer.observe(target, { childList: true, subtree: true, characterData: true });
    }
  };
  const scan = (): void => {
    lastScan = performance.now();
    roots = findRoots(doc);
    observeRoots();
  };
  const read = (): void => {
    timer = undefined;
    if (stopped) return;
    let rows = queryAllFirst(roots, adapter.row);
    if (!rows.length && !foundElsewhere && performance.now() - lastScan >= RESCAN_MS) {
      scan();
      rows = queryAllFirst(roots, adapter.row);
    }
    foundElsewhere = onChange({ rows, roots }) === true && !rows.length;
    // Rows found: the list is drawn, so no late shadow root is awaited (a rescan would read the
    // same rows again, and repaint the page for nothing).
    if ((rows.length || foundElsewhere) && rescanTimer !== undefined) {
      clearTimeout(rescanTimer);
      rescanTimer = undefined;
    }
    if (!rows.length && !foundElsewhere && rescanTimer === undefined && rescans < MAX_RESCANS) {
      rescans++;
      // Nothing to observe may change when a shadow root appears late: look again later.
      rescanTimer = setTimeout(() => {
        rescanTimer = undefined;
        schedule();
      }, RESCAN_MS);
    }
  };
  const schedule = (): void => {
    if (timer === undefined) timer = setTimeout(read, debounceMs);
  };
  observeRoots();
  read();
  return () => {
    stopped = true;
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    if (rescanTimer !== undefined) clearTimeout(rescanTimer);
  };
}
