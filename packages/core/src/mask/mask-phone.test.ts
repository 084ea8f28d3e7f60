import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzText, mobile, RUNS, toFullWidth } from '../classify/fuzz.test-helper.js';
import { maskPhone } from './mask-phone.js';

const digits = (s: string): number => (s.match(/\d/gu) ?? []).length;

describe('maskPhone: known answers', () => {
  it('mobile keeps 3 + 4 (seed 002: 132****3639)', () => {
    expect(maskPhone('13440963639')).toEqual({ value: '134****3639', form: 'plain' });
    expect(maskPhone('13240963639').value).toBe('132****3639');
  });
  it('normalises +86, spaces, dashes and full-width digits', () => {
    for (const s of [
      '+86 134 4096 3639',
      '+8613440963639',
      '0086-134-4096-3639',
      '86 13440963639',
      '134-4096-3639',
      '１３４４０９６３６３９',
      '(134) 4096 3639',
    ])
      expect(maskPhone(s).value, s).toBe('134****3639');
  });
  it('landline keeps the area code and last 4', () => {
    expect(maskPhone('020-87654321')).toEqual({ value: '020-****4321', form: 'plain' });
    expect(maskPhone('(0755)2345678').value).toBe('0755-****5678');
    expect(maskPhone('010 62345678').value).toBe('010-****5678');
    expect(maskPhone('0755-2345678-801').value).toBe('0755-****5678');
    expect(maskPhone('010-62345678转8001').value).toBe('010-****5678');
    expect(maskPhone('(010)62345678 ext 12').value).toBe('010-****5678');
  });
  it('already masked values stay (re-cut to the rule)', () => {
    expect(maskPhone('132****3639')).toEqual({ value: '132****3639', form: 'masked' });
    expect(maskPhone('132＊＊＊＊3639').value).toBe('132****3639');
    expect(maskPhone('13240963***').value).toBe('132****3***');
    expect(maskPhone('020-****4321').value).toBe('020-****4321');
  });
  it('virtual numbers are left as they are (the main number is the platform’s)', () => {
    expect(maskPhone('13240968483-9647')).toEqual({ value: '13240968483-9647', form: 'virtual' });
    expect(maskPhone('13476567876转3639')).toEqual({ value: '13476567876-3639', form: 'virtual' });
  });
  it('ciphertext passes through; everything else gets the fixed mask with a reason', () => {
    expect(maskPhone('$$9Uq0Xr2bTz1Kc8Yw4Lm7Pn==$1$$')).toEqual({
      value: '$$9Uq0Xr2bTz1Kc8Yw4Lm7Pn==$1$$',
      form: 'ciphertext',
    });
    const ten = maskPhone('1344096363');
    expect(ten).toMatchObject({ value: '****', form: 'invalid' });
    expect(ten.reason).toMatch(/digit missing/u);
    expect(maskPhone('call me').value).toBe('****');
    expect(maskPhone('')).toEqual({ value: '', form: 'empty' });
  });
});

describe('maskPhone: properties', () => {
  it('never throws and is idempotent on arbitrary text', () => {
    fc.assert(
      fc.property(fuzzText, (s) => {
        const once = maskPhone(s).value;
        expect(maskPhone(once).value).toBe(once);
      }),
      RUNS,
    );
  });
  it('a masked mobile never keeps more than 7 of its digits, in any writing', () => {
    fc.assert(
      fc.property(mobile, fc.constantFrom('', '+86', '+86 ', '0086'), fc.boolean(), (m, prefix, wide) => {
        const out = maskPhone(prefix + (wide ? toFullWidth(m) : m)).value;
        expect(out).toBe(`${m.slice(0, 3)}****${m.slice(7)}`);
        expect(digits(out)).toBeLessThanOrEqual(7);
        expect(out).not.toContain(m.slice(3, 7) + m.slice(7));
      }),
      RUNS,
    );
  });
  it('output of arbitrary text shows at most 8 digits (landline: area code + 4) unless virtual or ciphertext', () => {
    fc.assert(
      fc.property(fuzzText, (s) => {
        const r = maskPhone(s);
        if (r.form !== 'virtual' && r.form !== 'ciphertext') expect(digits(r.value)).toBeLessThanOrEqual(8);
        if (r.form === 'plain' || r.form === 'masked') expect(r.value).toMatch(/^[\d*-]*$/u);
      }),
      RUNS,
    );
  });
  it('finishes on a 100,000-character input', () => {
    expect(maskPhone('1'.repeat(100_000)).value).toBe('****');
    expect(maskPhone('*'.repeat(100_000)).value).toBe('****');
  });
});
