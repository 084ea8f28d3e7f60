import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docText, type SyncDoc } from './documents.js';
import { syncDocArb, testKeys, T0 } from './fixtures.test-helper.js';
import { docId, revisionId } from './ids.js';
import {
  compareLeaves,
  leaves,
  mergeReplicas,
  resolveDocument,
  resolveReplica,
  winningRevision,
  type Replica,
  type Revision,
} from './revisions.js';

const keys = testKeys();
const shop = { platform: 'wechat', shopId: 'w1' } as const;

/** A replica written by one station: first revisions of some docs, then edits on some of them. */
const replicaArb: fc.Arbitrary<Replica> = fc
  .array(fc.tuple(syncDocArb, fc.option(syncDocArb, { nil: undefined }), fc.boolean()), { maxLength: 8 })
  .map((writes) => {
    const out = new Map<string, Map<string, Revision>>();
    for (const [doc, edit, del] of writes) {
      const id = docId(keys.idKey, doc);
      const m = out.get(id) ?? new Map<string, Revision>();
      out.set(id, m);
      const r1 = revisionId(keys.revKey, undefined, doc);
      m.set(r1, { rev: r1, deleted: false, doc });
      if (edit && edit.kind === doc.kind) {
        const next = { ...edit, ...('shop' in doc ? { shop: doc.shop } : {}) } as SyncDoc;
        const r2 = del ? revisionId(keys.revKey, r1, null) : revisionId(keys.revKey, r1, next);
        m.set(
          r2,
          del ? { rev: r2, parent: r1, deleted: true } : { rev: r2, parent: r1, deleted: false, doc: next },
        );
      }
    }
    return out;
  });

const flat = (r: Replica): string =>
  JSON.stringify(
    [...r]
      .map(([id, revs]) => [
        id,
        [...revs.values()].map((x) => [x.rev, x.parent ?? '', x.deleted, x.doc ? docText(x.doc) : '']).sort(),
      ])
      .sort(),
  );
const view = (r: Replica): string =>
  JSON.stringify(
    [...resolveReplica(r)]
      .map(([id, x]) => [id, x.rev, x.doc ? docText(x.doc) : '', x.losers.map((l) => l.rev)])
      .sort(),
  );

describe('mergeReplicas', () => {
  it('is commutative, associative and idempotent, and so is the resolved view (property)', () => {
    fc.assert(
      fc.property(replicaArb, replicaArb, replicaArb, (a, b, c) => {
        expect(flat(mergeReplicas(a, b))).toBe(flat(mergeReplicas(b, a)));
        expect(flat(mergeReplicas(mergeReplicas(a, b), c))).toBe(flat(mergeReplicas(a, mergeReplicas(b, c))));
        expect(flat(mergeReplicas(a, a))).toBe(flat(a));
        expect(view(mergeReplicas(a, b))).toBe(view(mergeReplicas(b, a)));
        expect(view(mergeReplicas(mergeReplicas(a, b), c))).toBe(view(mergeReplicas(a, mergeReplicas(b, c))));
      }),
    );
  });

  it('merges sets by union: every member written on either side is in the view (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          syncDocArb.filter((d) => d.kind === 'quotaEvent' || d.kind === 'journal'),
          { maxLength: 12 },
        ),
        fc.nat(),
        (docs, cut) => {
          const one = (ds: SyncDoc[]): Replica =>
            new Map(
              ds.map((d) => {
                const r = revisionId(keys.revKey, undefined, d);
                return [docId(keys.idKey, d), new Map([[r, { rev: r, deleted: false, doc: d }]])];
              }),
            );
          const k = docs.length === 0 ? 0 : cut % docs.length;
          const merged = resolveReplica(mergeReplicas(one(docs.slice(0, k)), one(docs.slice(k))));
          const ids = new Set(docs.map((d) => docId(keys.idKey, d)));
          expect(new Set(merged.keys())).toEqual(ids);
          // Same member written by two stations: same revision id, so no conflict.
          for (const r of merged.values()) expect(r.losers).toEqual([]);
        },
      ),
    );
  });
});

describe('CouchDB winner', () => {
  const leaf = (rev: string, deleted = false): Revision => ({ rev, deleted });

  it('prefers non-deleted, then the longer history, then the highest revision id', () => {
    expect(winningRevision([leaf('1-aaa'), leaf('1-bbb')])?.rev).toBe('1-bbb');
    // The documented CouchDB example: 2-de0e… beats 2-7c97….
    expect(
      winningRevision([
        leaf('2-7c971bb974251ae8541b8fe045964219'),
        leaf('2-de0ea16f8621cbac506d23a0fbbde08a'),
      ])?.rev,
    ).toBe('2-de0ea16f8621cbac506d23a0fbbde08a');
    expect(winningRevision([leaf('3-aaa', true), leaf('1-aaa')])?.rev).toBe('1-aaa');
    // Generation compares as a number: 10 beats 9.
    expect(winningRevision([leaf('9-fff'), leaf('10-000')])?.rev).toBe('10-000');
    expect(compareLeaves(leaf('1-a'), leaf('1-a'))).toBe(0);
  });

  it('picks the same winner whatever the order of the leaves (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(fc.integer({ min: 1, max: 12 }), fc.stringMatching(/^[0-9a-f]{4}$/u), fc.boolean()),
          { minLength: 1, maxLength: 6, selector: (t) => `${t[0]}-${t[1]}` },
        ),
        (ts) => {
          const ls = ts.map(([g, h, d]) => leaf(`${g}-${h}`, d));
          const w = winningRevision(ls)?.rev;
          expect(winningRevision([...ls].reverse())?.rev).toBe(w);
        },
      ),
    );
  });

  it('leaves excludes revisions that have children', () => {
    const r1 = { rev: '1-a', deleted: false };
    const r2 = { rev: '2-b', parent: '1-a', deleted: false };
    const r2b = { rev: '2-c', parent: '1-a', deleted: true };
    expect(leaves([r1, r2, r2b]).map((r) => r.rev)).toEqual(['2-b', '2-c']);
  });
});

describe('resolveDocument: latest edit for settings', () => {
  const settings = (at: number, stationId: string, retentionDays: number): SyncDoc => ({
    kind: 'settings',
    shop,
    settings: { retentionDays },
    at,
    station: { id: stationId, label: stationId.slice(-1) },
  });

  it('the later edit wins over CouchDB’s winner; the losing edit is reported', () => {
    const base = settings(T0, 'st-1', 90);
    const r1 = revisionId(keys.revKey, undefined, base);
    const a = settings(T0 + 60_000, 'st-1', 30);
    const b = settings(T0 + 120_000, 'st-2', 60);
    const ra = revisionId(keys.revKey, r1, a);
    const rb = revisionId(keys.revKey, r1, b);
    const revs: Revision[] = [
      { rev: r1, deleted: false, doc: base },
      { rev: ra, parent: r1, deleted: false, doc: a },
      { rev: rb, parent: r1, deleted: false, doc: b },
    ];
    const res = resolveDocument(revs);
    expect(res.rule).toBe('latest-edit');
    expect(res.doc).toEqual(b);
    expect(res.losers.map((l) => l.doc)).toEqual([a]);
  });

  it('ties on time are broken by station id, deterministically (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^st-[a-z]{3}$/u), { minLength: 2, maxLength: 4 }),
        (ids) => {
          const docs = ids.map((id, i) => settings(T0, id, i + 1));
          const revs = docs.map((d): Revision => ({
            rev: revisionId(keys.revKey, '1-0', d),
            parent: '1-0',
            deleted: false,
            doc: d,
          }));
          const win = resolveDocument(revs).doc;
          expect(win && 'station' in win && win.station.id).toBe([...ids].sort().at(-1));
          expect(resolveDocument([...revs].reverse()).doc).toEqual(win);
        },
      ),
    );
  });

  it('a document whose leaves are all deleted resolves to nothing', () => {
    const d = settings(T0, 'st-1', 1);
    const r1 = revisionId(keys.revKey, undefined, d);
    const r2 = revisionId(keys.revKey, r1, null);
    const res = resolveDocument([
      { rev: r1, deleted: false, doc: d },
      { rev: r2, parent: r1, deleted: true },
    ]);
    expect(res.doc).toBeUndefined();
  });
});
