/**
 * Opening the `shipmask` database, and keeping a connection that survives the events that close
 * it: another context upgrading the schema (`versionchange`: we close at once so the upgrade is
 * not blocked, and reopen on next use), the browser closing it (storage cleared, disk error), or
 * the service worker being terminated (all state is in IndexedDB; a new worker simply opens it).
 *
 * The factory is an argument (the background passes `indexedDB`; tests pass a fresh
 * `fake-indexeddb` factory), so nothing here reaches for a global database.
 * @module
 */
import { wrap } from 'idb';
import { DB_NAME, DB_VERSION, runMigrations, type ShipmaskDb } from './schema';

/** Lifecycle events, for the audit log and tests. */
export type DbEvent =
  | { readonly type: 'upgraded'; readonly from: number; readonly to: number }
  | { readonly type: 'blocked'; readonly from: number; readonly to: number | null }
  | { readonly type: 'versionchange'; readonly to: number | null }
  | { readonly type: 'closed' };

export interface OpenOptions {
  readonly factory: IDBFactory;
  /** Database name (tests may use another); default `shipmask`. */
  readonly name?: string;
  /** Schema version to open at; default `DB_VERSION` (tests open older versions). */
  readonly version?: number;
  readonly onEvent?: (event: DbEvent) => void;
}

/**
 * Open the database once, running the upgrade steps from the stored version. The returned
 * handle closes itself on `versionchange` (and reports it) so a newer schema is never blocked.
 * Rejects on failure (e.g. a stored version newer than this build: `VersionError`); nothing is
 * deleted in that case.
 */
export function openShipmaskDb(options: OpenOptions): Promise<ShipmaskDb> {
  const version = options.version ?? DB_VERSION;
  const emit = options.onEvent ?? ((): void => undefined);
  const request = options.factory.open(options.name ?? DB_NAME, version);
  const opened = wrap(request) as Promise<ShipmaskDb>;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as ShipmaskDb;
    const tx = wrap(request.transaction!) as unknown as Parameters<typeof runMigrations>[3];
    runMigrations(db, event.oldVersion, event.newVersion ?? version, tx);
    emit({ type: 'upgraded', from: event.oldVersion, to: event.newVersion ?? version });
  });
  request.addEventListener('blocked', (event) => {
    emit({ type: 'blocked', from: event.oldVersion, to: event.newVersion });
  });
  return opened.then((db) => {
    db.addEventListener('versionchange', (event) => {
      db.close();
      emit({ type: 'versionchange', to: event.newVersion });
    });
    db.addEventListener('close', () => emit({ type: 'closed' }));
    return db;
  });
}

/**
 * A lazily (re)opened connection. `get()` returns the open database, opening it on first use and
 * again after it was closed by a `versionchange`, by the browser, or by `close()`.
 * @example
 * const conn = new Connection({ factory: indexedDB });
 * const db = await conn.get();
 */
export class Connection {
  private current: Promise<ShipmaskDb> | undefined;
  private readonly options: OpenOptions;

  constructor(options: OpenOptions) {
    this.options = options;
  }

  /** The open database (opened now if needed). */
  get(): Promise<ShipmaskDb> {
    if (this.current) return this.current;
    const onEvent = (event: DbEvent): void => {
      if (event.type === 'versionchange' || event.type === 'closed') this.current = undefined;
      this.options.onEvent?.(event);
    };
    const p = openShipmaskDb({ ...this.options, onEvent });
    this.current = p;
    // A failed open is not cached: the next call tries again.
    p.catch(() => {
      if (this.current === p) this.current = undefined;
    });
    return p;
  }

  /** Close the connection (it reopens on the next `get()`). */
  async close(): Promise<void> {
    const p = this.current;
    this.current = undefined;
    if (p) (await p.catch(() => undefined))?.close();
  }
}
