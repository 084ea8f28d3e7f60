/**
 * The background's message router: every message is checked for its sender, its type and its
 * shape before a handler sees it, and every outcome is a `Reply` (a typed error, never a throw).
 *
 * Order of checks: sender (unknown senders learn nothing more), then type (`unknown-type`), then
 * whether this sender may send this type, then the shape (`invalid-message`), then the platform
 * and shop a content script may speak for (`forbidden-sender`, `wrong-shop`), then invariant 1
 * for orders (`invalid-message`: plaintext is never stored).
 * @module
 */
import type { PageRequest } from '../messages/index';
import type { MessageErrorCode, Reply, ShopRef } from '../messages/shared';
import type { Handlers, RequestContext } from './shared/handlers';
import { HandlerRefusal } from './shared/refusal';
import { platformOfUrl, senderKind, type SenderInfo, type SenderPolicy } from './shared/sender';
import { shopAllowed } from './shops/tab-shops';
import { plaintextIn, requestTypes, validateRequest } from './validate';

/** A refused message, for the audit log (never its content). */
export interface Refusal {
  readonly code: MessageErrorCode;
  readonly type: string | undefined;
  readonly reason: string;
}

export interface RouterOptions {
  readonly policy: SenderPolicy;
  readonly handlers: Handlers;
  readonly onRefused?: (refusal: Refusal) => void;
  /** Classify a handler failure: `storage` for IndexedDB errors, else `internal`. */
  readonly classifyError?: (error: unknown) => MessageErrorCode;
  /**
   * Bind a content script's tab document to the shop of its first report and return the bound
   * shop (`TabShops.bind`). Without it (unit tests of other checks) no binding is enforced.
   */
  readonly bindTab?: (tabId: number, document: string, shop: ShopRef) => Promise<ShopRef>;
}

export type Route = (message: unknown, sender: SenderInfo) => Promise<Reply<unknown>>;

const err = (code: MessageErrorCode, message: string): Reply<never> => ({
  ok: false,
  error: { code, message },
});

/** IndexedDB failures surface as DOMExceptions with these names. */
const STORAGE_ERRORS = new Set([
  'AbortError',
  'ConstraintError',
  'DataError',
  'InvalidStateError',
  'NotFoundError',
  'QuotaExceededError',
  'TransactionInactiveError',
  'UnknownError',
  'VersionError',
  'ReadOnlyError',
  'DataCloneError',
]);

/** `storage` for IndexedDB errors, `internal` for anything else. */
export function defaultClassifyError(error: unknown): MessageErrorCode {
  const name = typeof error === 'object' && error !== null && 'name' in error ? (error as Error).name : '';
  return STORAGE_ERRORS.has(name) ? 'storage' : 'internal';
}

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

function typeOf(message: unknown): string | undefined {
  try {
    if (typeof message === 'object' && message !== null && 'type' in message) {
      const t = message.type;
      return typeof t === 'string' ? t.slice(0, 60) : undefined;
    }
  } catch {
    // A hostile getter: no type.
  }
  return undefined;
}

/**
 * Build the router. The returned function never rejects.
 * @example
 * const route = createRouter({ policy, handlers });
 * await route({ type: 'shops/list' }, popupSender); // { ok: true, value: [...] }
 */
export function createRouter(options: RouterOptions): Route {
  const classify = options.classifyError ?? defaultClassifyError;
  const refuse = (code: MessageErrorCode, message: unknown, reason: string): Reply<never> => {
    try {
      options.onRefused?.({ code, type: typeOf(message), reason });
    } catch {
      // Auditing a refusal must not turn it into a crash.
    }
    return err(code, reason);
  };

  return async (message, sender) => {
    const kind = senderKind(sender ?? {}, options.policy);
    if (!kind) return refuse('forbidden-sender', message, 'sender is not a shipmask context');
    const checked = validateRequest(message);
    if (!checked.ok) return refuse(checked.code, message, checked.message);
    const request = checked.value;
    if (requestTypes[request.type] === 'page' && kind !== 'page') {
      return refuse('forbidden-sender', message, `${request.type} is for extension pages only`);
    }
    if (kind === 'content' && 'shop' in request) {
      // A content script speaks only for the platform whose back-office it runs on.
      const site = platformOfUrl(sender.url ?? '', options.policy.allowDemo);
      if (site !== 'demo' && site !== request.shop.platform) {
        return refuse(
          'forbidden-sender',
          message,
          `${request.shop.platform} request from another platform's page`,
        );
      }
      // A content script writes only to the ledger of the shop its tab's page is on: the page's
      // first report binds the document, a later one naming another shop is refused.
      const tabId = sender.tab?.id;
      const document = documentKey(sender);
      if (options.bindTab && tabId !== undefined && document !== undefined) {
        let bound: ShopRef;
        try {
          bound = await options.bindTab(tabId, document, request.shop);
        } catch {
          return err('storage', 'storage failed: the request was not applied');
        }
        if (!shopAllowed(bound, request.shop))
          return refuse('wrong-shop', message, "request for a shop other than the one this tab's page is on");
      }
    }
    if (request.type === 'orders/seen') {
      for (const order of request.orders) {
        const where = plaintextIn(order);
        if (where) return refuse('invalid-message', message, `order carries plaintext: ${where}`);
      }
    }
    try {
      const handler = options.handlers[request.type] as (
        r: PageRequest,
        c: RequestContext,
      ) => Promise<unknown>;
      const tabId = sender.tab?.id;
      const context: RequestContext = {
        kind,
        ...(tabId !== undefined ? { tabId } : {}),
        ...(typeof sender.url === 'string' ? { url: sender.url } : {}),
      };
      return { ok: true, value: await handler(request, context) };
    } catch (e) {
      // A feature's typed refusal (the gate held orders, a page named another host).
      if (e instanceof HandlerRefusal)
        return e.audited ? refuse(e.code, message, e.message) : err(e.code, e.message);
      const code = classify(e);
      return err(code, code === 'storage' ? 'storage failed: the request was not applied' : 'internal error');
    }
  };
}
