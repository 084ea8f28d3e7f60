import { describe, expect, it } from 'vitest';
import { SYNC_ALARM, SYNC_PERIOD_MINUTES, startSyncSchedule } from './schedule';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('startSyncSchedule', () => {
  it('creates the alarm once, syncs at start and when the network comes back', async () => {
    const created: [string, unknown][] = [];
    const alarms = new Map<string, unknown>();
    const api = {
      get: (name: string) => Promise.resolve(alarms.get(name)),
      create: (name: string, info: unknown) => {
        created.push([name, info]);
        alarms.set(name, info);
      },
    };
    let ticks = 0;
    const listeners: (() => void)[] = [];
    const scope = { addEventListener: (_: 'online', l: () => void) => listeners.push(l) };
    const sync = { tick: () => Promise.resolve(ticks++) };
    startSyncSchedule(sync, api, scope);
    await flush();
    startSyncSchedule(sync, api, scope); // a second wake of the worker
    await flush();
    expect(created).toEqual([
      [SYNC_ALARM, { delayInMinutes: SYNC_PERIOD_MINUTES, periodInMinutes: SYNC_PERIOD_MINUTES }],
    ]);
    expect(SYNC_PERIOD_MINUTES).toBeGreaterThanOrEqual(0.5); // Chrome's minimum period
    expect(ticks).toBe(2);
    listeners[0]!();
    expect(ticks).toBe(3);
  });

  it('a failing sync never escapes as an unhandled rejection', async () => {
    const api = { get: () => Promise.resolve(undefined), create: () => undefined };
    startSyncSchedule({ tick: () => Promise.reject(new Error('down')) }, api, {});
    await flush();
  });
});
