import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syncStatusLine } from './sync-status-line';

const now = Date.UTC(2026, 11, 7, 3, 5); // 11:05 China time
const at = Date.UTC(2026, 11, 7, 3, 2); // 11:02 China time

describe('syncStatusLine', () => {
  it('in sync: says so with the last sync in China time', () => {
    expect(syncStatusLine({ lastSyncAt: at, pending: 0, error: null, unreadable: 0 }, now)).toEqual({
      text: '已同步 · 上次 2026-12-07 11:02',
      level: 'ok',
    });
    expect(syncStatusLine({ lastSyncAt: at, pending: 0, error: null, unreadable: 0 }, now, 'en').text).toBe(
      'in sync · last 2026-12-07 11:02',
    );
  });

  it('offline with pending writes: plain words, the count, and that it will catch up', () => {
    const line = syncStatusLine(
      { lastSyncAt: at, pending: 12, error: { code: 'offline', message: 'x' }, unreadable: 0 },
      now,
    );
    expect(line.level).toBe('error');
    expect(line.text).toBe(
      '连不上同步服务器（网络断了或服务器停了），恢复后自动补传 · 12 条待上传 · 上次 2026-12-07 11:02',
    );
  });

  it('warns when never synced, stale, or when documents did not open', () => {
    expect(syncStatusLine({ lastSyncAt: null, pending: 0, error: null, unreadable: 0 }, now).level).toBe(
      'warn',
    );
    expect(
      syncStatusLine({ lastSyncAt: now - 11 * 60_000, pending: 0, error: null, unreadable: 0 }, now).level,
    ).toBe('warn');
    const bad = syncStatusLine({ lastSyncAt: at, pending: 0, error: null, unreadable: 3 }, now);
    expect(bad).toMatchObject({ level: 'warn' });
    expect(bad.text).toContain('3 条打不开');
  });

  it('never shows the error message text (it may hold server words), only our plain words (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'offline',
          'unauthorized',
          'no-database',
          'conflict',
          'server',
          'bad-response' as const,
        ),
        fc.string({ minLength: 5 }).map((s) => `<b>${s}</b>`),
        fc.constantFrom('zh' as const, 'en' as const),
        (code, message, lang) => {
          const line = syncStatusLine(
            { lastSyncAt: at, pending: 0, error: { code, message }, unreadable: 0 },
            now,
            lang,
          );
          expect(line.text).not.toContain(message);
          expect(line.level).toBe('error');
        },
      ),
    );
  });

  it('refused credentials: plain words and the next automatic try (China time)', () => {
    const refused = {
      lastSyncAt: at,
      pending: 2,
      error: { code: 'unauthorized' as const, status: 401, message: 'HTTP 401' },
      unreadable: 0,
      retryAt: now + 5 * 60_000,
    };
    expect(syncStatusLine(refused, now)).toEqual({
      text: '服务器拒绝了用户名或密码，请在下方更新（或问管理服务器的人） · 下次自动重试 2026-12-07 11:10 · 2 条待上传 · 上次 2026-12-07 11:02',
      level: 'error',
    });
    expect(syncStatusLine({ ...refused, retryAt: null }, now, 'en').text).toBe(
      'The server refused the user name or password; update them below (or ask whoever runs the server) · 2 waiting to upload · last 2026-12-07 11:02',
    );
  });
});
