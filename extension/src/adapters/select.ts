/**
 * Selector variants (see `Selector`): query a row, a row's group of table rows, or a set of roots
 * (the document and the open shadow roots in it), trying the variants newest first.
 * @module
 */
import type { Selector } from './types';

/** The variants of a selector, newest first. */
export function variantsOf(selector: Selector): readonly string[] {
  return typeof selector === 'string' ? [selector] : selector;
}

/** One selector matching any variant (for `closest` / `matches`, where order does not matter). */
export function anyOf(selector: Selector): string {
  return typeof selector === 'string' ? selector : selector.join(', ');
}

/** Per variant list: one selector for all of them, or null where it would not be exact. */
const unions = new WeakMap<readonly string[], string | null>();

/**
 * One selector for a list of variants, to ask each part once whether ANY variant matches there
 * (most lookups of an optional field find nothing, and then every variant was a full walk of the
 * row): null for one variant, and for `:scope` variants (`matches` reads `:scope` as the element
 * itself, so the per-element test below would not be exact).
 * @example
 * unionOf(['[class^="index_shipBy"]', '[class*="shipBy"]']); // '[class^="index_shipBy"], [class*="shipBy"]'
 */
export function unionOf(selector: Selector): string | null {
  if (typeof selector === 'string' || selector.length < 2) return null;
  let u = unions.get(selector);
  if (u === undefined) {
    u = selector.some((v) => v.includes(':scope')) ? null : selector.join(', ');
    // A variant the browser cannot parse keeps the one-by-one walk (it throws when reached, as before).
    if (u !== null && !parses(u)) u = null;
    unions.set(selector, u);
  }
  return u;
}

function parses(selector: string): boolean {
  try {
    new DocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first element matching the first variant that matches anything inside `scope` (the parts
 * of one order: usually one element, a table order's rows in 抖店).
 *
 * Exact under the union shortcut: an element matching a variant matches the union, so a part's
 * first union match, when it matches the variant, is that variant's first match in the part; when
 * it does not, the variant is asked on its own.
 * @example
 * queryFirst([row], ['[class^="index_locationDetail"]', '[class*="locationDetail"]']);
 */
export function queryFirst(scope: readonly ParentNode[], selector: Selector): Element | null {
  const union = unionOf(selector);
  const firsts = union === null ? undefined : scope.map((part) => part.querySelector(union));
  if (firsts?.every((f) => f === null)) return null;
  for (const v of variantsOf(selector)) {
    for (let i = 0; i < scope.length; i++) {
      const f = firsts?.[i];
      if (f === null) continue;
      if (f?.matches(v)) return f;
      const el = scope[i]!.querySelector(v);
      if (el) return el;
    }
  }
  return null;
}

/**
 * Every element matching the first variant that matches anything in `scope`, in scope order.
 * With several variants the parts are walked once (the union), and each variant keeps the
 * elements it matches, in document order.
 * @example
 * queryAllFirst([row], ['[class^="style_productItem"]', '[class^="productItem-"]']).length; // items
 */
export function queryAllFirst(scope: readonly ParentNode[], selector: Selector): Element[] {
  const union = unionOf(selector);
  if (union !== null) {
    const found: Element[] = [];
    for (const part of scope) for (const el of part.querySelectorAll(union)) found.push(el);
    if (found.length === 0) return [];
    for (const v of variantsOf(selector)) {
      const out = found.filter((el) => el.matches(v));
      if (out.length) return out;
    }
    return [];
  }
  return queryEach(scope, selector);
}

function queryEach(scope: readonly ParentNode[], selector: Selector): Element[] {
  for (const v of variantsOf(selector)) {
    const out: Element[] = [];
    for (const part of scope) for (const el of part.querySelectorAll(v)) out.push(el);
    if (out.length) return out;
  }
  return [];
}

/**
 * The elements of one order: the row and, for a table order (`rowGroup`), its following sibling
 * rows up to the next order row.
 * @example
 * rowScope(headerTr, 'tr.auxo-table-row-level-1', rowSelector); // [header, body, remark]
 */
export function rowScope(row: Element, rowGroup: string | undefined, row_: Selector): Element[] {
  if (!rowGroup) return [row];
  const scope = [row];
  const isRow = anyOf(row_);
  for (let el = row.nextElementSibling; el && !el.matches(isRow) && el.matches(rowGroup);) {
    scope.push(el);
    el = el.nextElementSibling;
  }
  return scope;
}

/**
 * The order row an element belongs to: its closest row, or for a table order (`rowGroup`) the
 * order row before its group row. Null outside any row.
 * @example
 * rowOf(eyeLink, douyin); // the order's header <tr>
 */
export function rowOf(
  el: Element,
  adapter: { readonly row: Selector; readonly rowGroup?: string },
): Element | null {
  const isRow = anyOf(adapter.row);
  const direct = el.closest(isRow);
  if (direct || !adapter.rowGroup) return direct;
  const member = el.closest(adapter.rowGroup);
  for (let sib = member?.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (sib.matches(isRow)) return sib;
    if (!sib.matches(adapter.rowGroup)) return null;
  }
  return null;
}
