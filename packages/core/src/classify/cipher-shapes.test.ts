import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cipherShapes, isCiphertext, readCipher, type CipherReading } from './cipher-shapes.js';
import { fuzzText, mobile, RUNS } from './fuzz.test-helper.js';

/**
 * The reading rules written the plain way (trim, split on the separator, check each segment):
 * the one-pass `readCipher` must agree with it on every input.
 */
function readCipherBySplit(value: string): CipherReading | undefined {
  const b64 = /^[0-9A-Za-z+/\-_=*]+$/u;
  const s = value.trim();
  const n = s.length;
  if (n < 6 || n > 4096) return undefined;
  const sep = s[0] ?? '';
  if (!'#$~'.includes(sep) || s[n - 1] !== sep) return undefined;
  const double = s[n - 2] === sep;
  const parts = s.slice(1, double ? n - 2 : n - 1).split(sep);
  const version = parts[parts.length - 1] ?? '';
  if (!/^\d{1,4}$/u.test(version)) return undefined;
  const body = parts.slice(0, -1);
  if (body.length === 0 || body.length > 2) return undefined;
  for (const p of body)
    if (p.length > 0 && (!b64.test(p) || /1-?[3-9](?:-?\d){9}/u.test(p))) return undefined;
  const separator = sep as '#' | '$' | '~';
  if (body.length === 1) {
    const cipher = body[0] ?? '';
    if (cipher.length < 4) return undefined;
    if (cipher.startsWith('AgAAAA') || (double && sep === '~'))
      return { source: 'pdd', separator, version, cipher };
    if (!double && sep === '~') return { source: 'taobao', separator, version, cipher };
    if (double && sep !== '~') return { source: 'douyin', separator, version, cipher };
    return undefined;
  }
  const [a = '', b = ''] = body;
  if (b.length < 4) return undefined;
  if (a.startsWith('AgAAAA')) return { source: 'pdd', separator, version, cipher: a, searchIndex: b };
  if (b.startsWith('AgAAAA'))
    return { source: 'pdd', separator, version, cipher: b, ...(a ? { searchIndex: a } : {}) };
  if (double && sep === '$' && a.length === 24 && a.endsWith('==') && b64.test(a))
    return { source: 'taobao', separator, version, cipher: b, searchIndex: a };
  if (double && sep !== '~')
    return { source: 'douyin', separator, version, cipher: b, ...(a ? { searchIndex: a } : {}) };
  if (!double && sep === '$' && a.length > 0)
    return { source: 'taobao', separator, version, cipher: b, prefix: a };
  if (sep === '~' && a.length > 0) return { source: 'taobao', separator, version, cipher: a, searchIndex: b };
  return undefined;
}

/**
 * Ciphertext-shaped strings: zero to three body segments (base64 pieces, digit runs, mobiles
 * tight and dashed, the PDD header, an empty index, a stranger now and then), a version of zero
 * to five characters, single or double closing separator.
 */
const piece = fc.constantFrom(
  '0BB1W4Xn5A',
  '8SPcn5YcviStk1oP01BhNg==',
  'AgAAAA',
  'ML3B',
  '=',
  '/+',
  '-_*',
  '1',
  '12345',
  '13812345678',
  '138-1234-5678',
  '1-3-8',
  ' ',
  '省',
  '.',
);
const segment = fc.array(piece, { maxLength: 3 }).map((cs) => cs.join(''));
const cipherLike = fc
  .tuple(
    fc.constantFrom('#', '$', '~'),
    fc.array(segment, { maxLength: 3 }),
    fc.constantFrom('', '1', '12', '1234', '12345', 'a', ' 1'),
    fc.boolean(),
  )
  .map(([sep, body, version, double]) =>
    [sep, ...body.map((b) => b + sep), version, sep, double ? sep : ''].join(''),
  );

describe('readCipher', () => {
  it('agrees with the split-and-check reading on every input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(cipherLike, fuzzText), (s) => {
        expect(readCipher(s)).toEqual(readCipherBySplit(s));
      }),
      { numRuns: 5000 },
    );
    for (const s of cipherShapes) expect(readCipher(s.example)).toEqual(readCipherBySplit(s.example));
  });

  it('isCiphertext says whether readCipher reads a value (property)', () => {
    fc.assert(
      fc.property(fc.oneof(cipherLike, fuzzText), (s) => {
        expect(isCiphertext(s)).toBe(readCipher(s) !== undefined);
      }),
      { numRuns: 5000 },
    );
    expect(isCiphertext(' #ML3B#0BB1W4Xn5AbCdEfGh1234=#1## ')).toBe(true);
    expect(isCiphertext('#ML3B#0BB1W4Xn513812345678AbCd=#1##')).toBe(false);
  });

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
