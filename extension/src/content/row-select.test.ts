// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SiteAdapter } from '../adapters/types';
import { followPlatformSelection } from './row-select';

const adapter = {
  platform: 'jd',
  pages: [],
  list: '.list',
  row: '.list > .card',
  fields: { orderId: { selector: '.id' } },
  statuses: {},
  reveal: 'a.view',
  revealFree: { shown: '.shown' },
  platformPrint: { select: '.card-header input[type="checkbox"]', entry: '.print' },
} as unknown as SiteAdapter;

function page(withBox: boolean[]): Element[] {
  document.body.replaceChildren();
  const list = document.createElement('div');
  list.className = 'list';
  const rows = withBox.map((has, i) => {
    const card = document.createElement('div');
    card.className = 'card';
    const header = document.createElement('div');
    header.className = 'card-header';
    if (has) {
      const box = document.createElement('input');
      box.type = 'checkbox';
      header.append(box);
    }
    const id = document.createElement('span');
    id.className = 'id';
    id.textContent = String(1000 + i);
    header.append(id);
    card.append(header);
    list.append(card);
    return card;
  });
  document.body.append(list);
  return rows;
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('followPlatformSelection', () => {
  it("reads the selection from the page's own boxes after clicks, and ticks them by clicking", async () => {
    const rows = page([true, true, false]);
    const seen: Map<string, boolean>[] = [];
    const sel = followPlatformSelection(
      document,
      adapter,
      () => rows.map((element, i) => ({ element, orderId: String(1000 + i) })),
      (t) => seen.push(new Map(t)),
    );
    expect(sel.boxOf(rows[0]!)).not.toBeNull();
    expect(sel.boxOf(rows[2]!)).toBeNull();
    (rows[1]!.querySelector('input') as HTMLInputElement).click();
    await tick();
    // Rows without the page's box are not reported.
    expect(seen.at(-1)).toEqual(
      new Map([
        ['1000', false],
        ['1001', true],
      ]),
    );
    sel.set(rows, true);
    await tick();
    expect(seen.at(-1)).toEqual(
      new Map([
        ['1000', true],
        ['1001', true],
      ]),
    );
    sel.set(rows, false);
    await tick();
    expect(seen.at(-1)).toEqual(
      new Map([
        ['1000', false],
        ['1001', false],
      ]),
    );
    sel.stop();
    const n = seen.length;
    (rows[0]!.querySelector('input') as HTMLInputElement).click();
    await tick();
    expect(seen).toHaveLength(n);
  });

  it('an adapter without a row checkbox listens to nothing and finds no boxes', () => {
    const rows = page([true]);
    const { platformPrint: _p, ...bare } = adapter;
    void _p;
    const sel = followPlatformSelection(
      document,
      bare,
      () => [],
      () => undefined,
    );
    expect(sel.boxOf(rows[0]!)).toBeNull();
    sel.stop();
  });
});
