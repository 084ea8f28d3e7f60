/**
 * Loads the division tables into the content script (issue 15; see divisions-late.ts): from
 * extension storage, where the background publishes them; when they are not there yet (the first
 * page after an install can start before the worker has written them), it wakes the background
 * and waits for the write. Once per content script: later calls share the first load.
 * @module
 */
import { divisionsProvided, provideDivisions, type DivisionsRefusal } from './divisions-late';

/** The `storage.local` key (the background's `DIVISIONS_KEY`). */
const KEY = 'core:divisions';

/** The part of `browser.storage.local` used here. */
export interface TablesArea {
  get(key: string): Promise<Record<string, unknown>>;
  readonly onChanged: {
    addListener(fn: (changes: Record<string, { newValue?: unknown }>) => void): void;
    removeListener(fn: (changes: Record<string, { newValue?: unknown }>) => void): void;
  };
}

/** Why the tables could not be loaded. */
export type LoadRefusal = DivisionsRefusal | 'unavailable';

export type LoadResult = { readonly ok: true } | { readonly ok: false; readonly reason: LoadRefusal };

let loading: Promise<LoadResult> | undefined;

/**
 * Provide the tables from `area`, waking the background with `wake` and waiting up to
 * `timeoutMs` when they are missing. A refused or missing table leaves the overlay unstarted
 * (core would mask addresses without knowing the regions).
 * @example
 * const r = await loadDivisions(browser.storage.local, () => send({ type: 'gate/key' }));
 * if (!r.ok) return; // nothing is read from the page
 */
export function loadDivisions(
  area: TablesArea,
  wake: () => Promise<unknown>,
  timeoutMs = 10_000,
): Promise<LoadResult> {
  if (divisionsProvided()) return Promise.resolve({ ok: true });
  loading ??= load(area, wake, timeoutMs).then((r) => {
    if (!r.ok) loading = undefined; // a later start tries again
    return r;
  });
  return loading;
}

async function load(area: TablesArea, wake: () => Promise<unknown>, timeoutMs: number): Promise<LoadResult> {
  const none: Record<string, unknown> = {};
  const stored = (await area.get(KEY).catch(() => none))[KEY];
  if (stored !== undefined) {
    const r = provideDivisions(stored);
    if (r.ok || r.reason !== 'wrong-source') return r;
    // Tables of another version: the background (updated with this script) rewrites them.
  }
  return new Promise<LoadResult>((resolve) => {
    const done = (r: LoadResult): void => {
      clearTimeout(timer);
      area.onChanged.removeListener(onChanged);
      resolve(r);
    };
    const onChanged = (changes: Record<string, { newValue?: unknown }>): void => {
      const next = changes[KEY]?.newValue;
      if (next === undefined) return;
      const r = provideDivisions(next);
      if (r.ok || r.reason !== 'wrong-source') done(r);
    };
    const timer = setTimeout(() => done({ ok: false, reason: 'unavailable' }), timeoutMs);
    area.onChanged.addListener(onChanged);
    void wake().catch(() => undefined);
  });
}
