import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from '../handoff/base64url.js';
import { docText, type SyncDoc } from './documents.js';
import { orderIdOf, realRandom, syncDocArb, testKeys, T0 } from './fixtures.test-helper.js';
import { docId } from './ids.js';
import { openSyncDoc, sealSyncDoc, SYNC_PAD_BYTES, type SealedSyncDoc } from './seal.js';

const keys = testKeys();
const other = testKeys(9);

async function seal(doc: SyncDoc): Promise<SealedSyncDoc> {
  const r = await sealSyncDoc(keys, doc, realRandom);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const claim: SyncDoc = {
  kind: 'claim',
  shop: { platform: 'douyin', shopId: 'shop-777' },
  orderId: '6934567890123456789',
  at: T0,
  station: { id: 'st-1', label: '1' },
};

describe('sealSyncDoc / openSyncDoc', () => {
  it('round-trips every document, and the sealed JSON holds no order id or shop id (property)', async () => {
    await fc.assert(
      fc.asyncProperty(syncDocArb, async (doc) => {
        const sealed = await seal(doc);
        expect(sealed._id).toBe(docId(keys.idKey, doc));
        const wire = JSON.stringify(sealed);
        const o = orderIdOf(doc);
        if (o !== undefined) expect(wire).not.toContain(o);
        if ('shop' in doc) expect(wire).not.toContain(doc.shop.shopId);
        const r = await openSyncDoc(keys, JSON.parse(wire));
        expect(r.ok).toBe(true);
        if (r.ok) expect(docText(r.value)).toBe(docText(doc));
      }),
      { numRuns: 150 },
    );
  });

  it('pads plaintexts to 64-byte steps (sizes leak only coarsely)', async () => {
    const a = await seal(claim);
    const b = await seal({ ...claim, orderId: '69345678901234567' });
    expect(a.s.length).toBe(b.s.length);
    expect((decodeBase64url(a.s)!.length - 1 - 4 - 12 - 16) % SYNC_PAD_BYTES === 0).toBe(true);
  });

  it('uses a fresh IV: sealing twice gives different bodies under the same id', async () => {
    const a = await seal(claim);
    const b = await seal(claim);
    expect(a._id).toBe(b._id);
    expect(a.s).not.toBe(b.s);
  });

  it('refuses any altered bit with a typed error, never a document (property)', async () => {
    const sealed = await seal(claim);
    const bytes = decodeBase64url(sealed.s)!;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length * 8 - 1 }), async (bit) => {
        const b = bytes.slice();
        b[bit >> 3] = b[bit >> 3]! ^ (1 << (bit & 7));
        const r = await openSyncDoc(keys, { _id: sealed._id, s: encodeBase64url(b) });
        expect(r.ok).toBe(false);
        if (!r.ok) {
          const expected = bit < 8 ? 'unknown-version' : bit < 40 ? 'wrong-key' : 'tampered';
          expect(r.error.code).toBe(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('says wrong-key for another sync key, and tampered for a body moved to another id', async () => {
    const sealed = await seal(claim);
    const wrong = await openSyncDoc(other, sealed);
    expect(!wrong.ok && wrong.error.code).toBe('wrong-key');
    const moved = await openSyncDoc(keys, { ...sealed, _id: 'f'.repeat(32) });
    expect(!moved.ok && moved.error.code).toBe('tampered');
  });

  it('classifies foreign and oversized bodies before decrypting', async () => {
    const code = async (v: unknown): Promise<string | undefined> => {
      const r = await openSyncDoc(keys, v);
      return r.ok ? undefined : r.error.code;
    };
    expect(await code(null)).toBe('not-sealed');
    expect(await code({ _id: '_design/x', s: 'AA' })).toBe('not-sealed');
    expect(await code({ _id: 'a'.repeat(32), s: 'not base64!' })).toBe('not-sealed');
    expect(await code({ _id: 'a'.repeat(32), s: 'AAAA' })).toBe('not-sealed');
    expect(await code({ _id: 'a'.repeat(32), s: 'A'.repeat(400_000) })).toBe('too-large');
  });

  it('refuses to seal an invalid document, and reports a broken random source', async () => {
    const bad = await sealSyncDoc(keys, { ...claim, orderId: '' }, realRandom);
    expect(!bad.ok && bad.error.code).toBe('bad-document');
    const noIv = await sealSyncDoc(keys, claim, () => new Uint8Array(3));
    expect(!noIv.ok && noIv.error.code).toBe('crypto-failed');
    const huge = await sealSyncDoc(
      keys,
      {
        kind: 'settings',
        shop: claim.kind === 'claim' ? claim.shop : { platform: 'jd', shopId: 's' },
        settings: Array.from({ length: 20 }, () => 'x'.repeat(19_000)),
        at: T0,
        station: { id: 'a', label: '1' },
      },
      realRandom,
    );
    expect(!huge.ok && huge.error.code).toBe('too-large');
  });

  it('says id-mismatch when a key holder sealed a document under another id', async () => {
    // A broken station holding the key seals a claim under the id of another order.
    const { aesGcmEncrypt } = await import('../handoff/crypto.js');
    const { hmac } = await import('@noble/hashes/hmac.js');
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const target = docId(keys.idKey, { ...claim, orderId: '1111111111111' });
    const iv = new Uint8Array(12);
    const text = new TextEncoder().encode(docText(claim).padEnd(128, ' '));
    const ct = await aesGcmEncrypt(
      keys.sealKey,
      iv,
      new TextEncoder().encode(`shipmask/sync/v1\u0000${target}`),
      text,
    );
    const check = hmac(sha256, keys.sealKey, new TextEncoder().encode('shipmask/sync/v1/check')).slice(0, 4);
    const body = new Uint8Array([1, ...check, ...iv, ...ct]);
    const r = await openSyncDoc(keys, { _id: target, s: encodeBase64url(body) });
    expect(!r.ok && r.error.code).toBe('id-mismatch');
  });

  it('seals under a given id without recomputing it; a wrong given id never opens as that document', async () => {
    const id = docId(keys.idKey, claim);
    const given = await sealSyncDoc(keys, claim, realRandom, id);
    expect(given.ok && given.value._id).toBe(id);
    const opened = given.ok ? await openSyncDoc(keys, given.value) : undefined;
    expect(opened?.ok && docText(opened.value)).toBe(docText(claim));
    const wrongId = docId(keys.idKey, { ...claim, orderId: '1111111111111' });
    const wrong = await sealSyncDoc(keys, claim, realRandom, wrongId);
    expect(wrong.ok && wrong.value._id).toBe(wrongId);
    const refused = wrong.ok ? await openSyncDoc(keys, wrong.value) : undefined;
    expect(refused && !refused.ok && refused.error.code).toBe('id-mismatch');
    for (const bad of ['', 'ABCDEF0123456789ABCDEF0123456789', `${id}0`]) {
      const r = await sealSyncDoc(keys, claim, realRandom, bad);
      expect(!r.ok && r.error.code).toBe('bad-document');
    }
  });
});
