import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url, isBase64urlCode } from './base64url.js';

describe('base64url', () => {
  it('known answers (RFC 4648 §10, URL-safe, unpadded)', () => {
    const ascii = (s: string) => new TextEncoder().encode(s);
    const cases: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, enc] of cases) {
      expect(encodeBase64url(ascii(plain))).toBe(enc);
      expect(decodeBase64url(enc)).toEqual(ascii(plain));
    }
    expect(encodeBase64url(new Uint8Array([251, 255]))).toBe('-_8');
  });

  it('encodes and decodes as the platform base64 (btoa) does (property)', { timeout: 60_000 }, () => {
    const reference = (b: Uint8Array): string =>
      btoa(String.fromCharCode(...b))
        .replaceAll('+', '-')
        .replaceAll('/', '_')
        .replace(/=+$/u, '');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const text = reference(b);
        expect(encodeBase64url(b)).toBe(text);
        expect(decodeBase64url(text)).toEqual(b);
        // One character changed to a stranger: refused wherever it is.
        if (text.length > 0) expect(decodeBase64url(`${text.slice(0, -1)}é`)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any bytes (1,000 runs)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        expect(decodeBase64url(encodeBase64url(b))).toEqual(b);
      }),
      { numRuns: 1000 },
    );
  });

  it(
    'is strict: any text it accepts is exactly the encoding of what it returns (1,000 runs)',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(fc.stringMatching(/^[A-Za-z0-9_=+/ -]{0,40}$/u), (t) => {
          const b = decodeBase64url(t);
          if (b !== undefined) expect(encodeBase64url(b)).toBe(t);
        }),
        { numRuns: 1000 },
      );
      for (const t of ['Z', 'Zh', 'Zm9=', 'Zm9v=', 'Zm+v', 'Zm/v', 'Zm 9v', '好好好好']) {
        expect(decodeBase64url(t), t).toBeUndefined();
      }
    },
  );

  it('handles 100,000-character input', () => {
    expect(decodeBase64url('A'.repeat(100_000))?.length).toBe(75_000);
    expect(decodeBase64url('A'.repeat(99_999) + '!')).toBeUndefined();
    expect(isBase64urlCode('_'.charCodeAt(0))).toBe(true);
    expect(isBase64urlCode('='.charCodeAt(0))).toBe(false);
  });
});
