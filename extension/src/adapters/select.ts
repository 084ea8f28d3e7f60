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

/**
 * The first element matching the first variant that matches anything inside `scope` (the parts
 * of one order: usually one element, a table order's rows in 抖店).
 * @example
 * queryFirst([row], ['[class^="index_locationDetail"]', '[class*="locationDetail"]']);
 */
export function queryFirst(scope: readonly ParentNode[], selector: Selector): Element | null {
  for (const v of variantsOf(selector)) {
    for (const part of scope) {
      const el = part.querySelector(v);
      if (el) return el;
    }
  }
  return null;
}

/**
 * Every element matching the first variant that matches anything in `scope`, in scope order.
 * @example
 * queryAllFirst([row], ['[class^="style_productItem"]', '[class^="productItem-"]']).length; // items
 */
export function queryAllFirst(scope: readonly ParentNode[], selector: Selector): Element[] {
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
