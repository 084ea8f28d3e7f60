import type { Badge } from '../content/badges';
import { strings, type Lang } from '../content/i18n';

export interface RowMark {
  readonly orderId: string;
  /** Document coordinates (px) of the row's top-right corner. */
  readonly top: number;
  readonly right: number;
  readonly badges: readonly Badge[];
  readonly selected: boolean;
}

/**
 * Badges and a selection checkbox per order row, drawn in one overlay layer positioned over the
 * rows, so the host page is neither shifted nor restyled.
 */
export function RowLayer({
  marks,
  lang,
  onToggle,
}: {
  marks: readonly RowMark[];
  lang: Lang;
  onToggle: (orderId: string) => void;
}) {
  const t = strings(lang);
  return (
    <div class="sm-rows" lang={lang === 'en' ? 'en' : 'zh-CN'}>
      {/* Keyed by slot, not order: a page swap re-labels the ~20 visible marks in place instead of
          unmounting and re-creating them (issue 6: under 10 ms per swap). */}
      {marks.map((m, slot) => (
        <div
          key={slot}
          class="sm-row"
          data-order-id={m.orderId}
          style={{ top: `${m.top}px`, left: `${m.right}px` }}
        >
          <label class="sm-check">
            <input
              type="checkbox"
              checked={m.selected}
              aria-label={t.selectOrder(m.orderId)}
              onChange={() => onToggle(m.orderId)}
            />
          </label>
          {m.badges.map((b, i) => (
            <span key={i} class={`sm-badge sm-b-${b.kind}`} data-kind={b.kind} title={b.title}>
              {b.label}
            </span>
          ))}
        </div>
      ))}
    </div>
  );
}
