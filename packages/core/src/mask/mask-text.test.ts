import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzText, mobile, RUNS, toFullWidth } from '../classify/fuzz.test-helper.js';
import { maskText } from './mask-text.js';

describe('maskText: known answers', () => {
  it('masks mobiles and IDs, keeps virtual numbers and extensions', () => {
    const r = maskText('请打13440963639或转9647, 身份证110101199003071234, 虚拟号13240968483-9647#');
    expect(r.value).toBe('请打134****3639或转9647, 身份证1****************4, 虚拟号13240968483-9647#');
    expect(r.found.map((f) => f.kind)).toEqual(['mobile', 'extension', 'id-number', 'virtual']);
    expect(r.found[0]).toEqual({ kind: 'mobile', start: 2, end: 13 });
  });
  it('finds full-width and spaced mobiles, +86, landlines, X-ending IDs', () => {
    expect(maskText('电话：１３４４０９６３６３９').value).toBe('电话：134****3639');
    expect(maskText('tel +86 134 4096 3639 thanks').value).toBe('tel 134****3639 thanks');
    expect(maskText('电话1344 096 3639').value).toBe('电话134****3639');
    expect(maskText('1 3 4 4 0 9 6 3 6 3 9').value).toBe('134****3639');
    expect(maskText('(+86)13440963639').value).toBe('(+86)134****3639');
    expect(maskText('座机020-87654321').value).toBe('座机020-****4321');
    expect(maskText('ID 11010119900307123X').value).toBe('ID 1****************X');
  });
  it('leaves order and tracking numbers alone', () => {
    const s = '订单3718000000000001 快递单号YT7512345678901 金额134.50';
    expect(maskText(s)).toEqual({ value: s, found: [] });
    expect(maskText('134409636391').found).toEqual([]);
  });
  it('the seed label text: extension found, main number kept', () => {
    const s = '收件人:店小二(转3639) 收件电话:13476567876 如需联系用户,请转3639';
    const r = maskText(s);
    expect(r.found.filter((f) => f.kind === 'extension')).toHaveLength(2);
    // A bare 11-digit number in text is treated as a buyer phone and masked (safe default).
    expect(r.value).toContain('134****7876');
  });
});

describe('maskText: properties', () => {
  it('never throws, is idempotent, offsets lie inside the input', () => {
    fc.assert(
      fc.property(fuzzText, (s) => {
        const r = maskText(s);
        expect(maskText(r.value).value).toBe(r.value);
        for (const f of r.found) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(s.length);
          expect(f.start).toBeLessThan(f.end);
        }
      }),
      RUNS,
    );
  });
  it('a mobile embedded in text never survives', () => {
    fc.assert(
      fc.property(fuzzText, mobile, fuzzText, fc.boolean(), (a, m, b, wide) => {
        // A separator and 4 digits right after would make it a virtual number (11+4), kept as such.
        const out = maskText(`${a} ${wide ? toFullWidth(m) : m} x${b}`).value;
        expect(out).not.toContain(m);
        expect(out).not.toContain(toFullWidth(m));
      }),
      RUNS,
    );
  });
  it('an 18-digit ID number embedded in text never survives', () => {
    const id = fc
      .tuple(
        fc.stringMatching(/^[1-9]\d{5}$/u),
        fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.stringMatching(/^\d{3}[\dX]$/u),
      )
      .map(([area, d, tail]) => area + d.toISOString().slice(0, 10).replaceAll('-', '') + tail);
    fc.assert(
      fc.property(fuzzText, id, (a, n) => {
        const out = maskText(`${a} 身份证${n}。`).value;
        expect(out).not.toContain(n);
        expect(out).not.toContain(n.slice(6, 14));
      }),
      RUNS,
    );
  });
  it('finishes on 100,000-character inputs', () => {
    expect(maskText('1'.repeat(100_000)).found).toEqual([]);
    expect(maskText('13440963639 '.repeat(8_334)).found.length).toBe(8_334);
    expect(maskText('转'.repeat(100_000)).found).toEqual([]);
    expect(maskText('020-'.repeat(25_000)).found).toEqual([]);
    expect(maskText('+86 '.repeat(25_000)).found).toEqual([]);
    expect(maskText('13240968483-'.repeat(8_000)).found.length).toBeGreaterThan(0);
  });
});
