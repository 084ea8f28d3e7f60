/**
 * Validators of the taught-adapter messages (messages/adapter.ts), in the style of validate.ts.
 * A saved adapter is checked in full by `checkTaughtAdapter` (the same check an imported file
 * gets); an imported file travels as text, bounded here and parsed by the handler, which answers
 * a bad file with a typed result.
 * @module
 */
import type { AdapterRequest } from '../../messages/adapter';
import { TAUGHT_LIMITS, TaughtAdapterError, checkTaughtAdapter } from '../../adapters/taught/record';

/** Taught-adapter request types: sent by the overlay (content scripts). */
export const adapterRequestTypes = {
  'adapters/get': 'content',
  'adapters/save': 'content',
  'adapters/import': 'content',
  'adapters/delete': 'content',
} as const satisfies Record<AdapterRequest['type'], 'content'>;

export type AdapterRequestType = keyof typeof adapterRequestTypes;

/** Whether `type` is a taught-adapter request type. */
export function isAdapterType(type: string): type is AdapterRequestType {
  return Object.prototype.hasOwnProperty.call(adapterRequestTypes, type);
}

/** A file's text may be refused as too large by the handler (a typed result) up to this size. */
export const IMPORT_TEXT_MAX = TAUGHT_LIMITS.file * 4;

type Fail = (path: string, what: string) => never;

/**
 * Rebuild a taught-adapter request of a known type; `fail` throws the caller's `Invalid`.
 * @example
 * adapterRequest({ type: 'adapters/get', host: 'fxg.jinritemai.com' }, 'adapters/get', fail);
 */
export function adapterRequest(
  o: Record<string, unknown>,
  type: AdapterRequestType,
  fail: Fail,
): AdapterRequest {
  const host = (v: unknown): string => {
    if (typeof v !== 'string' || v.length === 0 || v.length > TAUGHT_LIMITS.host)
      return fail('host', 'expected a host name');
    return v;
  };
  switch (type) {
    case 'adapters/get':
    case 'adapters/delete':
      return { type, host: host(o.host) };
    case 'adapters/save':
      try {
        return { type, adapter: checkTaughtAdapter(o.adapter) };
      } catch (e) {
        if (e instanceof TaughtAdapterError) return fail('adapter', e.message);
        throw e;
      }
    case 'adapters/import':
      if (typeof o.text !== 'string') return fail('text', 'expected a string');
      if (o.text.length > IMPORT_TEXT_MAX) return fail('text', `longer than ${IMPORT_TEXT_MAX}`);
      return { type, text: o.text };
  }
}
