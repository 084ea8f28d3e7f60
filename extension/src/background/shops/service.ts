/**
 * The shops feature's handlers: per-shop settings (popup), the list of shops seen, the shop of a
 * tab, and the one UI language (issue 21 item 9). Settings are the merchant's data; an audit
 * entry names the fields changed, never their values.
 * @module
 */
import type { Instant } from '@shipmask/core';
import type { ShopSummary } from '../../messages/shops';
import type { Store } from '../../storage';
import { settingsView } from '../quota';
import type { Handlers, NoteTab } from '../shared/handlers';
import type { TabShops } from './tab-shops';

/** Meta key of the UI language (issue 21 item 9). */
const LANGUAGE_KEY = 'ui:language';

/**
 * Rule: only a content script's report binds a tab to a shop (`shops/active` answers from it).
 * @example
 * const noteTab = tabNoter(memoryTabShops());
 * await noteTab({ platform: 'jd', shopId: 's1' }, { kind: 'content', tabId: 4 });
 */
export function tabNoter(tabShops: TabShops): NoteTab {
  return async (shop, ctx) => {
    if (ctx.kind === 'content' && ctx.tabId !== undefined) await tabShops.set(ctx.tabId, shop);
  };
}

export interface ShopsOptions {
  readonly store: Store;
  readonly tabShops: TabShops;
  readonly now: () => Instant;
}

type ShopsTypes =
  'ui/language' | 'ui/language/set' | 'settings/get' | 'settings/set' | 'shops/list' | 'shops/active';

/**
 * The shop requests' handlers. Rule: the popup's shop name wins over the name the back-office
 * shows; the language is Chinese unless the merchant chose English.
 * @example
 * const handlers = shopsHandlers({ store, tabShops, now: Date.now });
 * await handlers['ui/language']({ type: 'ui/language' }, ctx); // 'zh'
 */
export function shopsHandlers(options: ShopsOptions): Pick<Handlers, ShopsTypes> {
  const { store, now, tabShops } = options;
  return {
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
    async 'shops/active'(req) {
      return (await tabShops.get(req.tabId)) ?? null;
    },
  };
}
