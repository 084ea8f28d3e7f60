import { render } from 'preact';
import type { RowRead } from '../adapters/read';
import { RowLayer, type RowMark } from '../ui/RowLayer';
import type { Badge } from './badges';
import type { Lang } from './i18n';

/**
 * Lay row marks over the rows: one absolutely positioned layer in document coordinates,
 * re-positioned on scroll and resize (once per animation frame).
 */
export function createRowOverlay(container: HTMLElement, win: Window) {
  let rows: readonly RowRead[] = [];
  let badges: readonly (readonly Badge[])[] = [];
  let selected: ReadonlySet<string> = new Set();
  let lang: Lang = 'zh';
  let onToggle: (orderId: string) => void = () => undefined;
  let frame = 0;

  const draw = (): void => {
    frame = 0;
    const sx = win.scrollX;
    const sy = win.scrollY;
    const marks: RowMark[] = [];
    rows.forEach((r, i) => {
      if (!r.element.isConnected) return;
      const rect = r.element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) return;
      marks.push({
        orderId: r.order.orderId,
        top: rect.top + sy + 4,
        right: rect.right + sx - 8,
        badges: badges[i] ?? [],
        selected: selected.has(r.order.orderId),
      });
    });
    render(<RowLayer marks={marks} lang={lang} onToggle={onToggle} />, container);
  };
  const schedule = (): void => {
    if (!frame) frame = win.requestAnimationFrame(draw);
  };
  win.addEventListener('scroll', schedule, { capture: true, passive: true });
  win.addEventListener('resize', schedule, { passive: true });

  return {
    update(next: {
      rows: readonly RowRead[];
      badges: readonly (readonly Badge[])[];
      selected: ReadonlySet<string>;
      lang: Lang;
      onToggle: (orderId: string) => void;
    }): void {
      ({ rows, badges, selected, lang, onToggle } = next);
      draw();
    },
    destroy(): void {
      win.removeEventListener('scroll', schedule, { capture: true });
      win.removeEventListener('resize', schedule);
      if (frame) win.cancelAnimationFrame(frame);
      render(null, container);
    },
  };
}
