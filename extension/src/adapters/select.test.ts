// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findRoots, queryRoots } from './roots';
import { anyOf, queryAllFirst, queryFirst, rowOf, rowScope, variantsOf } from './select';

/** A constant test fixture, parsed (inert) and adopted into the document. */
function html(markup: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<div>${markup}</div>`, 'text/html');
  const el = document.importNode(parsed.body.firstElementChild!, true) as HTMLElement;
  document.body.replaceChildren(el);
  return el;
}

describe('selector variants', () => {
  it('tries variants newest first and keeps the first that matches', () => {
    const root = html('<p class="old">a</p><p class="new">b</p>');
    expect(variantsOf('x')).toEqual(['x']);
    expect(anyOf(['.a', '.b'])).toBe('.a, .b');
    expect(queryFirst([root], ['.new', '.old'])?.textContent).toBe('b');
    expect(queryFirst([root], ['.gone', '.old'])?.textContent).toBe('a');
    expect(queryFirst([root], ['.gone'])).toBeNull();
    expect(queryAllFirst([root], ['.gone', 'p']).map((e) => e.textContent)).toEqual(['a', 'b']);
  });

  it('groups a table order (header, body, remark rows) and finds the order of any cell', () => {
    const root = html(
      '<table><tbody>' +
        '<tr class="h" id="a"><td>1</td></tr><tr class="m" id="a2"><td><a class="eye">e</a></td></tr><tr class="m" id="a3"><td>r</td></tr>' +
        '<tr class="h" id="b"><td>2</td></tr><tr class="m" id="b2"><td><a class="eye">e</a></td></tr>' +
        '</tbody></table>',
    );
    const adapter = { row: 'tr.h', rowGroup: 'tr.m' };
    const a = root.querySelector('#a')!;
    expect(rowScope(a, 'tr.m', 'tr.h').map((e) => e.id)).toEqual(['a', 'a2', 'a3']);
    expect(rowScope(a, undefined, 'tr.h').map((e) => e.id)).toEqual(['a']);
    const eyes = root.querySelectorAll('.eye');
    expect(rowOf(eyes[0]!, adapter)?.id).toBe('a');
    expect(rowOf(eyes[1]!, adapter)?.id).toBe('b');
    expect(rowOf(root, adapter)).toBeNull();
  });
});

describe('roots', () => {
  it('finds open shadow roots, nested too, and skips our own hosts', () => {
    const root = html('<micro-app></micro-app><div data-shipmask></div>');
    const app = root.querySelector('micro-app')!.attachShadow({ mode: 'open' });
    const inner = document.createElement('div');
    app.append(inner);
    const nested = inner.attachShadow({ mode: 'open' });
    const card = document.createElement('p');
    card.className = 'order-card';
    nested.append(card);
    root.querySelector('[data-shipmask]')!.attachShadow({ mode: 'open' }).append(document.createElement('p'));
    const roots = findRoots(document);
    expect(roots).toEqual([document, app, nested]);
    expect(document.querySelector('.order-card')).toBeNull();
    expect(queryRoots(roots, '.order-card')).toBe(card);
    expect(queryAllFirst(roots, '.order-card')).toEqual([card]);
  });
});
