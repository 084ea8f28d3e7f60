import { describe, expect, it } from 'vitest';
import type { ShopRef } from '../../messages/shared';
import { nextBinding, sessionTabShops, type SessionArea } from './tab-shops';

const a: ShopRef = { platform: 'douyin', shopId: 'A' };
const b: ShopRef = { platform: 'douyin', shopId: 'B' };

/** A `storage.session` stand-in that yields between reads and writes, as the real one does. */
function area(): SessionArea & { data: Record<string, unknown>; writes: number } {
  const data: Record<string, unknown> = {};
  const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
  const self = {
    data,
    writes: 0,
    async get(key: string) {
      await tick();
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items: Record<string, unknown>) {
      await tick();
      self.writes++;
      Object.assign(data, structuredClone(items));
    },
  };
  return self;
}

describe('nextBinding', () => {
  it('keeps the binding of the same document and replaces it for a new one', () => {
    const first = nextBinding(undefined, 'd1', a);
    expect(first).toEqual({ document: 'd1', shop: a });
    expect(nextBinding(first, 'd1', b)).toBe(first);
    expect(nextBinding(first, 'd2', b)).toEqual({ document: 'd2', shop: b });
  });
});

describe('sessionTabShops.bind', () => {
  it('two racing first reports from one document bind one shop, and it survives a new worker', async () => {
    const s = area();
    const t = sessionTabShops(s);
    const [x, y] = await Promise.all([t.bind(3, 'd1', a), t.bind(3, 'd1', b)]);
    expect([x, y]).toEqual([a, a]);
    expect(s.writes).toBe(1);
    // A restarted service worker reads the binding back from storage.session.
    const again = sessionTabShops(s);
    expect(await again.bind(3, 'd1', b)).toEqual(a);
    expect(await again.bind(3, 'd2', b)).toEqual(b);
    expect(await again.bind(4, 'd9', a)).toEqual(a);
  });

  it('ignores a malformed stored binding and binds afresh', async () => {
    const s = area();
    s.data['tabDoc:5'] = { document: 7, platform: 'douyin' };
    expect(await sessionTabShops(s).bind(5, 'd1', b)).toEqual(b);
  });
});
