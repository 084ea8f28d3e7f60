// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { takeLinkFromAddressBar, type AddressBar } from './address-bar';

/** A stand-in recording what was written to history. */
function bar(href: string, throws = false): AddressBar & { writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    location: { href },
    history: {
      state: { keep: 1 },
      replaceState(_d, _u, url) {
        if (throws) throw new DOMException('no', 'SecurityError');
        writes.push(url);
      },
    },
  };
}

describe('takeLinkFromAddressBar', () => {
  it('returns the link and rewrites the entry without the fragment, keeping path and query', () => {
    const b = bar('https://s.example/supplier.html?v=2#SM1.abc.def');
    expect(takeLinkFromAddressBar(b)).toBe('https://s.example/supplier.html?v=2#SM1.abc.def');
    expect(b.writes).toEqual(['https://s.example/supplier.html?v=2']);
  });

  it('leaves an address without a fragment (or with an empty one) alone', () => {
    const plain = bar('file:///home/s/supplier.html');
    expect(takeLinkFromAddressBar(plain)).toBe('file:///home/s/supplier.html');
    const empty = bar('file:///home/s/supplier.html#');
    takeLinkFromAddressBar(empty);
    expect([...plain.writes, ...empty.writes]).toEqual([]);
  });

  it('still returns the link when the browser refuses the rewrite', () => {
    expect(takeLinkFromAddressBar(bar('https://s.example/p#SM1.x', true))).toBe('https://s.example/p#SM1.x');
  });

  it('in a real History, the current entry loses the fragment without adding one', () => {
    history.replaceState(null, '', '/supplier.html#SM1.secret');
    const before = history.length;
    expect(takeLinkFromAddressBar(window)).toContain('#SM1.secret');
    expect(location.hash).toBe('');
    expect(location.pathname).toBe('/supplier.html');
    expect(history.length).toBe(before);
  });
});
