/**
 * Where the reveal warning sits (issue 21 item 6): against its row, below it when the viewport has
 * room there, above it otherwise, its left edge under the reveal control, always inside the
 * viewport; and keeping that place while the page or one of its scroll containers scrolls, until
 * it closes (Esc closes it). While it is open it costs one capture scroll listener (throttled to
 * one re-placement per animation frame), one resize listener and one keydown listener; closed, none.
 * @module
 */

/** A box in viewport coordinates (a `DOMRect`'s fields). */
export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Where the warning goes: viewport coordinates of its top-left corner, and which side of the row. */
export interface Placement {
  readonly top: number;
  readonly left: number;
  readonly side: 'below' | 'above';
}

/** Gap between the row and the warning, and the least margin to the viewport's edges (px). */
export const GAP = 4;
export const MARGIN = 8;

/**
 * Place a warning of `size` against `row`, its left edge at the reveal `control`'s. Rule: below
 * the row when it fits between the row's bottom and the viewport's bottom; else above the row when
 * it fits there; else on the side with more room. The left edge is clamped so the warning stays
 * inside the viewport (when it is narrower than the viewport).
 * @example
 * placeWarning({ top: 100, left: 0, bottom: 180, right: 1200 }, { top: 150, left: 700, bottom: 166, right: 716 },
 *   { width: 300, height: 120 }, { width: 1400, height: 900 }); // { top: 184, left: 700, side: 'below' }
 */
export function placeWarning(
  row: Box,
  control: Box,
  size: { readonly width: number; readonly height: number },
  viewport: { readonly width: number; readonly height: number },
): Placement {
  const below = viewport.height - row.bottom - GAP - MARGIN;
  const above = row.top - GAP - MARGIN;
  const side = size.height <= below || (size.height > above && below >= above) ? 'below' : 'above';
  const top = side === 'below' ? row.bottom + GAP : row.top - GAP - size.height;
  const maxLeft = Math.max(MARGIN, viewport.width - size.width - MARGIN);
  const left = Math.min(Math.max(MARGIN, control.left), maxLeft);
  return { top, left, side };
}

/**
 * The box around several elements (an order drawn as several table rows: 抖店's header, body and
 * remark rows), in viewport coordinates.
 * @example
 * unionBox([headerRow, bodyRow]); // { top: header's top, bottom: body's bottom, ... }
 */
export function unionBox(parts: readonly Element[]): Box {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const p of parts) {
    const r = p.getBoundingClientRect();
    top = Math.min(top, r.top);
    left = Math.min(left, r.left);
    bottom = Math.max(bottom, r.bottom);
    right = Math.max(right, r.right);
  }
  return parts.length ? { top, left, bottom, right } : { top: 0, left: 0, bottom: 0, right: 0 };
}

/**
 * Keep `box` (the rendered warning, `position: fixed`) against the order's `row` parts (every
 * element the order is drawn as) and `control` until the
 * returned function is called; Esc calls `onEscape`. Listeners: a capture scroll listener on the
 * document (the page's own scroll containers included: their scroll events reach the document in
 * the capture phase), a resize listener and a keydown listener; all removed by the returned stop.
 * @example
 * const stop = anchorWarning(window, [headerRow, bodyRow], eyeEl, warningEl, close);
 */
export function anchorWarning(
  win: Window,
  row: readonly Element[],
  control: Element,
  box: HTMLElement,
  onEscape: () => void,
): () => void {
  const doc = win.document;
  let frame = 0;
  const place = (): void => {
    frame = 0;
    const p = placeWarning(
      unionBox(row),
      control.getBoundingClientRect(),
      { width: box.offsetWidth, height: box.offsetHeight },
      { width: win.innerWidth, height: win.innerHeight },
    );
    box.style.top = `${Math.round(p.top)}px`;
    box.style.left = `${Math.round(p.left)}px`;
    box.dataset.side = p.side;
  };
  const onMove = (): void => {
    if (!frame) frame = win.requestAnimationFrame(place);
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') onEscape();
  };
  place();
  doc.addEventListener('scroll', onMove, { capture: true, passive: true });
  win.addEventListener('resize', onMove, { passive: true });
  doc.addEventListener('keydown', onKey, { capture: true });
  return () => {
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    doc.removeEventListener('scroll', onMove, { capture: true });
    win.removeEventListener('resize', onMove);
    doc.removeEventListener('keydown', onKey, { capture: true });
  };
}
