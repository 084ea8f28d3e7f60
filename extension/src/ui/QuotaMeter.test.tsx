// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strings } from './i18n';
import type { QuotaView } from '../messages/quota';
import { QuotaMeter } from './QuotaMeter';

const base: QuotaView = {
  used: 0,
  limit: 120,
  remaining: 120,
  level: 'ok',
  periodStart: null,
  periodEnd: null,
  exhaustsAt: null,
  drift: 120,
  source: 'platform',
  localRemaining: null,
  period: 'month',
};

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const text = (id: string): string | null | undefined =>
  root.querySelector(`[data-testid="${id}"]`)?.textContent;

describe('QuotaMeter', () => {
  it('抖店 first use: the page counter is the truth, no jargon, no local note', () => {
    render(<QuotaMeter quota={base} t={strings('zh')} />, root);
    expect([text('quota-used'), text('quota-limit'), text('quota-remaining')]).toEqual(['0', '120', '120']);
    expect(root.textContent).not.toContain('相差');
    expect(root.querySelector('[data-testid="quota-local"]')).toBeNull();
    expect(root.querySelector('[data-testid="quota"]')?.getAttribute('data-source')).toBe('platform');
  });

  it('explains our own count when the view carries one', () => {
    render(
      <QuotaMeter
        quota={{ ...base, used: 3, limit: 403, remaining: 400, localRemaining: 497 }}
        t={strings('zh')}
      />,
      root,
    );
    expect(text('quota-local')).toBe('本机记录估算剩余 497 次，以平台显示为准');
    render(<QuotaMeter quota={{ ...base, localRemaining: 5 }} t={strings('en')} />, root);
    expect(text('quota-local')).toContain('estimate 5 left');
  });

  it("names the period the numbers count in (本月 / 今日) and says the remaining count is the page's", () => {
    render(<QuotaMeter quota={base} t={strings('zh')} />, root);
    expect(text('quota-period')).toBe('本月');
    expect(text('quota-source')).toBe('剩余次数以订单页显示的为准');
    render(
      <QuotaMeter
        quota={{ ...base, period: 'day', limit: 200, remaining: 198, used: 2 }}
        t={strings('zh')}
      />,
      root,
    );
    expect(text('quota-period')).toBe('今日');
    expect(root.textContent).toContain('按当前速度今日不会用完');
    render(<QuotaMeter quota={{ ...base, period: null, source: 'local' }} t={strings('zh')} />, root);
    expect(root.querySelector('[data-testid="quota-period"]')).toBeNull();
    expect(root.querySelector('[data-testid="quota-source"]')).toBeNull();
  });
});
