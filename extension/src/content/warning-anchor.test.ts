// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { GAP, MARGIN, anchorWarning, placeWarning, type Box } from './warning-anchor';

const VIEW = { width: 1400, height: 900 };
const box = (top: number, left: number, bottom: number, right: number): Box => ({ top, left, bottom, right });

describe('placeWarning', () => {
  it('goes below the row when there is room, above it when not', () => {
    const control = box(150, 700, 166, 716);
    expect(placeWarning(box(100, 0, 180, 1200), control, { width: 300, height: 120 }, VIEW)).toEqual({
      top: 184,
      left: 700,
      side: 'below',
    });
    const low = placeWarning(
      box(760, 0, 840, 1200),
      box(800, 700, 816, 716),
      { width: 300, height: 120 },
      VIEW,
    );
    expect(low).toEqual({ top: 760 - GAP - 120, left: 700, side: 'above' });
  });

  it('keeps its left edge inside the viewport', () => {
    const p = placeWarning(
      box(100, 0, 180, 1400),
      box(150, 1380, 166, 1396),
      { width: 300, height: 80 },
      VIEW,
    );
    expect(p.left).toBe(VIEW.width - 300 - MARGIN);
  });

  it('property: it touches its row (gap 4 px) on one side and never overlaps it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 1300 }),
        fc.integer({ min: 10, max: 300 }),
        fc.integer({ min: 0, max: 1390 }),
        fc.integer({ min: 40, max: 400 }),
        fc.integer({ min: 60, max: 300 }),
        (top, height, cx, w, h) => {
          const row = box(top, 0, top + height, 1200);
          const p = placeWarning(row, box(top + 4, cx, top + 20, cx + 16), { width: w, height: h }, VIEW);
          const adjacent = p.side === 'below' ? p.top === row.bottom + GAP : p.top + h === row.top - GAP;
          const overlaps = p.top < row.bottom && p.top + h > row.top;
          const inside = p.left >= MARGIN && p.left + w <= VIEW.width - MARGIN;
          // Below whenever it fits there.
          const fitsBelow = row.bottom + GAP + h <= VIEW.height - MARGIN;
          return adjacent && !overlaps && inside && (!fitsBelow || p.side === 'below');
        },
      ),
    );
  });
});

describe('anchorWarning', () => {
  it('re-places on scroll (once per frame), closes on Esc, and removes its listeners when stopped', async () => {
    const row = document.createElement('div');
    const control = document.createElement('a');
    const warning = document.createElement('div');
    document.body.append(row, control, warning);
    let rowTop = 100;
    row.getBoundingClientRect = () => ({ top: rowTop, left: 0, bottom: rowTop + 80, right: 1200 }) as DOMRect;
    control.getBoundingClientRect = () =>
      ({ top: rowTop + 40, left: 600, bottom: rowTop + 56, right: 616 }) as DOMRect;
    const onEscape = vi.fn();
    const stop = anchorWarning(window, [row], control, warning, onEscape);
    expect(warning.style.top).toBe(`${100 + 80 + GAP}px`);
    rowTop = 50;
    document.dispatchEvent(new Event('scroll'));
    document.dispatchEvent(new Event('scroll'));
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    expect(warning.style.top).toBe(`${50 + 80 + GAP}px`);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(onEscape).toHaveBeenCalledTimes(1);
    stop();
    rowTop = 10;
    document.dispatchEvent(new Event('scroll'));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    expect(warning.style.top).toBe(`${50 + 80 + GAP}px`);
    expect(onEscape).toHaveBeenCalledTimes(1);
  });
});
