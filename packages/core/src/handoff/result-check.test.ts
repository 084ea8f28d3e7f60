import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReturnResult, normalizeReturnResult, RETURN_LIMITS } from './result-check.js';
import type { ReturnResult } from './return-code.js';

const shipped = (carrier: string, waybill: string): ReturnResult => ({
  orderId: '1',
  status: 'shipped',
  carrier,
  waybill,
});
const cannot = (reason: string): ReturnResult => ({ orderId: '1', status: 'cannot-ship', reason });
const ok = (r: ReturnResult): boolean => checkReturnResult(r).ok;

describe('checkReturnResult', () => {
  it('accepts carriers, waybill numbers and masked reasons as sealReturn writes them', () => {
    expect(checkReturnResult(shipped('ZTO', '78412345678901'))).toEqual({
      ok: true,
      value: shipped('ZTO', '78412345678901'),
    });
    for (const r of [
      shipped('极兔速递', 'JT0001234567890'),
      shipped('某某物流', 'A'),
      shipped('C'.repeat(RETURN_LIMITS.carrier), 'SF1-2'),
      cannot(''),
      cannot('缺货，下周补发\n请改地址到138****5678'),
      cannot('13240968483-9647'),
    ])
      expect(ok(r), JSON.stringify(r)).toBe(true);
  });

  it('refuses control, format and bidi characters, untrimmed or over-long fields, and mobiles', () => {
    for (const [r, field] of [
      [shipped('ZTO\u0000', 'ZT1'), 'carrier'],
      [shipped('Z\u200bTO', 'ZT1'), 'carrier'],
      [shipped('\u202eOTZ', 'ZT1'), 'carrier'],
      [shipped('ZTO\u2028', 'ZT1'), 'carrier'],
      [shipped('ZTO\ud800', 'ZT1'), 'carrier'],
      [shipped('ZTO ', 'ZT1'), 'carrier'],
      [shipped('C'.repeat(RETURN_LIMITS.carrier + 1), 'ZT1'), 'carrier'],
      [shipped('中通 138-1234-5678', 'ZT1'), 'carrier'],
      [shipped('ZTO', ''), 'waybill'],
      [shipped('ZTO', '-1'), 'waybill'],
      [shipped('ZTO', '+1'), 'waybill'],
      [shipped('ZTO', 'ZT 1'), 'waybill'],
      [shipped('ZTO', '１３８１２３４５６７８'), 'waybill'],
      [shipped('ZTO', '13812345678'), 'waybill'],
      [shipped('ZTO', 'W'.repeat(65)), 'waybill'],
      [cannot('打13812345678'), 'reason'],
      [cannot('打 +86 138 1234 5678'), 'reason'],
      [cannot('身份证110101199003074578'), 'reason'],
      [cannot('缺货\u0007'), 'reason'],
      [cannot('缺货\u2066'), 'reason'],
      [cannot('x'.repeat(RETURN_LIMITS.reason + 1)), 'reason'],
      [{ orderId: '1', status: 'lost' } as unknown as ReturnResult, 'status'],
      [null as unknown as ReturnResult, 'status'],
    ] as const)
      expect(checkReturnResult(r), JSON.stringify(r)).toMatchObject({
        ok: false,
        error: { code: 'invalid-result', field },
      });
  });

  it(
    'property: normalising then checking is a fixed point, and whatever passes is unchanged (1,000 runs)',
    { timeout: 60_000 },
    () => {
      const text = fc.string({ unit: 'binary', maxLength: 80 });
      const result = fc.oneof(
        fc.record({
          orderId: fc.constant('1'),
          status: fc.constant('shipped' as const),
          carrier: text,
          waybill: text,
        }),
        fc.record({ orderId: fc.constant('1'), status: fc.constant('cannot-ship' as const), reason: text }),
      );
      fc.assert(
        fc.property(result, (r) => {
          const n = normalizeReturnResult(r);
          const c = checkReturnResult(n);
          if (!c.ok) return;
          expect(c.value).toEqual(n);
          expect(normalizeReturnResult(c.value)).toEqual(c.value);
          expect(checkReturnResult(c.value).ok).toBe(true);
        }),
        { numRuns: 1000 },
      );
    },
  );

  it(
    'property: a mobile planted in a reason is masked by normalising, or refused (1,000 runs)',
    { timeout: 60_000 },
    () => {
      const digits = fc.stringMatching(/^1[3-9][0-9]{9}$/u);
      const form = fc
        .tuple(digits, fc.constantFrom('plain', 'spaced', 'dashed', '+86'))
        .map(([d, f]) =>
          f === 'plain'
            ? d
            : f === 'spaced'
              ? `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`
              : f === 'dashed'
                ? `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`
                : `+86 ${d}`,
        );
      fc.assert(
        fc.property(fc.string({ maxLength: 20 }), form, fc.string({ maxLength: 20 }), (a, m, b) => {
          const reason = `${a.replace(/[0-9]/gu, '')}请打${m}再发${b.replace(/[0-9]/gu, '')}`;
          expect(checkReturnResult(cannot(reason)).ok).toBe(false);
          const c = checkReturnResult(normalizeReturnResult(cannot(reason)));
          if (c.ok && c.value.status === 'cannot-ship') expect(c.value.reason).not.toContain(m);
        }),
        { numRuns: 1000 },
      );
    },
  );

  it('runs in linear time on 100,000-character fields', () => {
    expect(ok(cannot('缺'.repeat(100_000)))).toBe(false);
    expect(ok(shipped('Z'.repeat(100_000), '1'.repeat(100_000)))).toBe(false);
    expect(ok(cannot(`${' '.repeat(250)}${'1 '.repeat(120)}`))).toBe(true);
  });
});
