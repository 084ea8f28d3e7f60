import { describe, expect, it } from 'vitest';
import { isReply, send } from './client';

const shop = { platform: 'wechat', shopId: 'demo' } as const;

describe('send()', () => {
  it('passes the request through and returns the reply', async () => {
    const seen: unknown[] = [];
    const reply = await send({ type: 'quota/status', shop }, (m) => {
      seen.push(m);
      return Promise.resolve({ ok: true, value: { used: 1 } });
    });
    expect(seen).toEqual([{ type: 'quota/status', shop }]);
    expect(reply).toEqual({ ok: true, value: { used: 1 } });
  });

  it('passes typed errors through', async () => {
    const error = { code: 'invalid-message', message: 'orders[0].receiver.phone (plain)' };
    expect(await send({ type: 'shops/list' }, () => Promise.resolve({ ok: false, error }))).toEqual({
      ok: false,
      error,
    });
  });

  it('never rejects: an orphaned context is `unreachable`, a malformed reply `internal`', async () => {
    const gone = await send({ type: 'shops/list' }, () =>
      Promise.reject(new Error('Extension context invalidated.')),
    );
    expect(gone).toEqual({
      ok: false,
      error: { code: 'unreachable', message: 'Extension context invalidated.' },
    });
    expect(await send({ type: 'shops/list' }, () => Promise.resolve(undefined))).toMatchObject({
      error: { code: 'unreachable' },
    });
    expect(await send({ type: 'shops/list' }, () => Promise.resolve('nope'))).toMatchObject({
      error: { code: 'internal' },
    });
  });

  it('recognises the Reply shape', () => {
    expect(isReply({ ok: true, value: null })).toBe(true);
    expect(isReply({ ok: true })).toBe(false);
    expect(isReply({ ok: false, error: { code: 'x', message: 'y' } })).toBe(true);
    expect(isReply({ ok: false, error: { code: 1, message: 'y' } })).toBe(false);
    expect(isReply(null)).toBe(false);
  });
});
