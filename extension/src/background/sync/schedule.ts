/**
 * The sync schedule (issue 22): "continuous while online, resumable after the service worker is
 * killed". A `chrome.alarms` alarm every minute wakes the worker and runs one sync (the engine
 * resumes from the mirror's checkpoints, so a worker killed mid-sync repeats at most one page);
 * the worker's `online` event runs one at once; local writes run one two seconds later
 * (sync-service.ts). One minute is above Chrome's 30-second minimum alarm period (Chrome docs,
 * chrome.alarms: "periodInMinutes … minimum 0.5" since Chrome 120).
 * @module
 */

/** Name of the sync alarm. */
export const SYNC_ALARM = 'shipmask-sync';
/** Minutes between scheduled syncs. */
export const SYNC_PERIOD_MINUTES = 1;

/** What the schedule needs from the alarms API (`browser.alarms`). */
export interface AlarmsLike {
  get(name: string): Promise<unknown>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): Promise<void> | void;
}

/**
 * Start the schedule: create the alarm once (re-creating it at every wake would push it back),
 * listen for `online`, and run one sync now (a worker woken by anything catches up).
 * @example
 * startSyncSchedule(service.sync, browser.alarms, globalThis);
 */
export function startSyncSchedule(
  sync: { tick(): Promise<unknown> },
  alarms: AlarmsLike,
  scope: { addEventListener?: (type: 'online', listener: () => void) => void },
): void {
  scope.addEventListener?.('online', () => void sync.tick().catch(() => undefined));
  void (async () => {
    if (!(await alarms.get(SYNC_ALARM)))
      await alarms.create(SYNC_ALARM, {
        delayInMinutes: SYNC_PERIOD_MINUTES,
        periodInMinutes: SYNC_PERIOD_MINUTES,
      });
    await sync.tick();
  })().catch(() => undefined);
}
