/**
 * The quota feature's handlers: trusted reveal clicks and the page's own counter go into the
 * shop's ledger (`Ledgers`, under the shop's Web Lock), and the meter and per-day chart are read
 * back from it with the shop's effective rule.
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
import type { DailyReveals, QuotaView } from '../../messages/quota';
import type { ShopRef } from '../../messages/shared';
import type { Store } from '../../storage';
import type { Handlers, NoteTab } from '../shared/handlers';
import type { Locks } from '../shared/locks';
import { Ledgers } from './ledgers';
import { effectiveRule, replayFrom } from './rules';
import { dailyShare, quotaView } from './view';

export interface QuotaServiceOptions {
  readonly store: Store;
  readonly locks: Locks;
  readonly now: () => Instant;
  readonly randomBytes: (n: number) => Uint8Array;
  /** Remember the shop of a content script's tab (shops feature). */
  readonly noteTab: NoteTab;
}

type QuotaTypes = 'reveal/recorded' | 'counter/observed' | 'quota/status' | 'reveals/daily';

/** The ledgers, the meter of a shop, and the quota requests' handlers. */
export interface QuotaService {
  readonly ledgers: Ledgers;
  /** The quota meter of a shop now (from `ledger` when the caller has it). */
  readonly quota: (shop: ShopRef, ledger?: QuotaLedger) => Promise<QuotaView>;
  readonly handlers: Pick<Handlers, QuotaTypes>;
}

/**
 * Build the quota feature over a store. Rule: a reveal is counted once per click id, and the meter
 * is always the ledger as of that debit (no second trip through the shop's lock).
 * @example
 * const quota = createQuotaService({ store, locks, now: Date.now, randomBytes, noteTab });
 * await quota.quota({ platform: 'douyin', shopId: 'default' }); // QuotaView
 */
export function createQuotaService(options: QuotaServiceOptions): QuotaService {
  const { store, now, noteTab } = options;
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

  const handlers: Pick<Handlers, QuotaTypes> = {
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
  };

  return { ledgers, quota, handlers };
}
