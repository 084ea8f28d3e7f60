/**
 * The back-office origins shipmask supports: the only hosts it asks permission for and runs its
 * content script on (DESIGN.md invariant 3), the real hosts of issue 15's public evidence.
 * Dev and test builds add http://127.0.0.1/* for the demo back-offices.
 */
export const backOfficeOrigins = {
  /** 抖店 merchant back-office (order list fxg.jinritemai.com/ffa/morder/order/list). */
  douyin: ['https://fxg.jinritemai.com/*'],
  /** 微信小店 (formerly 视频号小店) back-office (order list store.weixin.qq.com/shop/order/list). */
  wechat: ['https://store.weixin.qq.com/*'],
  /**
   * 京东商家 京麦 back-office: the shell with the order-list micro-app
   * (shop.jd.com/jdm/trade/orders/order-list, /jdm/trade/order/orderList) and the order-list app on
   * its own host (trade-order-jdm.jd.com/orderList), which the shell may draw in a frame.
   */
  jd: ['https://shop.jd.com/*', 'https://trade-order-jdm.jd.com/*'],
} as const;

/** Every supported origin pattern, for host_permissions and content-script matches. */
export const allBackOfficeMatches: string[] = Object.values(backOfficeOrigins).flat();

/** The demo back-offices' origin, granted only in dev and test builds. */
export const demoMatches: string[] = ['http://127.0.0.1/*'];

/**
 * Optional host permissions (issue 22): the merchant's own CouchDB server for multi-station sync.
 * Its origin is unknown at build time, so the manifest declares these patterns as OPTIONAL (asked
 * for nothing at install) and the popup requests exactly the one origin of the server URL when the
 * merchant pairs a station (`permissions.request`, a user gesture), e.g.
 * `https://couch.example.com/*`. Granted, the service worker's requests to it need no CORS setup
 * on the server. The bodies it sends there are sealed (core sync/seal.ts).
 */
export const syncServerOptionalMatches: string[] = ['https://*/*', 'http://*/*'];

/**
 * The host permission pattern of a CouchDB database URL (its origin), or `undefined` for a URL
 * that is not http(s).
 * @example
 * syncOriginPattern('https://couch.example.com:6984/shipmask-s1'); // 'https://couch.example.com:6984/*'
 */
export function syncOriginPattern(serverUrl: string): string | undefined {
  const m = /^(https?):\/\/([^/?#@]+)(?:[/?#]|$)/u.exec(serverUrl);
  if (!m) return undefined;
  // Match patterns carry no port (Chrome docs, "Match patterns": the host part has none).
  const host = m[2]!.startsWith('[') ? m[2]!.replace(/\]:[0-9]+$/u, ']') : m[2]!.replace(/:[0-9]+$/u, '');
  return `${m[1]}://${host}/*`;
}
