/**
 * The docked panel as a side tab (issue 21 item 10): a narrow tab on the right edge of the window,
 * so the page's own action column (操作: 发货, 订单详情…) stays uncovered; a click expands the panel
 * beside it, a vertical drag moves it, and where it was left is remembered per host (a UI
 * position, not buyer data: `browser.storage.local` through the caller's store).
 * @module
 */

/** Least distance (px) between the tab and the window's top and bottom edges. */
export const EDGE = 8;
/** A pointer must move this far (px) before a press on the tab becomes a drag instead of a click. */
export const DRAG_SLOP = 4;

/**
 * The tab's top clamped into the window. Rule: the whole tab stays visible, at least `EDGE` from
 * the top and bottom (a window shorter than the tab puts it at `EDGE`).
 * @example
 * clampTop(2000, 120, 900); // 772
 * clampTop(-50, 120, 900); // 8
 */
export function clampTop(top: number, tabHeight: number, viewportHeight: number): number {
  const max = viewportHeight - tabHeight - EDGE;
  const t = Number.isFinite(top) ? top : EDGE;
  return Math.round(Math.max(EDGE, Math.min(t, max)));
}

/**
 * Where the expanded panel opens beside the tab: downwards from the tab's top when the tab is in
 * the upper half of the window, upwards from its bottom otherwise, with the room it has there.
 * Rule: the room is at least half the window less `EDGE`, so the panel is never squeezed.
 * @example
 * sheetRoom(100, 120, 900); // { half: 'top', room: 792 }
 * sheetRoom(700, 120, 900); // { half: 'bottom', room: 812 }
 */
export function sheetRoom(
  top: number,
  tabHeight: number,
  viewportHeight: number,
): { half: 'top' | 'bottom'; room: number } {
  const upper = top + tabHeight / 2 <= viewportHeight / 2;
  const room = upper ? viewportHeight - top - EDGE : top + tabHeight - EDGE;
  return { half: upper ? 'top' : 'bottom', room: Math.max(0, Math.round(room)) };
}

/** Where the tab's place is kept (one value per host). */
export interface PlaceStore {
  load(): Promise<number | undefined>;
  save(top: number): void;
}

/**
 * Dock the panel host on the right edge at the remembered top (default: a third down the window),
 * make its `.sm-tab` draggable, and keep it inside the window on resize. Listeners: pointerdown and
 * one capture click on the panel's own container, a window resize; pointermove/up only while a
 * press lasts (pointer capture on the tab). Returns a stop function.
 * @example
 * const stop = dockSideTab(panelHost, panelContainer, window, store);
 */
export function dockSideTab(
  host: HTMLElement,
  container: HTMLElement,
  win: Window,
  store: PlaceStore,
): () => void {
  let top = Math.round(win.innerHeight / 3);
  // The tab's height comes from a ResizeObserver, after the browser's own layout: reading
  // `offsetHeight` here would force a layout of the whole back-office while it loads.
  let measured: number | undefined;
  let observedTab: Element | null = null;
  const RO = (win as Window & typeof globalThis).ResizeObserver as typeof ResizeObserver | undefined;
  const sizes =
    typeof RO === 'function'
      ? new RO((entries) => {
          const e = entries[entries.length - 1];
          const h = e?.borderBoxSize?.[0]?.blockSize ?? e?.contentRect.height ?? 0;
          if (h > 0 && h !== measured) {
            measured = h;
            apply(top);
          }
        })
      : undefined;
  const tabHeight = (): number => {
    const tab = container.querySelector<HTMLElement>('.sm-tab');
    if (!sizes) return tab?.offsetHeight || 120;
    if (tab !== observedTab) {
      if (observedTab) sizes.unobserve(observedTab);
      if (tab) sizes.observe(tab);
      observedTab = tab;
    }
    return measured ?? 120;
  };
  const apply = (wanted: number): void => {
    const h = tabHeight();
    top = clampTop(wanted, h, win.innerHeight);
    const { half, room } = sheetRoom(top, h, win.innerHeight);
    host.style.top = `${top}px`;
    host.style.right = '0px';
    host.style.bottom = 'auto';
    host.style.setProperty('--sm-room', `${room}px`);
    host.dataset.half = half;
  };
  apply(top);
  let stopped = false;
  void store.load().then(
    (saved) => {
      if (!stopped && saved !== undefined) apply(saved);
    },
    () => undefined,
  );

  let press: { id: number; y: number; top: number; moved: boolean; tab: HTMLElement } | undefined;
  let swallowClick = false;
  const onDown = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    const tab = (e.composedPath()[0] as Element | undefined)?.closest?.('.sm-tab');
    if (!(tab instanceof HTMLElement)) return;
    press = { id: e.pointerId, y: e.clientY, top, moved: false, tab };
    tab.setPointerCapture?.(e.pointerId);
    tab.addEventListener('pointermove', onMove);
    tab.addEventListener('pointerup', onUp);
    tab.addEventListener('pointercancel', onUp);
  };
  const onMove = (e: PointerEvent): void => {
    if (!press || e.pointerId !== press.id) return;
    const dy = e.clientY - press.y;
    if (!press.moved && Math.abs(dy) < DRAG_SLOP) return;
    press.moved = true;
    apply(press.top + dy);
  };
  const onUp = (e: PointerEvent): void => {
    if (!press || e.pointerId !== press.id) return;
    const { tab, moved } = press;
    tab.removeEventListener('pointermove', onMove);
    tab.removeEventListener('pointerup', onUp);
    tab.removeEventListener('pointercancel', onUp);
    press = undefined;
    if (moved) {
      // A drag is not a click: the click that follows the release does not toggle the panel.
      swallowClick = true;
      win.setTimeout(() => (swallowClick = false), 0);
      store.save(top);
    }
  };
  const onClick = (e: Event): void => {
    if (!swallowClick) return;
    swallowClick = false;
    e.stopPropagation();
    e.preventDefault();
  };
  // The expanded panel's room depends on the tab's place; a resize may push the tab out.
  const onResize = (): void => apply(top);
  container.addEventListener('pointerdown', onDown);
  container.addEventListener('click', onClick, { capture: true });
  win.addEventListener('resize', onResize, { passive: true });
  return () => {
    stopped = true;
    sizes?.disconnect();
    container.removeEventListener('pointerdown', onDown);
    container.removeEventListener('click', onClick, { capture: true });
    win.removeEventListener('resize', onResize);
  };
}
