/**
 * The orders feature's handler: the masked orders a page shows are stored with, for new ones, the
 * order volume of ratio rules, in one strict transaction (`Ledgers.recordOrders`); the shop's name
 * as the page shows it is noted once per service-worker life.
 * @module
 */
import type { Instant } from '@shipmask/core';
import type { ShopRef } from '../../messages/shared';
import type { Store } from '../../storage';
import type { GateService } from '../gate';
import { followPlatformOrders } from '../print';
import type { Ledgers } from '../quota';
import type { Handlers, NoteTab } from '../shared/handlers';

export interface OrdersOptions {
  readonly store: Store;
  readonly ledgers: Ledgers;
  readonly gate: GateService;
  readonly now: () => Instant;
  readonly noteTab: NoteTab;
}

/**
 * The `orders/seen` handler. Rule: a page swap (`summary: true`) keeps the detail an order already
 * has; 平台打单 jobs follow the statuses the adapter reads off the platform's list.
 * @example
 * const handlers = ordersHandlers({ store, ledgers, gate, now: Date.now, noteTab });
 * await handlers['orders/seen']({ type: 'orders/seen', shop, orders }, ctx); // { stored, added }
 */
export function ordersHandlers(options: OrdersOptions): Pick<Handlers, 'orders/seen'> {
  const { store, ledgers, gate, now, noteTab } = options;
  /** Names already written this service-worker life, so a page swap writes nothing. */
  const pageNames = new Map<string, string>();
  const notePageName = async (shop: ShopRef, name: string): Promise<void> => {
    const key = JSON.stringify([shop.platform, shop.shopId]);
    if (pageNames.get(key) === name) return;
    await store.notePageName(shop, name, now());
    pageNames.set(key, name);
  };
  return {
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
  };
}
