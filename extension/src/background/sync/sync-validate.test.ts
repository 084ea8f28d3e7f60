import { describe, expect, it } from 'vitest';
import { SYNC_LIMITS, syncRequest } from './sync-validate';

class Invalid extends Error {}
const str = (v: unknown, path: string, max = 100, min = 0): string => {
  if (typeof v !== 'string' || v.length < min || v.length > max) throw new Invalid(path);
  return v;
};

describe('sync request validation', () => {
  it('keeps optional credentials of sync/start and sync/rotate, drops unknown fields', () => {
    expect(
      syncRequest(
        {
          type: 'sync/start',
          serverUrl: 'https://a.com/db',
          label: '1',
          user: 'shop1',
          password: 'pw',
          x: 1,
        },
        'sync/start',
        str,
      ),
    ).toEqual({
      type: 'sync/start',
      serverUrl: 'https://a.com/db',
      label: '1',
      user: 'shop1',
      password: 'pw',
    });
    expect(
      syncRequest({ type: 'sync/start', serverUrl: 'https://a.com/db', label: '1' }, 'sync/start', str),
    ).toEqual({ type: 'sync/start', serverUrl: 'https://a.com/db', label: '1' });
    expect(syncRequest({ type: 'sync/rotate', password: 'new' }, 'sync/rotate', str)).toEqual({
      type: 'sync/rotate',
      password: 'new',
    });
  });

  it('bounds user name and password before core checks them; sync/credentials needs both', () => {
    const long = (n: number) => 'x'.repeat(n);
    expect(() =>
      syncRequest(
        { type: 'sync/credentials', user: long(SYNC_LIMITS.user + 1), password: 'pw' },
        'sync/credentials',
        str,
      ),
    ).toThrow('user');
    expect(() =>
      syncRequest(
        { type: 'sync/credentials', user: 'u', password: long(SYNC_LIMITS.password + 1) },
        'sync/credentials',
        str,
      ),
    ).toThrow('password');
    expect(() => syncRequest({ type: 'sync/credentials', user: 'u' }, 'sync/credentials', str)).toThrow(
      'password',
    );
    expect(() =>
      syncRequest(
        { type: 'sync/start', serverUrl: 'https://a.com/db', label: '1', user: 7 },
        'sync/start',
        str,
      ),
    ).toThrow('user');
  });
});
