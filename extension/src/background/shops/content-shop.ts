/**
 * Which shop a content script may speak for (DESIGN.md: a content script speaks only for its
 * page): the platform of its back-office, and the shop its tab's document first reported
 * (`TabShops.bind`). The router asks this before any handler sees a content request naming a
 * shop; extension pages are not bound.
 * @module
 */
import type { MessageErrorCode, ShopRef } from '../../messages/shared';
import { platformOfUrl, type SenderInfo } from '../shared/sender';
import { shopAllowed } from './tab-shops';

/** Bind a tab's document to the shop of its first report and return the bound shop. */
export type BindTab = (tabId: number, document: string, shop: ShopRef) => Promise<ShopRef>;

/** Outcome: allowed, or the reply code and reason (`audited`: a refusal for the audit log). */
export type ShopCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: MessageErrorCode;
      readonly reason: string;
      readonly audited: boolean;
    };

/**
 * Which document of the tab sent a message: Chrome's `documentId` (a new one per navigation or
 * reload), else the sender's frame and origin (a browser without document ids binds per origin).
 * @example
 * documentKey({ documentId: 'A1', url: 'https://fxg.jinritemai.com/x' }); // 'doc:A1'
 */
export function documentKey(sender: SenderInfo): string | undefined {
  if (typeof sender.documentId === 'string' && sender.documentId) return `doc:${sender.documentId}`;
  if (typeof sender.url !== 'string') return undefined;
  try {
    return `url:${sender.frameId ?? 0}:${new URL(sender.url).origin}`;
  } catch {
    return undefined;
  }
}

/**
 * Check the shop a content request names. Rules: the shop's platform is the page's
 * (`forbidden-sender` otherwise; the demo origin serves all); the page's first report binds the
 * tab's document, a later one naming another shop is `wrong-shop`; a failed binding is
 * `storage` (not applied). Without `bindTab` (unit tests of other checks) no binding is enforced.
 * @example
 * await checkContentShop({ platform: 'jd', shopId: 's' }, { url: 'https://fxg.jinritemai.com/x' }, false);
 * // { ok: false, code: 'forbidden-sender', reason: "jd request from another platform's page", audited: true }
 */
export async function checkContentShop(
  shop: ShopRef,
  sender: SenderInfo,
  allowDemo: boolean,
  bindTab?: BindTab,
): Promise<ShopCheck> {
  // A content script speaks only for the platform whose back-office it runs on.
  const site = platformOfUrl(sender.url ?? '', allowDemo);
  if (site !== 'demo' && site !== shop.platform) {
    return {
      ok: false,
      code: 'forbidden-sender',
      reason: `${shop.platform} request from another platform's page`,
      audited: true,
    };
  }
  // A content script writes only to the ledger of the shop its tab's page is on: the page's
  // first report binds the document, a later one naming another shop is refused.
  const tabId = sender.tab?.id;
  const document = documentKey(sender);
  if (bindTab && tabId !== undefined && document !== undefined) {
    let bound: ShopRef;
    try {
      bound = await bindTab(tabId, document, shop);
    } catch {
      return {
        ok: false,
        code: 'storage',
        reason: 'storage failed: the request was not applied',
        audited: false,
      };
    }
    if (!shopAllowed(bound, shop))
      return {
        ok: false,
        code: 'wrong-shop',
        reason: "request for a shop other than the one this tab's page is on",
        audited: true,
      };
  }
  return { ok: true };
}
