/**
 * The shape every feature's handlers take: one async function per request type, given the
 * validated request and who sent it. Features build their part (`Pick<Handlers, …>`); router.ts
 * and service.ts only put the parts together.
 * @module
 */
import type { PageRequest } from '../../messages/index';
import type { ShopRef } from '../../messages/shared';
import type { SenderKind } from './sender';

/** Who sent a validated request. */
export interface RequestContext {
  readonly kind: SenderKind;
  /** The sender's tab, for content scripts (extension pages opened in a tab have one too). */
  readonly tabId?: number;
  /** The sender's URL (a content script's page), for requests bound to the page's host. */
  readonly url?: string;
}

/** One handler per request type. */
export type Handlers = {
  readonly [K in PageRequest['type']]: (
    request: Extract<PageRequest, { type: K }>,
    context: RequestContext,
  ) => Promise<unknown>;
};

/**
 * Remember the shop a content script's tab reported (extension pages in a tab are not shops):
 * what the orders and quota handlers call first (`tabNoter` in shops/service.ts builds it).
 */
export type NoteTab = (shop: ShopRef, ctx: RequestContext) => Promise<void>;
