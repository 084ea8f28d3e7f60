/**
 * The hand-off link's fragment carries the batch and, without a passphrase, its key. Once the
 * supplier page has read it into memory it removes the fragment from the address bar and from this
 * tab's history entry (`history.replaceState` rewrites the current entry, so Back/Forward and a
 * reload no longer hold the key, and anyone glancing at or copying the address bar sees no key).
 * The browser's global history list may still have recorded the visited address: a page cannot
 * change that, which is one reason the passphrase mode exists.
 * @module
 */

/** The parts of `location` and `history` used here (a test passes stand-ins). */
export interface AddressBar {
  readonly location: { readonly href: string };
  readonly history: {
    readonly state: unknown;
    replaceState(data: unknown, unused: string, url: string): void;
  };
}

/**
 * Return the page's address as it was opened and, when it has a non-empty fragment, replace the
 * current history entry by the same address without the fragment (path and query are kept, the
 * page does not reload). A browser that refuses the rewrite (it throws `SecurityError` on some
 * schemes) still gets the link back: opening the batch matters more than scrubbing the bar.
 * @example
 * const link = takeLinkFromAddressBar(window); // 'https://x.example/supplier.html#SM1…'
 * location.href; // 'https://x.example/supplier.html'
 */
export function takeLinkFromAddressBar(bar: AddressBar): string {
  const href = bar.location.href;
  const hash = href.indexOf('#');
  if (hash < 0 || hash === href.length - 1) return href;
  try {
    bar.history.replaceState(bar.history.state, '', href.slice(0, hash));
  } catch {
    // Keep the link usable; the address bar keeps the fragment on this browser.
  }
  return href;
}
