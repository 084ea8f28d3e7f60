import type { SiteAdapter } from './types';

/** 视频号小店 order list (订单管理). */
export const wechat: SiteAdapter = {
  platform: 'wechat',
  pages: [
    /^https:\/\/store\.weixin\.qq\.com\/shop\/order/u,
    /^https:\/\/channels\.weixin\.qq\.com\/shop\/order/u,
    /^http:\/\/127\.0\.0\.1(?::\d+)?\/wechat\/orders/u,
  ],
  list: '.order-list',
  row: '.order-item',
};
