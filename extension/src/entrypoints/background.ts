/**
 * The background service worker: the one owner of IndexedDB (DESIGN.md). It validates every
 * message (sender, type, shape, invariant 1) and answers with a typed `Reply`; it keeps nothing in
 * memory that IndexedDB does not hold (the worker may be terminated at any time: the ledgers are
 * rebuilt from their events on next use); it runs retention at start (at most hourly) and daily.
 */
import { createRouter, type Refusal } from '../background/router';
import { defaultLocks } from '../background/shared/locks';
import { publishDivisionTables } from '../background/division-tables';
import { RETENTION_ALARM, runRetention, runRetentionIfDue } from '../background/orders/retention';
import { createService } from '../background/service';
import { memoryTabShops, sessionTabShops } from '../background/shops/tab-shops';
import { Store } from '../storage';
import { SYNC_ALARM, startSyncSchedule } from '../background/sync/schedule';

const DAY_MINUTES = 24 * 60;
/** At most one audit entry per refusal kind per minute (a looping page must not fill the log). */
const REFUSAL_AUDIT_GAP_MS = 60_000;

export default defineBackground(() => {
  const store = new Store({
    factory: indexedDB,
    onEvent: (e) => {
      if (e.type === 'upgraded') {
        // Audited once the upgrade has committed (the audit store may be new in this version).
        queueMicrotask(
          () =>
            void store
              .audit({ at: Date.now(), kind: 'schema-upgrade', detail: { from: e.from, to: e.to } })
              .catch(() => undefined),
        );
      }
    },
  });
  const tabShops = browser.storage?.session ? sessionTabShops(browser.storage.session) : memoryTabShops();
  const service = createService({
    store,
    locks: defaultLocks(),
    tabShops,
    now: () => Date.now(),
    randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
    openPage: async (path) => (await browser.tabs.create({ url: browser.runtime.getURL(path as '/') })).id,
  });

  const lastRefusal = new Map<string, number>();
  const audit = (r: Refusal): void => {
    const k = `${r.code}:${r.type ?? ''}`;
    const t = Date.now();
    if (t - (lastRefusal.get(k) ?? 0) < REFUSAL_AUDIT_GAP_MS) return;
    lastRefusal.set(k, t);
    // The reason names a field and a form (e.g. "receiver.phone (plain)"), never a value.
    void store
      .audit({
        at: t,
        kind: 'refused',
        detail: { code: r.code, type: r.type ?? null, reason: r.reason.slice(0, 200) },
      })
      .catch(() => undefined);
  };

  const route = createRouter({
    policy: {
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      allowDemo: import.meta.env.MODE !== 'production',
    },
    handlers: service.handlers,
    onRefused: audit,
    bindTab: (tabId, document, shop) => tabShops.bind(tabId, document, shop),
  });

  // Listeners are registered synchronously so a message or alarm that woke the worker is delivered.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    void route(message, sender).then(sendResponse);
    return true;
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void runRetention(store, Date.now()).catch(() => undefined);
    if (alarm.name === SYNC_ALARM) void service.sync.tick().catch(() => undefined);
  });
  // The content script reads core's division tables from here (issue 15: not in its bundle).
  void publishDivisionTables(browser.storage.local).catch(() => undefined);
  // Issue 22: sync every minute while online, at once when the network comes back.
  startSyncSchedule(service.sync, browser.alarms, globalThis);
  void (async () => {
    // Created once: re-creating it at every wake would keep pushing the daily run back.
    if (!(await browser.alarms.get(RETENTION_ALARM))) {
      await browser.alarms.create(RETENTION_ALARM, {
        delayInMinutes: DAY_MINUTES,
        periodInMinutes: DAY_MINUTES,
      });
    }
    await runRetentionIfDue(store, Date.now());
  })().catch(() => undefined);
});
