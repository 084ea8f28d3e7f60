/**
 * Publishes core's division tables to extension storage for the content script, which leaves them
 * out of its bundle (issue 15; see content/divisions-late.ts). Public data (GB/T 2260 names), no
 * buyer data. Written only when what is stored differs: the service worker starts often.
 * @module
 */
import { divisionTables } from '@shipmask/core';

/** The `storage.local` key the tables live under. */
export const DIVISIONS_KEY = 'core:divisions';

/** The part of `browser.storage.local` used here. */
export interface TablesStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Store core's tables under `DIVISIONS_KEY` unless the stored ones are the same.
 * @example
 * await publishDivisionTables(browser.storage.local); // 'written' on install, 'current' after
 */
export async function publishDivisionTables(store: TablesStore): Promise<'written' | 'current'> {
  const t = divisionTables();
  const stored = (await store.get(DIVISIONS_KEY))[DIVISIONS_KEY] as Record<string, unknown> | undefined;
  if (stored?.source === t.source && stored.divisions === t.divisions && stored.traditional === t.traditional)
    return 'current';
  await store.set({ [DIVISIONS_KEY]: { ...t } });
  return 'written';
}
