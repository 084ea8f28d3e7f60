/**
 * The background's request handlers: what each validated message does to storage and the ledger.
 * Nothing here is kept in memory that IndexedDB does not hold (a terminated service worker loses
 * only caches).
 * @module
 */
import {
  DAY_MS,
  formatChinaTime,
  pageCounterPeriods,
  startOfChinaDay,
  type Instant,
  type QuotaLedger,
} from '@shipmask/core';
import type { DailyReveals, QuotaView, ShopRef, ShopSummary } from '../messages';
import type { Store } from '../storage';
import type { Locks } from './locks';
import { adapterHandlers } from './adapter-service';
import { createGateService } from './gate-service';
import { handoffHandlers } from './handoff-service';
import { createPrintHandlers, followPlatformOrders } from './print-service';
import { Ledgers } from './quota';
import { dailyShare, quotaView } from './quota-view';
import type { Handlers, RequestContext } from './router';
import { effectiveRule, replayFrom, settingsView } from './rules';
import type { TabShops } from './tab-shops';
import { defaultSyncService, type SyncService } from './sync/sync-default';

/** Meta key of the UI language (issue 21 item 9). */
const LANGUAGE_KEY = 'ui:language';
export interface ServiceOptions {
  readonly store: Store;
  readonly locks: Locks;
  readonly tabShops: TabShops;
  readonly now: () => Instant;
  readonly randomBytes: (n: number) => Uint8Array;
  /** Open an extension page in a new tab (bulk print: `selection/open`); absent in tests. */
  readonly openPage?: (path: string) => Promise<number | undefined>;
  /** Multi-station sync (issue 22); default: over `indexedDB` and `fetch` (sync/sync-default.ts). */
  readonly sync?: (ledgers: Ledgers) => SyncService;
}

/** The handlers and the ledgers they share. */
export interface Service {
  readonly handlers: Handlers;
  readonly ledgers: Ledgers;
  /** The quota meter of a shop now (from `ledger` when the caller has it). */
  quota(shop: ShopRef, ledger?: QuotaLedger): Promise<QuotaView>;
  readonly sync: SyncService;
}

/**
 * Build the handlers over a store.
 * @example
 * const service = createService({ store, locks: defaultLocks(), tabShops, now: Date.now, randomBytes });
 * const route = createRouter({ policy, handlers: service.handlers });
 */
export function createService(options: ServiceOptions): Service {
  const { store, now, tabShops } = options;
  const ledgers = new Ledgers({
    store,
    locks: options.locks,
    randomBytes: options.randomBytes,
    replayFrom: async (shop) =>
      replayFrom(effectiveRule(shop.platform, await store.getSettings(shop)), now()),
  });

  const quota = async (shop: ShopRef, known?: QuotaLedger): Promise<QuotaView> => {
    const [ledger, settings] = await Promise.all([known ?? ledgers.ledger(shop), store.getSettings(shop)]);
    return quotaView(
      ledger,
      effectiveRule(shop.platform, settings),
      now(),
      pageCounterPeriods[shop.platform],
    );
  };
  /** Remember the shop of a content script's tab (extension pages in a tab are not shops). */
  const noteTab = async (shop: ShopRef, ctx: RequestContext): Promise<void> => {
    if (ctx.kind === 'content' && ctx.tabId !== undefined) await tabShops.set(ctx.tabId, shop);
  };

  /** Names already written this service-worker life, so a page swap writes nothing. */
  const pageNames = new Map<string, string>();
  const notePageName = async (shop: ShopRef, name: string): Promise<void> => {
    const key = JSON.stringify([shop.platform, shop.shopId]);
    if (pageNames.get(key) === name) return;
    await store.notePageName(shop, name, now());
    pageNames.set(key, name);
  };

  const gate = createGateService({ store, locks: options.locks, now, randomBytes: options.randomBytes });
  const sync = (options.sync ?? defaultSyncService(options))(ledgers);

  const handlers: Handlers = {
    async 'orders/seen'(req, ctx) {
      await noteTab(req.shop, ctx);
      if (req.shopName !== undefined) await notePageName(req.shop, req.shopName);
      // Masked orders and, for new ones, the order volume of ratio rules, in one transaction.
      const t = now();
      const r = await ledgers.recordOrders(req.shop, req.orders, t, { keepDetail: req.summary === true });
      // 平台打单 jobs follow the statuses the adapter reads off the platform's list.
      await followPlatformOrders(store, t, req.shop, req.orders, gate);
      return { stored: r.stored, added: r.added };
    },
    async 'reveal/recorded'(req, ctx) {
      await noteTab(req.shop, ctx);
      const r = await ledgers.recordReveal(req.shop, req.orderId, req.field, req.at, req.clickId, now());
      // The ledger as of this debit (no second trip through the shop's lock).
      return { counted: r.added, quota: await quota(req.shop, r.ledger) };
    },
    async 'counter/observed'(req, ctx) {
      await noteTab(req.shop, ctx);
      const r = await ledgers.observeCounter(req.shop, req.remaining, req.at, now());
      return quota(req.shop, r.ledger);
    },
    async 'quota/status'(req, ctx) {
      await noteTab(req.shop, ctx);
      return quota(req.shop);
    },
    // Issue 21 item 9: one language for the panel, popup, print, hand-off and supplier pages.
    // Default Chinese (the merchants' language); stored as a UI preference, not per shop.
    async 'ui/language'() {
      return (await store.getMeta<unknown>(LANGUAGE_KEY)) === 'en' ? 'en' : 'zh';
    },
    async 'ui/language/set'(req) {
      await store.setMeta(LANGUAGE_KEY, req.language);
      return req.language;
    },
    async 'settings/get'(req) {
      return settingsView(req.shop, await store.getSettings(req.shop));
    },
    async 'settings/set'(req) {
      const t = now();
      await store.putSettings(req.shop, req.settings, t);
      await store.audit({
        at: t,
        kind: 'settings',
        platform: req.shop.platform,
        shopId: req.shop.shopId,
        detail: { fields: Object.keys(req.settings).sort().join(',') },
      });
      return settingsView(req.shop, req.settings);
    },
    async 'shops/list'() {
      const [shops, settings] = await Promise.all([store.listShops(), store.allSettings()]);
      const names = new Map(
        settings.map((s) => [JSON.stringify([s.platform, s.shopId]), s.settings.shopName]),
      );
      return shops.map((s): ShopSummary => {
        // The popup's name first, then the name the back-office shows (issue 21).
        const shopName = names.get(JSON.stringify([s.platform, s.shopId])) ?? s.pageName;
        return {
          platform: s.platform,
          shopId: s.shopId,
          lastSeenAt: s.lastSeenAt,
          ...(shopName ? { shopName } : {}),
        };
      });
    },
    async 'reveals/daily'(req) {
      const t = now();
      const today = startOfChinaDay(t);
      const from = today - (req.days - 1) * DAY_MS;
      const [events, view] = await Promise.all([
        ledgers.decryptsBetween(req.shop, from, today + DAY_MS),
        quota(req.shop),
      ]);
      const counts = new Array<number>(req.days).fill(0);
      for (const e of events) {
        const i = Math.floor((e.at - from) / DAY_MS);
        if (i >= 0 && i < req.days) counts[i] = (counts[i] ?? 0) + 1;
      }
      const result: DailyReveals = {
        days: counts.map((count, i) => ({
          date: formatChinaTime(from + i * DAY_MS).slice(0, 10),
          start: from + i * DAY_MS,
          count,
        })),
        dailyShare: dailyShare(view, t),
        quota: view,
      };
      return result;
    },
    async 'shops/active'(req) {
      return (await tabShops.get(req.tabId)) ?? null;
    },
    ...createPrintHandlers({
      store,
      now,
      gate,
      claimJob: (job) => sync.claimJob(job),
      randomBytes: options.randomBytes,
      ...(options.openPage ? { openPage: options.openPage } : {}),
    }),
    ...handoffHandlers({ store, now, randomBytes: options.randomBytes, gate }),
    ...adapterHandlers({ store }),
    ...gate.handlers,
    ...sync.handlers(),
  };

  return { handlers, ledgers, quota, sync };
}
