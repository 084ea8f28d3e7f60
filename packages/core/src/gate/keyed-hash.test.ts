import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderKey } from '../quota/order-key.js';
import { keyedHasher } from './keyed-hash.js';

describe('keyedHasher', () => {
  it('is HMAC-SHA256 (the same as orderKey) and reusable', () => {
    const key = new Uint8Array(32).fill(7);
    const h = keyedHasher(key);
    expect(h('3718000000000001')).toBe(orderKey(key, '3718000000000001'));
    expect(h('x')).toBe(orderKey(key, 'x'));
    expect(h('3718000000000001')).toBe(orderKey(key, '3718000000000001'));
  });
  it('RFC 4231 test case 2', () => {
    const h = keyedHasher(new TextEncoder().encode('Jefe'));
    expect(h('what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
  it('different keys give different hashes (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 255 }), (text, b) => {
        const a = keyedHasher(new Uint8Array(32))(text);
        const c = keyedHasher(new Uint8Array(32).fill(b))(text);
        return a !== c && /^[0-9a-f]{64}$/u.test(a);
      }),
    );
  });
});
