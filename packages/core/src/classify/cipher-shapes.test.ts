import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cipherShapes, readCipher } from './cipher-shapes.js';
import { fuzzText, mobile, RUNS } from './fuzz.test-helper.js';

describe('readCipher', () => {
  it('reads the issue-3 shapes', () => {
    expect(readCipher('#ML3B#0BB1W4Xn5AbCdEfGh1234=#1##')).toEqual({
      source: 'douyin',
      separator: '#',
      searchIndex: 'ML3B',
      version: '1',
      cipher: '0BB1W4Xn5AbCdEfGh1234=',
    });
    expect(readCipher('$$9Uq0Xr2bTz1Kc8Yw4Lm7Pn==$1$$')).toMatchObject({ source: 'douyin', version: '1' });
    expect(readCipher('$$9Uq0Xr2bTz1Kc8Yw4Lm7Pn==$1$$')?.searchIndex).toBeUndefined();
    expect(readCipher('~AgAAAAHv3c0Bq7Zx9Lr5Tw2m8Kd=~0~~')).toMatchObject({ source: 'pdd', version: '0' });
    expect(readCipher('$AgAAAAHv3c0Bq7Zx9Lr5Tw2m8Kd=$0$$')).toMatchObject({ source: 'pdd' });
    expect(readCipher('$132$1ejKajhsndi0370DKbiU/w==$1$')).toMatchObject({ source: 'taobao', prefix: '132' });
    expect(readCipher('$132$1ejKajhsndi0370DKbiU/w==$1$')?.searchIndex).toBeUndefined();
    // The TOP SDK's searchable phone: HMAC-MD5 of the last 4 digits as the index.
    expect(readCipher('$8SPcn5YcviStk1oP01BhNg==$1ejKajhsndi0370DKbiU/w==$1$$')).toMatchObject({
      source: 'taobao',
      searchIndex: '8SPcn5YcviStk1oP01BhNg==',
    });
    expect(readCipher('~8SPcn5YcviStk1oP01BhNg==~AbCdEfGh~1~~')).toMatchObject({
      source: 'taobao',
      searchIndex: 'AbCdEfGh',
    });
    expect(readCipher('~8SPcn5YcviStk1oP01BhNg==~1~')).toMatchObject({ source: 'taobao' });
    expect(readCipher('~8SPcn5YcviStk1oP01BhNg==~XyZ1~1~')).toMatchObject({
      source: 'taobao',
      searchIndex: 'XyZ1',
    });
    expect(readCipher('~AgAAAAHv3c0Bq7Zx9Lr5Tw2m8Kd=~idx9~2~~')).toMatchObject({
      source: 'pdd',
      searchIndex: 'idx9',
    });
  });

  it('recognises every documented example with its own source', () => {
    for (const s of cipherShapes) expect(readCipher(s.example)?.source, s.example).toBe(s.source);
  });

  it('rejects look-alikes', () => {
    for (const s of [
      '',
      '#',
      '##',
      '#abc#',
      '$100$',
      '#话题#',
      '$12.50$',
      '#ML3B#0BB1W4=#x##',
      '~~~~',
      '#a b#cd#1##',
      '$$$$$$',
    ])
      expect(readCipher(s), s).toBeUndefined();
  });

  it('a mobile in any part (search index, prefix, body) makes it plaintext, not ciphertext', () => {
    for (const s of [
      '$13812345678$1ejKajhsndi0370DKbiU/w==$1$',
      '#13812345678#0BB1W4Xn5AbCdEfGh1234=#1##',
      '#ML3B#0BB1W4Xn513812345678AbCd=#1##',
      '$$9Uq0Xr2bTz138-1234-5678Pn==$1$$',
      '~AgAAAAHv3c0Bq7Zx9Lr5Tw2m8Kd=~8613812345678~2~~',
      '~8SPcn5YcviStk1oP01BhNg13812345678==~1~',
    ])
      expect(readCipher(s), s).toBeUndefined();
    // Short digit runs (the Taobao prefix, index tokens) stay ciphertext.
    expect(readCipher('$132$1ejKajhsndi0370DKbiU/w==$1$')).toBeDefined();
    expect(readCipher('#1234#0BB1W4Xn5AbCdEfGh1234=#1##')).toBeDefined();
  });
  it('a generated mobile placed in any segment is never ciphertext (property)', () => {
    fc.assert(
      fc.property(mobile, fc.integer({ min: 0, max: 2 }), fc.constantFrom('', '-'), (m, where, sep) => {
        const written = sep === '' ? m : `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`;
        const parts = ['ML3B', '0BB1W4Xn5AbCdEfGh1234=', '1'];
        if (where === 2) parts[1] = `0BB1W4${written}Xn5A=`;
        else parts[where] = written;
        expect(readCipher(`#${parts[0]}#${parts[1]}#${parts[2]}##`)).toBeUndefined();
        expect(readCipher(`$${where === 0 ? written : '132'}$${parts[1]}$1$`)?.source).not.toBe('taobao');
      }),
      RUNS,
    );
  });

  it('a body is plaintext exactly when the mobile pattern finds a number in it (property)', () => {
    // Bodies from digits, dashes and a few letters: long digit runs, runs cut by letters, dashed
    // runs, and a digit count above 11 spread over the body (the case the cheap check must pass on).
    const body = fc
      .array(fc.constantFrom('1', '3', '8', '9', '0', '5', '-', 'A', 'b', '='), {
        minLength: 4,
        maxLength: 80,
      })
      .map((cs) => `Q${cs.join('')}`);
    fc.assert(
      fc.property(body, (b) => {
        const shown = /1-?[3-9](?:-?\d){9}/u.test(b);
        expect(readCipher(`#ML3B#${b}#1##`) === undefined).toBe(shown);
      }),
      RUNS,
    );
  });

  it('never throws and is stable under surrounding whitespace (property)', () => {
    fc.assert(
      fc.property(fuzzText, (s) => {
        const r = readCipher(s);
        expect(readCipher(` ${s} `)).toEqual(r);
      }),
      RUNS,
    );
  });

  it('finishes on a 100,000-character input', () => {
    expect(readCipher('#' + 'A'.repeat(100_000) + '#1##')).toBeUndefined();
    expect(readCipher('~' + 'A~'.repeat(50_000))).toBeUndefined();
  });
});
