/**
 * Exempt categories: orders in these first-level categories are not encrypted.
 * @module
 */
import { resolvePlatform, type PlatformRef } from './registry.js';

/** Trim, drop inner whitespace and unify full-width letters so `虚拟商品 ` matches `虚拟商品`. */
function normaliseCategory(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * Whether orders of a first-level category are exempt from encryption on a platform (WeChat:
 * 虚拟商品, 教育培训, 旅游休闲, 生活服务 per seed 000). Unknown platform or empty category → false.
 * A category path such as `生活服务/家政` counts by its first level.
 * @example
 * isExemptCategory('wechat', '教育培训'); // true
 * isExemptCategory('wechat', '服饰内衣'); // false
 */
export function isExemptCategory(platform: PlatformRef, category: string): boolean {
  const p = resolvePlatform(platform);
  if (!p || typeof category !== 'string') return false;
  const first = normaliseCategory(category).split(/[/>＞›|]/u)[0] ?? '';
  if (first === '') return false;
  return p.exemptCategories.some((c) => normaliseCategory(c) === first);
}
