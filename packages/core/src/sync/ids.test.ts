import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { docText, naturalKey } from './documents.js';
import { orderIdOf, syncDocArb, testKeys, T0 } from './fixtures.test-helper.js';
import { DOC_ID, REV_ID, docId, revGeneration, revisionId } from './ids.js';

const keys = testKeys();
const other = testKeys(9);

describe('docId', () => {
  it('is 32 hex characters, deterministic, and never contains the order id or shop id (property)', () => {
    fc.assert(
      fc.property(syncDocArb, (doc) => {
        const id = docId(keys.idKey, doc);
        expect(id).toMatch(DOC_ID);
        expect(docId(keys.idKey, structuredClone(doc))).toBe(id);
        const orderId = orderIdOf(doc);
        if (orderId !== undefined) expect(id).not.toContain(orderId);
        if ('shop' in doc) expect(id).not.toContain(doc.shop.shopId.toLowerCase());
      }),
    );
  });

  it('is HMAC-SHA256 of the natural key, and revisions of the parent and text, under either key, in any order (property)', () => {
    const direct = (key: Uint8Array, text: string): string =>
      bytesToHex(hmac(sha256, key, new TextEncoder().encode(text))).slice(0, 32);
    fc.assert(
      fc.property(fc.array(fc.tuple(syncDocArb, fc.boolean()), { maxLength: 6 }), (docs) => {
        // Interleaved keys and documents: the working state kept per key must not leak between calls.
        for (const [doc, second] of docs) {
          const k = second ? other : keys;
          expect(docId(k.idKey, doc)).toBe(direct(k.idKey, naturalKey(doc)));
          expect(revisionId(k.revKey, '1-' + 'a'.repeat(32), doc)).toBe(
            `2-${direct(k.revKey, `1-${'a'.repeat(32)}\u0000${docText(doc)}`)}`,
          );
        }
      }),
    );
  });

  it('depends on the key: another shop key gives unrelated ids (property)', () => {
    fc.assert(fc.property(syncDocArb, (doc) => docId(keys.idKey, doc) !== docId(other.idKey, doc)));
  });

  it('gives one id per natural identity (property)', () => {
    fc.assert(
      fc.property(
        syncDocArb,
        syncDocArb,
        (a, b) => (docId(keys.idKey, a) === docId(keys.idKey, b)) === (naturalKey(a) === naturalKey(b)),
      ),
    );
  });
});

describe('revisionId', () => {
  const doc = {
    kind: 'claim',
    shop: { platform: 'jd', shopId: 's' },
    orderId: '3718000000000001',
    at: T0,
    station: { id: 'a', label: '1' },
  } as const;

  it('is N-sig with N = parent generation + 1, and deterministic', () => {
    const r1 = revisionId(keys.revKey, undefined, doc);
    expect(r1).toMatch(REV_ID);
    expect(revGeneration(r1)).toBe(1);
    expect(revisionId(keys.revKey, undefined, structuredClone(doc))).toBe(r1);
    const r2 = revisionId(keys.revKey, r1, null);
    expect(revGeneration(r2)).toBe(2);
    expect(r2).not.toBe(revisionId(keys.revKey, r1, doc));
    expect(revisionId(keys.revKey, undefined, { ...doc, at: T0 + 1 })).not.toBe(r1);
  });

  it('never contains the order id (property)', () => {
    fc.assert(
      fc.property(syncDocArb, (d) => {
        const o = orderIdOf(d);
        return o === undefined || !revisionId(keys.revKey, undefined, d).includes(o);
      }),
    );
  });

  it('revGeneration reads 0 from what is not a revision', () => {
    expect(revGeneration('abc')).toBe(0);
    expect(revGeneration('0-abc')).toBe(0);
    expect(revGeneration('12-abc')).toBe(12);
  });
});
