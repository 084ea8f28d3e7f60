/**
 * The platform registry: adding a platform is adding its file and one line here.
 * @module
 */
import { douyin } from './douyin.js';
import { jd } from './jd.js';
import type { PlatformPolicy } from './types.js';
import { wechat } from './wechat.js';

/**
 * Every platform policy record shipmask knows, in display order.
 * @example
 * platforms.map((p) => p.id); // ['douyin', 'wechat', 'jd']
 */
export const platforms: readonly PlatformPolicy[] = [douyin, wechat, jd];

/**
 * The policy record of a platform by id, or `undefined` for an unknown id. Never throws.
 * @example
 * getPlatform('wechat')?.name.zh; // '视频号小店'
 * getPlatform('nope'); // undefined
 */
export function getPlatform(id: string): PlatformPolicy | undefined {
  for (const p of platforms) if (p.id === id) return p;
  return undefined;
}

/**
 * A platform given by id or as a record; both are accepted by the policy helpers.
 * @example
 * isExemptCategory('wechat', '虚拟商品') === isExemptCategory(wechat, '虚拟商品'); // true
 */
export type PlatformRef = string | PlatformPolicy;

/**
 * Resolve a `PlatformRef` to its record (`undefined` for an unknown id).
 * @example
 * resolvePlatform('jd')?.id; // 'jd'
 */
export function resolvePlatform(ref: PlatformRef): PlatformPolicy | undefined {
  return typeof ref === 'string' ? getPlatform(ref) : ref;
}
