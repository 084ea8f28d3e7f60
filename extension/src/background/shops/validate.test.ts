import { describe, expect, it } from 'vitest';
import { validateRequest } from '../validate';

const shop = { platform: 'wechat', shopId: 'demo' } as const;
const settingsSet = {
  type: 'settings/set',
  shop,
  settings: {
    platform: 'wechat',
    shopName: '禾木生活馆',
    quota: { ratio: 0.5, allowance: 600, packSize: 100, warnAt: 0.9, recountSameOrder: true },
    sender: { name: '王店长', phone: '13800000000', address: '浙江省杭州市余杭区文一西路1号' },
    defaultCarrier: 'ZTO',
    labelSize: '100x180',
    retentionDays: 30,
    language: 'en',
  },
};
const requests = [
  { type: 'ui/language' },
  { type: 'ui/language/set', language: 'en' },
  { type: 'settings/get', shop },
  settingsSet,
  { type: 'shops/list' },
  { type: 'shops/active', tabId: 7 },
];

/** The field a refusal names (the text before the first colon), or 'accepted'. */
function refusedField(value: unknown): string {
  const r = validateRequest(value);
  if (r.ok) return 'accepted';
  expect(r.code).toBe('invalid-message');
  return r.message.slice(0, r.message.indexOf(':'));
}

describe('shops, settings and language message validation', () => {
  it('accepts each request and returns an equal value', () => {
    for (const req of requests) expect(validateRequest(req)).toEqual({ ok: true, value: req });
  });

  it('rebuilds settings from the fields the contract names only', () => {
    const r = validateRequest({
      ...settingsSet,
      settings: { ...settingsSet.settings, buyer: '张三', quota: { ...settingsSet.settings.quota, x: 1 } },
    });
    expect(r).toEqual({ ok: true, value: settingsSet });
  });

  it('names the bad field', () => {
    const set = (settings: Record<string, unknown>) => ({
      ...settingsSet,
      settings: { platform: 'jd', ...settings },
    });
    const cases: [unknown, string][] = [
      [set({ retentionDays: 0 }), 'settings.retentionDays'],
      [set({ quota: { ratio: 2 } }), 'settings.quota.ratio'],
      [set({ quota: { allowance: 1.5 } }), 'settings.quota.allowance'],
      [set({ quota: { recountSameOrder: 'yes' } }), 'settings.quota.recountSameOrder'],
      [set({ labelSize: 'A4' }), 'settings.labelSize'],
      [set({ language: 'fr' }), 'settings.language'],
      [set({ sender: { name: '王', phone: '1', address: 'x'.repeat(301) } }), 'settings.sender.address'],
      [set({ platform: 'taobao' }), 'settings.platform'],
      [{ ...settingsSet, settings: [] }, 'settings'],
      [{ type: 'ui/language/set', language: 'fr' }, 'language'],
      [{ type: 'shops/active', tabId: -1 }, 'tabId'],
      [{ type: 'settings/get', shop: { platform: 'jd' } }, 'shop.shopId'],
    ];
    for (const [value, field] of cases)
      expect(refusedField(value), JSON.stringify(value).slice(0, 80)).toBe(field);
  });
});
