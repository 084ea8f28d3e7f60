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
import type { MessageErrorCode, Reply } from '../messages/shared';
import type { Handlers, RequestContext } from './shared/handlers';
import { HandlerRefusal } from './shared/refusal';
import { senderKind, type SenderInfo, type SenderPolicy } from './shared/sender';
import { checkContentShop, type BindTab } from './shops/content-shop';
import { plaintextRefusal } from './orders/plaintext';
import { requestTypes, validateRequest } from './validate';

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
  readonly bindTab?: BindTab;
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
      const shop = await checkContentShop(request.shop, sender, options.policy.allowDemo, options.bindTab);
      if (!shop.ok)
        return shop.audited ? refuse(shop.code, message, shop.reason) : err(shop.code, shop.reason);
    }
    const plaintext = plaintextRefusal(request);
    if (plaintext) return refuse('invalid-message', message, plaintext);
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
