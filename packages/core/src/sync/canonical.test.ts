import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JSON_LIMITS, canonicalJson, isJsonValue } from './canonical.js';

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
