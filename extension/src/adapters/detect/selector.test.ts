// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { hostPath, relativeSelector, rootAt, stableClass, stepSelector, uniqueSelector } from './selector';

function el(
  tag: string,
  attrs: Record<string, string> = {},
  children: (Element | string)[] = [],
): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

afterEach(() => document.body.replaceChildren());

describe('stableClass', () => {
  it('keeps plain names, cuts hashed suffixes, drops hashes and state', () => {
    expect(stableClass('auxo-table-row')).toEqual({ exact: 'auxo-table-row' });
    expect(stableClass('receiver-phone')).toEqual({ exact: 'receiver-phone' });
    expect(stableClass('index_locationDetail__3xK2a')).toEqual({ part: 'locationDetail' });
    expect(stableClass('locationDetail-Ngstax')).toEqual({ part: 'locationDetail' });
    expect(stableClass('view-icon-IvF8Bs')).toEqual({ part: 'view-icon' });
    expect(stableClass('_3xK2a')).toBeUndefined();
    expect(stableClass('css-1x2y3z')).toBeUndefined();
    expect(stableClass('is-loading')).toBeUndefined();
  });
});

describe('stepSelector', () => {
  it('uses hooks and stable class prefixes, never a hash or an order-specific value', () => {
    const a = el('a', { 'data-kora': '查看敏感信息', class: 'view-icon-IvF8Bs', 'data-v-7ba5bd90': '' });
    expect(stepSelector(a)).toBe('a[data-kora="查看敏感信息"][class*="view-icon"]');
    const tr = el('tr', {
      'data-row-key': '6912345678901234567',
      class: 'auxo-table-row auxo-table-row-level-0',
    });
    expect(stepSelector(tr)).toBe('tr[data-row-key].auxo-table-row.auxo-table-row-level-0');
  });
});

describe('relativeSelector / uniqueSelector', () => {
  it('finds the target first, without positions when classes suffice', () => {
    const phone = el('span', { class: 'phone-Ab3dEf' }, ['132****3639']);
    const row = el('div', { class: 'row' }, [
      el('span', { class: 'name' }, ['张*']),
      el('div', { class: 'cons' }, [phone]),
    ]);
    document.body.append(row);
    const sel = relativeSelector(row, phone)!;
    expect(sel).not.toMatch(/nth/u);
    expect(row.querySelector(sel)).toBe(phone);
  });
  it('falls back to positions only when allowed', () => {
    const b = el('span', {}, ['b']);
    const row = el('div', {}, [el('span', {}, ['a']), b]);
    document.body.append(row);
    expect(relativeSelector(row, b)).toBeUndefined();
    expect(row.querySelector(relativeSelector(row, b, true)!)).toBe(b);
  });
  it('selects a list uniquely in its root, through an open shadow root', () => {
    const host = el('micro-app');
    const root = host.attachShadow({ mode: 'open' });
    const list = el('div', { class: 'order-list' });
    root.append(el('div', { class: 'app' }, [list]));
    document.body.append(host);
    expect(hostPath(list)).toEqual(['micro-app']);
    const found = rootAt(document, ['micro-app'])!;
    expect(found.querySelector(uniqueSelector(found, list)!)).toBe(list);
    expect(rootAt(document, ['no-such-host'])).toBeUndefined();
  });
});
