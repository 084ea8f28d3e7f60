import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimNotice, claimOutcome, newClaim } from './claim.js';
import { testKeys, T0 } from './fixtures.test-helper.js';
import { revisionId } from './ids.js';
import { winningRevision, type Revision } from './revisions.js';

const keys = testKeys();
const shop = { platform: 'douyin', shopId: 's1' } as const;
const station = (n: number): { id: string; label: string } => ({ id: `st-${n}`, label: String(n) });

describe('claimOutcome', () => {
  it('unclaimed without revisions; mine for the sole claimant; taken for the others', () => {
    expect(claimOutcome([], 'st-1')).toEqual({ state: 'unclaimed' });
    const c = newClaim(shop, '3718000000000001', station(1), T0);
    const revs: Revision[] = [{ rev: '1-abc', deleted: false, doc: c }];
    expect(claimOutcome(revs, 'st-1')).toEqual({ state: 'mine', claim: c, duplicates: [] });
    const other = claimOutcome(revs, 'st-2');
    expect(other.state).toBe('taken');
    if (other.state === 'taken') expect(claimNotice(other.claim)).toBe('已由 1 号工位打印');
  });

  it('concurrent offline claims: every station sees the same single winner, which is CouchDB’s (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 60_000 }), { minLength: 5, maxLength: 5 }),
        (stations, delays) => {
          const revs = stations.map((n, i): Revision => {
            const doc = newClaim(shop, '3718000000000001', station(n), T0 + delays[i]!);
            return { rev: revisionId(keys.revKey, undefined, doc), deleted: false, doc };
          });
          const winnerRev = winningRevision(revs)!.rev;
          const outcomes = stations.map((n) => claimOutcome([...revs].reverse(), `st-${n}`));
          expect(outcomes.filter((o) => o.state === 'mine')).toHaveLength(1);
          const claims = outcomes.map((o) => (o.state === 'unclaimed' ? undefined : o.claim));
          expect(new Set(claims.map((c) => c && c.station.id)).size).toBe(1);
          const win = revs.find((r) => r.rev === winnerRev)!.doc!;
          expect(claims[0]).toEqual(win);
          for (const o of outcomes)
            if (o.state !== 'unclaimed') expect(o.duplicates).toHaveLength(stations.length - 1);
        },
      ),
    );
  });

  it('ignores deleted claims', () => {
    const c = newClaim(shop, '1', station(1), T0);
    expect(
      claimOutcome(
        [
          { rev: '1-a', deleted: false, doc: c },
          { rev: '2-b', parent: '1-a', deleted: true },
        ],
        'st-2',
      ),
    ).toEqual({
      state: 'unclaimed',
    });
  });
});

describe('claimNotice', () => {
  it('names numbered and named stations as text', () => {
    expect(claimNotice(newClaim(shop, '1', station(3), T0))).toBe('已由 3 号工位打印');
    expect(claimNotice(newClaim(shop, '1', { id: 'st-x', label: '前台' }, T0))).toBe('已由「前台」工位打印');
  });
});
