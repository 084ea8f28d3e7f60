import type { SiteAdapter } from './types';

/** What the page shows right now, as the adapter reads it. */
export interface PageSnapshot {
  readonly rows: readonly Element[];
}

/**
 * Follow an SPA order list: call `onChange` with a fresh snapshot now and after every page swap
 * (pagination, filtering), debounced, until the returned stop function is called.
 */
export function watchOrderList(
  doc: Document,
  adapter: SiteAdapter,
  onChange: (snapshot: PageSnapshot) => void,
  debounceMs = 80,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const read = (): void => {
    timer = undefined;
    if (stopped) return;
    onChange({ rows: Array.from(doc.querySelectorAll(adapter.row)) });
  };
  const schedule = (): void => {
    if (timer === undefined) timer = setTimeout(read, debounceMs);
  };
  const observer = new MutationObserver((records) => {
    // Our own UI lives in a shadow host; its changes are not page swaps.
    if (records.every((r) => r.target instanceof Element && r.target.closest('[data-shipmask]'))) return;
    schedule();
  });
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  read();
  return () => {
    stopped = true;
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
}
