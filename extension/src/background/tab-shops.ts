/**
 * Which shop each tab's content script last reported, so the popup can open on the active tab's
 * shop. Tab ids live as long as the browser session: in the extension the map is kept in
 * `storage.session` (memory only, survives a terminated service worker, gone when the browser
 * closes). It holds platform and shop id only, never buyer data.
 * @module
 */
import type { ShopRef } from '../messages';

export interface TabShops {
  set(tabId: number, shop: ShopRef): Promise<void>;
  get(tabId: number): Promise<ShopRef | undefined>;
}

/** In-memory map (tests, or runtimes without `storage.session`). */
export function memoryTabShops(): TabShops {
  const map = new Map<number, ShopRef>();
  return {
    set: (tabId, shop) => {
      map.set(tabId, { platform: shop.platform, shopId: shop.shopId });
      return Promise.resolve();
    },
    get: (tabId) => Promise.resolve(map.get(tabId)),
  };
}

/** The subset of `storage.session` used here. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const keyOf = (tabId: number): string => `tabShop:${tabId}`;

/** Backed by `browser.storage.session`; writes only when the tab's shop changed. */
export function sessionTabShops(area: SessionArea): TabShops {
  const known = new Map<number, string>();
  return {
    async set(tabId, shop) {
      const v = JSON.stringify([shop.platform, shop.shopId]);
      if (known.get(tabId) === v) return;
      known.set(tabId, v);
      await area.set({ [keyOf(tabId)]: { platform: shop.platform, shopId: shop.shopId } });
    },
    async get(tabId) {
      const v = (await area.get(keyOf(tabId)))[keyOf(tabId)] as ShopRef | undefined;
      return v && typeof v.platform === 'string' && typeof v.shopId === 'string' ? v : undefined;
    },
  };
}
