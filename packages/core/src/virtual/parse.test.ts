import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzText, RUNS, toFullWidth } from '../classify/fuzz.test-helper.js';
import { formatVirtualNumber, parseVirtualNumber, parseVirtualNumberDetailed } from './parse.js';

const v = { main: '13240968483', ext: '9647' };

describe('parseVirtualNumber (seed 002: 13240968483-9647)', () => {
  it('accepts the written forms', () => {
    for (const s of [
      '13240968483-9647',
      '13240968483转9647',
      '13240968483,9647',
      '13240968483，9647',
      '13240968483-9647#',
      ' 13240968483 - 9647 ',
      '13240968483(转9647)',
      '13240968483（转9647）',
      '１３２４０９６８４８３－９６４７',
      '13240968483—9647',
    ])
      expect(parseVirtualNumber(s), s).toEqual(v);
  });
  it('rejects malformed ones with a reason', () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      ['13240968483', 'no-extension'],
      ['1324096848-9647', 'main-length'],
      ['132409684831-9647', 'main-length'],
      ['23240968483-9647', 'main-prefix'],
      ['13240968483-964', 'ext-length'],
      ['13240968483-96471', 'ext-length'],
      ['132****8483-9647', 'malformed'],
      ['abc', 'malformed'],
      ['1'.repeat(100), 'too-long'],
    ];
    for (const [s, code] of cases) {
      const r = parseVirtualNumberDetailed(s);
      expect(r.ok, s).toBe(false);
      if (!r.ok) {
        expect(r.code, s).toBe(code);
        expect(r.reason.length).toBeGreaterThan(0);
      }
    }
    expect(parseVirtualNumber('132****3639')).toBeNull();
  });
  it('formats as main-ext', () => {
    expect(formatVirtualNumber(v)).toBe('13240968483-9647');
  });
});

const virtualArb = fc
  .tuple(fc.stringMatching(/^1\d{10}$/u), fc.stringMatching(/^\d{4}$/u))
  .map(([main, ext]) => ({ main, ext }));

describe('properties', () => {
  it('parse(format(x)) = x', () => {
    fc.assert(
      fc.property(virtualArb, (x) => {
        expect(parseVirtualNumber(formatVirtualNumber(x))).toEqual(x);
      }),
      RUNS,
    );
  });
  it('every accepted writing (separators, full width, trailing #) parses to the same number', () => {
    fc.assert(
      fc.property(
        virtualArb,
        fc.constantFrom('-', '转', ',', '，', ' - ', '(转'),
        fc.boolean(),
        fc.boolean(),
        (x, sep, wide, hash) => {
          const close = sep === '(转' ? ')' : '';
          const s = `${x.main}${sep}${x.ext}${close}${hash ? '#' : ''}`;
          expect(parseVirtualNumber(wide ? toFullWidth(s) : s)).toEqual(x);
        },
      ),
      RUNS,
    );
  });
  it('never throws; a success always has an 11-digit main and a 4-digit extension', () => {
    fc.assert(
      fc.property(fuzzText, (s) => {
        const r = parseVirtualNumberDetailed(s);
        if (r.ok) {
          expect(r.value.main).toMatch(/^1\d{10}$/u);
          expect(r.value.ext).toMatch(/^\d{4}$/u);
        } else expect(r.reason).not.toBe('');
      }),
      RUNS,
    );
  });
  it('finishes on a 100,000-character input', () => {
    expect(parseVirtualNumberDetailed('1'.repeat(100_000)).ok).toBe(false);
    expect(parseVirtualNumberDetailed('1'.repeat(50_000) + '-' + '1'.repeat(50_000)).ok).toBe(false);
  });
});
