import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basicAuthorization, checkCredentials } from './credentials.js';

const codeOf = (user: unknown, password: unknown): string | undefined => {
  const r = checkCredentials(user, password);
  return r.ok ? undefined : r.error.code;
};

describe('CouchDB credentials', () => {
  it('accepts free-text user names and printable passwords at their limits', () => {
    expect(checkCredentials('shop1', 'pw')).toEqual({ ok: true, value: { user: 'shop1', password: 'pw' } });
    expect(codeOf('店铺 一号', 'p: a s s')).toBeUndefined();
    expect(codeOf('u'.repeat(100), 'p'.repeat(200))).toBeUndefined();
    // Length is counted in characters, not UTF-16 units.
    expect(codeOf('😀'.repeat(100), '😀'.repeat(200))).toBeUndefined();
  });

  it('refuses each bad field with its typed code', () => {
    expect(codeOf('', 'pw')).toBe('bad-user');
    expect(codeOf('u'.repeat(101), 'pw')).toBe('bad-user');
    expect(codeOf('😀'.repeat(101), 'pw')).toBe('bad-user');
    expect(codeOf('a:b', 'pw')).toBe('bad-user');
    expect(codeOf('_admin', 'pw')).toBe('bad-user');
    expect(codeOf(' shop1', 'pw')).toBe('bad-user');
    expect(codeOf('sh\nop', 'pw')).toBe('bad-user');
    expect(codeOf('sh\u200bop', 'pw')).toBe('bad-user');
    expect(codeOf(42, 'pw')).toBe('bad-user');
    expect(codeOf('shop1', '')).toBe('bad-password');
    expect(codeOf('shop1', 'p'.repeat(201))).toBe('bad-password');
    expect(codeOf('shop1', 'pw\u0000')).toBe('bad-password');
    expect(codeOf('shop1', '\ud800')).toBe('bad-password');
    expect(codeOf('shop1', undefined)).toBe('bad-password');
  });

  it('never repeats the password in an error message', () => {
    const r = checkCredentials('shop1', 'secret\u0007value');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).not.toContain('secret');
  });

  it('builds the Basic header of RFC 7617 (its examples, UTF-8)', () => {
    expect(basicAuthorization({ user: 'Aladdin', password: 'open sesame' })).toBe(
      'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
    );
    expect(basicAuthorization({ user: 'test', password: '123\u00a3' })).toBe('Basic dGVzdDoxMjPCow==');
  });

  it('encodes like the platform base64 of the UTF-8 bytes (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        (u, p) => {
          const bytes = new TextEncoder().encode(`${u}:${p}`);
          const expected = btoa(String.fromCharCode(...bytes));
          expect(basicAuthorization({ user: u, password: p })).toBe(`Basic ${expected}`);
        },
      ),
    );
  });
});
