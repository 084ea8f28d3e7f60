/**
 * `send(request)`: the one way content scripts and extension pages talk to the background.
 * `browser.runtime.sendMessage` wrapped so it always resolves to a typed `Reply`: a reply that
 * does not have the `Reply` shape is `internal`; a background that cannot be reached (the
 * extension was reloaded or updated and this context is orphaned) is `unreachable`.
 * @module
 */
import type { PageRequest, ReplyOf } from './messages/index';
import type { MessageErrorCode, Reply } from './messages/shared';

/** Whether `value` has the `Reply` shape. */
export function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { ok?: unknown; value?: unknown; error?: unknown };
  if (r.ok === true) return 'value' in r;
  if (r.ok !== false || typeof r.error !== 'object' || r.error === null) return false;
  const e = r.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}

const failure = (code: MessageErrorCode, message: string): Reply<never> => ({
  ok: false,
  error: { code, message },
});

/** The transport; the default is `browser.runtime.sendMessage` (tests pass their own). */
export type Transport = (message: unknown) => Promise<unknown>;

/**
 * Send one request to the background. Never rejects.
 * @example
 * const reply = await send({ type: 'quota/status', shop: { platform: 'wechat', shopId: 'demo' } });
 * if (reply.ok) console.log(reply.value.remaining);
 * else if (reply.error.code === 'unreachable') showOffline();
 */
export async function send<R extends PageRequest>(
  request: R,
  transport: Transport = (m) => browser.runtime.sendMessage(m),
): Promise<Reply<ReplyOf<R>>> {
  let reply: unknown;
  try {
    reply = await transport(request);
  } catch (e) {
    return failure('unreachable', e instanceof Error ? e.message : 'background unreachable');
  }
  if (reply === undefined) return failure('unreachable', 'no reply from the background');
  return isReply(reply) ? (reply as Reply<ReplyOf<R>>) : failure('internal', 'malformed reply');
}
