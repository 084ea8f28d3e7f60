/**
 * Who sent a message. Content requests are accepted only from our content scripts on the
 * supported back-office origins (origins.ts; plus the demo origin 127.0.0.1 in non-production
 * builds); page requests only from the extension's own pages (popup, options, supplier page).
 * Anything else (another extension, a web page, an unexpected frame) is `forbidden-sender`.
 * @module
 */
import type { PlatformId } from '@shipmask/core';
import { allBackOfficeMatches, backOfficeOrigins, demoMatches } from '../../origins';

/** The parts of `runtime.MessageSender` the check reads. */
export interface SenderInfo {
  readonly id?: string;
  readonly url?: string;
  readonly tab?: { readonly id?: number; readonly url?: string };
  /** Chrome 106+: the sending document (changes on every navigation or reload). */
  readonly documentId?: string;
  readonly frameId?: number;
}

export interface SenderPolicy {
  /** `browser.runtime.id`. */
  readonly extensionId: string;
  /** `browser.runtime.getURL('/')`, e.g. `chrome-extension://<id>/`. */
  readonly extensionOrigin: string;
  /** Accept the demo back-offices on 127.0.0.1 (dev and test builds only). */
  readonly allowDemo: boolean;
}

export type SenderKind = 'content' | 'page';

interface MatchPattern {
  readonly scheme: string;
  readonly host: string;
}

/** `https://fxg.jinritemai.com/*` → scheme + host (every pattern we ship has the path `/*`). */
function parsePattern(pattern: string): MatchPattern | undefined {
  const m = /^(https?):\/\/([^/*]+)\/\*$/u.exec(pattern);
  return m ? { scheme: `${m[1]}:`, host: m[2]! } : undefined;
}

const parsed = (patterns: readonly string[]): MatchPattern[] =>
  patterns.map(parsePattern).filter((p): p is MatchPattern => p !== undefined);

const backOffice = parsed(allBackOfficeMatches);
const byPlatform = (Object.entries(backOfficeOrigins) as [PlatformId, readonly string[]][]).map(
  ([platform, patterns]) => ({ platform, patterns: parsed(patterns) }),
);
const demo = parsed(demoMatches);

/**
 * Whether `url` is on a supported back-office origin (ports are ignored, as in Chrome's match
 * patterns; userinfo in the URL is refused).
 * @example
 * isBackOfficeUrl('https://fxg.jinritemai.com/ffa/morder/order/list', false); // true
 * isBackOfficeUrl('http://127.0.0.1:4173/douyin/', false); // false (production)
 */
export function isBackOfficeUrl(url: string, allowDemo: boolean): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  const patterns = allowDemo ? [...backOffice, ...demo] : backOffice;
  return patterns.some((p) => p.scheme === u.protocol && p.host === u.hostname);
}

/**
 * Classify a sender: `content` (our content script on a back-office page), `page` (one of our
 * extension pages), or undefined (refuse).
 * @example
 * senderKind({ id: EXT, url: 'https://fxg.jinritemai.com/x', tab: { id: 3 } }, policy); // 'content'
 * senderKind({ id: EXT, url: 'chrome-extension://EXT/popup.html' }, policy); // 'page'
 */
export function senderKind(sender: SenderInfo, policy: SenderPolicy): SenderKind | undefined {
  if (sender.id !== policy.extensionId || typeof sender.url !== 'string') return undefined;
  // With its trailing slash, so `chrome-extension://abc` never prefixes `chrome-extension://abcd…`.
  const origin = policy.extensionOrigin.endsWith('/') ? policy.extensionOrigin : `${policy.extensionOrigin}/`;
  if (sender.url.startsWith(origin)) return 'page';
  if (sender.tab && isBackOfficeUrl(sender.url, policy.allowDemo)) return 'content';
  return undefined;
}

/**
 * The platform whose back-office serves `url`, `demo` for the demo origin (any platform; only when
 * `allowDemo`), or undefined. A content script may only speak for the platform it runs on.
 * @example
 * platformOfUrl('https://fxg.jinritemai.com/ffa/morder', false); // 'douyin'
 * platformOfUrl('http://127.0.0.1:4173/jd/orders', true); // 'demo'
 */
export function platformOfUrl(url: string, allowDemo: boolean): PlatformId | 'demo' | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.username || u.password) return undefined;
  const hit = (p: MatchPattern): boolean => p.scheme === u.protocol && p.host === u.hostname;
  for (const { platform, patterns } of byPlatform) if (patterns.some(hit)) return platform;
  return allowDemo && demo.some(hit) ? 'demo' : undefined;
}
