// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { DailyReveals, QuotaView } from '../../messages/quota';
import fc from 'fast-check';
import { fmtShare, RevealChart } from './Chart';
import { popupStrings } from './i18n';

const quota: QuotaView = {
  used: 60,
  limit: 300,
  remaining: 240,
  level: 'ok',
  periodStart: 0,
  periodEnd: 30 * 86_400_000,
  exhaustsAt: null,
  drift: null,
  source: 'local',
  localRemaining: null,
  period: 'month',
};

function data(counts: number[], dailyShare: number | null): DailyReveals {
  return {
    days: counts.map((count, i) => ({ date: `2026-11-${String(i + 1).padStart(2, '0')}`, start: i, count })),
    dailyShare,
    quota,
  };
}

function draw(d: DailyReveals, lang: 'zh' | 'en' = 'zh'): HTMLElement {
  const root = document.createElement('div');
  render(h(RevealChart, { data: d, t: popupStrings(lang) }), root);
  return root;
}

describe('RevealChart', () => {
  it('draws one bar per day, taller for more reveals, warning colour above the daily share', () => {
    const root = draw(data([0, 5, 10, 20], 10));
    const bars = [...root.querySelectorAll('rect.bar')];
    expect(bars).toHaveLength(4);
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    expect(heights[0]).toBe(0);
    expect(heights[1]!).toBeLessThan(heights[2]!);
    expect(heights[2]!).toBeLessThan(heights[3]!);
    expect(bars.map((b) => b.classList.contains('over'))).toEqual([false, false, false, true]);
    expect(root.querySelector('line.share')).not.toBeNull();
    expect(bars[3]!.querySelector('title')?.textContent).toBe('2026-11-04：20 次');
  });

  it('summarises the chart for screen readers, in the chosen language', () => {
    expect(
      draw(data([1, 2, 3], 10))
        .querySelector('svg')
        ?.getAttribute('aria-label'),
    ).toBe('近 3 天共解密 6 次；剩余额度每天可用 10 次');
    expect(
      draw(data([1, 2, 3], 10), 'en')
        .querySelector('svg')
        ?.getAttribute('aria-label'),
    ).toBe('6 reveals in 3 days; what is left allows 10 a day');
  });

  it('has no share line without a limit, and renders day text as text', () => {
    const d = data([3], null);
    const root = draw({ ...d, days: [{ date: '<img src=x onerror=alert(1)>', start: 0, count: 3 }] });
    expect(root.querySelector('line.share')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
  });

  it('never shows a positive daily allowance as 0 (1 view left over 30 days: 0.03)', () => {
    expect(fmtShare(1 / 30)).toBe('0.03');
    expect(fmtShare(16.67)).toBe('17');
    expect(fmtShare(3.25)).toBe('3.3');
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1e6, noNaN: true }), (n) => {
        const text = fmtShare(n);
        return Number(text) > 0 && !/^0(?:\.0+)?$/u.test(text);
      }),
    );
  });
});
