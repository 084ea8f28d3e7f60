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
 * @module
 */
import {
  SYNC_KEY_BYTES,
  checkServerUrl,
  decodePairingCode,
  deriveSyncKeys,
  encodePairingCode,
  newSyncKey,
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
}

/** Why pairing failed: the pairing code's and URL's typed errors, or a bad station label. */
export type PairingFailure = PairingErrorCode | 'bad-label' | 'random-failed';

/** Result of the pairing functions. */
export type PairingOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PairingFailure };

const CONFIG = 'config';
const LABEL = /^[^\p{Cc}\p{Cs}<>]{1,40}$/u;

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
 * The first station of a shop: a new sync key for this server.
 * @example
 * startShop('https://couch.example.com/shipmask-s1', '1', random, Date.now());
 * // { ok: true, value: { config, code: 'SM-…' } }
 */
export function startShop(
  serverUrl: string,
  label: string,
  random: (n: number) => Uint8Array,
  now: number,
): PairingOutcome<{ config: SyncConfig; code: string }> {
  const url = checkServerUrl(serverUrl);
  if (!url.ok) return { ok: false, error: url.error.code };
  const syncKey = newSyncKey(random);
  if (!syncKey) return { ok: false, error: 'random-failed' };
  const st = station(label, random);
  if (!st.ok) return st;
  const config = { serverUrl: url.value.url, syncKey, station: st.value, pairedAt: now };
  const code = encodePairingCode({ syncKey, serverUrl: url.value.url });
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
    value: { serverUrl: p.value.serverUrl, syncKey: p.value.syncKey, station: st.value, pairedAt: now },
  };
}

/**
 * The pairing code of a configuration (to show it again for the next station).
 * @example
 * pairingCodeOf(config); // 'SM-…'
 */
export function pairingCodeOf(config: SyncConfig): string | undefined {
  const r = encodePairingCode({ syncKey: config.syncKey, serverUrl: config.serverUrl });
  return r.ok ? r.value : undefined;
}

/** The stored configuration, checked again (storage is read as untrusted), or `undefined`. */
export async function loadConfig(store: SyncLocalStore): Promise<SyncConfig | undefined> {
  const c = await store.getMeta<Record<string, unknown>>(CONFIG);
  if (!c || typeof c !== 'object') return undefined;
  const { serverUrl, syncKey, station: st, pairedAt } = c;
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
  return { serverUrl, syncKey, station: { id, label }, pairedAt };
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
  await store.setMeta(CONFIG, { ...config, syncKey: Uint8Array.from(config.syncKey) });
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
    client: new CouchClient(config.serverUrl, fetcher),
    store,
    station: config.station,
    random,
    now,
  });
}
