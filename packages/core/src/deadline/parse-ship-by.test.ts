import { describe, expect, it } from 'vitest';
import { parseShipByText } from './parse-ship-by.js';

const t = (iso: string) => Date.parse(iso);
const now = t('2026-12-06T02:00:00Z'); // 10:00 on 12-06 China

describe('parseShipByText', () => {
  it('absolute times read as China time', () => {
    expect(parseShipByText('2026-12-07 18:00前发货', now)).toBe(t('2026-12-07T10:00:00Z'));
    expect(parseShipByText('发货截止:2026/12/7 18:00:30', now)).toBe(t('2026-12-07T10:00:30Z'));
    expect(parseShipByText('承诺发货 12-08 00:00', now)).toBe(t('2026-12-07T16:00:00Z'));
    expect(parseShipByText('12月8日 09:30前发货', now)).toBe(t('2026-12-08T01:30:00Z'));
  });
  it('a month-day in January read in December is next year', () => {
    expect(parseShipByText('01-02 12:00', now)).toBe(t('2027-01-02T04:00:00Z'));
  });
  it('countdowns are added to now', () => {
    expect(parseShipByText('剩余1天2小时3分', now)).toBe(now + (26 * 60 + 3) * 60 * 1000);
    expect(parseShipByText('还剩 05:12:09', now)).toBe(now + ((5 * 60 + 12) * 60 + 9) * 1000);
    expect(parseShipByText('剩 3小时', now)).toBe(now + 3 * 3_600_000);
  });
  it('anything else is undefined', () => {
    expect(parseShipByText('', now)).toBeUndefined();
    expect(parseShipByText('待发货', now)).toBeUndefined();
    expect(parseShipByText('剩余', now)).toBeUndefined();
    expect(parseShipByText('2026-02-30 10:00', now)).toBeUndefined();
    expect(parseShipByText('还剩 05:99', now)).toBeUndefined();
    expect(parseShipByText(null as unknown as string, now)).toBeUndefined();
  });
  it('long input (100k characters) is refused before any matching', () => {
    expect(parseShipByText('剩余' + '1'.repeat(100_000), now)).toBeUndefined();
    expect(parseShipByText('2026-12-07 18:00' + ' '.repeat(100_000), now)).toBeUndefined();
    expect(parseShipByText('2026-12-07 18:00' + ' '.repeat(150), now)).toBe(t('2026-12-07T10:00:00Z'));
  });
});
