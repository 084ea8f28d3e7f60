// The quota-event store is idempotent by id AND content (issue 14 item 6): an id reused with other
// content is kept as another event, so the ledger the background replays is the same whichever
// arrives first.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Store } from './store';

const shop = { platform: 'douyin', shopId: 'dy1' } as const;
type Ev = { readonly id: string; readonly type: string; readonly order?: string; readonly at: number };
const ev = (id: string, order: string, at = 1_790_000_000_000): Ev => ({ id, type: 'decrypted', order, at });

async function storedAfter(items: readonly Ev[]): Promise<string[]> {
  const store = new Store({ factory: new IDBFactory() });
  for (const e of items) await store.appendEvent(shop, e.id, e.at, e, 1_790_000_000_000);
  const all = await store.eventsOf<Ev>(shop);
  return all.map((s) => JSON.stringify(s.event)).sort();
}

describe('quota events: same id, other content', () => {
  it('keeps both contents in either arrival order; a re-delivery changes nothing', async () => {
    const a = ev('click:1', 'k-a');
    const b = ev('click:1', 'k-b');
    const ab = await storedAfter([a, b, a, b]);
    const ba = await storedAfter([b, a]);
    expect(ab).toEqual(ba);
    expect(ab).toHaveLength(2);
  });

  it('property: any arrival order (with duplicates) stores the same set of events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: fc.constantFrom('e1', 'e2', 'e3'), order: fc.constantFrom('x', 'y') }), {
          minLength: 1,
          maxLength: 8,
        }),
        async (picks) => {
          const items = picks.map((p) => ev(p.id, p.order));
          const forward = await storedAfter(items);
          const backward = await storedAfter([...items].reverse());
          expect(forward).toEqual(backward);
          expect(forward).toHaveLength(new Set(items.map((e) => JSON.stringify(e))).size);
        },
      ),
      { numRuns: 40 },
    );
  });
});
