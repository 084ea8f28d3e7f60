/**
 * Validators of the sync messages (messages/sync.ts), in the style of validate.ts: every field
 * type-checked and bounded, the request rebuilt from known fields only. The server URL and the
 * pairing code are only bounded here; their grammar is core's (`checkServerUrl`,
 * `decodePairingCode`), whose typed errors the handler returns.
 * @module
 */
import { MAX_SERVER_URL_CHARS } from '@shipmask/core';
import type { SyncRequest } from '../../messages/sync';

/** Sync request types: extension pages only (the popup), never content scripts. */
export const syncRequestTypes = {
  'sync/status': 'page',
  'sync/start': 'page',
  'sync/join': 'page',
  'sync/code': 'page',
  'sync/now': 'page',
  'sync/rotate': 'page',
  'sync/leave': 'page',
} as const satisfies Record<SyncRequest['type'], 'page'>;

export type SyncRequestType = keyof typeof syncRequestTypes;

/** Bounds: a pairing code is at most 1,200 characters (core), a station label 40. */
export const SYNC_LIMITS = { code: 1200, label: 40, serverUrl: MAX_SERVER_URL_CHARS } as const;

/**
 * Whether `type` is a sync request type.
 * @example
 * isSyncType('sync/now'); // true
 */
export function isSyncType(type: string): type is SyncRequestType {
  return Object.prototype.hasOwnProperty.call(syncRequestTypes, type);
}

type Str = (v: unknown, path: string, max?: number, min?: number) => string;

/**
 * Rebuild a sync request of a known type; `str` throws the caller's `Invalid`.
 * @example
 * syncRequest({ type: 'sync/join', code: 'SM-…', label: '2' }, 'sync/join', str);
 */
export function syncRequest(o: Record<string, unknown>, type: SyncRequestType, str: Str): SyncRequest {
  switch (type) {
    case 'sync/start':
      return {
        type,
        serverUrl: str(o['serverUrl'], 'serverUrl', SYNC_LIMITS.serverUrl, 1),
        label: str(o['label'], 'label', SYNC_LIMITS.label, 1),
      };
    case 'sync/join':
      return {
        type,
        code: str(o['code'], 'code', SYNC_LIMITS.code, 1),
        label: str(o['label'], 'label', SYNC_LIMITS.label, 1),
      };
    default:
      return { type };
  }
}
