import type { RowRead } from '../adapters/read';
import { createMarkLayer, type RowMark } from '../ui/mark-layer';
import type { Badge } from '../ui/badge';
import type { Lang } from '../ui/i18n';

interface Spot {
  readonly top: number;
  readonly right: number;
}

/**
 * Rows this far outside the viewport (half a screen) still get their marks (no pop-in while
 * scrolling). The page read uses the same margin for the rows it reads (content/app.tsx), so the
 * boxes it was told agree with what this observer reports.
 */
export const NEAR_MARGIN = '50% 0px';

/**
 * Lay row marks over the rows: one absolutely positioned layer in document coordinates, so the
 * host page is neither shifted nor restyled. Only rows near the viewport get marks: an
 * IntersectionObserver reports them with their boxes, after the browser's own layout, so the
 * overlay never forces a layout of the page; a ResizeObserver on the list re-reads those few boxes
 * when rows above them change height, and a scroll inside a container re-reads them once per frame.
 * A page of 200 rows costs what ~15 visible rows cost.
 *
 * Rows inside an open shadow root (the 微信小店 micro-app) are observed the same way: the
 * observers and `getBoundingClientRect` work across shadow boundaries, and scroll events from a
 * container inside a shadow root reach the document (capture phase, composed). `findList` finds
 * the list element wherever it is (the caller knows the roots).
 */
export function createRowOverlay(container: HTMLElement, win: Window, findList: () => Element | null) {
  let rows: readonly RowRead[] = [];
  let index = new Map<Element, number>();
  let badges: readonly (readonly Badge[])[] = [];
  let selected: ReadonlySet<string> = new Set();
  let lang: Lang = 'zh';
  let onToggle: (orderId: string) => void = () => undefined;
  // Rows with the page's own checkbox get none of ours (content/row-select.ts).
  let ownBox: (row: Element) => boolean = () => true;
  const spots = new Map<Element, Spot>();
  const layer = createMarkLayer(container);

  // Scroll offsets kept from scroll events: reading `scrollY` in the observer callback would force a
  // layout whenever the page changed since the observer's own pass. Scroll events run before the
  // observer's pass in each frame, so the kept offsets match the boxes it reports. Not read here
  // either: at start the page's layout is often dirty (a micro-app just drew its list: a forced
  // layout of 200 orders took 230 ms), so the resize observer's first report, which runs right
  // after the browser's own layout and before any intersection report, reads them (`reread`).
  let scrollX = 0;
  let scrollY = 0;
  const onScroll = (): void => {
    scrollX = win.scrollX;
    scrollY = win.scrollY;
  };
  const spotOf = (rect: DOMRectReadOnly): Spot => ({
    top: rect.top + scrollY + 4,
    right: rect.right + scrollX - 8,
  });

  // Set while new rows wait for the intersection observer's first report on them.
  let awaiting = false;

  const draw = (): void => {
    // A resize or scroll in the swap's own frame would draw an empty layer, only for the observer's
    // report to re-create it a moment later: the old marks stay until that report.
    if (awaiting) return;
    const marks: RowMark[] = [];
    for (const [el, spot] of spots) {
      const i = index.get(el);
      const r = i === undefined ? undefined : rows[i];
      if (!r) continue;
      marks.push({
        orderId: r.order.orderId,
        top: spot.top,
        right: spot.right,
        badges: badges[i!] ?? [],
        selected: selected.has(r.order.orderId),
        check: ownBox(el),
      });
    }
    marks.sort((a, b) => a.top - b.top);
    // The layer patches only what changed: the intersection and resize observers often report the
    // same boxes one after the other (a swap fires both), and the second report touches nothing.
    layer.render(marks, lang, onToggle);
  };

  const near = new IntersectionObserver(
    (entries) => {
      awaiting = false;
      for (const e of entries) {
        if (e.isIntersecting) {
          const rect = e.boundingClientRect;
          if (rect.height > 0) {
            spots.set(e.target, spotOf(rect));
            continue;
          }
        }
        // After a swap most of the page's rows are far away and none is marked yet.
        if (spots.size) spots.delete(e.target);
      }
      draw();
    },
    { rootMargin: NEAR_MARGIN },
  );
  /** Re-read the boxes of the few marked rows (layout is clean in observer callbacks). */
  const reread = (): void => {
    onScroll();
    for (const el of spots.keys()) {
      if (!el.isConnected) spots.delete(el);
      else spots.set(el, spotOf(el.getBoundingClientRect()));
    }
    draw();
  };
  const resized = new ResizeObserver(reread);
  resized.observe(win.document.documentElement);
  let observedList: Element | null = null;
  // Back-offices often scroll the order list inside a container, not the window: the rows then
  // move without crossing the observer's margin. Follow such scrolls once per frame.
  let frame = 0;
  // One listener for both: window scrolls target the document, container scrolls reach it in the
  // capture phase (a page swap scrolls several times: one callback each, not two).
  const onAnyScroll = (e: Event): void => {
    if (e.target === win.document) return onScroll();
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      reread();
    });
  };
  win.document.addEventListener('scroll', onAnyScroll, { capture: true, passive: true });

  return {
    update(next: {
      rows: readonly RowRead[];
      badges: readonly (readonly Badge[])[];
      selected: ReadonlySet<string>;
      lang: Lang;
      onToggle: (orderId: string) => void;
      /** Whether a row gets shipmask's checkbox (false: the page has its own). Default: every row. */
      ownBox?: (row: Element) => boolean;
      /**
       * Boxes of new rows near the viewport, as an intersection observer with `NEAR_MARGIN` just
       * reported them (the page read's): their marks are drawn now, in the frame that read them,
       * instead of after this layer's own observer reports them a frame later (one repaint of the
       * whole page fewer at load).
       */
      boxes?: ReadonlyMap<Element, DOMRectReadOnly>;
    }): void {
      if (next.ownBox) ownBox = next.ownBox;
      if (next.rows !== rows) {
        const before = index;
        const after = new Map<Element, number>();
        next.rows.forEach((r, i) => after.set(r.element, i));
        let kept = false;
        for (const el of after.keys()) if (before.has(el)) kept = true;
        if (kept) {
          for (const el of before.keys()) {
            if (!after.has(el)) {
              near.unobserve(el);
              spots.delete(el);
            }
          }
        } else {
          // A swap to all-new rows (the common case): one call instead of one per old row.
          near.disconnect();
          spots.clear();
        }
        // New rows whose boxes are not known yet: the layer waits for its observer's report.
        let unboxed = false;
        for (const el of after.keys()) {
          if (before.has(el)) continue;
          near.observe(el);
          const box = next.boxes?.get(el);
          if (box === undefined) unboxed = true;
          else if (box.height > 0) spots.set(el, spotOf(box));
        }
        index = after;
        // Observing a target reports it once at once: no re-read for a swap to new rows only.
        const list = findList();
        // Rows kept from before (an SPA reusing elements) may have moved without crossing the
        // intersection margin: observing the list again gets one re-read after layout.
        if (list !== observedList || kept) {
          if (observedList) resized.unobserve(observedList);
          if (list) resized.observe(list);
          observedList = list;
        }
        ({ rows, badges, selected, lang, onToggle } = next);
        // New row elements: the observer reports each of them after the next layout, and that
        // callback draws (see `awaiting`). Without new rows (none left, or the same elements), or
        // with the boxes of all of them, draw now; the observer's report then changes nothing.
        awaiting = unboxed;
        draw();
        return;
      }
      ({ rows, badges, selected, lang, onToggle } = next);
      draw();
    },
    destroy(): void {
      awaiting = false;
      win.document.removeEventListener('scroll', onAnyScroll, { capture: true });
      if (frame) win.cancelAnimationFrame(frame);
      near.disconnect();
      resized.disconnect();
      layer.destroy();
    },
  };
}
