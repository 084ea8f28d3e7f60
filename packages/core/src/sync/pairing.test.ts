import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, decodePairingCode, encodePairingCode, MAX_PAIRING_CODE_CHARS } from './pairing.js';
import { checkCredentials } from './credentials.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const keyArb = fc.uint8Array({ minLength: 32, maxLength: 32 });
const urlArb = fc
  .tuple(
    fc.constantFrom('https', 'http'),
    fc.constantFrom('couch.example.com', '127.0.0.1', 'db.shop-1.cn', '192.168.0.8'),
    fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    fc.stringMatching(/^[a-z][a-z0-9_-]{0,20}$/u),
  )
  .map(([s, h, p, d]) => `${s}://${h}${p === undefined ? '' : `:${p}`}/${d}`);

function encode(syncKey: Uint8Array, serverUrl: string): string {
  const r = encodePairingCode({ syncKey, serverUrl });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('pairing code', () => {
  it('round-trips key and URL, also retyped in lower case with spaces (property)', () => {
    fc.assert(
      fc.property(keyArb, urlArb, (k, u) => {
        const text = encode(k, u);
        expect(text).toMatch(/^SM(-[0-9A-Z]{1,4})+$/u);
        for (const t of [text, text.toLowerCase().replaceAll('-', ' ')]) {
          const r = decodePairingCode(t);
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.value.syncKey).toEqual(k);
            expect(r.value.serverUrl).toBe(u);
          }
        }
      }),
    );
  });

  it('detects every single-character substitution (property)', () => {
    fc.assert(
      fc.property(keyArb, urlArb, fc.nat(), fc.integer({ min: 1, max: 31 }), (k, u, at, shift) => {
        const text = encode(k, u);
        const positions = [...text]
          .map((c, i) => (ALPHABET.includes(c) && i > 2 ? i : -1))
          .filter((i) => i >= 0);
        const i = positions[at % positions.length]!;
        const replaced = ALPHABET[(ALPHABET.indexOf(text[i]!) + shift) % 32]!;
        const typo = text.slice(0, i) + replaced + text.slice(i + 1);
        const r = decodePairingCode(typo);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('checksum');
      }),
      { numRuns: 300 },
    );
  });

  it('detects a dropped character (property)', () => {
    fc.assert(
      fc.property(keyArb, urlArb, fc.nat(), (k, u, at) => {
        const text = encode(k, u).replaceAll('-', '');
        const i = 2 + (at % (text.length - 2));
        expect(decodePairingCode(text.slice(0, i) + text.slice(i + 1)).ok).toBe(false);
      }),
    );
  });

  it('reads Crockford look-alikes and says what is wrong otherwise', () => {
    const text = encode(new Uint8Array(32).fill(0), 'https://couch.example.com/db');
    const r = decodePairingCode(text.replaceAll('0', 'O'));
    expect(r.ok).toBe(true);
    const code = (t: string): string | undefined => {
      const x = decodePairingCode(t);
      return x.ok ? undefined : x.error.code;
    };
    expect(code('hello')).toBe('not-a-pairing-code');
    expect(code('SM-0000')).toBe('not-a-pairing-code');
    expect(code(text.replace(/.$/u, 'U'))).toBe('bad-character');
    expect(code('SM-' + 'A'.repeat(3300))).toBe('not-a-pairing-code');
  });

  it('refuses to encode a bad key or a URL with credentials', () => {
    expect(encodePairingCode({ syncKey: new Uint8Array(16), serverUrl: 'https://a.com/db' })).toMatchObject({
      ok: false,
      error: { code: 'bad-sync-key' },
    });
    expect(
      encodePairingCode({ syncKey: new Uint8Array(32), serverUrl: 'https://u:p@a.com/db' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'credentials-in-url' },
    });
  });

  it('round-trips the CouchDB user and password of version 2 (property)', () => {
    const userArb = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 100 })
      .filter((u) => checkCredentials(u, 'x').ok);
    const passwordArb = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 200 })
      .filter((p) => checkCredentials('u', p).ok);
    fc.assert(
      fc.property(keyArb, urlArb, userArb, passwordArb, (k, u, user, password) => {
        const r = encodePairingCode({ syncKey: k, serverUrl: u, credentials: { user, password } });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.length).toBeLessThanOrEqual(MAX_PAIRING_CODE_CHARS);
        const d = decodePairingCode(r.value.toLowerCase());
        expect(d).toEqual({ ok: true, value: { syncKey: k, serverUrl: u, credentials: { user, password } } });
      }),
      { numRuns: 200 },
    );
  });

  it('still reads a version 1 code made before credentials existed, and writes one without them', () => {
    // Made by the version 1 encoder (commit 9cfb928) for key 00 01 … 1f and this URL.
    const old =
      'SM-0400-20G3-0G2G-C1R8-1450-P30D-1R7H-048J-2CA1-A5GQ-30CH-M6RW-3MF1-YT3M-EHR7-6EHF-5XHP-YXB3-D0Q6-AY31-DNR6-RS9E-CDQP-TBVK-D1MQ-0VB1-EDNJ-TWSH-80CA-7H0';
    const key = Uint8Array.from({ length: 32 }, (_, i) => i);
    expect(decodePairingCode(old)).toEqual({
      ok: true,
      value: { syncKey: key, serverUrl: 'https://couch.example.com/shipmask-s1' },
    });
    expect(encodePairingCode({ syncKey: key, serverUrl: 'https://couch.example.com/shipmask-s1' })).toEqual({
      ok: true,
      value: old,
    });
  });

  it('detects a single-character substitution in a version 2 code (property)', () => {
    fc.assert(
      fc.property(keyArb, urlArb, fc.nat(), fc.integer({ min: 1, max: 31 }), (k, u, at, shift) => {
        const r = encodePairingCode({
          syncKey: k,
          serverUrl: u,
          credentials: { user: 'shop-1 店', password: 'p:ss wörd' },
        });
        if (!r.ok) throw new Error(r.error.message);
        const text = r.value;
        const positions = [...text]
          .map((c, i) => (ALPHABET.includes(c) && i > 2 ? i : -1))
          .filter((i) => i >= 0);
        const i = positions[at % positions.length]!;
        const typo =
          text.slice(0, i) + ALPHABET[(ALPHABET.indexOf(text[i]!) + shift) % 32]! + text.slice(i + 1);
        expect(decodePairingCode(typo)).toMatchObject({ ok: false, error: { code: 'checksum' } });
      }),
      { numRuns: 200 },
    );
  });

  it('refuses bad credentials on encode and a malformed credentials field with a valid checksum', () => {
    const syncKey = new Uint8Array(32);
    const serverUrl = 'https://a.com/db';
    expect(encodePairingCode({ syncKey, serverUrl, credentials: { user: '', password: 'x' } })).toMatchObject(
      { ok: false, error: { code: 'bad-user' } },
    );
    expect(
      encodePairingCode({ syncKey, serverUrl, credentials: { user: 'u', password: 'x'.repeat(201) } }),
    ).toMatchObject({ ok: false, error: { code: 'bad-password' } });
    const forge = (middle: number[]): string => {
      const body = [2, ...syncKey, ...middle, ...new TextEncoder().encode(serverUrl)];
      const crc = crc32(Uint8Array.from(body));
      const bytes = [...body, crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255];
      let out = '';
      let acc = 0;
      let bits = 0;
      for (const b of bytes) {
        acc = ((acc << 8) | b) & 0xffff;
        bits += 8;
        while (bits >= 5) {
          out += ALPHABET[(acc >>> (bits - 5)) & 31]!;
          bits -= 5;
        }
      }
      if (bits > 0) out += ALPHABET[(acc << (5 - bits)) & 31]!;
      return `SM-${out}`;
    };
    const u = [...new TextEncoder().encode('shop1')];
    const p = [...new TextEncoder().encode('pw')];
    // The forger itself is right: a well-formed field decodes.
    expect(decodePairingCode(forge([0, u.length, ...u, 0, p.length, ...p]))).toMatchObject({
      ok: true,
      value: { credentials: { user: 'shop1', password: 'pw' } },
    });
    // A user length running past the end, a password that is not UTF-8, a user with a colon.
    expect(decodePairingCode(forge([0xff, 0xff, ...u]))).toMatchObject({
      ok: false,
      error: { code: 'bad-user' },
    });
    expect(decodePairingCode(forge([0, u.length, ...u, 0, 1, 0xff]))).toMatchObject({
      ok: false,
      error: { code: 'bad-password' },
    });
    const colon = [...new TextEncoder().encode('a:b')];
    expect(decodePairingCode(forge([0, 3, ...colon, 0, p.length, ...p]))).toMatchObject({
      ok: false,
      error: { code: 'bad-user' },
    });
  });

  it('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
