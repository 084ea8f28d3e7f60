/**
 * The background's message router: every message is checked for its sender, its type and its
 * shape before a handler sees it, and every outcome is a `Reply` (a typed error, never a throw).
 *
 * Order of checks: sender (unknown senders learn nothing more), then type (`unknown-type`), then
 * whether this sender may send this type, then the shape (`invalid-message`), then invariant 1
 * for orders (`invalid-message`: plaintext is never stored).
 * @module
 */
import { GateHeld } from './gate-service';
import type { MessageErrorCode, PageRequest, Reply } from '../messages';
import { platformOfUrl, senderKind, type SenderInfo, type SenderKind, type SenderPolicy } from './sender';
import { plaintextIn, requestTypes, validateRequest, type RequestType } from './validate';

/** Who sent a validated request. */
export interface RequestContext {
  readonly kind: SenderKind;
  /** The sender's tab, for content scripts (extension pages opened in a tab have one too). */
  readonly tabId?: number;
}

/** One handler per request type. */
export type Handlers = {
  readonly [K in RequestType]: (
    request: Extract<PageRequest, { type: K }>,
    context: RequestContext,
  ) => Promise<unknown>;
};

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
      // A content script speaks only for the platform whose back-office it runs on.
      const site = platformOfUrl(sender.url ?? '', options.policy.allowDemo);
      if (site !== 'demo' && site !== request.shop.platform) {
        return refuse(
          'forbidden-sender',
          message,
          `${request.shop.platform} request from another platform's page`,
        );
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
      return { ok: true, value: await handler(request, { kind, ...(tabId !== undefined ? { tabId } : {}) }) };
    } catch (e) {
      if (e instanceof GateHeld) return err('held', e.message);
      const code = classify(e);
      return err(code, code === 'storage' ? 'storage failed: the request was not applied' : 'internal error');
    }
  };
}
