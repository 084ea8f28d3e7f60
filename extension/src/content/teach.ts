import { composedParent } from '../adapters/detect/walk';
import { stepSelector } from '../adapters/detect/selector';

const ORDER_NUMBERS = /(?:订单编号|订单号|订单ID|Order\s*(?:ID|No\.?|Number))\s*[:：#]?\s*(\d{8,24})/giu;

function orderNumbers(el: Element): number {
  const text = el.textContent ?? '';
  if (text.length > 200_000) return 2;
  const ids = new Set<string>();
  for (const m of text.matchAll(ORDER_NUMBERS)) ids.add(m[1]!);
  return ids.size;
}

/**
 * The order row around a click: the outermost ancestor that still holds one order number (its
 * parent holds several), or, when no ancestor names an order number, the nearest ancestor with a
 * like sibling (repeated blocks). Undefined when nothing looks like a row.
 * Rule (issue 15, item 5): the merchant clicks anywhere in one order row.
 * @example
 * rowFromClick(clickedCell); // the order card or table row around it
 */
export function rowFromClick(el: Element): Element | undefined {
  let best: Element | undefined;
  for (let a: Element | null = el; a && a.localName !== 'body'; a = composedParent(a)) {
    const n = orderNumbers(a);
    if (n === 1) best = a;
    if (n > 1) break;
  }
  if (best) return best;
  const shape = (x: Element): string => stepSelector(x, { keepValue: () => false });
  for (let a: Element | null = el; a?.parentElement && a.localName !== 'body'; a = a.parentElement) {
    const s = shape(a);
    const like = Array.from(a.parentElement.children).filter((c) => c !== a && shape(c) === s);
    if (like.length) return a;
  }
  return undefined;
}

/**
 * Take the merchant's next clicks on the page (not on shipmask's own UI) as teach picks: the page
 * does not act on them (default prevented, propagation stopped). Only trusted clicks count.
 * Returns a stop function.
 * @example
 * const stop = pickClicks(document, (el) => console.log(el));
 */
export function pickClicks(doc: Document, onPick: (el: Element) => void): () => void {
  const win = doc.defaultView ?? window;
  const handler = (e: MouseEvent): void => {
    if (!e.isTrusted) return;
    const path = e.composedPath();
    if (path.some((n) => n instanceof Element && n.hasAttribute('data-shipmask'))) return;
    const target = path[0];
    if (!(target instanceof Element)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    onPick(target);
  };
  win.addEventListener('click', handler, true);
  return () => win.removeEventListener('click', handler, true);
}
