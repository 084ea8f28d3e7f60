import type { SiteAdapter } from './types';

/** 京东商家 order list (订单查询与跟踪). */
export const jd: SiteAdapter = {
  platform: 'jd',
  pages: [/^https:\/\/porder\.shop\.jd\.com\/order/u, /^http:\/\/127\.0\.0\.1(?::\d+)?\/jd\/orders/u],
  list: '.order-list',
  row: '.order-item',
};
