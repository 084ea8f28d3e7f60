// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GateOverview } from '../messages/gate';
import { GateSection } from './GateSection';
import { HeldOrders } from './HeldOrders';

const NOW = Date.parse('2026-12-06T02:00:00Z');
const H = 3_600_000;
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const overview: GateOverview = {
  held: [{ orderId: 'A1', holds: [{ reason: 'refund', detail: 'the buyer asked for a refund' }] }],
  intercepts: [
    {
      orderId: 'P1',
      reasons: ['refund'],
      label: '已打印，需拦截',
      printedAt: NOW - H,
      trackingNumber: '78901234567890',
      carrier: 'ZTO',
    },
  ],
  due: { overdue: [{ orderId: 'L1', at: NOW - 90 * 60_000 }], dueSoon: [{ orderId: 'S1', at: NOW + 3 * H }] },
  perDay: [{ date: '2026-12-06', count: 2 }],
  groups: [{ id: 'a'.repeat(64), basis: 'shown', orderIds: ['M1', 'M2'] }],
  shipBy: {},
};

describe('GateSection', () => {
  it('shows intercepts with tracking number and carrier, held reasons, due times and merge groups', () => {
    const onHandled = vi.fn();
    render(
      <GateSection overview={overview} lang="zh" now={NOW} dueWithinHours={12} onHandled={onHandled} />,
      root,
    );
    const text = root.textContent ?? '';
    expect(text).toContain('已打印，需拦截');
    expect(text).toContain('运单 78901234567890（ZTO）');
    expect(root.querySelector('[data-testid="held"] [data-reason="refund"]')?.textContent).toBe(
      '买家申请退款',
    );
    expect(text).toContain('1 单已超时');
    expect(text).toContain('1 单将在 12 小时内到期');
    expect(root.querySelector('[data-order="L1"] .sm-left')?.textContent).toBe('超时1小时30分');
    expect(root.querySelector('[data-order="S1"] .sm-left')?.textContent).toBe('剩3小时0分');
    expect(root.querySelector('[data-testid="merge"]')?.textContent).toContain('可合并 M1, M2');
    (root.querySelector('.sm-handled') as HTMLButtonElement).click();
    expect(onHandled).toHaveBeenCalledWith('P1', ['refund']);
  });
  it('renders nothing when there is nothing to say', () => {
    render(
      <GateSection
        overview={{ ...overview, held: [], intercepts: [], due: { overdue: [], dueSoon: [] }, groups: [] }}
        lang="en"
        now={NOW}
        dueWithinHours={12}
        onHandled={() => undefined}
      />,
      root,
    );
    expect(root.innerHTML).toBe('');
  });
});

describe('HeldOrders', () => {
  it('one override box per reason; ticking adds exactly that override', () => {
    const onChange = vi.fn();
    render(
      <HeldOrders
        held={[
          {
            orderId: 'A1',
            holds: [
              { reason: 'refund', detail: '' },
              { reason: 'closed', detail: '' },
            ],
          },
        ]}
        overrides={[]}
        lang="zh"
        onChange={onChange}
      />,
      root,
    );
    const boxes = root.querySelectorAll<HTMLInputElement>('input.override');
    expect(boxes).toHaveLength(2);
    boxes[1]!.click();
    expect(onChange).toHaveBeenCalledWith([{ orderId: 'A1', reason: 'closed' }]);
  });
});
