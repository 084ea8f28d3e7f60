import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSyncKeys, newSyncKey } from './keys.js';

const hex = (b: Uint8Array): string => bytesToHex(b);

describe('deriveSyncKeys', () => {
  it('derives four distinct 32-byte keys, the same on every call (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (k) => {
        const a = deriveSyncKeys(k);
        const b = deriveSyncKeys(Uint8Array.from(k));
        if (!a.ok || !b.ok) return false;
        const all = [a.keys.idKey, a.keys.revKey, a.keys.sealKey, a.keys.matchKey].map(hex);
        expect(new Set(all).size).toBe(4);
        expect(all.every((x) => x.length === 64)).toBe(true);
        expect([b.keys.idKey, b.keys.revKey, b.keys.sealKey, b.keys.matchKey].map(hex)).toEqual(all);
        // No derived key is the sync key itself.
        expect(all).not.toContain(hex(k));
        return true;
      }),
    );
  });

  it('refuses keys that are not 32 bytes with a typed error', () => {
    for (const n of [0, 16, 31, 33, 64])
      expect(deriveSyncKeys(new Uint8Array(n))).toEqual({ ok: false, error: 'bad-sync-key' });
    expect(deriveSyncKeys('x' as unknown as Uint8Array)).toEqual({ ok: false, error: 'bad-sync-key' });
  });

  it('newSyncKey takes 32 bytes from the source and refuses a broken source', () => {
    expect(newSyncKey((n) => new Uint8Array(n).fill(7))).toEqual(new Uint8Array(32).fill(7));
    expect(newSyncKey(() => new Uint8Array(8))).toBeUndefined();
  });
});
