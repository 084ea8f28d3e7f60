import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { CODE128_PATTERNS, decodeCode128, encodeCode128 } from './code128.js';

// Property tests run 1,000+ cases; on a shared, loaded machine that can pass 5 s. No timing is
// asserted, so allow a minute.
vi.setConfig({ testTimeout: 60_000 });

// JsBarcode is a dev-only peer: its table and its encoder are an independent reference. Loaded
// by a computed specifier (its internals ship no types; core tests have no Node types).
// The specifiers are the two constants below, not user input.
// eslint-disable-next-line no-unsanitized/method
const load = (spec: string): Promise<unknown> => import(/* @vite-ignore */ spec);
const jsbConstants = (await load('jsbarcode/bin/barcodes/CODE128/constants.js')) as {
  BARS: number[];
};
const { CODE128: JsbCode128 } = (await load('jsbarcode/bin/barcodes/CODE128/index.js')) as {
  CODE128: new (text: string, o: object) => { encode(): { data: string } };
};

/** Widths -> module string ("1" bar, "0" space). */
const toBits = (widths: readonly number[]): string =>
  widths.map((w, i) => (i % 2 === 0 ? '1' : '0').repeat(w)).join('');
/** Module string -> run lengths (bar first). */
const toWidths = (bits: string): number[] => (bits.match(/1+|0+/gu) ?? []).map((r) => r.length);

const ascii = fc.string({
  unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 40,
});
const anyAscii = fc.string({
  unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 40,
});

describe('Code 128 table', () => {
  it('matches the JsBarcode table symbol by symbol (107 symbols)', () => {
    expect(CODE128_PATTERNS).toHaveLength(107);
    CODE128_PATTERNS.forEach((p, i) => {
      expect(toBits([...p].map(Number)), `symbol ${i}`).toBe(String(jsbConstants.BARS[i]));
    });
  });
  it('has 11 modules per symbol and 13 for STOP', () => {
    CODE128_PATTERNS.forEach((p, i) => {
      const sum = [...p].reduce((a, c) => a + Number(c), 0);
      expect(sum).toBe(i === 106 ? 13 : 11);
    });
  });
});

describe('encodeCode128 known vectors', () => {
  it('PJJ123C: START B, checksum 55 = (104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7) mod 103', () => {
    const r = encodeCode128('PJJ123C');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.values).toEqual([104, 48, 42, 42, 17, 18, 19, 35, 55]);
    expect(r.value.checksum).toBe(879 % 103);
    // Same modules as JsBarcode for a text where both pick set B throughout.
    expect(toBits(r.value.widths)).toBe(new JsbCode128('PJJ123C', {}).encode().data);
  });
  it('all digits use set C: 1234567890 -> START C 12 34 56 78 90', () => {
    const r = encodeCode128('1234567890');
    expect(r.ok && r.value.values.slice(0, 6)).toEqual([105, 12, 34, 56, 78, 90]);
    // checksum = (105 + 12*1 + 34*2 + 56*3 + 78*4 + 90*5) % 103
    expect(r.ok && r.value.checksum).toBe((105 + 12 + 68 + 168 + 312 + 450) % 103);
  });
  it('SF waybill: letters in B then digits in C', () => {
    const r = encodeCode128('SF1234567890123');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 15 chars in 11 symbols + checksum: START B, S, F, the odd digit in B, CODE C, six pairs
    // (ISO/IEC 15417 annex E); never one symbol per digit.
    expect(r.value.values.slice(0, -1)).toEqual([104, 51, 38, 17, 99, 23, 45, 67, 89, 1, 23]);
    expect(r.value.values.slice(0, 3)).toEqual([104, 51, 38]);
    expect(r.value.values.filter((v) => v === 99)).toHaveLength(1);
    expect(r.value.modules).toBe(r.value.values.length * 11 + 13);
  });
  it('control characters go to set A', () => {
    const r = encodeCode128('A\tB');
    expect(r.ok && r.value.values[0]).toBe(103);
    expect(r.ok && r.value.values[2]).toBe(9 + 64);
  });
  it('refuses empty, non-ASCII and over-long text with a typed error', () => {
    expect(encodeCode128('')).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(encodeCode128('运单')).toMatchObject({ ok: false, error: { code: 'unsupported-char' } });
    expect(encodeCode128('1'.repeat(81))).toMatchObject({ ok: false, error: { code: 'too-long' } });
    expect(encodeCode128(undefined as unknown as string)).toMatchObject({ ok: false });
  });
});

describe('read-back', () => {
  it('decode(encode(x)) === x for any ASCII text (property)', () => {
    fc.assert(
      fc.property(anyAscii, (s) => {
        const e = encodeCode128(s);
        expect(e.ok).toBe(true);
        if (!e.ok) return;
        expect(decodeCode128(e.value.widths)).toEqual({ ok: true, value: s });
      }),
      { numRuns: 2000 },
    );
  });
  it('our decoder reads JsBarcode symbols and our symbol is never longer (property)', () => {
    fc.assert(
      fc.property(ascii, (s) => {
        const theirs = new JsbCode128(s, {}).encode().data;
        expect(decodeCode128(toWidths(theirs))).toEqual({ ok: true, value: s });
        const ours = encodeCode128(s);
        expect(ours.ok && toBits(ours.value.widths).length).toBeLessThanOrEqual(theirs.length);
      }),
      { numRuns: 1000 },
    );
  });
  it('a flipped symbol is caught by the checksum or the table (property)', () => {
    fc.assert(
      fc.property(ascii, fc.nat(), (s, k) => {
        const e = encodeCode128(s);
        if (!e.ok) return;
        const w = [...e.value.widths];
        // Replace one data symbol (not START/STOP) by another valid symbol.
        const nSym = (w.length - 7) / 6;
        const at = 1 + (k % Math.max(1, nSym - 1));
        const old = w.slice(at * 6, at * 6 + 6).join('');
        const other = CODE128_PATTERNS.find((p, i) => i < 96 && p !== old)!;
        w.splice(at * 6, 6, ...[...other].map(Number));
        // Weighted sum mod 103 (a prime > any weight here) catches every single substitution.
        expect(decodeCode128(w).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
  it('never throws on garbage widths', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2, max: 6 }), { maxLength: 200 }), (w) => {
        const d = decodeCode128(w);
        expect(typeof d.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
    expect(decodeCode128(null as unknown as number[]).ok).toBe(false);
  });
});
