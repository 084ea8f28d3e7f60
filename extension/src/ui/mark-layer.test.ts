// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Badge } from './badge';
import { createMarkLayer, type RowMark } from './mark-layer';

const masked: Badge = { kind: 'masked', label: '已脱敏' };
const exempt: Badge = { kind: 'exempt', label: '豁免', title: '医疗器械' };
const virtual: Badge = { kind: 'virtual', label: '虚拟号 转9647', title: '剩 3 天' };

const mark = (orderId: string, top: number, badges: readonly Badge[], selected = false): RowMark => ({
  orderId,
  top,
  right: 800,
  badges,
  selected,
});

/** What a screen reader and a test see: one line per mark. */
function shown(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll<HTMLElement>('.sm-row'), (row) => {
    const input = row.querySelector('input')!;
    const badges = Array.from(
      row.querySelectorAll<HTMLElement>('.sm-badge'),
      (b) => `${b.dataset.kind}:${b.textContent}${b.title ? `(${b.title})` : ''}`,
    );
    return `${row.dataset.orderId}@${row.style.top},${row.style.left} ${input.checked ? '[x]' : '[ ]'} ${input.getAttribute('aria-label')} ${badges.join(' ')}`;
  });
}

afterEach(() => document.body.replaceChildren());

describe('createMarkLayer', () => {
  it('draws one mark per row with its badges, checkbox and place', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const layer = createMarkLayer(container);
    layer.render([mark('1', 100, [masked]), mark('2', 160, [exempt, virtual], true)], 'zh', () => undefined);
    expect(shown(container)).toEqual([
      '1@100px,800px [ ] 选择订单 1 masked:已脱敏',
      '2@160px,800px [x] 选择订单 2 exempt:豁免(医疗器械) virtual:虚拟号 转9647(剩 3 天)',
    ]);
    expect(container.querySelector('.sm-rows')?.getAttribute('lang')).toBe('zh-CN');
  });

  it('re-labels the same nodes on a swap instead of re-creating them', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const layer = createMarkLayer(container);
    layer.render([mark('1', 100, [masked]), mark('2', 160, [exempt, virtual])], 'zh', () => undefined);
    const before = Array.from(container.querySelectorAll('.sm-row, .sm-badge, input'));
    layer.render([mark('3', 100, [virtual]), mark('4', 160, [masked, exempt])], 'en', () => undefined);
    const after = Array.from(container.querySelectorAll('.sm-row, .sm-badge, input'));
    expect(after).toEqual(before);
    expect(shown(container)).toEqual([
      '3@100px,800px [ ] Select order 3 virtual:虚拟号 转9647(剩 3 天)',
      '4@160px,800px [ ] Select order 4 masked:已脱敏 exempt:豁免(医疗器械)',
    ]);
  });

  it('adds and removes slots and badges as the counts change', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const layer = createMarkLayer(container);
    layer.render([mark('1', 10, [exempt, virtual]), mark('2', 20, [])], 'zh', () => undefined);
    layer.render([mark('1', 10, [masked])], 'zh', () => undefined);
    expect(shown(container)).toEqual(['1@10px,800px [ ] 选择订单 1 masked:已脱敏']);
    layer.render([], 'zh', () => undefined);
    expect(container.querySelectorAll('.sm-row')).toHaveLength(0);
  });

  it('a checkbox names the order its slot shows now, and follows the selection it is given', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const layer = createMarkLayer(container);
    const toggle = vi.fn();
    layer.render([mark('1', 10, [masked])], 'zh', toggle);
    layer.render([mark('7', 10, [masked])], 'zh', toggle);
    const input = container.querySelector('input')!;
    input.click();
    expect(toggle).toHaveBeenCalledWith('7');
    // The state that answers the click says "not selected" (say, the toggle was refused).
    layer.render([mark('7', 10, [masked], false)], 'zh', toggle);
    expect(input.checked).toBe(false);
    layer.render([mark('7', 10, [masked], true)], 'zh', toggle);
    expect(input.checked).toBe(true);
  });

  it('shows page text as text, never as markup (property)', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const layer = createMarkLayer(container);
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (id, label, title) => {
        const text = (s: string) => `<img src=x onerror="window.__x=1">${s}`;
        layer.render(
          [mark(text(id), 1, [{ kind: 'exempt', label: text(label), title: text(title) }])],
          'zh',
          () => undefined,
        );
        expect(container.querySelector('img')).toBeNull();
        expect(container.querySelector('.sm-badge')?.textContent).toBe(text(label));
        expect(container.querySelector<HTMLElement>('.sm-row')?.dataset.orderId).toBe(text(id));
      }),
      { numRuns: 200 },
    );
  });

  it('destroy removes the layer and stops reporting clicks', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const layer = createMarkLayer(container);
    const toggle = vi.fn();
    layer.render([mark('1', 10, [masked])], 'zh', toggle);
    const input = container.querySelector('input')!;
    layer.destroy();
    input.click();
    expect(toggle).not.toHaveBeenCalled();
    expect(container.childElementCount).toBe(0);
  });
});
