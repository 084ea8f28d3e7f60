import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JSON_LIMITS, canonicalJson, isJsonValue, type JsonValue } from './canonical.js';

function shuffleKeys(v: unknown, seed: number): unknown {
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, seed));
  if (v === null || typeof v !== 'object') return v;
  const entries = Object.entries(v);
  const rotated = entries
    .slice(seed % (entries.length || 1))
    .concat(entries.slice(0, seed % (entries.length || 1)));
  return Object.fromEntries(rotated.reverse().map(([k, x]) => [k, shuffleKeys(x, seed + 1)]));
}

describe('canonicalJson', () => {
  it('parses back to the same value and ignores key order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (raw, seed) => {
        const v = JSON.parse(JSON.stringify(raw)) as never;
        expect(isJsonValue(v)).toBe(true);
        const text = canonicalJson(v);
        expect(JSON.parse(text)).toEqual(v);
        expect(canonicalJson(shuffleKeys(v, seed) as never)).toBe(text);
      }),
    );
  });

  it('writes what sorting keys by code units and joining the parts writes (property)', () => {
    const reference = (v: unknown): string => {
      if (v === null || typeof v !== 'object') return JSON.stringify(v);
      if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(o[k])}`).join(',')}}`;
    };
    // Keys from astral, BMP and ASCII characters (code-unit order differs from code-point order),
    // values that may be undefined (left out), -0, nesting.
    const key = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('😀', '\uffff', 'a', 'B', '_', ''));
    const value = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, true, false, 0, -0, 1.5, -7, 'x', '"\\\n', undefined),
        fc.array(
          tie('v').filter((x) => x !== undefined),
          { maxLength: 4 },
        ),
        fc.dictionary(key, tie('v'), { maxKeys: 5 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        if (v === undefined) return;
        expect(canonicalJson(v as JsonValue)).toBe(reference(v));
      }),
      { numRuns: 3000 },
    );
  });

  it('sorts keys and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 0, y: -1.5 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"y":-1.5,"z":0}}',
    );
  });
});

describe('isJsonValue', () => {
  it('refuses what is not plain bounded JSON', () => {
    expect(isJsonValue(Number.NaN)).toBe(false);
    expect(isJsonValue(Infinity)).toBe(false);
    expect(isJsonValue('\ud800')).toBe(false);
    expect(isJsonValue({ ['\udc00']: 1 })).toBe(false);
    expect(isJsonValue(new Date(0))).toBe(false);
    expect(isJsonValue(new Uint8Array(2))).toBe(false);
    expect(isJsonValue(() => 1)).toBe(false);
    expect(isJsonValue(1n)).toBe(false);
    expect(isJsonValue('x'.repeat(JSON_LIMITS.stringChars + 1))).toBe(false);
    let deep: unknown = 1;
    for (let i = 0; i <= JSON_LIMITS.depth; i++) deep = [deep];
    expect(isJsonValue(deep)).toBe(false);
    expect(isJsonValue(new Array(JSON_LIMITS.nodes + 1).fill(0))).toBe(false);
  });

  it('accepts paired surrogates (emoji) and null-prototype objects', () => {
    expect(isJsonValue('📦')).toBe(true);
    expect(isJsonValue(Object.assign(Object.create(null) as object, { a: 1 }))).toBe(true);
  });
});
