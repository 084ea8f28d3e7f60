// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from './types';
import { watchOrderList, type PageSnapshot } from './watch';

const adapter = { row: '.order' } as unknown as SiteAdapter;

afterEach(() => document.body.replaceChildren());

describe('watchOrderList', () => {
  it('rows in the document: read at once, and no shadow root is searched (roots: the document)', () => {
    const host = document.createElement('div');
    host
      .attachShadow({ mode: 'open' })
      .append(Object.assign(document.createElement('p'), { className: 'x' }));
    const row = Object.assign(document.createElement('div'), { className: 'order' });
    document.body.append(host, row);
    const seen: PageSnapshot[] = [];
    const stop = watchOrderList(document, adapter, (s) => void seen.push(s));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.rows).toEqual([row]);
    expect(seen[0]!.roots).toEqual([document]);
    stop();
  });

  it('rows only inside an open shadow root (a micro-app): found there, and that root is watched', async () => {
    const app = document.createElement('micro-app');
    const root = app.attachShadow({ mode: 'open' });
    const row = Object.assign(document.createElement('div'), { className: 'order' });
    root.append(row);
    document.body.append(app);
    const seen: PageSnapshot[] = [];
    const stop = watchOrderList(document, adapter, (s) => void seen.push(s), 5);
    expect(seen[0]!.rows).toEqual([row]);
    expect(seen[0]!.roots).toEqual([document, root]);
    // A swap inside the shadow root is seen.
    const next = Object.assign(document.createElement('div'), { className: 'order' });
    row.replaceWith(next);
    await new Promise((r) => setTimeout(r, 30));
    expect(seen.at(-1)!.rows).toEqual([next]);
    stop();
  });

  it('looks for new shadow roots once a second while no rows are found, not while they are found another way', () => {
    vi.useFakeTimers();
    try {
      const empty: PageSnapshot[] = [];
      const stopEmpty = watchOrderList(document, adapter, (s) => void empty.push(s));
      vi.advanceTimersByTime(3_300);
      // The first read and three rescans (each a second, then the 80 ms debounce).
      expect(empty).toHaveLength(4);
      stopEmpty();

      const detected: PageSnapshot[] = [];
      const stopDetected = watchOrderList(document, adapter, (s) => {
        detected.push(s);
        return true; // content-based detection found the rows
      });
      vi.advanceTimersByTime(5_050);
      expect(detected).toHaveLength(1);
      stopDetected();
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops looking for new shadow roots once the rows are drawn', async () => {
    vi.useFakeTimers();
    try {
      const seen: PageSnapshot[] = [];
      const stop = watchOrderList(document, adapter, (s) => void seen.push(s));
      expect(seen[0]!.rows).toEqual([]);
      // The page draws its list a moment later.
      const row = Object.assign(document.createElement('div'), { className: 'order' });
      document.body.append(row);
      await vi.advanceTimersByTimeAsync(100);
      expect(seen).toHaveLength(2);
      expect(seen[1]!.rows).toEqual([row]);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(seen).toHaveLength(2);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
