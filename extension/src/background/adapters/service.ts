/**
 * The background's taught-adapter handlers (issue 15, item 5). A content script speaks only for
 * its own page: it may read, save, import or delete the taught adapter of the host it runs on,
 * for the platform of that host (the router checks the sender; `hostOf` here).
 * @module
 */
import type { AdapterImportResult, AdapterReplyValues, AdapterRequest } from '../../messages/adapter';
import { TaughtAdapterError, parseTaughtFile } from '../../adapters/taught/record';
import type { Store } from '../../storage';
import { deleteTaughtAdapter, getTaughtAdapter, putTaughtAdapter } from '../../storage/adapter-store';
import type { RequestContext } from '../shared/handlers';
import { HandlerRefusal } from '../shared/refusal';

type AdapterHandlers = {
  readonly [K in AdapterRequest['type']]: (
    request: Extract<AdapterRequest, { type: K }>,
    context: RequestContext,
  ) => Promise<AdapterReplyValues[K]>;
};

/** The sender page's host name ('' when unknown). */
function hostOf(ctx: RequestContext): string {
  try {
    return ctx.url ? new URL(ctx.url).hostname : '';
  } catch {
    return '';
  }
}

/** A refusal the router turns into `forbidden-sender`. */
export class WrongHostError extends HandlerRefusal {
  override readonly name = 'WrongHostError';
  constructor(message: string) {
    super('forbidden-sender', message, true);
  }
}

function ownHost(host: string, ctx: RequestContext): void {
  if (ctx.kind === 'content' && hostOf(ctx) !== host)
    throw new WrongHostError(`${host} is not this page's host`);
}

/**
 * Build the taught-adapter handlers over a store.
 * @example
 * const handlers = adapterHandlers({ store });
 * await handlers['adapters/get']({ type: 'adapters/get', host: 'fxg.jinritemai.com' }, ctx);
 */
export function adapterHandlers(options: { readonly store: Store }): AdapterHandlers {
  const { store } = options;
  return {
    async 'adapters/get'(req, ctx) {
      ownHost(req.host, ctx);
      return (await getTaughtAdapter(store, req.host)) ?? null;
    },
    async 'adapters/save'(req, ctx) {
      ownHost(req.adapter.host, ctx);
      await putTaughtAdapter(store, req.adapter);
      return req.adapter;
    },
    async 'adapters/import'(req, ctx): Promise<AdapterImportResult> {
      let adapter;
      try {
        adapter = parseTaughtFile(req.text);
      } catch (e) {
        if (e instanceof TaughtAdapterError) return { ok: false, code: e.code, message: e.message };
        throw e;
      }
      const host = hostOf(ctx);
      if (ctx.kind === 'content' && adapter.host !== host)
        return {
          ok: false,
          code: 'wrong-host',
          message: `the file is for ${adapter.host}, this page is ${host}`,
        };
      await putTaughtAdapter(store, adapter);
      return { ok: true, adapter };
    },
    async 'adapters/delete'(req, ctx) {
      ownHost(req.host, ctx);
      return deleteTaughtAdapter(store, req.host);
    },
  };
}
