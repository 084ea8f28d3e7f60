/**
 * 平台打单 from the print page (issue 16): find the shop's order-list tab and ask its content
 * script to tick the rows of the given orders (content/platform-tick.ts), then bring that tab to
 * the front so the merchant clicks the platform's own 批量打印 there. Tabs are found by the
 * back-office origins the extension already has host access to (no `tabs` permission); the
 * content script answers only for its own shop.
 * @module
 */
import type { TickReply } from '../messages/print';
import type { ShopRef } from '../messages/shared';
import { allBackOfficeMatches, demoMatches } from '../origins';

/** What ticking gave, or why nothing was ticked. */
export type PlatformTick =
  | Extract<TickReply, { ok: true }>
  | { readonly ok: false; readonly reason: 'no-tab' | Extract<TickReply, { ok: false }>['reason'] };

/** What this module needs of the browser (tests pass a fake). */
export interface TabsApi {
  query(q: { url: string[] }): Promise<{ id?: number; windowId?: number }[]>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
  update(tabId: number, props: { active: boolean }): Promise<unknown>;
}

const isReply = (x: unknown): x is TickReply =>
  typeof x === 'object' && x !== null && typeof (x as { ok?: unknown }).ok === 'boolean';

/**
 * Tick `orderIds` on the shop's order-list tab: every back-office tab is asked in turn; the first
 * that answers for this shop wins and is activated. Rule: nothing is clicked but row checkboxes
 * (the content script's rule); the platform's print control is left to the merchant.
 * @example
 * await tickOnPlatform({ platform: 'douyin', shopId: 'dy1' }, ['6920…']); // { ok: true, ticked: ['6920…'], … }
 */
export async function tickOnPlatform(
  shop: ShopRef,
  orderIds: readonly string[],
  tabs: TabsApi = browser.tabs,
): Promise<PlatformTick> {
  let found: PlatformTick = { ok: false, reason: 'no-tab' };
  // Dev and test builds also reach the demo back-offices on 127.0.0.1 (as the manifest does).
  const url =
    import.meta.env.MODE === 'production'
      ? [...allBackOfficeMatches]
      : [...allBackOfficeMatches, ...demoMatches];
  const all = await tabs.query({ url }).catch(() => []);
  for (const tab of all) {
    if (tab.id === undefined) continue;
    const reply = await tabs
      .sendMessage(tab.id, { type: 'platform-print/tick', shop, orderIds: [...orderIds] })
      .catch(() => undefined);
    if (!isReply(reply)) continue;
    if (reply.ok) {
      await tabs.update(tab.id, { active: true }).catch(() => undefined);
      return reply;
    }
    if (found.ok === false && found.reason === 'no-tab') found = reply;
  }
  return found;
}
