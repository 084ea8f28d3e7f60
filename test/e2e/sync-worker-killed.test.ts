// Issue 22, "resumable after the service worker is killed", in the real extension: station 2's
// service worker is stopped (CDP `Target.closeTarget` on its target, as Chrome stops an idle or
// crashed worker) twice in the middle of a sync: once while it pushes its own pending documents
// (after the first `_bulk_docs` page), once while it pulls station 1's (after the first
// `_changes` page). A counting proxy in front of pouchdb-server holds the next request at those
// points, so the kill lands there every run. After each restart the sync resumes from its
// checkpoints: it sends only the documents the server still lacked and fetches only the documents
// it had not fetched yet (each of station 1's documents is fetched exactly once over the three
// runs), and nothing is lost: the server holds every document of both stations and station 2's
// quota counts them all.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../sync/couch-server.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { bg as send } from './print-fixtures.ts';

const shop = { platform: 'douyin', shopId: 'dy-e2e-4410' } as const;
const FROM_A = 300;
const FROM_B = 260;
/** The engine's page size (engine.ts `batchSize` default). */
const PAGE = 200;

/** A proxy in front of the server that counts documents and can hold one request. */
interface Proxy {
  readonly origin: string;
  /** Documents sent in `_bulk_docs` bodies, and documents fetched (`_all_docs` rows, `open_revs`). */
  readonly counts: { sent: number; fetched: number; changes: number; bulk: number };
  /** Refuse every request (as a pulled cable). */
  down: boolean;
  /** Hold the request for which this returns true (it is never answered). */
  hold: ((path: string, counts: Proxy['counts']) => boolean) | undefined;
  /** Resolves when a request is held. */
  held(): Promise<void>;
  /** Drop the held request's connection. */
  drop(): void;
  close(): Promise<void>;
}

async function startProxy(target: string): Promise<Proxy> {
  let held: ServerResponse | undefined;
  let onHeld: (() => void) | undefined;
  const proxy: Proxy = {
    origin: '',
    counts: { sent: 0, fetched: 0, changes: 0, bulk: 0 },
    down: false,
    hold: undefined,
    held: () =>
      new Promise<void>((resolve) => {
        if (held) resolve();
        else onHeld = resolve;
      }),
    drop: () => {
      held?.destroy();
      held = undefined;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const path = req.url ?? '/';
    if (proxy.down) {
      res.destroy();
      return;
    }
    if (path.includes('/_changes')) proxy.counts.changes++;
    if (path.includes('/_bulk_docs')) proxy.counts.bulk++;
    if (proxy.hold?.(path, proxy.counts)) {
      proxy.hold = undefined;
      held = res;
      onHeld?.();
      return;
    }
    const r = await fetch(`${target}${path}`, {
      method: req.method ?? 'GET',
      headers: {
        ...(req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {}),
        accept: req.headers['accept'] ?? 'application/json',
      },
      ...(body.length > 0 ? { body } : {}),
    });
    const text = await r.text();
    if (path.includes('/_bulk_docs'))
      proxy.counts.sent += (JSON.parse(body.toString()) as { docs: unknown[] }).docs.length;
    if (path.includes('/_all_docs') && r.ok)
      proxy.counts.fetched += (JSON.parse(text) as { rows: { doc?: unknown }[] }).rows.filter(
        (x) => x.doc,
      ).length;
    if (path.includes('open_revs') && r.ok) proxy.counts.fetched += (text.match(/"ok":/gu) ?? []).length;
    res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
    res.end(text);
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(proxy, { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

let couch: CouchServer;
let proxy: Proxy;
const stations: { browser: ExtensionBrowser; page: Page }[] = [];

/** `n` reveals of distinct clicks, sent from the station's page in one go. */
async function reveals(page: Page, n: number, tag: string): Promise<void> {
  const t = Date.now();
  await page.evaluate(
    async ({ n, tag, t, shop }) => {
      const runtime = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }
      ).chrome.runtime;
      for (let i = 0; i < n; i += 20)
        await Promise.all(
          Array.from({ length: Math.min(20, n - i) }, (_, j) =>
            runtime.sendMessage({
              type: 'reveal/recorded',
              shop,
              orderId: `88${String(40_000_000_000_000 + (i + j) * 7919)}`,
              field: 'phone',
              at: t + i + j,
              clickId: `${tag}-${i + j}`,
            }),
          ),
        );
    },
    { n, tag, t, shop },
  );
}

type Targets = { targetInfos: { targetId: string; type: string; url: string }[] };

/**
 * Stop the extension's service worker: close its target (CDP `Target.closeTarget`, as
 * Puppeteer's worker `close()` does in Chrome's guide to testing worker termination), then wait
 * until the browser lists no worker of the extension.
 */
async function killWorker(s: { browser: ExtensionBrowser; page: Page }): Promise<void> {
  const cdp = await s.browser.context.newCDPSession(s.page);
  const workers = async () =>
    ((await cdp.send('Target.getTargets')) as Targets).targetInfos.filter(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${s.browser.extensionId}/`),
    );
  const [worker] = await workers();
  if (!worker) throw new Error('no service worker target');
  expect(await cdp.send('Target.closeTarget', { targetId: worker.targetId })).toEqual({ success: true });
  await expect.poll(async () => (await workers()).length, { timeout: 10_000 }).toBe(0);
  await cdp.detach();
}

const totalRows = async (db: string): Promise<number> =>
  ((await (await fetch(`${couch.origin}/${db}/_all_docs?limit=0`)).json()) as { total_rows: number })
    .total_rows;

beforeAll(async () => {
  couch = await startCouchServer();
  proxy = await startProxy(couch.origin);
  for (let i = 0; i < 2; i++) {
    const browser = await launchWithExtension();
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    stations.push({ browser, page });
  }
});
afterAll(async () => {
  for (const s of stations) await s.browser.close().catch(() => undefined);
  await proxy?.close();
  await couch?.stop();
});

describe('the service worker killed mid-sync (Chromium profile, CouchDB-protocol server)', () => {
  it('resumes from its checkpoints after each kill: nothing lost, nothing sent or fetched twice', async () => {
    const [a, b] = stations as [(typeof stations)[0], (typeof stations)[0]];
    const db = 'shipmask-e2e-killed';
    const first = await send<{ ok: boolean; code: string }>(a.page, {
      type: 'sync/start',
      serverUrl: `${proxy.origin}/${db}`,
      label: '1',
    });
    expect(first.ok).toBe(true);
    expect(await send(b.page, { type: 'sync/join', code: first.code, label: '2' })).toMatchObject({
      ok: true,
      status: { paired: true, error: null },
    });

    // Station 1 records 300 reveals, pushes them and closes.
    await reveals(a.page, FROM_A, 'a');
    await expect
      .poll(async () => (await send<{ pending: number }>(a.page, { type: 'sync/now' })).pending, {
        timeout: 60_000,
      })
      .toBe(0);
    await a.browser.close();
    const serverBefore = await totalRows(db);
    expect(serverBefore).toBeGreaterThanOrEqual(FROM_A);

    // Station 2, cut off, records 260 reveals: 260 documents wait to be pushed.
    proxy.down = true;
    await reveals(b.page, FROM_B, 'b');
    await expect
      .poll(async () => (await send<{ pending: number }>(b.page, { type: 'sync/status' })).pending, {
        timeout: 30_000,
      })
      .toBe(FROM_B);

    // Kill 1: in the push, after the first page of 200 was stored on the server.
    proxy.down = false;
    Object.assign(proxy.counts, { sent: 0, fetched: 0, changes: 0, bulk: 0 });
    proxy.hold = (path, c) => path.includes('/_bulk_docs') && c.bulk === 2;
    void send(b.page, { type: 'sync/now' }).catch(() => undefined);
    await proxy.held();
    expect(proxy.counts.sent).toBe(PAGE);
    await killWorker(b);
    proxy.drop();
    expect(await totalRows(db)).toBe(serverBefore + PAGE);

    // Restart (a message wakes the worker; it syncs at wake). Kill 2: in the pull, after the first
    // `_changes` page was fetched and stored.
    Object.assign(proxy.counts, { sent: 0, fetched: 0, changes: 0, bulk: 0 });
    proxy.hold = (path, c) => path.includes('/_changes') && c.changes === 2;
    void send(b.page, { type: 'sync/now' }).catch(() => undefined);
    await proxy.held();
    // The push resumed at its checkpoint: only the 60 documents the server lacked were sent.
    expect(proxy.counts.sent).toBe(FROM_B - PAGE);
    const fetchedBefore = proxy.counts.fetched;
    expect(fetchedBefore).toBeGreaterThan(0);
    expect(fetchedBefore).toBeLessThan(FROM_A);
    await killWorker(b);
    proxy.drop();

    // Restart: the pull resumes after its checkpoint and the station catches up exactly.
    Object.assign(proxy.counts, { sent: 0, fetched: 0, changes: 0, bulk: 0 });
    await expect
      .poll(
        async () => {
          const st = await send<{ pending: number; error: unknown }>(b.page, { type: 'sync/now' });
          const q = await send<{ used: number }>(b.page, { type: 'quota/status', shop });
          return [st.pending, st.error, q.used];
        },
        { timeout: 60_000 },
      )
      .toEqual([0, null, FROM_A + FROM_B]);
    // Each of station 1's documents was fetched once over the three runs: no full re-pull.
    expect(fetchedBefore + proxy.counts.fetched).toBe(FROM_A);
    expect(proxy.counts.sent).toBe(0);
    expect(await totalRows(db)).toBe(serverBefore + FROM_B);
  }, 240_000);
});
