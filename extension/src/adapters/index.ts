import { douyin } from './douyin';
import { jd } from './jd';
import type { SiteAdapter } from './types';
import { wechat } from './wechat';

/** All site adapters; adding a platform is adding a file and a line here. */
export const adapters: readonly SiteAdapter[] = [douyin, wechat, jd];

/** The adapter whose order-list pages include `url`, if any. */
export function adapterFor(url: string): SiteAdapter | undefined {
  let key: string;
  try {
    const u = new URL(url);
    key = u.origin + u.pathname;
  } catch {
    return undefined;
  }
  return adapters.find((a) => a.pages.some((p) => p.test(key)));
}

export type { SiteAdapter } from './types';
