import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdSet } from './id-set.js';

/** FNV-1a, as the set hashes: to make ids that share a probe start. */
function fnv(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h;
}

describe('createIdSet', { timeout: 120_000 }, () => {
  it('answers as a Set does, for any ids (property)', () => {
    const id = fc.oneof(
      fc.stringMatching(/^[0-9]{1,3}$/u),
      fc.stringMatching(/^[0-9A-Za-z_-]{1,70}$/u),
      fc.constantFrom('', '订单1', 'é', '6921000000000001', 'a'.repeat(64), 'a'.repeat(65)),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), (ids) => {
        const mine = createIdSet();
        const ref = new Set<string>();
        for (const x of ids) {
          const before = ref.size;
          ref.add(x);
          expect(mine.add(x)).toBe(ref.size > before);
          expect(mine.size).toBe(ref.size);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('stays exact through growth: 200,000 ids, each added twice', () => {
    const s = createIdSet();
    let added = 0;
    let again = 0;
    for (let i = 0; i < 200_000; i++) if (s.add(String(6921000000000000 + i * 7))) added++;
    for (let i = 0; i < 200_000; i++) if (s.add(String(6921000000000000 + i * 7))) again++;
    expect([added, again, s.size]).toEqual([200_000, 0, 200_000]);
  });

  it('stays exact when many ids share a probe start (colliding hashes go to the plain set)', () => {
    // Ids whose hashes agree in their low 16 bits start their probe at the same slot at every
    // table size up to 65,536 slots (30,000 ids fill no more): 40 of them outrun the probe limit.
    const same: string[] = [];
    const want = fnv('x0') & 0xffff;
    for (let i = 0; same.length < 40 && i < 20_000_000; i++) {
      const x = `x${i}`;
      if ((fnv(x) & 0xffff) === want) same.push(x);
    }
    expect(same.length).toBe(40);
    const filler = Array.from({ length: 30_000 }, (_, i) => `f${i}`);
    const s = createIdSet();
    expect([...same, ...filler].filter((x) => !s.add(x))).toEqual([]);
    expect([...filler, ...same].filter((x) => s.add(x))).toEqual([]);
    expect(s.size).toBe(same.length + filler.length);
  });
});
