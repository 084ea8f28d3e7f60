import { describe, expect, it } from 'vitest';
import { validateRequest } from '../validate';

const shop = { platform: 'wechat', shopId: 'demo' } as const;
const at = Date.UTC(2026, 10, 2);
const recorded = {
  type: 'reveal/recorded',
  shop,
  orderId: '3718000000000001',
  field: 'all',
  at,
  clickId: 'c1',
};
const observed = { type: 'counter/observed', shop, remaining: 480, at };
const status = { type: 'quota/status', shop };
const daily = { type: 'reveals/daily', shop, days: 30 };

/** The field a refusal names (the text before the first colon), or 'accepted'. */
function refusedField(value: unknown): string {
  const r = validateRequest(value);
  if (r.ok) return 'accepted';
  expect(r.code).toBe('invalid-message');
  return r.message.slice(0, r.message.indexOf(':'));
}

describe('quota message validation', () => {
  it('accepts each quota request and returns an equal value, without unnamed properties', () => {
    for (const req of [recorded, observed, status, daily]) {
      expect(validateRequest(req)).toEqual({ ok: true, value: req });
      expect(validateRequest({ ...req, extra: '13240968483' })).toEqual({ ok: true, value: req });
    }
  });

  it('names the bad field', () => {
    const cases: [unknown, string][] = [
      [{ ...recorded, clickId: '' }, 'clickId'],
      [{ ...recorded, clickId: 'x'.repeat(129) }, 'clickId'],
      [{ ...recorded, at: Number.NaN }, 'at'],
      [{ ...recorded, field: 'ssn' }, 'field'],
      [{ ...recorded, orderId: '' }, 'orderId'],
      [{ ...observed, remaining: -1 }, 'remaining'],
      [{ ...observed, remaining: 1.5 }, 'remaining'],
      [{ ...status, shop: { platform: 'taobao', shopId: 'x' } }, 'shop.platform'],
      [{ ...status, shop: { platform: 'jd', shopId: 'a\u0000b' } }, 'shop.shopId'],
      [{ ...daily, days: 0 }, 'days'],
      [{ ...daily, days: 367 }, 'days'],
    ];
    for (const [value, field] of cases)
      expect(refusedField(value), JSON.stringify(value).slice(0, 80)).toBe(field);
    // The bounds themselves are accepted.
    expect(refusedField({ ...recorded, clickId: 'x'.repeat(128) })).toBe('accepted');
    expect(refusedField({ ...daily, days: 366 })).toBe('accepted');
  });
});
