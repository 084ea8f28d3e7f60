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
