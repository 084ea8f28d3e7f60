// @vitest-environment happy-dom
import { options, render, type VNode } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Badge } from './badge';
import type { QuotaView } from '../messages/quota';
import { Panel, type PanelActions, type PanelProps } from './Panel';
import { QuotaMeter } from './QuotaMeter';

const quota: QuotaView = {
  used: 3,
  limit: 100,
  remaining: 97,
  level: 'ok',
  periodStart: null,
  periodEnd: null,
  exhaustsAt: null,
  drift: null,
  source: 'local',
  localRemaining: null,
  period: 'month',
};

const masked: Badge = { kind: 'masked', label: '已打码' };
const cipher: Badge = { kind: 'cipher', label: '密文' };

let root: HTMLElement;
let meterRenders = 0;
let previous: ((vnode: VNode) => void) | undefined;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  meterRenders = 0;
  // Preact calls its option hooks as plain functions; the type declares them as methods.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  previous = options.diffed;
  const chained = previous;
  options.diffed = (vnode: VNode) => {
    if (vnode.type === QuotaMeter) meterRenders++;
    chained?.(vnode);
  };
});
afterEach(() => {
  options.diffed = previous;
  render(null, root);
  root.remove();
});

function props(over: Partial<PanelProps>, actions: PanelActions): PanelProps {
  return {
    platform: 'douyin',
    orderCount: 2,
    badges: [[masked], [masked]],
    quota,
    selected: 0,
    lang: 'zh',
    collapsed: false,
    ...actions,
    ...over,
  };
}

describe('Panel', () => {
  it('renders the summary again on a page swap, not the quota meter and actions', () => {
    const actions: PanelActions = {
      onLang: vi.fn(),
      onCollapse: vi.fn(),
      onSelectAll: vi.fn(),
      onClear: vi.fn(),
      onAction: vi.fn(),
    };
    render(<Panel {...props({}, actions)} />, root);
    expect(meterRenders).toBe(1);
    // A swap: new rows, new badges, same quota, selection and handlers.
    render(<Panel {...props({ badges: [[cipher], [masked]] }, actions)} />, root);
    expect(root.querySelector('[data-kind="cipher"]')?.textContent).toContain('1');
    expect(meterRenders).toBe(1);
    // What the controls show does re-render them.
    render(<Panel {...props({ badges: [[cipher], [masked]], selected: 2 }, actions)} />, root);
    expect(root.querySelector('[data-testid="selected-count"]')?.textContent).toContain('2');
    expect(meterRenders).toBe(2);
    render(<Panel {...props({ selected: 2, quota: { ...quota, used: 4 } }, actions)} />, root);
    expect(root.querySelector('[data-testid="quota-used"]')?.textContent).toBe('4');
    expect(meterRenders).toBe(3);
    (root.querySelector('[data-testid="action-print"]') as HTMLButtonElement).click();
    expect(actions.onAction).toHaveBeenCalledWith('print');
  });

  it('shows hand-off batches near expiry with their pending orders (issue 17), and nothing when none', () => {
    const actions: PanelActions = {
      onLang: vi.fn(),
      onCollapse: vi.fn(),
      onSelectAll: vi.fn(),
      onClear: vi.fn(),
      onAction: vi.fn(),
    };
    render(<Panel {...props({}, actions)} />, root);
    expect(root.querySelector('[data-testid="handoff-reminders"]')).toBeNull();
    const reminder = {
      batchId: 'q3Zk8Jd0WcLm',
      shop: { platform: 'douyin' as const, shopId: '68923417' },
      supplier: { name: '义乌杯厂' },
      expiresAt: Date.UTC(2026, 10, 30, 2),
      pending: 3,
    };
    render(<Panel {...props({ reminders: [reminder] }, actions)} />, root);
    const li = root.querySelector('[data-testid="handoff-reminders"] li');
    expect(li?.getAttribute('data-batch-id')).toBe('q3Zk8Jd0WcLm');
    expect(li?.textContent).toContain('义乌杯厂');
    expect(li?.textContent).toContain('3 单没回执');
    expect(li?.textContent).toContain('2026/11/30 10:00');
  });
});
