// The sync mirror: a revision is stored once (by id + rev), every new revision gets the next local
// sequence number, and what was stored survives a closed connection (a killed worker).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdbSyncStore, type LocalRevision } from './sync-store';

const rev = (id: string, r: string, parent?: string): LocalRevision => ({
  id,
  rev: r,
  deleted: false,
  history: parent ? [r, parent] : [r],
  ...(parent ? { parent } : {}),
});

describe('IdbSyncStore', () => {
  it('stores each (id, rev) once, whatever is re-delivered, with increasing sequence numbers (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('1-x', '1-y', '2-z')), {
          maxLength: 20,
        }),
        async (pairs) => {
          const store = await IdbSyncStore.open(new IDBFactory());
          const half = Math.floor(pairs.length / 2);
          const n1 = await store.add(
            pairs.slice(0, half).map(([i, r]) => rev(i, r)),
            'local',
          );
          const n2 = await store.add(
            pairs.map(([i, r]) => rev(i, r)),
            'remote',
          );
          const distinct = new Set(pairs.map(([i, r]) => `${i} ${r}`)).size;
          expect(n1 + n2).toBe(distinct);
          const all = await store.since(0, 1000);
          expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => i + 1));
          expect(await store.missing(pairs.map(([id, r]) => ({ id, rev: r })))).toEqual([]);
          store.close();
        },
      ),
      { numRuns: 30 },
    );
  });

  it('pages by sequence, counts by origin, lists one document and reports missing pairs', async () => {
    const store = await IdbSyncStore.open(new IDBFactory());
    await store.add([rev('a', '1-a'), rev('b', '1-b')], 'local');
    await store.add([rev('a', '2-a', '1-a')], 'remote');
    expect((await store.since(1, 1)).map((r) => r.rev)).toEqual(['1-b']);
    expect(await store.countSince(0, 'local')).toBe(2);
    expect(await store.countSince(1, 'local')).toBe(1);
    expect(await store.countSince(0, 'remote')).toBe(1);
    expect((await store.revisionsOf('a')).map((r) => r.rev).sort()).toEqual(['1-a', '2-a']);
    expect(
      await store.missing([
        { id: 'a', rev: '3-a' },
        { id: 'b', rev: '1-b' },
      ]),
    ).toEqual([{ id: 'a', rev: '3-a' }]);
  });

  it('keeps revisions and checkpoints across a closed connection', async () => {
    const factory = new IDBFactory();
    const s1 = await IdbSyncStore.open(factory);
    await s1.add([rev('a', '1-a')], 'local');
    await s1.setMeta('push:seq', 1);
    s1.close();
    const s2 = await IdbSyncStore.open(factory);
    expect(await s2.getMeta('push:seq')).toBe(1);
    expect(await s2.add([rev('a', '1-a'), rev('c', '1-c')], 'local')).toBe(1);
    expect((await s2.since(0, 10)).map((r) => r.seq)).toEqual([1, 2]);
  });
});
