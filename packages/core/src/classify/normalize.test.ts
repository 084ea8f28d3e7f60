import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzText, RUNS } from './fuzz.test-helper.js';
import { foldWidth, isMobileDigits } from './normalize.js';

describe('foldWidth', () => {
  it('folds full-width ASCII and the ideographic space', () => {
    expect(foldWidth('１３２４０９６８４８３－９６４７')).toBe('13240968483-9647');
    expect(foldWidth('＊\u3000Ａ')).toBe('* A');
    expect(foldWidth('张三')).toBe('张三');
  });
  it('keeps the length (positions) and is idempotent (property)', () => {
    fc.assert(
      fc.property(fuzzText, (s) => {
        const f = foldWidth(s);
        expect(f.length).toBe(s.length);
        expect(foldWidth(f)).toBe(f);
      }),
      RUNS,
    );
  });
});

describe('isMobileDigits', () => {
  it('applies the 1[3-9] + 9 digits rule', () => {
    expect(isMobileDigits('13240968483')).toBe(true);
    expect(isMobileDigits('19912345678')).toBe(true);
    expect(isMobileDigits('12240968483')).toBe(false);
    expect(isMobileDigits('1324096848')).toBe(false);
    expect(isMobileDigits('1324096848a')).toBe(false);
  });
});
