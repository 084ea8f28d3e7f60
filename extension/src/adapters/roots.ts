/**
 * The places a page draws its order list: the document and every OPEN shadow root in it, nested
 * ones included (微信小店 draws the whole page inside `document.querySelector('micro-app')
 * .shadowRoot`, per beak2825/greasyfork_archives js_greasyfork/531114.js and
 * Kvenm/wechat-store-analytics). `document.querySelectorAll` and a MutationObserver on
 * `document.body` see nothing inside a shadow root, so readers query each root and watchers
 * observe each root. Closed shadow roots are out of reach by design of the platform.
 * Our own UI hosts (`[data-shipmask]`) are skipped.
 * @module
 */

/** Upper bound of roots kept per page (a page with thousands of components must not cost more). */
const MAX_ROOTS = 64;

/**
 * The document and the open shadow roots under it, in document order (a host before its nested
 * roots). Walks the elements once; call again when new hosts may have appeared.
 * @example
 * findRoots(document); // [document, microApp.shadowRoot]
 */
export function findRoots(doc: Document): (Document | ShadowRoot)[] {
  const roots: (Document | ShadowRoot)[] = [doc];
  const visit = (root: Document | ShadowRoot): void => {
    const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node as Element;
      const shadow = el.shadowRoot;
      if (!shadow || el.hasAttribute('data-shipmask')) continue;
      if (roots.length >= MAX_ROOTS) return;
      roots.push(shadow);
      visit(shadow);
    }
  };
  visit(doc);
  return roots;
}

/**
 * The first element matching `selector` in any root, roots in order.
 * @example
 * queryRoots(findRoots(document), '.view-quota');
 */
export function queryRoots(roots: readonly ParentNode[], selector: string): Element | null {
  for (const root of roots) {
    const el = root.querySelector(selector);
    if (el) return el;
  }
  return null;
}
