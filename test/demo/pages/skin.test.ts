import { describe, expect, it } from 'vitest';
import { classNamer, rewriteClasses, shortHash, skinOf } from './skin.ts';

describe('demo class names (skin.ts)', () => {
  it('hashes 抖店 CSS-module names per skin and seed, and keeps library classes', () => {
    const one = classNamer('douyin', 1, 1);
    const two = classNamer('douyin', 2, 1);
    expect(one('index_locationDetail')).toMatch(/^index_locationDetail__[A-Za-z0-9]{5}$/u);
    expect(two('index_locationDetail')).toMatch(/^locationDetail-[A-Za-z0-9]{6}$/u);
    expect(classNamer('douyin', 1, 2)('index_locationDetail')).not.toBe(one('index_locationDetail'));
    expect(one('auxo-table-row')).toBe('auxo-table-row');
    expect(two('auxo-table-row')).toBe('auxo-table-row');
  });

  it('keeps JD and WeChat names in skin 1 and makes them opaque in skin 2', () => {
    expect(classNamer('jd', 1, 1)('cons-name-text')).toBe('cons-name-text');
    const opaque = classNamer('jd', 2, 1)('cons-name-text');
    expect(opaque).toMatch(/^_[A-Za-z0-9]{7}$/u);
    expect(opaque).not.toContain('cons');
    expect(classNamer('wechat', 2, 1)('weui-desktop-link')).toBe('weui-desktop-link');
    expect(classNamer('wechat', 2, 1)('order-card')).not.toContain('order');
  });

  it('rewrites @@ tokens in HTML and CSS, and reads the skin from a query', () => {
    const cx = classNamer('douyin', 1, 7);
    expect(rewriteClasses('.@@index_remark { color: red }', cx)).toBe(
      `.${cx('index_remark')} { color: red }`,
    );
    expect(rewriteClasses('<div class="a @@index_x">', cx)).toBe(`<div class="a ${cx('index_x')}">`);
    expect(skinOf('?skin=2')).toBe(2);
    expect(skinOf('?skin=3')).toBe(1);
    expect(skinOf('')).toBe(1);
    expect(shortHash('x', 8)).toHaveLength(8);
    expect(shortHash('x', 8)).toBe(shortHash('x', 8));
  });
});
