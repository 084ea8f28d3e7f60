import type { SiteAdapter } from './types';

/** 抖店 order list (订单管理). */
export const douyin: SiteAdapter = {
  platform: 'douyin',
  pages: [
    /^https:\/\/fxg\.jinritemai\.com\/ffa\/morder\/order\/list/u,
    /^http:\/\/127\.0\.0\.1(?::\d+)?\/douyin\/orders/u,
  ],
  list: '.order-list',
  row: '.order-item',
};
