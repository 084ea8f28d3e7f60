/** One element that holds text of its own (not only through its children), in document order. */
export interface Leaf {
  readonly el: Element;
  /** The element's own text nodes, joined and trimmed. */
  readonly text: string;
}

/** Elements whose text is never order data. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg', 'CANVAS', 'IFRAME', 'HEAD']);

/** Most elements one walk visits: a page with more is not an order list we can read in time. */
export const MAX_WALK = 60_000;

/**
 * The parent in the composed tree: an element's parent element, or the host of the open shadow
 * root it sits in.
 * @example
 * composedParent(elementInsideMicroApp); // …, then the <micro-app> element itself
 */
export function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && 'host' in root ? (root as ShadowRoot).host : null;
}

/**
 * Every element under `root` with text of its own, in document order, descending into open shadow
 * roots (a host's shadow content comes before its light children, as it renders) and skipping
 * shipmask's own hosts (`[data-shipmask]`), scripts and styles. Stops after `MAX_WALK` elements.
 * Rule (issue 15, item 4): detection reads the page as the merchant sees it, shadow roots included.
 * @example
 * collectLeaves(document).map((l) => l.text); // ['订单编号 6912…', '张**', '132****3639', …]
 */
export function collectLeaves(root: Document | ShadowRoot | Element): Leaf[] {
  const out: Leaf[] = [];
  let visited = 0;
  const visit = (parent: ParentNode): void => {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      if (++visited > MAX_WALK) return;
      if (SKIP.has(el.tagName) || el.hasAttribute('data-shipmask')) continue;
      let own = '';
      for (let n = el.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) own += n.nodeValue ?? '';
      }
      own = own.trim();
      if (own) out.push({ el, text: own });
      if (el.shadowRoot) visit(el.shadowRoot);
      visit(el);
    }
  };
  visit(root);
  return out;
}
