// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RowRead } from '../adapters/read';
import { createRowOverlay } from './overlay';

/** Intersection observers the overlay created: their callbacks are called by the test. */
const observers: { cb: IntersectionObserverCallback; targets: Set<Element> }[] = [];
class FakeIntersectionObserver {
  readonly targets = new Set<Element>();
  constructor(readonly cb: IntersectionObserverCallback) {
    observers.push(this);
  }
  observe(el: Element): void {
    this.targets.add(el);
  }
  unobserve(el: Element): void {
    this.targets.delete(el);
  }
  disconnect(): void {
    this.targets.clear();
  }
}
class FakeResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const box = (top: number): DOMRectReadOnly =>
  ({ top, bottom: top + 40, left: 0, right: 900, height: 40, width: 900, x: 0, y: top }) as DOMRectReadOnly;
const rowRead = (el: Element, orderId: string): RowRead =>
  ({ element: el, order: { orderId } }) as unknown as RowRead;

beforeEach(() => {
  observers.length = 0;
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

function setup() {
  const container = document.createElement('div');
  const rows = [0, 1, 2].map(() => document.createElement('div'));
  document.body.append(container, ...rows);
  const overlay = createRowOverlay(container, window, () => null);
  const next = {
    rows: rows.map((el, i) => rowRead(el, `o${i}`)),
    badges: rows.map(() => []),
    selected: new Set<string>(),
    lang: 'zh' as const,
    onToggle: () => undefined,
  };
  const marks = (): string[] =>
    Array.from(container.querySelectorAll<HTMLElement>('.sm-row'))
      .filter((m) => !m.hidden && m.style.display !== 'none')
      .map((m) => `${m.dataset.orderId}@${m.style.top}`);
  return { overlay, rows, next, marks };
}

describe('createRowOverlay', () => {
  it('new rows get their marks once its observer reports their boxes', () => {
    const { overlay, rows, next, marks } = setup();
    overlay.update(next);
    expect(marks()).toEqual([]);
    const near = observers[0]!;
    expect(near.targets.size).toBe(3);
    near.cb(
      rows.map((target, i) => ({ target, isIntersecting: i < 2, boundingClientRect: box(100 * i) })) as never,
      near as never,
    );
    expect(marks()).toEqual(['o0@4px', 'o1@104px']);
  });

  it('rows whose boxes the page read just reported are marked at once; the later report changes nothing', () => {
    const { overlay, rows, next, marks } = setup();
    overlay.update({ ...next, boxes: new Map(rows.map((el, i) => [el, box(100 * i)])) });
    expect(marks()).toEqual(['o0@4px', 'o1@104px', 'o2@204px']);
    const near = observers[0]!;
    near.cb(
      rows.map((target, i) => ({ target, isIntersecting: true, boundingClientRect: box(100 * i) })) as never,
      near as never,
    );
    expect(marks()).toEqual(['o0@4px', 'o1@104px', 'o2@204px']);
  });

  it('a new row without a box makes the layer wait for its observer', () => {
    const { overlay, rows, next, marks } = setup();
    overlay.update({ ...next, boxes: new Map([[rows[0]!, box(0)]]) });
    expect(marks()).toEqual([]);
    const near = observers[0]!;
    near.cb(
      rows.map((target, i) => ({ target, isIntersecting: true, boundingClientRect: box(100 * i) })) as never,
      near as never,
    );
    expect(marks()).toEqual(['o0@4px', 'o1@104px', 'o2@204px']);
  });
});
