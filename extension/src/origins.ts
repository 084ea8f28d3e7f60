/**
 * The back-office origins shipmask supports: the only hosts it asks permission for
 * (DESIGN.md invariant 3). Dev and test builds add http://127.0.0.1/* for the demo back-offices.
 */
export const backOfficeOrigins = {
  /** 抖店 merchant back-office. */
  douyin: ['https://fxg.jinritemai.com/*'],
  /** 视频号小店 merchant back-office (the newer store.weixin.qq.com and the channels console). */
  wechat: ['https://store.weixin.qq.com/*', 'https://channels.weixin.qq.com/*'],
  /** 京东 merchant back-office (POP order pages, 京麦 web, VC). */
  jd: ['https://porder.shop.jd.com/*', 'https://shop.jd.com/*', 'https://vc.jd.com/*'],
} as const;

/** Every supported origin pattern, for host_permissions and content-script matches. */
export const allBackOfficeMatches: string[] = Object.values(backOfficeOrigins).flat();

/** The demo back-offices' origin, granted only in dev and test builds. */
export const demoMatches: string[] = ['http://127.0.0.1/*'];
