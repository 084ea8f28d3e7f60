// Dump everything the extension has stored, for the plaintext scans of the e2e suite (invariant 1:
// no seeded buyer plaintext may reach IndexedDB or extension storage).
//
// Evaluated inside the extension's service worker with playwright's `worker.evaluate`. The script
// is a plain JavaScript string, not a TypeScript function: a function would be serialised with
// whatever helpers the test transpiler injects (e.g. esbuild's `__name`), which do not exist in
// the worker.
import type { Worker } from 'playwright-core';

/**
 * The dump, as the script returns it (before `JSON.stringify`).
 * - `indexedDB`: every database `indexedDB.databases()` lists, every store, every record with its
 *   key; binary values appear as `{ $bytes: <hex>, $utf8: <lossy UTF-8 decoding> }` so text hidden
 *   in bytes is still scanned; Blobs as `{ $blob: type, $text }`; Maps and Sets as entries.
 * - `storage`: `chrome.storage.local`, `.sync` and `.session` (each `null` if unavailable).
 * - `caches`: Cache Storage request URLs and response bodies (the extension should have none).
 */
export interface StorageDump {
  readonly indexedDB: readonly {
    readonly name: string;
    readonly version: number;
    readonly stores: readonly {
      readonly name: string;
      readonly keyPath: unknown;
      readonly indexes: readonly string[];
      readonly records: readonly { readonly key: unknown; readonly value: unknown }[];
    }[];
  }[];
  readonly storage: {
    readonly local: unknown;
    readonly sync: unknown;
    readonly session: unknown;
  };
  readonly caches: readonly { readonly cache: string; readonly url: string; readonly body: string }[];
  readonly errors: readonly string[];
}

/** The script evaluated in the service worker; resolves to the dump as a JSON string. */
export const DUMP_SCRIPT = String.raw`(async () => {
  const errors = [];
  const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  const utf8 = (bytes) => new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const plain = async (v, depth = 0) => {
    if (depth > 64) return '[too deep]';
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'bigint') return { $bigint: String(v) };
      if (typeof v === 'number' && !Number.isFinite(v)) return { $number: String(v) };
      if (v === undefined) return { $undefined: true };
      return v;
    }
    if (v instanceof ArrayBuffer) v = new Uint8Array(v);
    if (ArrayBuffer.isView(v)) {
      const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      return { $bytes: hex(bytes), $utf8: utf8(bytes) };
    }
    if (v instanceof Date) return { $date: v.toISOString() };
    if (typeof Blob !== 'undefined' && v instanceof Blob) {
      const bytes = new Uint8Array(await v.arrayBuffer());
      return { $blob: v.type, $bytes: hex(bytes), $text: utf8(bytes) };
    }
    if (typeof CryptoKey !== 'undefined' && v instanceof CryptoKey) {
      let raw = null;
      if (v.extractable) {
        try { raw = hex(new Uint8Array(await crypto.subtle.exportKey('raw', v))); } catch (e) { raw = null; }
      }
      return { $cryptoKey: v.algorithm, extractable: v.extractable, raw };
    }
    if (v instanceof Map) {
      const out = [];
      for (const [k, x] of v) out.push([await plain(k, depth + 1), await plain(x, depth + 1)]);
      return { $map: out };
    }
    if (v instanceof Set) {
      const out = [];
      for (const x of v) out.push(await plain(x, depth + 1));
      return { $set: out };
    }
    if (Array.isArray(v)) {
      const out = [];
      for (const x of v) out.push(await plain(x, depth + 1));
      return out;
    }
    const out = {};
    for (const k of Object.keys(v)) out[k] = await plain(v[k], depth + 1);
    return out;
  };
  const req = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

  const dbs = [];
  let infos = [];
  try { infos = await indexedDB.databases(); } catch (e) { errors.push('databases(): ' + e); }
  for (const info of infos) {
    if (!info.name) continue;
    try {
      const open = indexedDB.open(info.name);
      // Never create or upgrade: a database that does not exist any more is left alone.
      open.onupgradeneeded = () => open.transaction.abort();
      const db = await req(open);
      db.onversionchange = () => db.close();
      const stores = [];
      for (const name of Array.from(db.objectStoreNames).sort()) {
        const tx = db.transaction(name, 'readonly');
        const store = tx.objectStore(name);
        const [keys, values] = await Promise.all([req(store.getAllKeys()), req(store.getAll())]);
        const records = [];
        for (let i = 0; i < values.length; i++) {
          records.push({ key: await plain(keys[i]), value: await plain(values[i]) });
        }
        stores.push({ name, keyPath: store.keyPath, indexes: Array.from(store.indexNames), records });
      }
      dbs.push({ name: db.name, version: db.version, stores });
      db.close();
    } catch (e) {
      errors.push('indexedDB ' + info.name + ': ' + e);
    }
  }

  const area = async (name) => {
    try {
      const a = globalThis.chrome && chrome.storage && chrome.storage[name];
      return a ? await plain(await a.get(null)) : null;
    } catch (e) {
      errors.push('storage.' + name + ': ' + e);
      return null;
    }
  };
  const storage = { local: await area('local'), sync: await area('sync'), session: await area('session') };

  const cacheDump = [];
  try {
    if (typeof caches !== 'undefined') {
      for (const cacheName of await caches.keys()) {
        const cache = await caches.open(cacheName);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          cacheDump.push({ cache: cacheName, url: request.url, body: response ? await response.text() : '' });
        }
      }
    }
  } catch (e) {
    errors.push('caches: ' + e);
  }
  return JSON.stringify({ indexedDB: dbs, storage, caches: cacheDump, errors });
})()`;

/**
 * Every IndexedDB database, store and record of the extension, and `chrome.storage.local`,
 * `.sync` and `.session`, as one JSON string (a `StorageDump`), read inside the service worker.
 * Scan it for seeded plaintext: `expect(await dumpExtensionStorage(sw)).not.toContain(phone)`.
 * Text stored as bytes is decoded too (`$utf8`), so text hidden in binary values is found.
 */
export async function dumpExtensionStorage(serviceWorker: Worker): Promise<string> {
  return serviceWorker.evaluate<string>(DUMP_SCRIPT);
}

/** The dump parsed, for tests that want to inspect it. */
export async function readExtensionStorage(serviceWorker: Worker): Promise<StorageDump> {
  return JSON.parse(await dumpExtensionStorage(serviceWorker)) as StorageDump;
}
