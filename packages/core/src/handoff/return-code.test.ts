import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url.js';
import { ByteWriter } from './bytes.js';
import { forgeReturnCode } from './forge.test-helper.js';
import { containsMobile } from './check.js';
import { counterRandom, realRandom, smallBatch, T0 } from './fixtures.test-helper.js';
import { openReturn, sealReturn, type ReturnResult } from './return-code.js';
import { RETURN_CLOCK_SKEW_MS } from './sealed-at.js';
import { openBatch, sealBatch } from './seal.js';
import type { BatchKeyMaterial } from './types.js';

const BASE = 'https://supplier.example/open/';
/** The merchant opens codes two hours after the batch was created. */
const OPEN = { now: T0 + 7_200_000 };
const A = '3718000000000001234';
const B = '3718000000000001235';
const results: ReturnResult[] = [
  { orderId: A, status: 'shipped', carrier: 'ZTO', waybill: '78412345678901' },
  { orderId: B, status: 'cannot-ship', reason: '缺货，下周补发' },
];

async function sealed(random = counterRandom()) {
  const s = await sealBatch(smallBatch(), { base: BASE, random });
  if (!s.ok) throw new Error(s.error.message);
  const o = await openBatch(s.value.text, { now: T0 });
  if (!o.ok) throw new Error(o.error.message);
  return { merchant: s.value.keep, supplier: o.value };
}

async function code(rs: readonly ReturnResult[] = results, random = counterRandom(7)) {
  const { merchant, supplier } = await sealed();
  const r = await sealReturn(supplier, rs, { random, now: T0 + 3_600_000 });
  if (!r.ok) throw new Error(r.error.message);
  return { merchant, code: r.value.code };
}

describe('sealReturn / openReturn', () => {
  it('supplier seals with the opened batch; the merchant opens with only what it kept (after JSON storage)', async () => {
    const { merchant, code: c } = await code();
    const stored = JSON.parse(JSON.stringify(merchant)) as BatchKeyMaterial;
    const o = await openReturn(c, stored, OPEN);
    expect(o).toEqual({ ok: true, value: { batchId: 'q3Zk8Jd0WcLm', sealedAt: T0 + 3_600_000, results } });
  });

  it('tolerates whitespace, line breaks, zero-width characters and text around the code', async () => {
    const { merchant, code: c } = await code();
    const grouped = c.replace(/(.{8})/gu, '$1 ');
    for (const t of [
      `  ${c}\n`,
      grouped,
      c.replace(/(.{30})/gu, '$1\r\n'),
      `回执码：\n${grouped}\n谢谢老板`,
      `Code ${c} thanks`,
      `${c.slice(0, 10)}\u200b${c.slice(10)}`,
    ]) {
      const o = await openReturn(t, merchant, OPEN);
      expect(o.ok, t).toBe(true);
    }
  });

  it('a code from another batch is refused as wrong-batch', async () => {
    const { code: c } = await code();
    const other = await sealBatch(
      { ...smallBatch(), batchId: 'otherBatch01' },
      { base: BASE, random: realRandom },
    );
    expect(other.ok).toBe(true);
    if (!other.ok) return;
    expect(await openReturn(c, other.value.keep, OPEN)).toMatchObject({
      ok: false,
      error: { code: 'wrong-batch' },
    });
  });

  it('same batch id but another key (a forged batch) is tampered, not accepted', async () => {
    const { code: c } = await code();
    const forged = await sealBatch(smallBatch(), { base: BASE, random: counterRandom(50) });
    expect(forged.ok && (await openReturn(c, forged.value.keep, OPEN))).toMatchObject({
      ok: false,
      error: { code: 'tampered' },
    });
  });

  it('rejects every single-bit flip of a return code (exhaustive)', async () => {
    const { merchant, code: c } = await code();
    const env = decodeBase64url(c)!;
    for (let bit = 0; bit < env.length * 8; bit++) {
      const flipped = env.slice();
      flipped[bit >> 3] = flipped[bit >> 3]! ^ (1 << (bit & 7));
      const o = await openReturn(encodeBase64url(flipped), merchant, OPEN);
      expect(o.ok, `bit ${bit}`).toBe(false);
    }
  });

  it('refuses results for orders not in the batch, duplicates and malformed waybills', async () => {
    const { supplier } = await sealed();
    const opts = { random: realRandom, now: T0 };
    expect(
      await sealReturn(supplier, [{ orderId: '999', status: 'shipped', carrier: 'ZTO', waybill: '1' }], opts),
    ).toMatchObject({ ok: false, error: { code: 'unknown-order', orderId: '999' } });
    expect(await sealReturn(supplier, [results[0]!, results[0]!], opts)).toMatchObject({
      ok: false,
      error: { code: 'invalid-result' },
    });
    for (const waybill of ['', 'has space', 'x'.repeat(65), '13812345678']) {
      expect(
        await sealReturn(supplier, [{ orderId: A, status: 'shipped', carrier: 'ZTO', waybill }], opts),
        waybill,
      ).toMatchObject({ ok: false, error: { code: 'invalid-result', orderId: A } });
    }
  });

  it('openReturn refuses a result index outside the batch (unknown-order)', async () => {
    const { merchant, code: c } = await code();
    // The same key material with one order fewer: the code names order index 1.
    const shorter = { ...merchant, orderIds: [A] };
    expect(await openReturn(c, shorter, OPEN)).toMatchObject({ ok: false, error: { code: 'tampered' } });
    const { code: onlyB } = await code([results[1]!]);
    expect(await openReturn(onlyB, shorter, OPEN)).toMatchObject({
      ok: false,
      error: { code: 'unknown-order' },
    });
  });

  it('masks a phone number in a cannot-ship reason', async () => {
    const { merchant, code: c } = await code([
      { orderId: B, status: 'cannot-ship', reason: '买家13812345678说不要了' },
    ]);
    const o = await openReturn(c, merchant, OPEN);
    expect(o.ok && o.value.results[0]).toEqual({
      orderId: B,
      status: 'cannot-ship',
      reason: '买家138****5678说不要了',
    });
  });

  it('round-trips random results (property, 1,000 runs)', { timeout: 60_000 }, async () => {
    const { merchant, supplier } = await sealed();
    const resultArb = fc.oneof(
      fc.record({
        status: fc.constant('shipped' as const),
        carrier: fc.constantFrom('ZTO', 'YTO', 'SF', '极兔速递', 'JD'),
        // A waybill that holds a mobile number (`13812345678`, `8613812345678` = +86 …) is refused
        // (it could be the buyer's): the property below covers it; here only shippable ones.
        waybill: fc
          .oneof(
            fc.stringMatching(/^[1-9][0-9]{11,15}$/u),
            fc.stringMatching(/^(SF|JT|JD)[0-9A-Z]{10,14}$/u),
            fc.stringMatching(/^0[0-9]{5,12}$/u),
          )
          .filter((w) => !containsMobile(w)),
      }),
      fc.record({
        status: fc.constant('cannot-ship' as const),
        reason: fc.string({ maxLength: 60 }).map((s) => s.replace(/[0-9]/gu, '')),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([A, B]),
        fc.array(resultArb, { minLength: 2, maxLength: 2 }),
        async (ids, rs) => {
          const list = ids.map((orderId, i) => ({ orderId, ...rs[i]! }));
          const s = await sealReturn(supplier, list, { random: realRandom, now: T0 });
          expect(s.ok).toBe(true);
          if (!s.ok) return;
          const o = await openReturn(s.value.code, merchant, OPEN);
          expect(o.ok && o.value.results).toEqual(list);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses a waybill that is a mobile with a bare 86 prefix (CI counterexample, seed 878715316)', async () => {
    const { supplier } = await sealed();
    const s = await sealReturn(
      supplier,
      [{ orderId: A, status: 'shipped', carrier: 'ZTO', waybill: '8613000000000' }],
      {
        random: realRandom,
        now: T0,
      },
    );
    expect(s.ok).toBe(false);
    expect(!s.ok && s.error.code).toBe('invalid-result');
  });

  it(
    'refuses every waybill that holds a mobile number (property, 300 runs)',
    { timeout: 60_000 },
    async () => {
      const { supplier } = await sealed();
      const mobile = fc.stringMatching(/^1[3-9][0-9]{9}$/u);
      const waybill = fc
        .tuple(fc.constantFrom('', '86', '+86', 'SF'), mobile)
        .map(([p, m]) => p + m)
        .filter((w) => /^[A-Za-z0-9]/u.test(w));
      await fc.assert(
        fc.asyncProperty(waybill, async (w) => {
          const s = await sealReturn(
            supplier,
            [{ orderId: A, status: 'shipped', carrier: 'ZTO', waybill: w }],
            {
              random: realRandom,
              now: T0,
            },
          );
          expect(s.ok).toBe(false);
        }),
        { numRuns: 300 },
      );
    },
  );

  it('never rejects on arbitrary text (1,000 runs)', { timeout: 60_000 }, async () => {
    const { merchant } = await sealed();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (t) => {
        const o = await openReturn(t, merchant, OPEN);
        expect(o.ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
    expect(await openReturn('', merchant, OPEN)).toMatchObject({ ok: false, error: { code: 'not-a-code' } });
    // A batch link is not a return code.
    const s = await sealBatch(smallBatch(), { base: BASE, random: realRandom });
    expect(s.ok && (await openReturn(s.value.text, merchant, OPEN))).toMatchObject({
      ok: false,
      error: { code: 'not-a-code' },
    });
  });

  // Issue 14 item 2: anyone holding the link can seal a code around any body; openReturn
  // re-applies the rule sealReturn applies, and a result that breaks it is tampered.
  type Entry = { i: number; carrier: string; waybill: string | bigint } | { i: number; reason: string };
  const forgedBody = (sealedAt: number, entries: Entry[]): Uint8Array => {
    const w = new ByteWriter();
    w.uint48(sealedAt);
    w.varint(entries.length);
    for (const e of entries) {
      w.varint(e.i);
      if ('carrier' in e) {
        w.byte(0);
        w.varint(0);
        w.string(e.carrier);
        if (typeof e.waybill === 'bigint') {
          w.varint(1);
          w.bigSvarint(e.waybill);
        } else {
          w.varint(0);
          w.string(e.waybill);
        }
      } else {
        w.byte(1);
        w.string(e.reason);
      }
    }
    return w.finish();
  };

  it('a forged code whose result breaks the sealing rule is tampered, naming order and field', async () => {
    const { merchant } = await sealed();
    const at = T0 + 3_600_000;
    const open = async (e: Entry) =>
      openReturn(await forgeReturnCode(forgedBody(at, [e]), merchant), merchant, OPEN);
    expect(await open({ i: 0, carrier: 'ZTO', waybill: '78412345678901' })).toMatchObject({ ok: true });
    expect(await open({ i: 1, reason: '缺货' })).toMatchObject({ ok: true });
    const bad: [Entry, string][] = [
      [{ i: 0, carrier: 'ZTO\u0000', waybill: 'ZT1234567' }, 'carrier'],
      [{ i: 0, carrier: 'ZTO\n78412345678901', waybill: 'ZT1234567' }, 'carrier'],
      [{ i: 0, carrier: '\u202eOTZ', waybill: 'ZT1234567' }, 'carrier'],
      [{ i: 0, carrier: ' ZTO', waybill: 'ZT1234567' }, 'carrier'],
      [{ i: 0, carrier: '', waybill: 'ZT1234567' }, 'carrier'],
      [{ i: 0, carrier: 'Z'.repeat(65), waybill: 'ZT1234567' }, 'carrier'],
      [{ i: 0, carrier: '打13812345678', waybill: 'ZT1234567' }, 'carrier'],
      [{ i: 0, carrier: 'ZTO', waybill: '=HYPERLINK("x")' }, 'waybill'],
      [{ i: 0, carrier: 'ZTO', waybill: '-78412345678901' }, 'waybill'],
      [{ i: 0, carrier: 'ZTO', waybill: 'ZT123,4' }, 'waybill'],
      [{ i: 0, carrier: 'ZTO', waybill: '13812345678' }, 'waybill'],
      [{ i: 0, carrier: 'ZTO', waybill: 'x'.repeat(65) }, 'waybill'],
      [{ i: 1, reason: '买家13812345678说不要了' }, 'reason'],
      [{ i: 1, reason: '买家 138 1234 5678 说不要了' }, 'reason'],
      [{ i: 1, reason: '座机020-87654321' }, 'reason'],
      [{ i: 1, reason: '缺货\u0007' }, 'reason'],
      [{ i: 1, reason: '缺货\u202e' }, 'reason'],
      [{ i: 1, reason: 'x'.repeat(501) }, 'reason'],
    ];
    for (const [e, field] of bad)
      expect(await open(e), JSON.stringify(e)).toMatchObject({
        ok: false,
        error: { code: 'tampered', orderId: e.i === 0 ? A : B, field },
      });
    // Longer than the limit in bytes: refused before it is decoded.
    expect(await open({ i: 1, reason: '缺'.repeat(501) })).toMatchObject({
      ok: false,
      error: { code: 'tampered' },
    });
    // A numeric waybill whose delta makes it negative or zero does not decode.
    for (const waybill of [-5n, 0n])
      expect(await open({ i: 0, carrier: 'ZTO', waybill })).toMatchObject({
        ok: false,
        error: { code: 'tampered', orderId: A },
      });
  });

  it('a code sealed in the future or before the batch was created is bad-time (10-minute allowance)', async () => {
    const { merchant } = await sealed();
    const now = OPEN.now;
    const at = async (sealedAt: number, keep: BatchKeyMaterial = merchant, createdAt?: number) =>
      openReturn(
        await forgeReturnCode(forgedBody(sealedAt, [{ i: 1, reason: '缺货' }]), merchant),
        keep,
        createdAt === undefined ? { now } : { now, createdAt },
      );
    const ok = { ok: true };
    const refused = { ok: false, error: { code: 'bad-time' } };
    expect(await at(now + RETURN_CLOCK_SKEW_MS)).toMatchObject(ok);
    expect(await at(now + RETURN_CLOCK_SKEW_MS + 1)).toMatchObject(refused);
    expect(await at(2 ** 48 - 1)).toMatchObject(refused); // "wins every replay forever"
    expect(await at(T0 - RETURN_CLOCK_SKEW_MS)).toMatchObject(ok);
    expect(await at(T0 - RETURN_CLOCK_SKEW_MS - 1)).toMatchObject(refused);
    expect(await at(0)).toMatchObject(refused);
    // Key material stored before createdAt was kept: the caller gives it.
    const { createdAt: _, ...old } = merchant;
    expect(await at(T0 + 1000, old)).toMatchObject(refused);
    expect(await at(T0 + 1000, old, T0)).toMatchObject(ok);
    expect(await at(T0 - RETURN_CLOCK_SKEW_MS - 1, old, T0)).toMatchObject(refused);
    // The supplier's side: sealing on a clock that is behind the batch's creation is refused.
    const { supplier } = await sealed();
    expect(
      await sealReturn(supplier, results, { random: realRandom, now: T0 - RETURN_CLOCK_SKEW_MS - 1 }),
    ).toMatchObject(refused);
  });

  it('sealReturn applies the same rule: trims, masks the reason, refuses control characters', async () => {
    const { merchant, supplier } = await sealed();
    const opts = { random: realRandom, now: T0 };
    const s = await sealReturn(
      supplier,
      [
        { orderId: A, status: 'shipped', carrier: ' ZTO ', waybill: ' ZT1234567 ' },
        { orderId: B, status: 'cannot-ship', reason: '打13812345678' },
      ],
      opts,
    );
    expect(s.ok && (await openReturn(s.value.code, merchant, OPEN))).toMatchObject({
      ok: true,
      value: {
        results: [
          { orderId: A, status: 'shipped', carrier: 'ZTO', waybill: 'ZT1234567' },
          { orderId: B, status: 'cannot-ship', reason: '打138****5678' },
        ],
      },
    });
    for (const r of [
      { orderId: A, status: 'shipped' as const, carrier: 'Z\u200bTO', waybill: 'ZT1234567' },
      { orderId: A, status: 'shipped' as const, carrier: 'ZTO', waybill: '-1234567' },
      { orderId: B, status: 'cannot-ship' as const, reason: '缺货\u0000' },
    ])
      expect(await sealReturn(supplier, [r], opts), JSON.stringify(r)).toMatchObject({
        ok: false,
        error: { code: 'invalid-result', orderId: r.orderId },
      });
  });

  it('frozen vector (return format 1): fixed IV → this exact code, and it opens', async () => {
    const { merchant, code: c } = await code();
    expect(c).toBe(FROZEN_RETURN_V1);
    const o = await openReturn(FROZEN_RETURN_V1, merchant, OPEN);
    expect(o.ok && o.value.results).toEqual(results);
  });
});

const FROZEN_RETURN_V1 =
  'gV8McTNaazhKZDBXY0xtBwgJCgsMDQ4PEBESYlyEb143wX2TxauAqAhtkxiO1uXLymRrFWoTafaHGsBwGDyb5O8tWbIqf2L02liHbOcGIL0VkaR1ScjinL4aApy0LPA';
