/**
 * The station's sync service (issue 22): wires the sync engine into the background.
 *
 * - Pairing (`sync/start`, `sync/join`, `sync/code`, `sync/rotate`, `sync/leave`): the first
 *   station makes the shop sync key for the merchant's CouchDB URL and shows the pairing code (the
 *   popup draws it as a QR code too); the others enter it. Removing a station = a new key for the
 *   same server (`sync/rotate`): the mirror is cleared and refilled from this station's own data
 *   under the new key. On every pairing the ledger's order-id key becomes the shop's shared
 *   `matchKey` (core `deriveSyncKeys`), so one order hashes the same on every station and the
 *   server sees keyed hashes only.
 * - Writes: every committed local write the stations share (storage/sync-outbox.ts) becomes sync
 *   documents (docs-of.ts) in the mirror, then a sync runs shortly after. A full pass over the main
 *   database (`backfill`) runs at pairing, so history written before pairing is shared too.
 * - Sync: `runOnce` pushes, pulls, resolves, then applies what arrived to the main database
 *   (apply.ts), resuming from the mirror's checkpoints (push sequence, pull `since`, apply
 *   sequence), so a killed worker repeats at most one page. One run at a time (Web Lock
 *   `shipmask-sync`). The background calls `tick` from a `chrome.alarms` alarm every minute and
 *   when the browser comes back online.
 * - Print claims (`claimJob`): before a new print job is stored, each of its orders is claimed at
 *   the server (core claim.ts: a create refused with 409 when another station was first). Orders
 *   another station claimed come out `failed` with "已由 X 号工位打印"; only an explicit reprint
 *   with a reason (print/reprint, logged) sends them again. Offline, the claim is written locally
 *   and replicates later; CouchDB's deterministic winner decides, and the loser is a duplicate:
 *   when a pull brings a claim with live leaves of two stations, every station records it (audit
 *   `sync-duplicate-print`) and lists it in its status (`duplicates`), which the popup shows in
 *   plain words ("订单 … 已由 2 号工位打印，本工位离线时也打印了：可能重复发货"). Never silent.
 * - Credentials (pairing-service.ts): when the server refuses the CouchDB user name or password
 *   (401/403, `unauthorized`), the status says so in plain words and scheduled syncs back off (5
 *   minutes, doubling to at most an hour): a wrong password retried every minute by every station
 *   would only fill the server's log, and CouchDB 3.4+ locks a user out for a while after
 *   repeated failures from one address (`[chttpd_auth_lockout]`), which would also lock out the
 *   stations behind that address whose password is right. During
 *   the back-off, print claims are written locally as when offline. New credentials
 *   (`sync/credentials`, a new pairing or rotation) or the merchant's "sync now" try at once.
 * @module
 */
import {
  checkServerUrl,
  deriveSyncKeys,
  newClaim,
  resolveDocument,
  type ClaimDoc,
  type Resolved,
  type SyncDoc,
  type SyncShop,
} from '@shipmask/core';
import type { PrintJobView } from '../../messages/print';
import type { Store } from '../../storage';
import type { SyncLocalStore } from '../../storage/sync-store';
import type { StoreWrite } from '../../storage/sync-outbox';
import type {
  SyncConflictNote,
  SyncDuplicateNote,
  SyncPairingReply,
  SyncStatusView,
} from '../../messages/sync';
import { GateStore } from '../gate';
import type { Locks } from '../shared/locks';
import { applyMarks } from '../print';
import type { Handlers } from '../shared/handlers';
import { applyDocs } from './apply';
import { backfillWrites } from './backfill';
import { docsOf } from './docs-of';
import type { SyncEngine, SyncReport } from './engine';
import {
  credentialsOf,
  engineFor,
  joinShop,
  loadConfig,
  pairingCodeOf,
  saveConfig,
  startShop,
  type SyncConfig,
} from './pairing-service';
import type { SyncRequestType } from './sync-validate';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** What the sync service needs. */
export interface SyncServiceOptions {
  readonly store: Store;
  readonly locks: Locks;
  readonly now: () => number;
  readonly randomBytes: (n: number) => Uint8Array;
  /** Open the sync mirror (the background: `IdbSyncStore.open(indexedDB)`). */
  readonly openMirror: () => Promise<SyncLocalStore>;
  readonly fetch: Fetch;
  /** Drop a shop's cached ledger (its events or rule changed). */
  readonly forget: (shop: SyncShop) => void;
  /** Drop every cached ledger and the cached order-id key (the key changed at pairing). */
  readonly resetLedgers: () => void;
  /** Whether the browser thinks it is online (default: `navigator.onLine`, else true). */
  readonly online?: () => boolean;
  /** Run a sync this long after a local write (default 2 s); `null`: never (tests). */
  readonly soonMs?: number | null;
  /** Request timeout (default 15 s): a black-holed server must not hang a print job. */
  readonly timeoutMs?: number;
}

/** The sync handlers (spread into the service's handlers). */
export type SyncHandlers = Pick<Handlers, SyncRequestType>;

const APPLY_SEQ = 'apply:seq';
const CONFLICTS = 'status:conflicts';
const DUPLICATES = 'status:duplicates';
/** Duplicate prints kept for the merchant to see. */
const MAX_DUPLICATES = 20;
const BACKFILLED = 'backfill:done';
const LOCK = 'shipmask-sync';
/** Claims at once (one request each). */
const CLAIM_CONCURRENCY = 6;
/** The back-off after the server refused the credentials: `{ failures, retryAt }`. */
const AUTH_BACKOFF = 'auth:backoff';
const AUTH_FIRST_MS = 5 * 60_000;
const AUTH_MAX_MS = 60 * 60_000;

interface AuthBackoff {
  readonly failures: number;
  readonly retryAt: number;
}

/**
 * The back-off after `failures` refusals in a row: 5 minutes, doubling, at most an hour.
 * @example
 * authBackoffMs(1); // 300000
 * authBackoffMs(9); // 3600000
 */
export function authBackoffMs(failures: number): number {
  return Math.min(AUTH_MAX_MS, AUTH_FIRST_MS * 2 ** Math.min(Math.max(failures - 1, 0), 10));
}

const empty = (): SyncStatusView => ({
  paired: false,
  lastSyncAt: null,
  pending: 0,
  error: null,
  unreadable: 0,
  conflicts: [],
  duplicates: [],
});

const baseUrlOf = (d: SyncDoc): unknown =>
  d.kind === 'handoffConfig' && typeof d.config === 'object' && d.config !== null
    ? (d.config as Record<string, unknown>)['baseUrl']
    : undefined;

/**
 * The notes the merchant sees for latest-edit conflicts a sync resolved: which station's edit was
 * kept and whose were overridden, per kind. Hand-off settings: only an overridden link base URL
 * is a loss (the suppliers used merge by union when applied, apply.ts), so edits that differ in
 * their supplier lists only make no note.
 * @example
 * conflictNotes(report.resolved, Date.now()); // [{ what: 'settings', kept: '2', overridden: ['1'], at }]
 */
export function conflictNotes(resolved: SyncReport['resolved'], at: number): SyncConflictNote[] {
  const notes: SyncConflictNote[] = [];
  for (const x of resolved) {
    const { kept } = x;
    if (
      kept.kind !== 'settings' &&
      kept.kind !== 'adapter' &&
      kept.kind !== 'supplierRules' &&
      kept.kind !== 'handoffConfig'
    )
      continue;
    const lost =
      kept.kind === 'handoffConfig'
        ? x.overridden.filter((d) => baseUrlOf(d) !== baseUrlOf(kept))
        : x.overridden;
    if (lost.length === 0) continue;
    notes.push({
      at,
      kept: kept.station.label,
      overridden: lost.map((d) => ('station' in d ? d.station.label : '')),
      what: kept.kind,
    });
  }
  return notes;
}

/**
 * The duplicate print a claim's merged revisions show, or `undefined` when one station holds it
 * (core claim.ts: CouchDB's winner printed it; every other live claim printed it too).
 * @example
 * duplicateNote(resolveDocument(revisions), 'st-0a1b2c3d4e5f', Date.now());
 * // { orderId: '3718…', printedBy: '2', alsoBy: ['3'], here: 'duplicate', … }
 */
export function duplicateNote(res: Resolved, stationId: string, at: number): SyncDuplicateNote | undefined {
  const win = res.doc;
  if (win?.kind !== 'claim') return undefined;
  const others = res.losers
    .map((l) => l.doc)
    .filter((d): d is ClaimDoc => d.kind === 'claim' && d.station.id !== win.station.id);
  if (others.length === 0) return undefined;
  const labels = [...new Set(others.map((d) => d.station.label))];
  return {
    at,
    shop: { platform: win.shop.platform, shopId: win.shop.shopId },
    orderId: win.orderId,
    printedBy: win.station.label,
    alsoBy: labels,
    here:
      win.station.id === stationId
        ? 'winner'
        : others.some((d) => d.station.id === stationId)
          ? 'duplicate'
          : 'neither',
  };
}

/**
 * The sync service of one background.
 * @example
 * const sync = new SyncService({ store, locks, now: Date.now, randomBytes, openMirror, fetch, forget, resetLedgers });
 * store.writes.subscribe((w) => sync.onWrite(w));
 * await sync.tick(); // from the alarm
 */
export class SyncService {
  private mirrorP: Promise<SyncLocalStore> | undefined;
  private state: { config: SyncConfig | undefined; engine: SyncEngine | undefined } | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly gates: GateStore;
  private readonly fetcher: Fetch;

  constructor(private readonly o: SyncServiceOptions) {
    this.gates = new GateStore(o.store, o.locks, o.randomBytes);
    const timeout = o.timeoutMs ?? 15_000;
    this.fetcher = (input, init) =>
      o.fetch(input, { ...init, signal: AbortSignal.timeout(timeout), credentials: 'omit' });
  }

  private mirror(): Promise<SyncLocalStore> {
    if (!this.mirrorP) {
      const p = this.o.openMirror();
      this.mirrorP = p;
      p.catch(() => {
        if (this.mirrorP === p) this.mirrorP = undefined;
      });
    }
    return this.mirrorP;
  }

  private async current(): Promise<{ config: SyncConfig | undefined; engine: SyncEngine | undefined }> {
    if (this.state) return this.state;
    const mirror = await this.mirror();
    const config = await loadConfig(mirror);
    const engine = config
      ? engineFor(config, mirror, this.fetcher, this.o.randomBytes, this.o.now)
      : undefined;
    this.state = { config, engine };
    return this.state;
  }

  /** Queue work so mirror writes keep their order (settings edits chain on the latest leaf). */
  private queue<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.chain.then(fn, fn);
    this.chain = p.catch(() => undefined);
    return p;
  }

  /**
   * A committed local write (storage/sync-outbox.ts): its documents go to the mirror, and a sync
   * follows shortly. Never throws (the write already committed).
   */
  onWrite(write: StoreWrite): void {
    if (this.state && !this.state.engine) return;
    void this.queue(async () => {
      const { config, engine } = await this.current();
      if (!config || !engine) return;
      const docs = docsOf(write, config.station, this.o.now());
      if (docs.length > 0 && (await engine.write(docs)).ok) this.soon();
    }).catch(() => undefined);
  }

  /** Write every shared record of the main database into the mirror (idempotent). */
  async backfill(): Promise<number> {
    return this.queue(async () => {
      const { config, engine } = await this.current();
      if (!config || !engine) return 0;
      let added = 0;
      for await (const w of backfillWrites(this.o.store, this.o.now())) {
        const r = await engine.write(docsOf(w, config.station, this.o.now()));
        if (r.ok) added += r.added;
      }
      await (await this.mirror()).setMeta(BACKFILLED, this.o.now());
      return added;
    });
  }

  private soon(): void {
    const ms = this.o.soonMs === undefined ? 2000 : this.o.soonMs;
    if (ms === null || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.tick().catch(() => undefined);
    }, ms);
  }

  private online(): boolean {
    if (this.o.online) return this.o.online();
    const n = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
    return n?.onLine !== false;
  }

  /** The back-off in force (the server refused the credentials), or `undefined`. */
  private async backoff(): Promise<AuthBackoff | undefined> {
    const b = await (await this.mirror()).getMeta<AuthBackoff>(AUTH_BACKOFF);
    return b && typeof b.retryAt === 'number' && typeof b.failures === 'number' ? b : undefined;
  }

  /**
   * The schedule's entry (alarm, back online, after writes): sync when paired and online, and not
   * while backing off after refused credentials.
   */
  async tick(): Promise<SyncStatusView> {
    const { engine } = await this.current();
    if (!engine || !this.online()) return this.status();
    const b = await this.backoff();
    if (b && this.o.now() < b.retryAt) return this.status();
    return this.runOnce();
  }

  /**
   * One sync: push, pull, resolve (engine), then apply what arrived to the main database.
   * One at a time; never throws (errors land in the status).
   */
  async runOnce(): Promise<SyncStatusView> {
    await this.o.locks.request(LOCK, async () => {
      const { config, engine } = await this.current();
      if (!config || !engine) return;
      const mirror = await this.mirror();
      if ((await mirror.getMeta<number>(BACKFILLED)) === undefined) await this.backfill();
      await this.chain;
      const r = await engine.syncOnce();
      if (!r.ok && r.error.code === 'unauthorized') {
        const failures = ((await this.backoff())?.failures ?? 0) + 1;
        await mirror.setMeta(AUTH_BACKOFF, { failures, retryAt: this.o.now() + authBackoffMs(failures) });
      } else if (r.ok) await mirror.setMeta(AUTH_BACKOFF, null);
      const notes = r.ok ? conflictNotes(r.value.resolved, this.o.now()) : [];
      if (notes.length > 0) {
        const old = (await mirror.getMeta<SyncConflictNote[]>(CONFLICTS)) ?? [];
        await mirror.setMeta(CONFLICTS, [...notes, ...old].slice(0, 5));
      }
      await this.applyPulled(mirror, config);
    });
    return this.status();
  }

  /** Apply mirror revisions after the apply checkpoint (their merged documents). */
  private async applyPulled(mirror: SyncLocalStore, config: SyncConfig): Promise<void> {
    let seq = (await mirror.getMeta<number>(APPLY_SEQ)) ?? 0;
    for (;;) {
      const rows = await mirror.since(seq, 500);
      if (rows.length === 0) break;
      const ids = [...new Set(rows.map((r) => r.id))];
      const docs: SyncDoc[] = [];
      const duplicates = new Map<string, SyncDuplicateNote>();
      for (const id of ids) {
        const res = resolveDocument(await mirror.revisionsOf(id));
        if (res.doc) docs.push(res.doc);
        const dup = duplicateNote(res, config.station.id, this.o.now());
        if (dup) duplicates.set(id, dup);
      }
      if (duplicates.size > 0) await this.recordDuplicates(mirror, duplicates);
      await applyDocs(
        { store: this.o.store, gates: this.gates, forget: this.o.forget, now: this.o.now },
        docs,
        config.station.id,
      );
      seq = rows[rows.length - 1]!.seq;
      await mirror.setMeta(APPLY_SEQ, seq);
    }
  }

  /**
   * Keep duplicate prints for the merchant (one note per order, replaced when another station's
   * claim joins it, newest first) and write each new one to the audit log. Never silent.
   */
  private async recordDuplicates(
    mirror: SyncLocalStore,
    found: Map<string, SyncDuplicateNote>,
  ): Promise<void> {
    const old = (await mirror.getMeta<(SyncDuplicateNote & { id: string })[]>(DUPLICATES)) ?? [];
    const fresh: (SyncDuplicateNote & { id: string })[] = [];
    for (const [id, note] of found) {
      const was = old.find((o) => o.id === id);
      if (was && was.printedBy === note.printedBy && was.alsoBy.join('\u0000') === note.alsoBy.join('\u0000'))
        continue;
      fresh.push({ id, ...note });
      await this.o.store.audit({
        at: note.at,
        kind: 'sync-duplicate-print',
        platform: note.shop.platform,
        shopId: note.shop.shopId,
        detail: { orderId: note.orderId, printedBy: note.printedBy, alsoBy: note.alsoBy.join(',') },
      });
    }
    if (fresh.length === 0) return;
    const ids = new Set(fresh.map((f) => f.id));
    await mirror.setMeta(
      DUPLICATES,
      [...fresh, ...old.filter((o) => !ids.has(o.id))].slice(0, MAX_DUPLICATES),
    );
  }

  /** The status view (the popup formats it with status-line.ts). */
  async status(): Promise<SyncStatusView> {
    const { config, engine } = await this.current();
    if (!config || !engine) return empty();
    const s = await engine.status();
    const url = checkServerUrl(config.serverUrl);
    const b = await this.backoff();
    return {
      paired: true,
      serverUrl: config.serverUrl,
      secure: url.ok ? url.value.secure : false,
      station: config.station,
      ...(config.credentials ? { user: config.credentials.user } : {}),
      retryAt: b && s.error?.code === 'unauthorized' ? b.retryAt : null,
      ...s,
      conflicts: (await (await this.mirror()).getMeta<SyncConflictNote[]>(CONFLICTS)) ?? [],
      duplicates: (
        (await (await this.mirror()).getMeta<(SyncDuplicateNote & { id: string })[]>(DUPLICATES)) ?? []
      ).map(({ id: _id, ...note }) => note),
    };
  }

  /** Store a new configuration, switch the ledger key, refill the mirror, sync. */
  private async pair(config: SyncConfig, code: string | null): Promise<SyncPairingReply> {
    const keys = deriveSyncKeys(config.syncKey);
    if (!keys.ok) return { ok: false, error: keys.error };
    await this.queue(async () => {
      const mirror = await this.mirror();
      await saveConfig(mirror, config);
      // New credentials (or a new pairing) end the back-off: the next sync tries at once.
      await mirror.setMeta(AUTH_BACKOFF, null);
      // Order ids enter every station's ledger under the shop's shared key (quota.ts hmacKey).
      await this.o.store.setMeta('hmacKey', Uint8Array.from(keys.keys.matchKey));
      this.o.resetLedgers();
      this.state = undefined;
    });
    await this.backfill();
    const status = this.online() ? await this.runOnce() : await this.status();
    return { ok: true, code, status };
  }

  /**
   * Claim a new print job's orders (see the module rule). Unpaired: the job unchanged.
   * @example
   * const job = await sync.claimJob(createJob(spec, now)); // taken orders come out failed
   */
  async claimJob(job: PrintJobView): Promise<PrintJobView> {
    // No mirror (IndexedDB refused to open it): this station cannot be paired; print as unpaired.
    const { config, engine } = await this.current().catch(() => ({ config: undefined, engine: undefined }));
    if (!config || !engine) return job;
    const ids = [...new Set(job.documents.map((d) => d.orderId))];
    const taken = new Map<string, string>();
    const local: SyncDoc[] = [];
    const b = await this.backoff().catch(() => undefined);
    let offline = !this.online() || (b !== undefined && this.o.now() < b.retryAt);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const orderId = ids[next++]!;
        if (offline) {
          local.push(newClaim(job.shop, orderId, config.station, this.o.now()));
          continue;
        }
        const r = await engine.claim(job.shop, orderId);
        if (r.state === 'taken') taken.set(orderId, r.notice);
        else if (r.state === 'unconfirmed') {
          if (r.error.code === 'offline' || r.error.code === 'unauthorized') offline = true;
          local.push(newClaim(job.shop, orderId, config.station, this.o.now()));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CLAIM_CONCURRENCY, ids.length) }, worker));
    if (local.length > 0) await this.queue(() => engine.write(local));
    if (taken.size === 0) return job;
    const marks = job.documents
      .filter((d) => taken.has(d.orderId))
      .map((d) => ({ documentId: d.documentId, state: 'failed' as const, message: taken.get(d.orderId)! }));
    return applyMarks(job, marks, this.o.now()).job;
  }

  /** The sync/* handlers. */
  handlers(): SyncHandlers {
    const label = (l: string): string => l.trim();
    return {
      'sync/status': () => this.status(),
      'sync/now': () => this.runOnce(),
      'sync/start': async (req) => {
        const r = startShop(req.serverUrl, label(req.label), this.o.randomBytes, this.o.now(), req);
        if (!r.ok) return { ok: false, error: r.error };
        return this.pair(r.value.config, r.value.code);
      },
      'sync/join': async (req) => {
        const r = joinShop(req.code, label(req.label), this.o.randomBytes, this.o.now());
        if (!r.ok) return { ok: false, error: r.error };
        return this.pair(r.value, null);
      },
      'sync/code': async () => {
        const { config } = await this.current();
        const code = config ? pairingCodeOf(config) : undefined;
        return code ? { ok: true, code, status: await this.status() } : { ok: false, error: 'not-paired' };
      },
      'sync/rotate': async (req) => {
        const { config } = await this.current();
        if (!config) return { ok: false, error: 'not-paired' };
        // New credentials when given (the removed computer knew the old password), else the same.
        const given = req.user !== undefined || req.password !== undefined;
        const r = startShop(
          config.serverUrl,
          config.station.label,
          this.o.randomBytes,
          this.o.now(),
          given ? req : (config.credentials ?? {}),
        );
        if (!r.ok) return { ok: false, error: r.error };
        // Keep this station's id: only the key changes.
        return this.pair({ ...r.value.config, station: config.station }, r.value.code);
      },
      'sync/credentials': async (req) => {
        const { config } = await this.current();
        if (!config) return { ok: false, error: 'not-paired' };
        const c = credentialsOf(req);
        if (!c.ok) return { ok: false, error: c.error };
        const { credentials: _old, ...rest } = config;
        const next: SyncConfig = { ...rest, ...(c.value ? { credentials: c.value } : {}) };
        // Same key and server: the mirror stays (saveConfig); the new code carries the new credentials.
        return this.pair(next, pairingCodeOf(next) ?? null);
      },
      'sync/leave': async () => {
        await this.queue(async () => {
          await (await this.mirror()).clear();
          this.state = undefined;
        });
        return this.status();
      },
    };
  }
}
