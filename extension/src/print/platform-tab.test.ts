import { describe, expect, it } from 'vitest';
import { tickOnPlatform, type TabsApi } from './platform-tab';

const shop = { platform: 'douyin', shopId: 'dy1' } as const;

function tabs(
  replies: Record<number, unknown>,
): TabsApi & { sent: number[]; activated: number[]; urls: string[][] } {
  const sent: number[] = [];
  const activated: number[] = [];
  const urls: string[][] = [];
  return {
    sent,
    activated,
    urls,
    query: (q) => {
      urls.push(q.url);
      return Promise.resolve(Object.keys(replies).map((id) => ({ id: Number(id) })));
    },
    sendMessage: (id, m) => {
      sent.push(id);
      expect(m).toEqual({ type: 'platform-print/tick', shop, orderIds: ['6920'] });
      const r = replies[id];
      return r instanceof Error ? Promise.reject(r) : Promise.resolve(r);
    },
    update: (id) => {
      activated.push(id);
      return Promise.resolve();
    },
  };
}

describe('tickOnPlatform', () => {
  it("asks the back-office tabs in turn; the shop's own page ticks and is brought to the front", async () => {
    const t = tabs({
      1: new Error('no content script'),
      2: { ok: false, reason: 'other-shop' },
      3: { ok: true, ticked: ['6920'], missing: [], unticked: 0, entry: '批量打印' },
    });
    expect(await tickOnPlatform(shop, ['6920'], t)).toMatchObject({ ok: true, ticked: ['6920'] });
    expect(t.sent).toEqual([1, 2, 3]);
    expect(t.activated).toEqual([3]);
    // Only back-office origins (and the demo origin in test builds) are queried.
    expect(t.urls[0]).toContain('https://fxg.jinritemai.com/*');
    expect(t.urls[0]!.every((u) => /^https:\/\/|^http:\/\/127\.0\.0\.1\//u.test(u))).toBe(true);
  });
  it('no tab or only other shops: a reason, nothing activated', async () => {
    expect(await tickOnPlatform(shop, ['6920'], tabs({}))).toEqual({ ok: false, reason: 'no-tab' });
    const other = tabs({ 5: { ok: false, reason: 'other-shop' }, 6: 'garbage' });
    expect(await tickOnPlatform(shop, ['6920'], other)).toEqual({ ok: false, reason: 'other-shop' });
    expect(other.activated).toEqual([]);
  });
});
