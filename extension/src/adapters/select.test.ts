// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRoots, queryRoots } from './roots';
import { anyOf, queryAllFirst, queryFirst, rowOf, rowScope, unionOf, variantsOf } from './select';

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

/** The rule, one variant at a time (what the union shortcut must equal). */
function firstEach(scope: readonly ParentNode[], variants: readonly string[]): Element | null {
  for (const v of variants) for (const part of scope) if (part.querySelector(v)) return part.querySelector(v);
  return null;
}
function allEach(scope: readonly ParentNode[], variants: readonly string[]): Element[] {
  for (const v of variants) {
    const out = scope.flatMap((part) => [...part.querySelectorAll(v)]);
    if (out.length) return out;
  }
  return [];
}

describe('one walk for several variants', () => {
  const classes = ['a', 'b', 'index_b', 'c'];
  const selectors = [
    '.a',
    '[class^="index_b"]',
    '[class*="b"]',
    'span.c',
    'div > .a',
    '.c .b',
    'p',
    ':scope > .a',
  ];
  /** A random tree of div/span/p elements with classes from a small set. */
  type Node = { tag: string; cls: string[]; kids: Node[] };
  const nodeAt = (depth: number): fc.Arbitrary<Node> =>
    fc.record({
      tag: fc.constantFrom('div', 'span', 'p'),
      cls: fc.subarray(classes),
      kids: depth === 0 ? fc.constant([]) : fc.array(nodeAt(depth - 1), { maxLength: 3 }),
    });
  const tree = nodeAt(3);
  const build = (n: Node): Element => {
    const el = document.createElement(n.tag);
    if (n.cls.length) el.className = n.cls.join(' ');
    for (const k of n.kids) el.append(build(k));
    return el;
  };

  it('queryFirst and queryAllFirst equal asking each variant in turn (any tree, any variants, several parts)', () => {
    fc.assert(
      fc.property(
        fc.array(tree, { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(fc.constantFrom(...selectors), { minLength: 1, maxLength: 4 }),
        (parts, variants) => {
          const host = document.createElement('div');
          const scope = parts.map(build);
          host.append(...scope);
          document.body.replaceChildren(host);
          expect(queryFirst(scope, variants)).toBe(firstEach(scope, variants));
          expect(queryAllFirst(scope, variants)).toEqual(allEach(scope, variants));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('walks once only where that is exact: not for one variant, :scope, or a variant that does not parse', () => {
    expect(unionOf('.a')).toBeNull();
    expect(unionOf(['.a'])).toBeNull();
    expect(unionOf([':scope > .a', '.b'])).toBeNull();
    expect(unionOf(['.a', '[class^="x"]'])).toBe('.a, [class^="x"]');
    expect(unionOf(['.a', 'div[[bad'])).toBeNull();
    // The bad variant still throws when it is reached, as before.
    const root = html('<p class="b">x</p>');
    expect(queryFirst([root], ['.a', '.b'])?.textContent).toBe('x');
    expect(() => queryFirst([root], ['.a', 'div[[bad'])).toThrow();
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
