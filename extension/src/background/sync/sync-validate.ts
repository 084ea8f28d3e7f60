/**
 * Validators of the sync messages (messages/sync.ts), in the style of validate.ts: every field
 * type-checked and bounded, the request rebuilt from known fields only. The server URL and the
 * pairing code are only bounded here; their grammar is core's (`checkServerUrl`,
 * `decodePairingCode`), whose typed errors the handler returns.
 * @module
 */
import {
  MAX_COUCH_PASSWORD_CHARS,
  MAX_COUCH_USER_CHARS,
  MAX_PAIRING_CODE_CHARS,
  MAX_SERVER_URL_CHARS,
} from '@shipmask/core';
import type { SyncRequest } from '../../messages/sync';

/** Sync request types: extension pages only (the popup), never content scripts. */
export const syncRequestTypes = {
  'sync/status': 'page',
  'sync/start': 'page',
  'sync/join': 'page',
  'sync/code': 'page',
  'sync/now': 'page',
  'sync/rotate': 'page',
  'sync/credentials': 'page',
  'sync/leave': 'page',
} as const satisfies Record<SyncRequest['type'], 'page'>;

export type SyncRequestType = keyof typeof syncRequestTypes;

/**
 * Bounds: a pairing code (core), a station label 40; user name and password in UTF-16 units
 * (core counts characters: at most two units each).
 */
export const SYNC_LIMITS = {
  code: MAX_PAIRING_CODE_CHARS,
  label: 40,
  serverUrl: MAX_SERVER_URL_CHARS,
  user: 2 * MAX_COUCH_USER_CHARS,
  password: 2 * MAX_COUCH_PASSWORD_CHARS,
} as const;

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
  // Optional credentials: absent stays absent; present must be a bounded string (may be empty).
  const creds = (): { user?: string; password?: string } => ({
    ...(o['user'] !== undefined ? { user: str(o['user'], 'user', SYNC_LIMITS.user, 0) } : {}),
    ...(o['password'] !== undefined
      ? { password: str(o['password'], 'password', SYNC_LIMITS.password, 0) }
      : {}),
  });
  switch (type) {
    case 'sync/start':
      return {
        type,
        serverUrl: str(o['serverUrl'], 'serverUrl', SYNC_LIMITS.serverUrl, 1),
        label: str(o['label'], 'label', SYNC_LIMITS.label, 1),
        ...creds(),
      };
    case 'sync/rotate':
      return { type, ...creds() };
    case 'sync/credentials':
      return {
        type,
        user: str(o['user'], 'user', SYNC_LIMITS.user, 0),
        password: str(o['password'], 'password', SYNC_LIMITS.password, 0),
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
