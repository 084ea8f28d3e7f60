/**
 * Which shop each tab's content script last reported, so the popup can open on the active tab's
 * shop, and which shop each tab's current document is bound to, so a content script can only
 * write to the ledger of the shop its tab is on. Tab ids live as long as the browser session: in
 * the extension both maps are kept in `storage.session` (memory only, survives a terminated
 * service worker, gone when the browser closes). They hold platform, shop id and Chrome's opaque
 * document id only, never buyer data.
 * @module
 */
import type { ShopRef } from '../../messages/shared';

/** A tab's document and the shop its first trusted report named. */
export interface TabBinding {
  readonly document: string;
  readonly shop: ShopRef;
}

export interface TabShops {
  set(tabId: number, shop: ShopRef): Promise<void>;
  get(tabId: number): Promise<ShopRef | undefined>;
  /**
   * Bind the tab's `document` to `shop` unless that document is already bound: returns the shop
   * the document is bound to (the given one on its first report). A new document in the tab (a
   * navigation or reload, where the page is read afresh) replaces the previous binding.
   */
  bind(tabId: number, document: string, shop: ShopRef): Promise<ShopRef>;
}

const sameShop = (a: ShopRef, b: ShopRef): boolean => a.platform === b.platform && a.shopId === b.shopId;
const copy = (shop: ShopRef): ShopRef => ({ platform: shop.platform, shopId: shop.shopId });

/**
 * The rule `bind` implements: keep an existing binding of the same document, else bind anew.
 * @example
 * nextBinding({ document: 'd1', shop: a }, 'd1', b); // { document: 'd1', shop: a } (kept)
 * nextBinding({ document: 'd1', shop: a }, 'd2', b); // { document: 'd2', shop: b } (new page)
 */
export function nextBinding(current: TabBinding | undefined, document: string, shop: ShopRef): TabBinding {
  return current && current.document === document ? current : { document, shop: copy(shop) };
}

/**
 * Whether a content request for `shop` may proceed given its document's binding.
 * @example
 * shopAllowed({ platform: 'douyin', shopId: 'A' }, { platform: 'douyin', shopId: 'B' }); // false
 */
export function shopAllowed(bound: ShopRef, shop: ShopRef): boolean {
  return sameShop(bound, shop);
}

/** In-memory map (tests, or runtimes without `storage.session`). */
export function memoryTabShops(): TabShops {
  const map = new Map<number, ShopRef>();
  const bound = new Map<number, TabBinding>();
  return {
    set: (tabId, shop) => {
      map.set(tabId, copy(shop));
      return Promise.resolve();
    },
    get: (tabId) => Promise.resolve(map.get(tabId)),
    bind: (tabId, document, shop) => {
      const next = nextBinding(bound.get(tabId), document, shop);
      bound.set(tabId, next);
      return Promise.resolve(next.shop);
    },
  };
}

/** The subset of `storage.session` used here. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const keyOf = (tabId: number): string => `tabShop:${tabId}`;
const bindKeyOf = (tabId: number): string => `tabDoc:${tabId}`;

function readBinding(v: unknown): TabBinding | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const b = v as { document?: unknown; platform?: unknown; shopId?: unknown };
  return typeof b.document === 'string' && typeof b.platform === 'string' && typeof b.shopId === 'string'
    ? { document: b.document, shop: { platform: b.platform as ShopRef['platform'], shopId: b.shopId } }
    : undefined;
}

/**
 * Backed by `browser.storage.session`; writes only when the tab's shop changed. Bindings are read
 * through a per-worker cache (the worker is the only writer) and checked in order per tab, so two
 * messages racing from one document cannot both bind.
 */
export function sessionTabShops(area: SessionArea): TabShops {
  const known = new Map<number, string>();
  const bindings = new Map<number, TabBinding>();
  const queue = new Map<number, Promise<unknown>>();
  return {
    bind(tabId, document, shop) {
      const run = async (): Promise<ShopRef> => {
        const current =
          bindings.get(tabId) ?? readBinding((await area.get(bindKeyOf(tabId)))[bindKeyOf(tabId)]);
        const next = nextBinding(current, document, shop);
        if (next !== current) {
          await area.set({
            [bindKeyOf(tabId)]: { document, platform: next.shop.platform, shopId: next.shop.shopId },
          });
        }
        bindings.set(tabId, next);
        return next.shop;
      };
      const p = (queue.get(tabId) ?? Promise.resolve()).then(run, run);
      queue.set(
        tabId,
        p.catch(() => undefined),
      );
      return p;
    },
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
