// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { collectLeaves, composedParent } from './walk';

afterEach(() => document.body.replaceChildren());

describe('collectLeaves', () => {
  it('lists own text in document order, through open shadow roots, skipping shipmask and scripts', () => {
    const a = document.createElement('p');
    a.textContent = 'first';
    const host = document.createElement('micro-app');
    const inner = document.createElement('span');
    inner.textContent = 'inside';
    host.attachShadow({ mode: 'open' }).append(inner);
    const ours = document.createElement('div');
    ours.setAttribute('data-shipmask', '');
    ours.textContent = 'ours';
    const script = document.createElement('script');
    script.textContent = 'var x';
    const b = document.createElement('div');
    b.append('last ', document.createElement('i'), ' part');
    document.body.append(a, host, ours, script, b);
    expect(collectLeaves(document).map((l) => l.text)).toEqual(['first', 'inside', 'last  part']);
    expect(composedParent(inner)).toBe(host);
  });
});
