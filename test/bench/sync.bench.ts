// Sync between two stations (issue 22, deliver 5): 10,000 ledger events and 1,000 journal entries
// written on station 1, pushed to a real CouchDB-protocol server (pouchdb-server on 127.0.0.1) and
// pulled by station 2, sealed end to end (the product engine), against the same documents
// replicated unencrypted by the same protocol steps over the same client and mirror store (a
// peer measured in the same run). Target: time and bytes on the wire within 1.5x of the peer.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import {
  docId,
  docText,
  openSyncDoc,
  revisionId,
  sealSyncDoc,
  type SealedSyncDoc,
  type SyncDoc,
} from '../../packages/core/src/index.ts';
import { CouchClient } from '../../extension/src/background/sync/couch-client.ts';
import { SyncEngine } from '../../extension/src/background/sync/engine.ts';
import { IdbSyncStore, type SyncLocalStore } from '../../extension/src/storage/sync-store.ts';
import { startCouchServer } from '../sync/couch-server.ts';
import { SHOP, quotaDocs, random, shopKeys } from '../sync/stations.ts';
import { readFileSync } from 'node:fs';
import type { BenchRow, BenchSuite } from './types.ts';

const EVENTS = 10_000;
const JOURNAL = 1_000;
const BATCH = 200;
const keys = shopKeys();

function documents(): SyncDoc[] {
  const t0 = Date.UTC(2026, 11, 7, 2);
  const journal = Array.from({ length: JOURNAL }, (_, i): SyncDoc => ({
    kind: 'journal',
    shop: SHOP,
    orderId: `69${String(31_000_000_000_000 + i * 7919)}`,
    step: 'printed',
    entryId: `job-1-${i}`,
    trackingNumber: `ZT${7_300_000_000 + i}`,
    carrier: 'ZTO',
    at: t0 + i,
    station: { id: 'st-1', label: '1' },
  }));
  return [...quotaDocs('a', EVENTS, t0), ...journal];
}

/**
 * CPU milliseconds used so far by this process and its children (the CouchDB server), from
 * /proc where there is one (Linux; clock ticks of 10 ms): on a shared machine the wall-clock
 * ratio moves with other people's load, the CPU ratio much less. `undefined` without /proc.
 */
function cpuNow(): number | undefined {
  const self = process.cpuUsage();
  try {
    const kids = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8')
      .split(' ')
      .filter((x) => /^\d+$/u.test(x));
    let ticks = 0;
    for (const k of kids) {
      const f = readFileSync(`/proc/${k}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(f[11]) + Number(f[12]);
    }
    return (self.user + self.system) / 1000 + ticks * 10;
  } catch {
    return undefined;
  }
}

/** A fetch that counts request and response bytes. */
function counting(): { fetcher: (i: string, init?: RequestInit) => Promise<Response>; bytes: () => number } {
  let n = 0;
  return {
    fetcher: async (i, init) => {
      n += Buffer.byteLength(i) + (typeof init?.body === 'string' ? Buffer.byteLength(init.body) : 0);
      const r = await fetch(i, init);
      const text = await r.text();
      n += Buffer.byteLength(text);
      return new Response(text, { status: r.status, headers: r.headers });
    },
    bytes: () => n,
  };
}

/**
 * The unencrypted peer: the engine's protocol steps with plain bodies and no sealing, including
 * the local checkpoint the engine records after every batch (push sequence, pull `last_seq`).
 */
async function plainPush(client: CouchClient, store: SyncLocalStore): Promise<void> {
  let seq = 0;
  for (;;) {
    const rows = await store.since(seq, BATCH);
    if (rows.length === 0) break;
    const ask: Record<string, string[]> = {};
    for (const r of rows) (ask[r.id] ??= []).push(r.rev);
    const diff = await client.revsDiff(ask);
    if (!diff.ok) throw new Error(diff.error.message);
    const wire = rows
      .filter((r) => diff.value.get(r.id)?.includes(r.rev))
      .map((r) => ({
        _id: r.id,
        _rev: r.rev,
        _revisions: { start: 1, ids: [r.rev.slice(2)] },
        doc: JSON.parse(docText(r.doc!)) as unknown,
      }));
    const sent = await client.bulkDocs(wire);
    if (!sent.ok) throw new Error(sent.error.message);
    seq = rows[rows.length - 1]!.seq;
    const cp = await client.putLocal('plain-push', { seq });
    if (!cp.ok) throw new Error(cp.error.message);
    await store.setMeta('plain-push-seq', seq);
  }
}

async function plainPull(client: CouchClient, store: SyncLocalStore): Promise<number> {
  let since: string | number = 0;
  let pulled = 0;
  for (;;) {
    const page = await client.changes(since, BATCH);
    if (!page.ok) throw new Error(page.error.message);
    const pairs = page.value.changes.flatMap((c) => c.revs.map((rev) => ({ id: c.id, rev })));
    const missing = await store.missing(pairs);
    // Revisions this station already holds (its own, read back after its push) are not fetched.
    const got = missing.length
      ? await client.winners(missing.map((m) => m.id))
      : { ok: true as const, value: new Map() };
    if (!got.ok) throw new Error(got.error.message);
    pulled += await store.add(
      [...got.value.values()].map((w) => ({
        id: w.id,
        rev: w.rev,
        deleted: false,
        history: w.history,
        doc: w.body['doc'] as SyncDoc,
      })),
      'remote',
    );
    since = page.value.lastSeq;
    await store.setMeta('plain-pull-since', since);
    if (page.value.changes.length < BATCH) break;
  }
  return pulled;
}

/**
 * Sealed: the product engine on both stations, one sync each (push, then pull): station 1's
 * documents reach station 2. `echoMs`: the wall time of station 1's `_changes` requests, the pull
 * after its push that reads its own revisions back (the plain peer takes that step too).
 */
async function sealedSync(
  origin: string,
  db: string,
  docs: readonly SyncDoc[],
): Promise<{ ms: number; cpu: number | undefined; net: ReturnType<typeof counting>; echoMs: number }> {
  const net = counting();
  let echoMs = 0;
  const timedChanges: typeof net.fetcher = async (i, init) => {
    if (!i.includes('/_changes?')) return net.fetcher(i, init);
    const t = performance.now();
    try {
      return await net.fetcher(i, init);
    } finally {
      echoMs += performance.now() - t;
    }
  };
  const mk = async (label: string): Promise<SyncEngine> =>
    new SyncEngine({
      keys,
      client: new CouchClient(`${origin}/${db}`, label === '1' ? timedChanges : net.fetcher),
      store: await IdbSyncStore.open(new IDBFactory()),
      station: { id: `st-${label}`, label },
      random,
      now: () => Date.now(),
      batchSize: BATCH,
    });
  const a = await mk('1');
  const b = await mk('2');
  await a.write(docs);
  const c0 = cpuNow();
  const t0 = performance.now();
  const pushed = await a.syncOnce();
  const pulled = await b.syncOnce();
  const ms = performance.now() - t0;
  const c1 = cpuNow();
  if (!pushed.ok || !pulled.ok || pulled.value.pulled !== docs.length)
    throw new Error('sealed sync incomplete');
  return { ms, cpu: c0 === undefined || c1 === undefined ? undefined : c1 - c0, net, echoMs };
}

/** Plain peer: same documents, same ids and revisions, same steps and mirror store. */
async function plainSync(
  origin: string,
  db: string,
  docs: readonly SyncDoc[],
): Promise<{ ms: number; cpu: number | undefined; net: ReturnType<typeof counting> }> {
  const net = counting();
  const client = new CouchClient(`${origin}/${db}`, net.fetcher);
  const p1 = await IdbSyncStore.open(new IDBFactory());
  const p2 = await IdbSyncStore.open(new IDBFactory());
  await p1.add(
    docs.map((d) => {
      const rev = revisionId(keys.revKey, undefined, d);
      return { id: docId(keys.idKey, d), rev, deleted: false, doc: d, history: [rev] };
    }),
    'local',
  );
  const c0 = cpuNow();
  const t0 = performance.now();
  // As each engine's sync does, on each station: make sure the database exists, push, pull.
  // Station 1's pull reads its own revisions back from the changes feed (and fetches none of
  // them), as the engine's does; station 2 has nothing to push.
  const ensured = await client.ensureDatabase();
  if (!ensured.ok) throw new Error(ensured.error.message);
  await plainPush(client, p1);
  await plainPull(client, p1);
  const again = await client.ensureDatabase();
  if (!again.ok) throw new Error(again.error.message);
  await plainPush(client, p2);
  const n = await plainPull(client, p2);
  const ms = performance.now() - t0;
  const c1 = cpuNow();
  if (n !== docs.length) throw new Error('plain sync incomplete');
  return { ms, cpu: c0 === undefined || c1 === undefined ? undefined : c1 - c0, net };
}

/**
 * The sealing work alone, outside any sync: every document sealed, then every body opened, a
 * batch at a time as the engine does (wall ms of each). Shows how much of the sealed sync is
 * cryptography and how much is the protocol and the store.
 */
async function sealOpen(docs: readonly SyncDoc[]): Promise<{ seal: number; open: number }> {
  const bodies: SealedSyncDoc[] = [];
  // Ids as the mirror holds them (computed at write, as before the sealed sync).
  const ids = docs.map((d) => docId(keys.idKey, d));
  const t0 = performance.now();
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    const sealed = await Promise.all(batch.map((d, j) => sealSyncDoc(keys, d, random, ids[i + j])));
    for (const r of sealed) if (r.ok) bodies.push(r.value);
  }
  const t1 = performance.now();
  let opened = 0;
  for (let i = 0; i < bodies.length; i += BATCH) {
    const batch = bodies.slice(i, i + BATCH);
    for (const r of await Promise.all(batch.map((b) => openSyncDoc(keys, b)))) if (r.ok) opened++;
  }
  const t2 = performance.now();
  if (opened !== docs.length) throw new Error('seal / open incomplete');
  return { seal: t1 - t0, open: t2 - t1 };
}

const suite: BenchSuite = {
  name: 'sync',
  async run(): Promise<readonly BenchRow[]> {
    const couch = await startCouchServer();
    try {
      // Warm-up (not measured): both ways once on a small set in scratch databases, so the
      // server and this process have compiled every step before either measured run (the
      // sealed run comes first and would otherwise warm the server for the plain one).
      const warm = documents().slice(0, 1000);
      await sealedSync(couch.origin, 'warm-sealed', warm);
      await plainSync(couch.origin, 'warm-plain', warm);

      const docs = documents();
      const sealed = await sealedSync(couch.origin, 'sealed', docs);
      const plain = await plainSync(couch.origin, 'plain', docs);
      const sealedMs = sealed.ms;
      const plainMs = plain.ms;
      const sealedNet = sealed.net;
      const plainNet = plain.net;

      // Fresh objects, as read from the mirror (no cached canonical texts).
      const parts = await sealOpen(structuredClone(docs));

      const timeRatio = sealedMs / plainMs;
      const cpuNote =
        sealed.cpu !== undefined && plain.cpu !== undefined
          ? `; CPU (stations + server) ${Math.round(sealed.cpu).toLocaleString('en-US')} vs ${Math.round(plain.cpu).toLocaleString('en-US')} ms = ${(sealed.cpu / plain.cpu).toFixed(2)}x`
          : '';
      const byteRatio = sealedNet.bytes() / plainNet.bytes();
      return [
        {
          name: `sealed sync, ${EVENTS} events + ${JOURNAL} journal, push + pull`,
          value: sealedMs,
          unit: 'ms',
          target: '<= 1.5x plain',
          ok: timeRatio <= 1.5,
          note: `${timeRatio.toFixed(2)}x plain${cpuNote}`,
        },
        { name: 'plain sync (same protocol, no sealing)', value: plainMs, unit: 'ms' },
        {
          name: 'of the sealed sync: station 1 reading its own changes back after its push',
          value: sealed.echoMs,
          unit: 'ms',
          note: "the engine's pull after a push (the plain peer's station 1 pulls too, and fetches none of its own)",
        },
        {
          name: `of the sealed sync: sealing ${docs.length} documents alone`,
          value: parts.seal,
          unit: 'ms',
          note: 'AES-256-GCM (WebCrypto) + canonical JSON + base64url, a batch at a time',
        },
        {
          name: `of the sealed sync: opening ${docs.length} bodies alone`,
          value: parts.open,
          unit: 'ms',
          note: 'decrypt + JSON + document check + id check (keyed hash)',
        },
        {
          name: 'sealed bytes on the wire',
          value: sealedNet.bytes(),
          unit: 'bytes',
          target: '<= 1.5x plain',
          ok: byteRatio <= 1.5,
          note: `${byteRatio.toFixed(2)}x plain`,
        },
        { name: 'plain bytes on the wire', value: plainNet.bytes(), unit: 'bytes' },
      ];
    } finally {
      await couch.stop();
    }
  },
};

export default suite;
