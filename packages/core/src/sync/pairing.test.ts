import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, decodePairingCode, encodePairingCode } from './pairing.js';

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
    expect(code('SM-' + 'A'.repeat(2000))).toBe('not-a-pairing-code');
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

  it('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
