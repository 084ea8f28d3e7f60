import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hamtEmpty, hamtForEach, hamtGet, hamtHas, hamtSet, hamtUpdate, hashKey, type Hamt } from './hamt.js';

const fromEntries = (entries: readonly (readonly [string, number])[]): Hamt<number> =>
  entries.reduce((m, [k, v]) => hamtSet(m, k, v), hamtEmpty<number>());

const toRecord = (m: Hamt<number>): Record<string, number> => {
  const out: Record<string, number> = {};
  hamtForEach(m, (k, v) => (out[k] = v));
  return out;
};

describe('hamt: persistent map of plain data', () => {
  it('behaves like Map for any sequence of sets (model check)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer())), (entries) => {
        const model = new Map(entries);
        const m = fromEntries(entries);
        expect(m.size).toBe(model.size);
        for (const [k, v] of model) expect(hamtGet(m, k)).toBe(v);
        expect(toRecord(m)).toEqual(Object.fromEntries(model));
        expect(hamtHas(m, '\u{10ffff}never')).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('never changes its input (persistence)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 40 }), (keys) => {
        const before = fromEntries(keys.slice(1).map((k, i) => [k, i]));
        const snapshot = JSON.stringify(before);
        const after = hamtUpdate(before, keys[0] as string, (v) => (v ?? 0) + 1);
        expect(JSON.stringify(before)).toBe(snapshot);
        expect(after.size).toBe(before.size + 1);
      }),
      { numRuns: 1000 },
    );
  });

  it('shape depends only on the key set: any insertion order gives a deeply equal map', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 60 })
          .chain((keys) =>
            fc.tuple(
              fc.constant(keys),
              fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }),
            ),
          ),
        ([keys, shuffled]) => {
          const a = fromEntries(keys.map((k) => [k, k.length]));
          const b = fromEntries(shuffled.map((k) => [k, k.length]));
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('round-trips through JSON and structuredClone', () => {
    const m = fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
    const back = JSON.parse(JSON.stringify(m)) as Hamt<number>;
    expect(back).toEqual(m);
    expect(hamtGet(back, 'k4321')).toBe(4321);
    expect(hamtGet(structuredClone(m), 'k17')).toBe(17);
    expect(m.size).toBe(5000);
  });

  it('handles full 32-bit hash collisions (sorted collision lists)', () => {
    // Two distinct keys with the same 32-bit hash (found once by a brute-force search).
    const pair: [string, string] = ['o579599', 'o762382'];
    expect(hashKey(pair[0])).toBe(hashKey(pair[1]));
    const [a, b] = pair;
    const m1 = hamtSet(hamtSet(hamtEmpty<number>(), a, 1), b, 2);
    const m2 = hamtSet(hamtSet(hamtEmpty<number>(), b, 2), a, 1);
    expect(m1).toEqual(m2);
    expect([hamtGet(m1, a), hamtGet(m1, b), m1.size]).toEqual([1, 2, 2]);
    expect(
      hamtGet(
        hamtUpdate(m1, a, (v) => (v ?? 0) + 10),
        a,
      ),
    ).toBe(11);
  });

  it('hash is a 32-bit unsigned integer and handles long keys', () => {
    const long = 'x'.repeat(100_000);
    const h = hashKey(long);
    expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
  });
});
