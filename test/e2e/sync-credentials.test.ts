// Issue 22, credentials, in the real extension: CouchDB 3.x has no admin party, so the shop
// database needs a user. pouchdb-server on 127.0.0.1 with its admin party ended
// (`PUT /_config/admins/<name>`) and a shop database whose only member is a per-shop user (the
// README recipe). Station 1 pairs from its popup with a wrong password and sees the refusal in plain
// words, enters the right one in the popup's form and syncs; station 2 joins with the code (which
// carries the credentials) and shares the quota. The server's database holds neither the password
// nor the order id.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../sync/couch-server.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness.ts';
import { bg as send } from './print-fixtures.ts';

const shop = { platform: 'douyin', shopId: 'dy-e2e-locked' } as const;
const ORDER = '6931000000000777';
const DB = 'shipmask-e2e-locked';
const ADMIN = { user: 'boss', password: 'admin-Secret-7' };
const SHOP = { user: 'shop1', password: 'Shop-Pass-9f3k' };
const basic = (c: { user: string; password: string }): string =>
  `Basic ${Buffer.from(`${c.user}:${c.password}`).toString('base64')}`;

let couch: CouchServer;
const stations: { browser: ExtensionBrowser; page: Page }[] = [];

async function admin(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${couch.origin}${path}`, {
    method,
    headers: { authorization: basic(ADMIN), 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

beforeAll(async () => {
  couch = await startCouchServer();
  await fetch(`${couch.origin}/_config/admins/${ADMIN.user}`, {
    method: 'PUT',
    body: JSON.stringify(ADMIN.password),
  });
  await admin('PUT', `/${DB}`);
  await admin('PUT', `/_users/org.couchdb.user:${SHOP.user}`, {
    name: SHOP.user,
    password: SHOP.password,
    roles: [],
    type: 'user',
  });
  await admin('PUT', `/${DB}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: [SHOP.user], roles: [] },
  });
  expect((await fetch(`${couch.origin}/${DB}`)).status).toBe(401);
  for (let i = 0; i < 2; i++) {
    const browser = await launchWithExtension();
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    stations.push({ browser, page });
  }
});
afterAll(async () => {
  for (const s of stations) await s.browser.close();
  await couch?.stop();
});

describe('two stations (Chromium profiles) through a CouchDB that needs a user', () => {
  it('a wrong password is refused in plain words; the right one from the popup form syncs; the code carries it', async () => {
    const [a, b] = stations as [(typeof stations)[0], (typeof stations)[0]];
    const pair = a.page.locator('.sync-pair');
    await pair.waitFor();
    const inputs = pair.locator('input');
    await inputs.nth(1).fill(`${couch.origin}/${DB}`);
    await inputs.nth(2).fill(SHOP.user);
    await inputs.nth(3).fill('Shop-Pass-WRONG');
    await pair.locator('button', { hasText: '这是第一台' }).click();
    await expect
      .poll(() => a.page.locator('.sync-line').textContent())
      .toMatch(/^服务器拒绝了用户名或密码.*下次自动重试/u);

    // The form for new credentials: the user name is kept, the password is typed again.
    const form = a.page.locator('.sync-credentials');
    expect(await form.locator('input').nth(0).inputValue()).toBe(SHOP.user);
    expect(await form.locator('input').nth(1).inputValue()).toBe('');
    await form.locator('input').nth(1).fill(SHOP.password);
    await form.locator('button').click();
    await expect.poll(() => a.page.locator('.sync-line').textContent()).toMatch(/^已同步/u);
    const code = await a.page.locator('.pairing-code').textContent();
    expect(code).toMatch(/^SM-/u);

    await send(a.page, {
      type: 'reveal/recorded',
      shop,
      orderId: ORDER,
      field: 'phone',
      at: Date.now(),
      clickId: 'e2e-a-1',
    });
    await send(a.page, { type: 'sync/now' });
    const joined = await send(b.page, { type: 'sync/join', code, label: '2' });
    expect(joined).toMatchObject({ ok: true, status: { paired: true, error: null, user: SHOP.user } });
    await expect
      .poll(async () => {
        await send(b.page, { type: 'sync/now' });
        return (await send<{ used: number }>(b.page, { type: 'quota/status', shop })).used;
      })
      .toBe(1);

    const text = await (await admin('GET', `/${DB}/_all_docs?include_docs=true`)).text();
    expect(JSON.parse(text).rows.length).toBeGreaterThan(0);
    for (const secret of [ORDER, shop.shopId, SHOP.password, SHOP.user, basic(SHOP).slice(6)])
      expect(text).not.toContain(secret);
  });
});
