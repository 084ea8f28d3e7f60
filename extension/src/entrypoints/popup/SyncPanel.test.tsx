// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatusView } from '../../messages/sync';
import { SyncPanel } from './SyncPanel';

const T = Date.UTC(2026, 11, 7, 3);
const unpaired: SyncStatusView = {
  paired: false,
  lastSyncAt: null,
  pending: 0,
  error: null,
  unreadable: 0,
  conflicts: [],
  duplicates: [],
};
const paired: SyncStatusView = {
  paired: true,
  serverUrl: 'http://192.168.1.5:5984/shipmask-s1',
  secure: false,
  station: { id: 'st-000000000002', label: '2' },
  lastSyncAt: T,
  pending: 3,
  error: { code: 'offline', message: 'fetch failed' },
  unreadable: 0,
  conflicts: [
    { at: T, kept: '2', overridden: ['1'], what: 'settings' },
    { at: T + 1, kept: '3', overridden: ['2'], what: 'supplierRules' },
  ],
  duplicates: [
    {
      at: T,
      shop: { platform: 'douyin', shopId: 's1' },
      orderId: '6931000000000001',
      printedBy: '1',
      alsoBy: ['2'],
      here: 'duplicate',
    },
  ],
};

let root: HTMLElement;
let sent: { type: string }[];
let granted: string[];
const flush = () => new Promise((r) => setTimeout(r, 10));

function stubBrowser(replies: (m: { type: string }) => unknown) {
  sent = [];
  granted = [];
  vi.stubGlobal('browser', {
    runtime: {
      sendMessage: (m: { type: string }) => {
        sent.push(m);
        return Promise.resolve({ ok: true, value: replies(m) });
      },
    },
    permissions: {
      contains: () => Promise.resolve(false),
      request: (p: { origins: string[] }) => {
        granted.push(...p.origins);
        return Promise.resolve(true);
      },
    },
  });
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.unstubAllGlobals();
});

const input = (el: HTMLInputElement, value: string) => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('SyncPanel', () => {
  it('paired: the status line in plain words, the station, the http warning and the conflict rule', async () => {
    stubBrowser(() => paired);
    render(<SyncPanel lang="zh" />, root);
    await flush();
    const text = root.textContent ?? '';
    expect(text).toContain('连不上同步服务器');
    expect(text).toContain('3 条待上传');
    expect(text).toContain('本机：2 号工位');
    expect(text).toContain('文档编号和时间以明文传输');
    expect(text).toContain('店铺设置：工位 2 的修改较新，已覆盖工位 1 的修改');
    expect(text).toContain('按 SKU 分厂家的规则：工位 3 的修改较新，已覆盖工位 2 的修改');
    expect(root.querySelector('.sync-duplicate')?.textContent).toBe(
      '订单 6931000000000001 已由 1 号工位打印，本工位离线时也打印了：可能重复发货',
    );
  });

  it('first station: asks for exactly the server origin, then shows the pairing code as text and QR', async () => {
    stubBrowser((m) =>
      m.type === 'sync/start'
        ? { ok: true, code: 'SM-0G00-TEST', status: { ...paired, error: null } }
        : unpaired,
    );
    render(<SyncPanel lang="zh" />, root);
    await flush();
    const [label, url] = [...root.querySelectorAll('input')] as HTMLInputElement[];
    input(label!, '前台');
    input(url!, 'https://couch.example.com:6984/shipmask-s1');
    await flush();
    const start = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('第一台'))!;
    start.click();
    await flush();
    expect(granted).toEqual(['https://couch.example.com/*']);
    expect(sent.at(-1)).toEqual({
      type: 'sync/start',
      serverUrl: 'https://couch.example.com:6984/shipmask-s1',
      label: '前台',
    });
    expect(root.querySelector('.pairing-code')?.textContent).toBe('SM-0G00-TEST');
    expect(root.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml/u);
  });

  it('a mistyped code is refused in words before anything is sent', async () => {
    stubBrowser(() => unpaired);
    render(<SyncPanel lang="zh" />, root);
    await flush();
    const code = [...root.querySelectorAll('input')].at(-1) as HTMLInputElement;
    input(code, 'SM-0G00-0000-0000');
    await flush();
    [...root.querySelectorAll('button')].find((b) => b.textContent === '加入')!.click();
    await flush();
    expect(sent.map((m) => m.type)).toEqual(['sync/status']);
    expect(root.querySelector('.notice.error')?.textContent).toMatch(/配对码/u);
  });

  it('first station of a secured database: sends the user name and password with the URL', async () => {
    stubBrowser((m) =>
      m.type === 'sync/start'
        ? { ok: true, code: 'SM-0G00-TEST', status: { ...paired, error: null, user: 'shop1' } }
        : unpaired,
    );
    render(<SyncPanel lang="zh" />, root);
    await flush();
    const [, url, user, password] = [...root.querySelectorAll('input')] as HTMLInputElement[];
    expect(password!.type).toBe('password');
    input(url!, 'https://couch.example.com/shipmask-s1');
    input(user!, ' shop1 ');
    input(password!, 'p w');
    await flush();
    [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('第一台'))!.click();
    await flush();
    expect(sent.at(-1)).toEqual({
      type: 'sync/start',
      serverUrl: 'https://couch.example.com/shipmask-s1',
      label: '1',
      user: 'shop1',
      password: 'p w',
    });
    expect(root.textContent).toContain('服务器用户：shop1');
    // Paired: the start form is gone and no password stays in the popup.
    expect(root.querySelector('.sync-pair')).toBeNull();
    [...root.querySelectorAll('button')].find((b) => b.textContent === '更改服务器用户名或密码')!.click();
    await flush();
    const [u2, p2] = [...root.querySelectorAll('.sync-credentials input')] as HTMLInputElement[];
    expect([u2!.value, p2!.value]).toEqual(['shop1', '']);
  });

  it('refused credentials: plain words, the next try, and a form that sends the new ones', async () => {
    const refused: SyncStatusView = {
      ...paired,
      conflicts: [],
      duplicates: [],
      user: 'shop1',
      retryAt: T + 5 * 60_000,
      error: { code: 'unauthorized', status: 401, message: 'HTTP 401' },
    };
    stubBrowser((m) =>
      m.type === 'sync/credentials'
        ? { ok: true, code: 'SM-0G00-NEW', status: { ...refused, error: null } }
        : refused,
    );
    render(<SyncPanel lang="zh" />, root);
    await flush();
    expect(root.textContent).toContain('服务器拒绝了用户名或密码');
    expect(root.textContent).toContain('下次自动重试 2026-12-07 11:05');
    const form = root.querySelector('.sync-credentials')!;
    const [user, password] = [...form.querySelectorAll('input')] as HTMLInputElement[];
    expect(user!.value).toBe('shop1');
    expect(password!.value).toBe('');
    input(password!, 'new-pw');
    await flush();
    (form.querySelector('button') as HTMLButtonElement).click();
    await flush();
    expect(sent.at(-1)).toEqual({ type: 'sync/credentials', user: 'shop1', password: 'new-pw' });
    expect(root.querySelector('.sync-credentials')).toBeNull();
    expect(root.querySelector('.pairing-code')?.textContent).toBe('SM-0G00-NEW');
  });
});
