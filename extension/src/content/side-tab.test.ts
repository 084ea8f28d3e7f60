// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { EDGE, clampTop, dockSideTab, sheetRoom } from './side-tab';

describe('clampTop', () => {
  it('keeps the whole tab inside the window', () => {
    expect(clampTop(2000, 120, 900)).toBe(772);
    expect(clampTop(-50, 120, 900)).toBe(EDGE);
    expect(clampTop(Number.NaN, 120, 900)).toBe(EDGE);
  });
  it('property: a tab shorter than the window is fully visible, EDGE from both edges', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 20, max: 400 }),
        fc.integer({ min: 450, max: 3000 }),
        (top, h, vh) => {
          const t = clampTop(top, h, vh);
          return t >= EDGE && t + h <= vh - EDGE + 0.5;
        },
      ),
    );
  });
});

describe('sheetRoom', () => {
  it('opens downwards in the upper half and upwards in the lower half', () => {
    expect(sheetRoom(100, 120, 900)).toEqual({ half: 'top', room: 792 });
    expect(sheetRoom(700, 120, 900)).toEqual({ half: 'bottom', room: 812 });
  });
  it('property: the panel always gets at least half the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 300 }),
        fc.integer({ min: 450, max: 3000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (h, vh, f) => {
          const top = clampTop(f * vh, h, vh);
          return sheetRoom(top, h, vh).room >= vh / 2 - EDGE;
        },
      ),
    );
  });
});

describe('dockSideTab', () => {
  it('places the host at the remembered top, drags it vertically, saves once, and a drag is no click', async () => {
    const host = document.createElement('div');
    const container = document.createElement('div');
    const tab = document.createElement('button');
    tab.className = 'sm-tab';
    Object.defineProperty(tab, 'offsetHeight', { value: 120 });
    container.append(tab);
    host.append(container);
    document.body.append(host);
    const save = vi.fn();
    const stop = dockSideTab(host, container, window, { load: () => Promise.resolve(200), save });
    await Promise.resolve();
    await Promise.resolve();
    expect(host.style.top).toBe('200px');
    const clicked = vi.fn();
    tab.addEventListener('click', clicked);
    const ev = (type: string, y: number) =>
      new PointerEvent(type, { clientY: y, pointerId: 1, button: 0, bubbles: true, composed: true });
    tab.dispatchEvent(ev('pointerdown', 300));
    tab.dispatchEvent(ev('pointermove', 302)); // under the slop: not a drag yet
    expect(host.style.top).toBe('200px');
    tab.dispatchEvent(ev('pointermove', 350));
    expect(host.style.top).toBe('250px');
    tab.dispatchEvent(ev('pointerup', 350));
    expect(save).toHaveBeenCalledWith(250);
    tab.click();
    expect(clicked).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 1));
    tab.click();
    expect(clicked).toHaveBeenCalledTimes(1);
    stop();
  });

  it('learns the tab height from a ResizeObserver (no forced layout) and keeps the tab on screen with it', async () => {
    let report: ((entries: { borderBoxSize: { blockSize: number }[] }[]) => void) | undefined;
    const observed: Element[] = [];
    const win = Object.create(window, {
      ResizeObserver: {
        value: class {
          constructor(cb: typeof report) {
            report = cb;
          }
          observe(el: Element) {
            observed.push(el);
          }
          unobserve() {}
          disconnect() {}
        },
      },
      innerHeight: { value: 800 },
      addEventListener: { value: () => undefined },
      removeEventListener: { value: () => undefined },
    }) as Window;
    const host = document.createElement('div');
    const container = document.createElement('div');
    const tab = document.createElement('button');
    tab.className = 'sm-tab';
    // Reading it would be the forced layout this avoids.
    Object.defineProperty(tab, 'offsetHeight', {
      get: () => {
        throw new Error('offsetHeight read');
      },
    });
    container.append(tab);
    host.append(container);
    const stop = dockSideTab(host, container, win, {
      load: () => Promise.resolve(760),
      save: () => undefined,
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(observed).toEqual([tab]);
    // Until measured, a 120 px tab: 800 − 120 − EDGE.
    expect(host.style.top).toBe(`${800 - 120 - EDGE}px`);
    report!([{ borderBoxSize: [{ blockSize: 300 }] }]);
    expect(host.style.top).toBe(`${800 - 300 - EDGE}px`);
    stop();
  });
});
