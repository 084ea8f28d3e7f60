import { commonStatuses } from './statuses';
import type { SiteAdapter } from './types';

/** 视频号小店 order list (订单 › 订单管理): one `.order-card` per order. */
export const wechat: SiteAdapter = {
  platform: 'wechat',
  pages: [
    /^https:\/\/store\.weixin\.qq\.com\/shop\/order/u,
    /^https:\/\/channels\.weixin\.qq\.com\/shop\/order/u,
    /^http:\/\/127\.0\.0\.1(?::\d+)?\/wechat\/orders/u,
    /^http:\/\/127\.0\.0\.1(?::\d+)?\/shop\/order\/list/u,
  ],
  list: '.order-list-wrap',
  row: '.order-list-wrap .order-card',
  fields: {
    orderId: { selector: '.order-card__id', pattern: /订单号[:：]\s*(\d{6,24})/u },
    status: { selector: '.order-status' },
    category: { selector: '.order-card__category' },
    createdAt: { selector: '.order-card__time', pattern: /下单时间[:：]\s*(.+)/u },
    receivedAt: { selector: '.order-card__received', pattern: /确认收货[:：]?\s*(.+)/u },
    receiverName: { selector: '.receiver__name' },
    receiverPhone: { selector: '.receiver__phone' },
    receiverAddress: { selector: '.receiver__address' },
    virtualNumber: { selector: '.receiver__vn-number' },
    phoneInvalid: { selector: '.receiver__vn-none' },
    remark: { selector: '.order-card__remark' },
  },
  items: {
    row: '.goods-item',
    name: { selector: '.goods-item__title' },
    sku: { selector: '.goods-item__code', pattern: /商品编码[:：]\s*(\S+)/u },
  },
  quantities: { selector: '.goods-item__count', pattern: /(\d+)/u },
  statuses: commonStatuses,
  reveal: '.receiver__view',
  revealFree: { shown: '.receiver_revealed', busy: '.weui-desktop-link_loading' },
  counter: { selector: '.view-quota', pattern: /剩余查看次数\s*(\d+)/u },
  shop: { selector: '.weui-desktop-account__appid' },
};
