import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldKind } from '../types.js';
import { classifyField } from './classify-field.js';
import { fuzzText, mobile, RUNS, toFullWidth } from './fuzz.test-helper.js';

const kinds: FieldKind[] = ['phone', 'name', 'address', 'text'];

describe('classifyField: phones (seed 002 examples)', () => {
  it('a valid 11-digit mobile is plain', () => {
    expect(classifyField('13240968483', 'phone')).toEqual({ form: 'plain', phoneType: 'mobile' });
    expect(classifyField('+86 132 4096 8483', 'phone').form).toBe('plain');
    expect(classifyField('１３２４０９６８４８３', 'phone').form).toBe('plain');
  });
  it('masked, virtual, invalid', () => {
    expect(classifyField('132****3639', 'phone')).toEqual({ form: 'masked', phoneType: 'mobile' });
    expect(classifyField('13240968483-9647', 'phone')).toEqual({
      form: 'virtual',
      virtual: { main: '13240968483', ext: '9647' },
    });
    expect(classifyField('13476567876转3639', 'phone').form).toBe('virtual');
    const ten = classifyField('1324096848', 'phone');
    expect(ten.form).toBe('invalid');
    expect(ten.reason).toMatch(/10 digits/u);
    expect(classifyField('12240968483', 'phone').form).toBe('invalid');
    expect(classifyField('hello', 'phone').form).toBe('invalid');
  });
  it('landlines are plain', () => {
    expect(classifyField('020-87654321', 'phone')).toEqual({ form: 'plain', phoneType: 'landline' });
    expect(classifyField('(0755)2345678', 'phone').form).toBe('plain');
  });
  it('empty and ciphertext', () => {
    expect(classifyField('   ', 'phone')).toEqual({ form: 'empty' });
    expect(classifyField('$$9Uq0Xr2bTz1Kc8Yw4Lm7Pn==$1$$', 'phone')).toMatchObject({
      form: 'ciphertext',
      source: 'douyin',
    });
  });
});

describe('classifyField: names, addresses, text', () => {
  it('known answers', () => {
    expect(classifyField('张*', 'name').form).toBe('masked');
    expect(classifyField('张三', 'name').form).toBe('plain');
    expect(classifyField('12345', 'name').form).toBe('invalid');
    expect(classifyField('广东省广州市天河区****', 'address').form).toBe('masked');
    expect(classifyField('广东省广州市天河区花城广场888号', 'address').form).toBe('plain');
    expect(classifyField('#ML3B#0BB1W4Xn5AbCdEfGh1234=#1##', 'address')).toEqual({
      form: 'ciphertext',
      source: 'douyin',
      searchIndex: 'ML3B',
    });
    expect(classifyField('~AgAAAAHv3c0Bq7Zx9Lr5Tw2m8Kd=~0~~', 'name')).toEqual({
      form: 'ciphertext',
      source: 'pdd',
    });
    expect(classifyField('', 'text')).toEqual({ form: 'empty' });
  });
});

describe('classifyField: properties', () => {
  it('never throws on arbitrary text, for every kind, and the form is one of the six', () => {
    fc.assert(
      fc.property(fuzzText, fc.constantFrom(...kinds), (s, k) => {
        expect(['plain', 'masked', 'ciphertext', 'virtual', 'empty', 'invalid']).toContain(
          classifyField(s, k).form,
        );
      }),
      RUNS,
    );
  });
  it('every valid mobile, in any writing, is plain', () => {
    fc.assert(
      fc.property(
        mobile,
        fc.constantFrom('', '+86', '+86 ', '0086', '86-'),
        fc.boolean(),
        (m, prefix, wide) => {
          const written = prefix + (wide ? toFullWidth(m) : m);
          expect(classifyField(written, 'phone').form).toBe('plain');
        },
      ),
      RUNS,
    );
  });
  it('a mobile with a digit missing is invalid, never plain', () => {
    fc.assert(
      fc.property(mobile, fc.integer({ min: 0, max: 10 }), (m, i) => {
        expect(classifyField(m.slice(0, i) + m.slice(i + 1), 'phone').form).toBe('invalid');
      }),
      RUNS,
    );
  });
  it('finishes on 100,000-character inputs', () => {
    for (const k of kinds) {
      expect(classifyField('1'.repeat(100_000), k).form).toBeDefined();
      expect(classifyField('广'.repeat(100_000), k).form).toBeDefined();
    }
  });
});
