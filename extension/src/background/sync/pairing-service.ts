/**
 * Joining a shop's sync (issue 22, deliver 3): the first station makes a new shop sync key for
 * the merchant's CouchDB URL and shows the pairing code (core `encodePairingCode`, also drawn as a
 * QR code); every other station enters or scans it. The configuration (server URL, sync key, this
 * station's random id and the label the merchant gives it, e.g. "2") is kept in the sync mirror's
 * meta, owned by the background like the other keys (`hmacKey`, `gateKey`).
 *
 * Switching to another key or server clears the mirror first: revisions sealed for one shop key
 * must never be pushed under another, and the pull must start again from 0 (documents skipped as
 * `wrong-key` before the switch are read again after it).
 *
 * The shop's CouchDB user name and password (core credentials.ts; optional: an open database or a
 * proxy needs none) are part of the configuration: typed on the first station, carried by the
 * pairing code (version 2), stored with the sync key in the mirror's meta (IndexedDB of the
 * extension origin, opened by the background only: content scripts and pages never read it),
 * sent only as an `Authorization` header (couch-client.ts), never written to a sync document, a
 * URL, a log or an error. Changing only the credentials keeps the mirror (same key, same server);
 * rotating the key keeps them unless new ones are given; leaving clears them with the mirror.
 * @module
 */
import {
  SYNC_KEY_BYTES,
  basicAuthorization,
  checkCredentials,
  checkServerUrl,
  decodePairingCode,
  deriveSyncKeys,
  encodePairingCode,
  newSyncKey,
  type CouchCredentials,
  type PairingErrorCode,
  type SyncStation,
} from '@shipmask/core';
import type { SyncLocalStore } from '../../storage/sync-store';
import { CouchClient } from './couch-client';
import { SyncEngine } from './engine';

/** A station's sync configuration. */
export interface SyncConfig {
  readonly serverUrl: string;
  readonly syncKey: Uint8Array;
  readonly station: SyncStation;
  readonly pairedAt: number;
  /** The shop's CouchDB user; absent for an open database. */
  readonly credentials?: CouchCredentials;
}

/** Credentials as the popup sends them: both empty (or absent) means none. */
export interface CredentialsInput {
  readonly user?: string;
  readonly password?: string;
}

/** Why pairing failed: the pairing code's and URL's typed errors, or a bad station label. */
export type PairingFailure = PairingErrorCode | 'bad-label' | 'random-failed';

/** Result of the pairing functions. */
export type PairingOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PairingFailure };

const CONFIG = 'config';
const LABEL = /^[^\p{Cc}\p{Cs}<>]{1,40}$/u;

/**
 * Check typed credentials: none when both fields are empty, else both must pass core's rules.
 * @example
 * credentialsOf({ user: 'shop1', password: 'pw' }); // { ok: true, value: { user: 'shop1', password: 'pw' } }
 * credentialsOf({}); // { ok: true, value: undefined }
 */
export function credentialsOf(input: CredentialsInput): PairingOutcome<CouchCredentials | undefined> {
  const user = input.user ?? '';
  const password = input.password ?? '';
  if (user === '' && password === '') return { ok: true, value: undefined };
  const c = checkCredentials(user, password);
  return c.ok ? c : { ok: false, error: c.error.code };
}

function station(label: string, random: (n: number) => Uint8Array): PairingOutcome<SyncStation> {
  const l = label.trim();
  if (!LABEL.test(l)) return { ok: false, error: 'bad-label' };
  const b = random(6);
  if (b.length !== 6) return { ok: false, error: 'random-failed' };
  return {
    ok: true,
    value: { id: `st-${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}`, label: l },
  };
}

/**
 * The first station of a shop: a new sync key for this server (and its CouchDB user, if any).
 * @example
 * startShop('https://couch.example.com/shipmask-s1', '1', random, Date.now(), { user: 'shop1', password: 'pw' });
 * // { ok: true, value: { config, code: 'SM-…' } }
 */
export function startShop(
  serverUrl: string,
  label: string,
  random: (n: number) => Uint8Array,
  now: number,
  credentials: CredentialsInput = {},
): PairingOutcome<{ config: SyncConfig; code: string }> {
  const url = checkServerUrl(serverUrl);
  if (!url.ok) return { ok: false, error: url.error.code };
  const creds = credentialsOf(credentials);
  if (!creds.ok) return creds;
  const syncKey = newSyncKey(random);
  if (!syncKey) return { ok: false, error: 'random-failed' };
  const st = station(label, random);
  if (!st.ok) return st;
  const config: SyncConfig = {
    serverUrl: url.value.url,
    syncKey,
    station: st.value,
    pairedAt: now,
    ...(creds.value ? { credentials: creds.value } : {}),
  };
  const code = encodePairingCode(config);
  if (!code.ok) return { ok: false, error: code.error.code };
  return { ok: true, value: { config, code: code.value } };
}

/**
 * Another station joins with the code the first one shows.
 * @example
 * joinShop('SM-0G00-…', '2', random, Date.now()); // { ok: false, error: 'checksum' } for a typo
 */
export function joinShop(
  code: string,
  label: string,
  random: (n: number) => Uint8Array,
  now: number,
): PairingOutcome<SyncConfig> {
  const p = decodePairingCode(code);
  if (!p.ok) return { ok: false, error: p.error.code };
  const st = station(label, random);
  if (!st.ok) return st;
  return {
    ok: true,
    value: {
      serverUrl: p.value.serverUrl,
      syncKey: p.value.syncKey,
      station: st.value,
      pairedAt: now,
      ...(p.value.credentials ? { credentials: p.value.credentials } : {}),
    },
  };
}

/**
 * The pairing code of a configuration (to show it again for the next station; it carries the
 * credentials too).
 * @example
 * pairingCodeOf(config); // 'SM-…'
 */
export function pairingCodeOf(config: SyncConfig): string | undefined {
  const r = encodePairingCode(config);
  return r.ok ? r.value : undefined;
}

/** The stored configuration, checked again (storage is read as untrusted), or `undefined`. */
export async function loadConfig(store: SyncLocalStore): Promise<SyncConfig | undefined> {
  const c = await store.getMeta<Record<string, unknown>>(CONFIG);
  if (!c || typeof c !== 'object') return undefined;
  const { serverUrl, syncKey, station: st, pairedAt, credentials } = c;
  if (typeof serverUrl !== 'string' || !checkServerUrl(serverUrl).ok) return undefined;
  if (!(syncKey instanceof Uint8Array) || syncKey.length !== SYNC_KEY_BYTES) return undefined;
  if (typeof st !== 'object' || st === null) return undefined;
  const { id, label } = st as Record<string, unknown>;
  if (
    typeof id !== 'string' ||
    !/^st-[0-9a-f]{12}$/u.test(id) ||
    typeof label !== 'string' ||
    !LABEL.test(label)
  )
    return undefined;
  if (typeof pairedAt !== 'number') return undefined;
  let creds: CouchCredentials | undefined;
  if (credentials !== undefined) {
    if (typeof credentials !== 'object' || credentials === null) return undefined;
    const { user, password } = credentials as Record<string, unknown>;
    const checked = checkCredentials(user, password);
    if (!checked.ok) return undefined;
    creds = checked.value;
  }
  return { serverUrl, syncKey, station: { id, label }, pairedAt, ...(creds ? { credentials: creds } : {}) };
}

/**
 * Store a configuration. Another key or server clears the mirror first (see the module rule);
 * the same key and server (a new label) keep it. Returns whether the mirror was cleared.
 * @example
 * await saveConfig(store, config); // false the first time on an empty mirror
 */
export async function saveConfig(store: SyncLocalStore, config: SyncConfig): Promise<boolean> {
  const old = await loadConfig(store);
  const same =
    old !== undefined &&
    old.serverUrl === config.serverUrl &&
    old.syncKey.length === config.syncKey.length &&
    old.syncKey.every((b, i) => b === config.syncKey[i]);
  const cleared = !same && (await store.all()).length > 0;
  if (!same) await store.clear();
  await store.setMeta(CONFIG, {
    serverUrl: config.serverUrl,
    syncKey: Uint8Array.from(config.syncKey),
    station: config.station,
    pairedAt: config.pairedAt,
    ...(config.credentials
      ? { credentials: { user: config.credentials.user, password: config.credentials.password } }
      : {}),
  });
  return cleared;
}

/**
 * The engine of a configuration.
 * @example
 * const engine = engineFor(config, store, fetch.bind(globalThis), random, () => Date.now());
 */
export function engineFor(
  config: SyncConfig,
  store: SyncLocalStore,
  fetcher: (input: string, init?: RequestInit) => Promise<Response>,
  random: (n: number) => Uint8Array,
  now: () => number,
): SyncEngine | undefined {
  const keys = deriveSyncKeys(config.syncKey);
  if (!keys.ok) return undefined;
  return new SyncEngine({
    keys: keys.keys,
    client: new CouchClient(
      config.serverUrl,
      fetcher,
      config.credentials ? { authorization: basicAuthorization(config.credentials) } : {},
    ),
    store,
    station: config.station,
    random,
    now,
  });
}
