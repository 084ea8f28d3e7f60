import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkServerUrl } from './server-url.js';

const code = (t: string): string | undefined => {
  const r = checkServerUrl(t);
  return r.ok ? undefined : r.error.code;
};

describe('checkServerUrl', () => {
  it('accepts http(s) database URLs and normalises them', () => {
    expect(checkServerUrl('HTTPS://Couch.Example.com:6984/shipmask-s1/')).toEqual({
      ok: true,
      value: { url: 'https://couch.example.com:6984/shipmask-s1', database: 'shipmask-s1', secure: true },
    });
    expect(checkServerUrl('http://127.0.0.1:5984/db')).toMatchObject({ ok: true, value: { secure: true } });
    expect(checkServerUrl('http://192.168.1.20:5984/db')).toMatchObject({
      ok: true,
      value: { secure: false },
    });
    expect(checkServerUrl('https://example.com/couch/proxy/shop_1')).toMatchObject({
      ok: true,
      value: { database: 'shop_1' },
    });
    expect(checkServerUrl('http://[::1]:5984/db')).toMatchObject({ ok: true, value: { secure: true } });
  });

  it('refuses credentials, other schemes, queries, fragments and bad names with typed errors', () => {
    expect(code('https://admin:secret@couch.example.com/db')).toBe('credentials-in-url');
    expect(code('https://admin@couch.example.com/db')).toBe('credentials-in-url');
    expect(code('ftp://couch.example.com/db')).toBe('not-http');
    expect(code('javascript://x/db')).toBe('not-http');
    expect(code('https://couch.example.com/db?x=1')).toBe('bad-url');
    expect(code('https://couch.example.com/db#x')).toBe('bad-url');
    expect(code('https://couch.example.com/')).toBe('bad-url');
    expect(code('https://couch.example.com/_users')).toBe('bad-url');
    expect(code('https://couch.example.com/Db')).toBe('bad-url');
    expect(code('https://couch.example.com:0/db')).toBe('bad-url');
    expect(code('https://couch.example.com:70000/db')).toBe('bad-url');
    expect(code('https://-bad-.com/db')).toBe('bad-url');
    expect(code('https://999.1.1.1/db')).toBe('bad-url');
    expect(code('https://exa mple.com/db')).toBe('bad-url');
    expect(code('couch.example.com/db')).toBe('bad-url');
    expect(code('')).toBe('bad-url');
    expect(code(`https://e.com/${'a'.repeat(400)}`)).toBe('bad-url');
  });

  it('never throws and never accepts a URL with @ in its authority (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (s) => {
        const r = checkServerUrl(s);
        if (r.ok) expect(r.value.url).toMatch(/^https?:\/\/[^@/?#]+(\/[^?#]+)$/u);
      }),
    );
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: false, withFragments: false }), (u) => {
        const r = checkServerUrl(u);
        if (r.ok) expect(r.value.url.includes('@')).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});
