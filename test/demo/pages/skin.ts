// Class names of the demo back-offices, hashed like the real build tools hash them, per skin and
// seed. Shared by the server (which rewrites `@@name` tokens in the pages' HTML and CSS) and the
// page scripts (which build rows with the same names), so a page and its stylesheet always agree.
//
// Why: the real 抖店 page is built with CSS modules; its class names carry a build hash that
// changes with every release (`index_locationDetail__…`, `index_viewIconWrapper__1pa53`,
// `index_table-row__ULgxX`; newer builds `locationDetail-Ngstax`, `view-icon-IvF8Bs`). Sources:
// iamyzc/doudian-scripts `抖店-多功能脚本.user.js` (`div[class^="index_locationDetail"]`),
// beak2825/greasyfork_archives `js_greasyfork/435995.js` (`.index_viewIconWrapper__1pa53`).
// A demo that kept one fixed spelling would let an adapter pass by matching exact hashes.
import type { DemoPlatform } from '../api.ts';

/** 1: the structure the public scripts describe. 2: a redesign (re-hashed names, other layout). */
export type Skin = 1 | 2;

/** The skin a page URL asks for (`?skin=2`), default 1. */
export function skinOf(search: string): Skin {
  return new URLSearchParams(search).get('skin') === '2' ? 2 : 1;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A short deterministic hash of `text` (FNV-1a, printed in base 62), `len` characters. */
export function shortHash(text: string, len: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let out = '';
  for (let i = 0; i < len; i++) {
    out += ALPHABET[h % 62];
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
  }
  return out;
}

/**
 * The class-name function of one page build. Names starting with a library prefix (`auxo-`,
 * `weui-desktop-`, `el-`) or `demo-`/`ship-result`/`is-` are never hashed (design-system and
 * harness classes stay stable, as on the real pages).
 *
 * - 抖店 skin 1: CSS modules `[file]_[local]__[hash5]` (`index_locationDetail__x9Q2b`);
 *   skin 2: the newer `[local]-[hash6]` (`locationDetail-Ngstax`).
 * - 京东 skin 1 and 视频号小店 skin 1: stable BEM names, as the public scripts read them
 *   (`.cons-name-text`, `.order-info-btn`); skin 2: opaque `_[hash7]` names.
 */
export function classNamer(platform: DemoPlatform, skin: Skin, seed: number): (name: string) => string {
  const stable = /^(?:auxo-|weui-desktop-|el-|demo-|ship-result|is-loading)/u;
  return (name) => {
    if (stable.test(name)) return name;
    const salt = `${platform}:${skin}:${seed}:${name}`;
    if (platform === 'douyin') {
      if (skin === 1) return /^(?:index|style|table)_/u.test(name) ? `${name}__${shortHash(salt, 5)}` : name;
      const local = name.replace(/^(?:index|style|table)_/u, '');
      return `${local}-${shortHash(salt, 6)}`;
    }
    if (skin === 1) return name;
    return `_${shortHash(salt, 7)}`;
  };
}

/** Replace every `@@name` token (HTML class lists, CSS selectors) with the page's class name. */
export function rewriteClasses(text: string, cx: (name: string) => string): string {
  return text.replace(/@@([A-Za-z_][\w-]*)/gu, (_, name: string) => cx(name));
}
