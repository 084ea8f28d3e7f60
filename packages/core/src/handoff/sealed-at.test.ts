import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RETURN_CLOCK_SKEW_MS, sealedAtProblem } from './sealed-at.js';

const T = Date.UTC(2026, 10, 23, 2);

describe('sealedAtProblem', () => {
  it('accepts [createdAt - skew, now + skew] and refuses outside, with the minutes', () => {
    const at = { createdAt: T, now: T + 3_600_000 };
    expect(sealedAtProblem(T + 60_000, at)).toBeUndefined();
    expect(sealedAtProblem(at.now + RETURN_CLOCK_SKEW_MS, at)).toBeUndefined();
    expect(sealedAtProblem(T - RETURN_CLOCK_SKEW_MS, at)).toBeUndefined();
    expect(sealedAtProblem(at.now + 3_600_000, at)).toMatch(/60 minutes in the future/u);
    expect(sealedAtProblem(T - 3_600_000, at)).toMatch(/60 minutes before the batch was created/u);
    expect(sealedAtProblem(at.now + RETURN_CLOCK_SKEW_MS + 1, at)).toBeDefined();
    expect(sealedAtProblem(T - RETURN_CLOCK_SKEW_MS - 1, at)).toBeDefined();
  });

  it('refuses bad arguments instead of accepting them', () => {
    expect(sealedAtProblem(T, { createdAt: undefined, now: T })).toMatch(/unknown/u);
    expect(sealedAtProblem(T, { createdAt: T, now: Number.NaN })).toBeDefined();
    expect(sealedAtProblem(Number.NaN, { createdAt: T, now: T })).toBeDefined();
  });

  it('property: accepted exactly inside the window (1,000 runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 1e8 }), (d, age) => {
        const at = { createdAt: T, now: T + age };
        const s = T + age + d;
        const inside = s <= at.now + RETURN_CLOCK_SKEW_MS && s >= T - RETURN_CLOCK_SKEW_MS;
        expect(sealedAtProblem(s, at) === undefined).toBe(inside);
      }),
      { numRuns: 1000 },
    );
  });
});
