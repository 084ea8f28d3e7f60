import type { RowRead } from '../adapters/read';
import { createMarkLayer, type RowMark } from '../ui/mark-layer';
import type { Badge } from './badges';
import type { Lang } from './i18n';

/** A marked row: which row, and its mark's place in document coordinates (px). */
interface Spot {
  readonly el: Element;
  readonly i: number;
  readonly top: number;
  readonly right: number;
}

/** Rows this far above or below the viewport still get their marks (no pop-in while scrolling). */
const MARGIN_PX = 400;

/**
 * The list and its ancestors that clip it (a list scrolling in its own container): rows scrolled
 * out of such a box get no mark, so no mark floats over the page around it. `body` and `html` are
 * the viewport's own scrolling and are not included. Read on every measure (style is clean there,
 * and a page may turn a box into a scroller at any time).
 */
function clipsOf(list: Element | null, win: Window): Element[] {
  const clips: Element[] = [];
  const doc = win.document;
  for (let el = list; el && el !== doc.body && el !== doc.documentElement; el = el.parentElement) {
    const s = win.getComputedStyle(el);
    if (s.overflowY !== 'visible' || s.overflowX !== 'visible') clips.push(el);
  }
  return clips;
}

/**
 * Lay row marks over the rows: one absolutely positioned layer in document coordinates, so the
 * host page is neither shifted nor restyled. Only rows near the viewport get marks.
 *
 * Boxes are read only where the browser has just laid the page out: in a ResizeObserver callback.
 * A page swap, a scroll (of the window or of a container) and a resize each re-arm one observer
 * on the root element, which reports in the same frame's rendering update; the callback finds
 * the rows near the viewport by binary search over their boxes (rows follow each other down the
 * page), so a swap of 200 rows reads ~40 boxes, never forces a layout, and needs no per-row
 * observer. (Issue 6: under 10 ms of main-thread time per swap.)
 */
export function createRowOverlay(container: HTMLElement, win: Window, listSelector: string) {
  const doc = win.document;
  let rows: readonly RowRead[] = [];
  let badges: readonly (readonly Badge[])[] = [];
  let selected: ReadonlySet<string> = new Set();
  let lang: Lang = 'zh';
  let onToggle: (orderId: string) => void = () => undefined;
  let spots: readonly Spot[] = [];
  const layer = createMarkLayer(container);
  let list: Element | null = null;

  // Set from a swap until the next measure: the old marks stay rather than an empty layer.
  let awaiting = false;

  const draw = (): void => {
    if (awaiting) return;
    const marks: RowMark[] = [];
    for (const s of spots) {
      const r = rows[s.i];
      if (!r || r.element !== s.el) continue;
      marks.push({
        orderId: r.order.orderId,
        top: s.top,
        right: s.right,
        badges: badges[s.i] ?? [],
        selected: selected.has(r.order.orderId),
      });
    }
    layer.render(marks, lang, onToggle);
  };

  /** Find the rows near the viewport. Layout is clean here: reading boxes forces nothing. */
  const measure = (): void => {
    awaiting = false;
    let top = -MARGIN_PX;
    let bottom = win.innerHeight + MARGIN_PX;
    let left = -Infinity;
    let right = Infinity;
    for (const c of clipsOf(list, win)) {
      const b = c.getBoundingClientRect();
      top = Math.max(top, b.top);
      bottom = Math.min(bottom, b.bottom);
      left = Math.max(left, b.left);
      right = Math.min(right, b.right);
    }
    const sx = win.scrollX;
    const sy = win.scrollY;
    const n = rows.length;
    const box = (i: number): DOMRect => rows[i]!.element.getBoundingClientRect();
    // The first row reaching the band; a hidden row (no box) makes the order unknowable: scan all.
    let lo = 0;
    let hi = n;
    let ordered = true;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const b = box(mid);
      if (b.height === 0) {
        ordered = false;
        break;
      }
      if (b.bottom < top) lo = mid + 1;
      else hi = mid;
    }
    const next: Spot[] = [];
    for (let i = ordered ? lo : 0; i < n; i++) {
      const b = box(i);
      if (b.height === 0 || b.bottom < top || b.right < left || b.left > right) continue;
      if (b.top > bottom) {
        if (ordered) break;
        continue;
      }
      next.push({ el: rows[i]!.element, i, top: b.top + sy + 4, right: b.right + sx - 8 });
    }
    spots = next;
    draw();
  };

  const probe = new ResizeObserver(measure);
  /** Measure in the next rendering update (this frame's, when called from a scroll event). */
  const arm = (): void => {
    probe.unobserve(doc.documentElement);
    probe.observe(doc.documentElement);
  };
  // Window scrolls target the document; container scrolls reach it in the capture phase.
  doc.addEventListener('scroll', arm, { capture: true, passive: true });

  return {
    update(next: {
      rows: readonly RowRead[];
      badges: readonly (readonly Badge[])[];
      selected: ReadonlySet<string>;
      lang: Lang;
      onToggle: (orderId: string) => void;
    }): void {
      const swapped = next.rows !== rows;
      ({ rows, badges, selected, lang, onToggle } = next);
      if (!swapped) return draw();
      // The list's own size changes (rows above the fold growing) move the rows: measure then too.
      const l = doc.querySelector(listSelector);
      if (l !== list) {
        if (list) probe.unobserve(list);
        if (l) probe.observe(l);
        list = l;
      }
      if (rows.length === 0) {
        spots = [];
        awaiting = false;
        return draw();
      }
      awaiting = true;
      arm();
    },
    destroy(): void {
      awaiting = false;
      doc.removeEventListener('scroll', arm, { capture: true });
      probe.disconnect();
      layer.destroy();
    },
  };
}
