import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SettingsView, ShopSettings } from '../../messages/shops';
import { validateRequest } from '../../background/validate';
import { fromDraft, toDraft, type Draft } from './draft';

const shop = { platform: 'wechat', shopId: 'demo' } as const;
const defaults: SettingsView['defaults'] = {
  quotaKind: 'fixed',
  allowance: 500,
  warnAt: 0.8,
  recountSameOrder: true,
  retentionDays: 90,
  language: 'zh',
};
const view = (settings: ShopSettings, saved = true): SettingsView => ({ settings, saved, defaults });

describe('settings form state', () => {
  it('an unsaved shop gives an empty form that saves to no overrides', () => {
    const d = toDraft(view({ platform: 'wechat', retentionDays: 90 }, false), shop, 'zh');
    expect(d).toMatchObject({ allowance: '', warnAt: '', retentionDays: '', recount: null, language: 'zh' });
    expect(fromDraft(d)).toEqual({ platform: 'wechat', language: 'zh' });
  });

  it('shows percentages as 0-100 and saves them as fractions', () => {
    const d = toDraft(view({ platform: 'douyin', quota: { ratio: 0.05, warnAt: 0.9 } }), shop, 'zh');
    expect(d.ratio).toBe('5');
    expect(d.warnAt).toBe('90');
    expect(fromDraft({ ...d, ratio: '7.5' })).toMatchObject({ quota: { ratio: 0.075, warnAt: 0.9 } });
  });

  it('names the first field that is not a number >= 0', () => {
    const d = toDraft(view({ platform: 'wechat' }, false), shop, 'zh');
    expect(fromDraft({ ...d, allowance: 'abc' })).toBe('allowance');
    expect(fromDraft({ ...d, retentionDays: '-3' })).toBe('retentionDays');
  });

  it('property: saved settings round-trip through the form, and the form only produces valid settings', () => {
    const settingsArb: fc.Arbitrary<ShopSettings> = fc.record(
      {
        platform: fc.constantFrom('douyin', 'wechat', 'jd'),
        shopName: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== ''),
        quota: fc.record(
          {
            ratio: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
            allowance: fc.integer({ min: 0, max: 100_000 }),
            warnAt: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
            recountSameOrder: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        defaultCarrier: fc.constantFrom('ZTO', 'YTO', 'SF'),
        labelSize: fc.constantFrom('76x130', '100x150', '100x180'),
        retentionDays: fc.integer({ min: 1, max: 3650 }),
        language: fc.constantFrom('zh', 'en'),
      },
      { requiredKeys: ['platform', 'language'] },
    );
    fc.assert(
      fc.property(settingsArb, (s) => {
        const d: Draft = toDraft(view(s), shop, 'zh');
        const back = fromDraft(d);
        const expected = {
          ...s,
          ...(s.quota && Object.keys(s.quota).length === 0 ? { quota: undefined } : {}),
        };
        expect(back).toEqual(JSON.parse(JSON.stringify(expected)));
        expect(validateRequest({ type: 'settings/set', shop, settings: back }).ok).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
