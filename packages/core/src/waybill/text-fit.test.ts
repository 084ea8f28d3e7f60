import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { fitText, textWidthEm, wrapText } from './text-fit.js';

// Property tests run 1,000+ cases; on a shared, loaded machine that can pass 5 s. No timing is
// asserted, so allow a minute.
vi.setConfig({ testTimeout: 60_000 });

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
const asciiChar = fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c));
const mixed = fc.string({ unit: fc.oneof(cjk, cjk, asciiChar), maxLength: 120 });
const ext = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));
const box = fc.record({
  widthMm: fc.double({ min: 20, max: 96, noNaN: true }),
  fontMm: fc.double({ min: 2.5, max: 5, noNaN: true }),
  maxLines: fc.integer({ min: 1, max: 4 }),
});

describe('textWidthEm / wrapText', () => {
  it('measures CJK as 1 em and digits as 0.6 em', () => {
    expect(textWidthEm('广州')).toBe(2);
    expect(textWidthEm('转3639')).toBeCloseTo(3.4);
  });
  it('wraps the seed address between CJK characters and keeps 888号 whole', () => {
    expect(wrapText('广东省广州市天河区花城广场888号', 8)).toEqual(['广东省广州市天河', '区花城广场888号']);
  });
  it('never starts a line with closing punctuation', () => {
    const lines = wrapText('一二三四五六七八,九', 8);
    expect(lines[1]?.startsWith(',')).toBe(false);
  });
  it('every line fits and no character is lost (property)', () => {
    fc.assert(
      fc.property(mixed, fc.double({ min: 4, max: 40, noNaN: true }), (s, w) => {
        const lines = wrapText(s, w);
        for (const l of lines) {
          // A single character is allowed to overflow only when it alone is wider than a line.
          if ([...l].length > 1) expect(textWidthEm(l)).toBeLessThanOrEqual(w + 1e-6);
        }
        expect(lines.join('').replace(/\s/gu, '')).toBe(s.replace(/\s/gu, ''));
      }),
      { numRuns: 1000 },
    );
  });
  it('finishes on a 100,000-character input', () => {
    const s = '转1234'.repeat(10_000) + 'a1'.repeat(25_000);
    expect(wrapText(s, 30).length).toBeGreaterThan(1000);
  });
});

describe('fitText', () => {
  it('trims the name, never the extension', () => {
    const r = fitText('很长的名字很长的名字', '(转3639)', { widthMm: 30, fontMm: 4, maxLines: 1 });
    expect(r.trimmed).toBe(true);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/…\(转3639\)$/u);
  });
  it('shrinks before it trims', () => {
    const r = fitText('广东省广州市天河区花城广场888号', '', {
      widthMm: 40,
      fontMm: 4,
      minFontMm: 2.4,
      maxLines: 1,
    });
    expect(r.trimmed).toBe(false);
    expect(r.fontMm).toBeLessThan(4);
  });
  it('the 转NNNN extension always survives whole on one line (property)', () => {
    fc.assert(
      fc.property(mixed, ext, box, (body, e, b) => {
        for (const suffix of [`(转${e})`, `如需联系用户,请转${e}`, `如需联系用户,请转${e}#`]) {
          const r = fitText(body, suffix, b);
          expect(r.lines.some((l) => l.includes(`转${e}`))).toBe(true);
          expect(r.lines.join('').endsWith(suffix)).toBe(true);
          if (!r.overflow) expect(r.lines.length).toBeLessThanOrEqual(b.maxLines);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
