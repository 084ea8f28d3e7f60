// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { douyin } from './douyin';
import { tickRows } from './platform-print';

function page(ids: readonly string[], checked: readonly string[] = []): Document {
  document.body.replaceChildren();
  const list = document.createElement('div');
  list.className = 'auxo-spin-container';
  for (const id of ids) {
    const row = document.createElement('div');
    row.setAttribute('data-kora_order_status', '2');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.className = 'auxo-checkbox-input';
    box.checked = checked.includes(id);
    // The div-row variant of the 抖店 adapter: header text in `index_leftWrapper…` spans.
    const header = document.createElement('div');
    header.className = 'index_leftWrapper__q8Zt';
    const span = document.createElement('span');
    span.textContent = `订单编号 ${id}`;
    header.append(span);
    row.append(box, header);
    list.append(row);
  }
  const print = document.createElement('button');
  print.className = 'batch-print-btn';
  print.textContent = '批量打印';
  document.body.append(list, print);
  return document;
}

const boxes = (doc: Document) =>
  [...doc.querySelectorAll<HTMLInputElement>('.auxo-checkbox-input')].map((b) => b.checked);

describe('tickRows (平台打单)', () => {
  it('ticks exactly the group, unticks other ticked rows, reports the rest missing and focuses the entry', () => {
    const doc = page(
      ['692000000000000001', '692000000000000002', '692000000000000003'],
      ['692000000000000003'],
    );
    const clicks: string[] = [];
    doc.addEventListener('click', (e) => clicks.push((e.target as Element).className), true);
    const r = tickRows(doc, douyin, ['692000000000000001', '692000000000000009']);
    expect(r).toEqual({
      ticked: ['692000000000000001'],
      missing: ['692000000000000009'],
      unticked: 1,
      entry: '批量打印',
    });
    expect(boxes(doc)).toEqual([true, false, false]);
    // Only checkboxes were clicked (the page's own state follows a click); never the print control.
    expect(clicks).toEqual(['auxo-checkbox-input', 'auxo-checkbox-input']);
    expect(doc.activeElement?.className).toBe('batch-print-btn');
  });
  it('ticking twice changes nothing; an adapter without platformPrint ticks nothing', () => {
    const doc = page(['692000000000000001']);
    tickRows(doc, douyin, ['692000000000000001']);
    expect(tickRows(doc, douyin, ['692000000000000001'])).toMatchObject({
      ticked: ['692000000000000001'],
      unticked: 0,
    });
    const { platformPrint: _p, ...bare } = douyin;
    void _p;
    expect(tickRows(doc, bare, ['692000000000000001'])).toEqual({
      ticked: [],
      missing: ['692000000000000001'],
      unticked: 0,
      entry: null,
    });
  });
});
