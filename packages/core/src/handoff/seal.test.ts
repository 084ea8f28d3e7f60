import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url.js';
import { BATCH_LIMITS, checkBatch } from './check.js';
import { MAX_LOG_N, MIN_LOG_N, PASSPHRASE_KDF } from './crypto.js';
import { ByteWriter } from './bytes.js';
import { encodeBody } from './codec.js';
import { dictionaryV1 } from './dictionary.js';
import { forgeBatchLink } from './forge.test-helper.js';
import { batchArb, counterRandom, realRandom, smallBatch, T0, WEEK } from './fixtures.test-helper.js';
import { newBatchId, openBatch, sealBatch, type SealedBatch } from './seal.js';

const BASE = 'https://supplier.example/open/';

async function seal(
  options: { passphrase?: string; logN?: number; maxLinkChars?: number } = {},
): Promise<SealedBatch> {
  const r = await sealBatch(smallBatch(), { base: BASE, random: counterRandom(), ...options });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = bytes.slice();
  out[bit >> 3] = out[bit >> 3]! ^ (1 << (bit & 7));
  return out;
}

describe('sealBatch / openBatch', () => {
  it('round-trips the small batch, and the link has the base and a fragment only', async () => {
    const s = await seal();
    expect(s.kind).toBe('link');
    expect(s.text.startsWith(`${BASE}#`)).toBe(true);
    expect(s.text.slice(BASE.length + 1)).toBe(s.payload);
    expect(s.payload).toMatch(/^[A-Za-z0-9_-]+$/u);
    const o = await openBatch(s.text, { now: T0 });
    expect(o).toEqual({ ok: true, value: { batch: smallBatch(), keep: s.keep, passphrase: false } });
  });

  it('round-trips random batches (property, 1,000 runs; async WebCrypto, small batches)', async () => {
    await fc.assert(
      fc.asyncProperty(batchArb(5), async (raw) => {
        const s = await sealBatch(raw, { base: BASE, random: realRandom });
        expect(s.ok).toBe(true);
        if (!s.ok) return;
        const o = await openBatch(s.value.text, { now: raw.createdAt });
        expect(o.ok && o.value.batch).toEqual(checkBatch(raw).ok && s.value.batch);
        expect(o.ok && o.value.keep).toEqual(s.value.keep);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('masks the remark on the way in, and the link never carries the number', async () => {
    const b = smallBatch();
    const withPhone = {
      ...b,
      orders: [{ ...b.orders[0]!, remark: '到了打13812345678' }, b.orders[1]!],
    };
    const s = await sealBatch(withPhone, { base: BASE, random: realRandom });
    expect(s.ok && s.value.batch.orders[0]!.remark).toBe('到了打138****5678');
    const o = s.ok ? await openBatch(s.value.text, { now: T0 }) : undefined;
    expect(o?.ok && o.value.batch.orders[0]!.remark).toBe('到了打138****5678');
  });

  it('refuses a batch with a real mobile number, naming the order and field', async () => {
    const b = smallBatch();
    const bad = { ...b, orders: [b.orders[0]!, { ...b.orders[1]!, receiver: { phone: '13812345678' } }] };
    const r = await sealBatch(bad, { base: BASE, random: realRandom });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'plaintext', orderId: '3718000000000001235', field: 'receiver.phone' },
    });
  });

  it('finds the link in chat text, after &utm…, across line breaks and zero-width characters', async () => {
    const s = await seal();
    const half = Math.floor(s.text.length / 2);
    const variants = [
      `【供货单】请打开 ${s.text} 谢谢`,
      `${s.text}&utm_source=wechat&utm_medium=chat`,
      `  \n${s.text}\n\n`,
      `${s.text.slice(0, half)}\n${s.text.slice(half)}`,
      `${s.text.slice(0, half)}\u200b${s.text.slice(half)} Thanks!`,
      `see #tags first, then ${s.text}`,
      s.payload,
      `链接：${s.text}。请在7天内打开`,
      `${s.text.slice(0, half)}\r\n  ${s.text.slice(half)}\nAnd more words`,
    ];
    for (const v of variants) {
      const o = await openBatch(v, { now: T0 });
      expect(o.ok, v).toBe(true);
      expect(o.ok && o.value.batch).toEqual(smallBatch());
    }
  });

  it(
    'rejects EVERY single-bit flip of a small sealed batch (exhaustive, key mode)',
    { timeout: 60_000 },
    async () => {
      const s = await seal();
      const env = decodeBase64url(s.payload)!;
      const codes = new Set<string>();
      for (let bit = 0; bit < env.length * 8; bit++) {
        const o = await openBatch(`${BASE}#${encodeBase64url(flipBit(env, bit))}`, { now: T0 });
        expect(o.ok, `bit ${bit}`).toBe(false);
        if (!o.ok) codes.add(o.error.code);
      }
      expect(env.length).toBeGreaterThan(100);
      expect([...codes].sort()).toEqual([
        'passphrase-required',
        'tampered',
        'truncated',
        'unknown-version',
        'wrong-key',
      ]);
    },
  );

  it('rejects every single-bit flip of each character of the link fragment (exhaustive)', async () => {
    const s = await seal();
    for (let i = 0; i < s.payload.length; i++) {
      for (let bit = 0; bit < 7; bit++) {
        const c = String.fromCharCode(s.payload.charCodeAt(i) ^ (1 << bit));
        const text = `${BASE}#${s.payload.slice(0, i)}${c}${s.payload.slice(i + 1)}`;
        const o = await openBatch(text, { now: T0 });
        expect(o.ok, `char ${i} bit ${bit}`).toBe(false);
      }
    }
  });

  it('rejects every single-bit flip of the header, salt and IV in passphrase mode (scrypt logN 10)', async () => {
    // Each open runs scrypt (~10 ms at logN 10 here), so this covers every bit of what differs
    // from key mode; the ciphertext and tag are the same AES-GCM as in the exhaustive key-mode test.
    const s = await seal({ passphrase: '芝麻开门', logN: 10 });
    const env = decodeBase64url(s.payload)!;
    const header = 2 + 2 + 1 + 12 + 6 + 1 + 16 + 4 + 12; // up to and including the IV
    const bytes = [...Array(header).keys()];
    for (const byte of bytes) {
      for (let bit = 0; bit < 8; bit++) {
        const o = await openBatch(encodeBase64url(flipBit(env, byte * 8 + bit)), {
          now: T0,
          passphrase: '芝麻开门',
        });
        expect(o.ok, `byte ${byte} bit ${bit}`).toBe(false);
      }
    }
  }, 120_000);

  it('wrong key: a key from another sealing is refused as wrong-key', async () => {
    const a = decodeBase64url((await seal()).payload)!;
    const other = await sealBatch(smallBatch(), { base: BASE, random: counterRandom(99) });
    const b = decodeBase64url(other.ok ? other.value.payload : '')!;
    // Key mode layout: the 32-byte key follows the header (see findKeyOffset).
    const mixed = a.slice();
    mixed.set(b.subarray(findKeyOffset(b), findKeyOffset(b) + 32), findKeyOffset(a));
    const o = await openBatch(encodeBase64url(mixed), { now: T0 });
    expect(o).toMatchObject({ ok: false, error: { code: 'wrong-key' } });
  });

  it('passphrase mode: required, wrong, right; NFC-normalised; the link holds no key', async () => {
    const s = await seal({ passphrase: 'Café 供货', logN: 10 });
    expect(s.keep.key).not.toBe('');
    expect(s.payload.includes(s.keep.key)).toBe(false);
    expect(await openBatch(s.text, { now: T0 })).toMatchObject({
      ok: false,
      error: { code: 'passphrase-required' },
    });
    expect(await openBatch(s.text, { now: T0, passphrase: 'cafe 供货' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    const o = await openBatch(s.text, { now: T0, passphrase: 'Cafe\u0301 供货' });
    expect(o.ok && o.value.batch).toEqual(smallBatch());
    expect(o.ok && o.value.passphrase).toBe(true);
    expect(o.ok && o.value.keep).toEqual(s.keep);
  });

  it('expiry: opens until expiresAt, refuses at and after it', async () => {
    const s = await seal();
    expect((await openBatch(s.text, { now: T0 + WEEK - 1 })).ok).toBe(true);
    expect(await openBatch(s.text, { now: T0 + WEEK })).toMatchObject({
      ok: false,
      error: { code: 'expired' },
    });
    expect(await openBatch(s.text, { now: Number.NaN })).toMatchObject({
      ok: false,
      error: { code: 'expired' },
    });
    // Sealing an already expired batch is refused when `now` is given.
    expect(await sealBatch(smallBatch(), { base: BASE, random: realRandom, now: T0 + WEEK })).toMatchObject({
      ok: false,
      error: { code: 'invalid-batch', field: 'expiresAt' },
    });
    expect((await sealBatch(smallBatch(), { base: BASE, random: realRandom, now: T0 })).ok).toBe(true);
  });

  it('truncated, unknown version, too large, not a link', async () => {
    const s = await seal();
    for (const cut of [1, 5, 40, s.payload.length - 60]) {
      const o = await openBatch(s.text.slice(0, s.text.length - cut), { now: T0 });
      expect(o, `cut ${cut}`).toMatchObject({ ok: false, error: { code: 'truncated' } });
    }
    const env = decodeBase64url(s.payload)!;
    const v9 = env.slice();
    v9[0] = 9;
    expect(await openBatch(`${BASE}#${encodeBase64url(v9)}`, { now: T0 })).toMatchObject({
      ok: false,
      error: { code: 'unknown-version' },
    });
    // A header that claims 100 MiB.
    const huge = new Uint8Array([1, 0, 0x80, 0x80, 0x80, 0x32, 1, 65, ...new Uint8Array(80)]);
    expect(await openBatch(`${BASE}#${encodeBase64url(huge)}`, { now: T0 })).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    for (const t of [
      '',
      'hello',
      'https://supplier.example/open/',
      '#',
      '###',
      '#short',
      'a'.repeat(100_000),
    ]) {
      expect(await openBatch(t, { now: T0 }), t.slice(0, 20)).toMatchObject({
        ok: false,
        error: { code: 'not-a-link' },
      });
    }
  });

  it(
    'never rejects on arbitrary text (1,000 runs) and returns a typed result',
    { timeout: 60_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 400 }), async (t) => {
          const o = await openBatch(t, { now: T0 });
          expect(o.ok).toBe(false);
        }),
        { numRuns: 1000 },
      );
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 400 }), async (b) => {
          const o = await openBatch(`#${encodeBase64url(b)}`, { now: T0 });
          expect(o.ok).toBe(false);
        }),
        { numRuns: 1000 },
      );
    },
  );

  it('a 100,000-character chat message is searched without trouble', async () => {
    const s = await seal();
    const noise = '好'.repeat(50_000) + ' #'.repeat(25_000);
    const o = await openBatch(`${noise}${s.text}`, { now: T0 });
    expect(o.ok).toBe(true);
  });

  // Issue 14 item 3: the key travels in the link, so anyone can seal one around any body.
  it(
    'a 22 KB link that states millions of orders fails fast with too-large, naming the field',
    { timeout: 60_000 },
    async () => {
      const w = new ByteWriter();
      w.string('店');
      w.byte(1);
      w.varint(WEEK);
      w.varint(3_000_000); // orders
      const body = new Uint8Array(16 * 1024 * 1024); // the rest: zeros (3M empty orders to the old decoder)
      body.set(w.finish());
      const link = await forgeBatchLink(body, { batchId: 'bomb', expiresAt: T0 + WEEK });
      expect(link.length).toBeLessThan(23_000);
      expect(await openBatch(link, { now: T0 })).toMatchObject({
        ok: false,
        error: { code: 'too-large', field: 'orders' },
      });
      // A stated size smaller than what the stream inflates to: stopped and refused.
      const lie = await forgeBatchLink(body, { batchId: 'bomb', expiresAt: T0 + WEEK }, { size: 1000 });
      expect(await openBatch(lie, { now: T0 })).toMatchObject({ ok: false, error: { code: 'tampered' } });
    },
  );

  // Issue 14 item 3: opening checks the batch like sealBatch (an attacker seals their own link).
  it('a forged link whose batch sealBatch would refuse or change is tampered, naming order and field', async () => {
    const h = { batchId: smallBatch().batchId, expiresAt: smallBatch().expiresAt };
    const forge = async (edit: (o: Record<string, unknown>) => Record<string, unknown>) => {
      const b = smallBatch();
      const orders = b.orders.map((o, i) => (i === 1 ? (edit({ ...o }) as unknown as typeof o) : o));
      return openBatch(
        await forgeBatchLink(encodeBody({ ...b, orders }).text, h, {
          raw: encodeBody({ ...b, orders }).raw,
        }),
        { now: T0 },
      );
    };
    const orderId = smallBatch().orders[1]!.orderId;
    expect(await forge((o) => o)).toMatchObject({ ok: true });
    const cases: [string, (o: Record<string, unknown>) => Record<string, unknown>][] = [
      ['receiver.phone', (o) => ({ ...o, receiver: { ...(o.receiver as object), phone: '13812345678' } })],
      ['remark', (o) => ({ ...o, remark: '打 138 1234 5678' })],
      ['remark', (o) => ({ ...o, remark: '座机 020-87654321' })], // maskText would mask it
      ['items[0].quantity', (o) => ({ ...o, items: [{ name: '杯', quantity: 0 }] })],
      ['items[0].name', (o) => ({ ...o, items: [{ name: 'x'.repeat(BATCH_LIMITS.text + 1), quantity: 1 }] })],
      [
        'receiver.name',
        (o) => ({ ...o, receiver: { name: '张三丰', address: '广东省广州市天河区花城广场888号' } }),
      ],
    ];
    for (const [field, edit] of cases)
      expect(await forge(edit), field).toMatchObject({
        ok: false,
        error: { code: 'tampered', orderId, field },
      });
  });

  it('offers a sealed file above the link limit, and openBatch reads the file text', async () => {
    const s = await seal({ maxLinkChars: 100 });
    expect(s.kind).toBe('file');
    expect(s.fileName).toBe('shipmask-q3Zk8Jd0WcLm.txt');
    expect(s.text.split('\n').every((l) => l.length <= 76)).toBe(true);
    expect(s.text).toContain('#\n');
    const o = await openBatch(s.text, { now: T0 });
    expect(o.ok && o.value.batch).toEqual(smallBatch());
    // The default limit is 64 KB of link text.
    const big = await sealBatch(
      {
        ...smallBatch(),
        orders: Array.from({ length: 1000 }, (_, i) => ({
          ...smallBatch().orders[1]!,
          orderId: String(6_900_000_000_000_000_000n + BigInt(i) * 7919n),
          receiver: {
            cipher: {
              address: `#K${i}#${encodeBase64url(realRandom(66)).replace(/[-_]/gu, 'A')}==#1##`,
            },
          },
        })),
      },
      { base: BASE, random: realRandom },
    );
    expect(big.ok && big.value.kind).toBe('file');
    expect(big.ok && big.value.bytes).toBeGreaterThan(48 * 1024);
    const ob = big.ok ? await openBatch(big.value.text, { now: T0 }) : undefined;
    expect(ob?.ok && ob.value.batch.orders.length).toBe(1000);
  }, 30_000);

  it('newBatchId: 12 base64url characters, undefined on a failing random source', () => {
    expect(newBatchId(counterRandom())).toBe('AAECAwQFBgcI');
    expect(newBatchId(realRandom)).toMatch(/^[A-Za-z0-9_-]{12}$/u);
    expect(newBatchId(() => new Uint8Array(2))).toBeUndefined();
  });

  it('random source failures are typed errors', async () => {
    const r = await sealBatch(smallBatch(), { base: BASE, random: () => new Uint8Array(3) });
    expect(r).toMatchObject({ ok: false, error: { code: 'crypto-failed' } });
  });
});

/** Offset of the key in a key-mode envelope: header (with varint length and batch id), then key. */
function findKeyOffset(env: Uint8Array): number {
  let p = 2;
  while (env[p]! & 0x80) p++;
  p++;
  p += 1 + env[p]!; // batch id
  p += 6 + 4; // expiry, key check
  return p;
}

describe('pinned parameters and frozen vectors (format 1)', () => {
  it('pins the passphrase KDF: scrypt N = 2^16, r = 8, p = 1, 32-byte key, 16-byte salt; links may name logN 10–17', () => {
    expect(PASSPHRASE_KDF).toEqual({ name: 'scrypt', logN: 16, r: 8, p: 1, dkLen: 32, saltBytes: 16 });
    expect([MIN_LOG_N, MAX_LOG_N]).toEqual([10, 17]);
  });

  it(
    'opens links at both ends of the accepted scrypt range (logN 10 and 17)',
    { timeout: 120_000 },
    async () => {
      for (const logN of [MIN_LOG_N, MAX_LOG_N]) {
        const s = await seal({ passphrase: 'x', logN });
        const o = await openBatch(s.text, { now: T0, passphrase: 'x' });
        expect(o.ok, `logN ${logN}`).toBe(true);
      }
      const low = await sealBatch(smallBatch(), { base: BASE, random: realRandom, passphrase: 'x', logN: 9 });
      expect(low).toMatchObject({ ok: false, error: { code: 'invalid-batch', field: 'logN' } });
    },
  );

  it('pins the dictionary bytes (any change needs a new format version)', () => {
    const d = dictionaryV1();
    expect(d.length).toBe(19174);
    expect(encodeBase64url(sha256(d))).toBe(DICTIONARY_SHA256);
  });

  it('key mode: fixed key / IV / batch → this exact link, and the frozen link opens', async () => {
    const s = await seal();
    expect(s.text).toBe(FROZEN_LINK_V1);
    const o = await openBatch(FROZEN_LINK_V1, { now: T0 });
    expect(o.ok && o.value.batch).toEqual(smallBatch());
  });

  it('passphrase mode (logN 10): fixed salt / IV → this exact link, and the frozen link opens', async () => {
    const s = await seal({ passphrase: '芝麻开门', logN: 10 });
    expect(s.text).toBe(FROZEN_PASSPHRASE_LINK_V1);
    const o = await openBatch(FROZEN_PASSPHRASE_LINK_V1, { now: T0, passphrase: '芝麻开门' });
    expect(o.ok && o.value.batch).toEqual(smallBatch());
  });
});

const DICTIONARY_SHA256 = 'NLb53VcEq7zSbU8briTHd4EvJ_h4r6nTidhhLxizvuc';
const FROZEN_LINK_V1 =
  'https://supplier.example/open/#AQC6AgxxM1prOEpkMFdjTG0BoiouMQBOCFnBAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKis8Owdxj5_Uxpu2aa4HwUYCNfvaWgEOLuX0bnSX3saAuBt_AHu996zCjeX7AjMmZxVEKkJJjxwgN0ACIEBPsUmAn2DcQ62Jt7Ojcmr9kdZieFXxATa9mpAow8MO6kbdvieSxSuykwLomwG0lM3A2D2W33OKOwlf9tQVKILAaRbF8esjpdeiL1VoNdY7-116mWcBnO5llh1L3ekzbfOP-9BbyOBvLNwjZ_m6Mi5YoOhv7G004TOpNoWJNX1169twoGzTQ8-tSvaiMDp_1MyNstG9uF2Ea7OnYup0x3gpMiw6eElsbkmFaDoos34UK9b4VBIJ-Nw';
const FROZEN_PASSPHRASE_LINK_V1 =
  'https://supplier.example/open/#AQGrAgxxM1prOEpkMFdjTG0BoiouMQAKAAECAwQFBgcICQoLDA0OD_b-lBcQERITFBUWFxgZGhtO4sI55-PWNprT-hPXiqrA8x9JHJGBKR0FwvD7u3Ig-61PGV1VraSuIe6JeyECALILcWUyrWVvSF_om0uFGi3gr23vKD9VpPWjicI_UK2rVdzD9ivsG8F1g6M7juyFGX7O2b2QZqI7Ph4KrTY-46IBKWfg_CVPK257Rfhu-2K882OzjNv9ev8t676OvtrpbfFc4uldVIPcBriihGklvaGFWmWqG2xzzNuM2PpLjNJjidu3Zo5TiZg5tk6Vnwhk2f-ge9_lgm2UKfLq8zZdqsYXjEO3DhrToCQSRYJuyxyT3OdVq1yBX_jjwokJq6T-kVY5Ooc';
