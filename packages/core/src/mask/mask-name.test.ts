import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzText, RUNS } from '../classify/fuzz.test-helper.js';
import { COMPOUND_SURNAMES } from './compound-surnames.js';
import { maskName } from './mask-name.js';

describe('maskName: known answers', () => {
  it('keeps the surname and one star (seed example 张*)', () => {
    expect(maskName('张三')).toEqual({ value: '张*', form: 'plain' });
    expect(maskName('张三丰').value).toBe('张*');
    expect(maskName('王小明明').value).toBe('王*');
  });
  it('keeps compound surnames whole', () => {
    for (const s of [
      '欧阳',
      '司马',
      '诸葛',
      '上官',
      '慕容',
      '东方',
      '皇甫',
      '尉迟',
      '公孙',
      '令狐',
      '长孙',
      '宇文',
      '夏侯',
      '轩辕',
      '端木',
    ])
      expect(maskName(`${s}明月`).value, s).toBe(`${s}*`);
    expect(maskName('诸葛亮').value).toBe('诸葛*');
  });
  it('names with ·, Latin names, labels with an extension', () => {
    expect(maskName('迪丽热巴·迪力木拉提').value).toBe('迪*');
    expect(maskName('John Smith').value).toBe('J*');
    expect(maskName('店小二(转3639)').value).toBe('店*(转3639)');
    expect(maskName('店小二（转3639）').value).toBe('店*(转3639)');
  });
  it('already masked, ciphertext, empty, not a name', () => {
    expect(maskName('张*')).toEqual({ value: '张*', form: 'masked' });
    expect(maskName('张**').value).toBe('张*');
    expect(maskName('*三').value).toBe('*');
    expect(maskName('#ML3B#0BB1W4Xn5AbCdEfGh1234=#1##').form).toBe('ciphertext');
    expect(maskName('  ')).toEqual({ value: '', form: 'empty' });
    expect(maskName('12345')).toMatchObject({ value: '*', form: 'invalid' });
    expect(maskName('张')).toEqual({ value: '*', form: 'plain' });
  });
});

describe('maskName: the form agrees with classifyField', () => {
  it('an unassigned code point in the Han range and 〇 are no letters (fast-check counterexample)', () => {
    expect(maskName('𮹞')).toEqual({ value: '*', form: 'invalid', reason: 'no letters: not a name' });
    expect(maskName('〇').form).toBe('invalid');
    expect(maskName('𠀋').form).toBe('plain');
  });
});

describe('maskName: properties', () => {
  it('never throws and is idempotent', () => {
    fc.assert(
      fc.property(fuzzText, (s) => {
        const once = maskName(s).value;
        expect(maskName(once).value).toBe(once);
      }),
      RUNS,
    );
  });
  it('a Chinese name keeps at most its surname: output is surname + *', () => {
    const given = fc.string({
      unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(
        fc.constantFrom('张', '李', '王', ...COMPOUND_SURNAMES.slice(0, 20)),
        given,
        (surname, g) => {
          const out = maskName(surname + g).value;
          expect(out).toBe(`${surname}*`);
        },
      ),
      RUNS,
    );
  });
  it('finishes on a 100,000-character input', () => {
    expect(maskName('张'.repeat(100_000)).value).toBe('*');
    expect(maskName('(转1234)'.repeat(20_000)).value.length).toBeLessThan(10);
  });
});
