import { commonStatuses } from './statuses';
import type { SiteAdapter } from './types';

/** 抖店 order list (订单 › 订单管理): one `.order-item` card per order. */
export const douyin: SiteAdapter = {
  platform: 'douyin',
  pages: [
    /^https:\/\/fxg\.jinritemai\.com\/ffa\/morder\/order\/list/u,
    /^http:\/\/127\.0\.0\.1(?::\d+)?\/douyin\/orders/u,
    /^http:\/\/127\.0\.0\.1(?::\d+)?\/ffa\/morder\/order\/list/u,
  ],
  list: '.order-list',
  row: '.order-list .order-item',
  fields: {
    orderId: { selector: '.order-id', pattern: /订单编号\s*(\d{6,24})/u },
    status: { selector: '.order-status' },
    category: { selector: '.order-category' },
    createdAt: { selector: '.order-time', pattern: /下单时间\s*(.+)/u },
    completedAt: { selector: '.order-finish-time', pattern: /完成时间[:：]?\s*(.+)/u },
    receiverName: { selector: '.receiver-name' },
    receiverPhone: { selector: '.receiver-phone' },
    receiverAddress: { selector: '.receiver-address' },
    remark: { selector: '.buyer-remark' },
  },
  items: {
    row: '.product-item',
    name: { selector: '.product-name' },
    sku: { selector: '.product-sku', pattern: /商家编码[:：]\s*(\S+)/u },
  },
  quantities: { selector: '.product-qty', pattern: /(\d+)/u },
  statuses: commonStatuses,
  reveal: '.receiver-eye',
  revealFree: { shown: '.receiver-info-revealed', busy: '.receiver-eye-loading' },
  counter: { selector: '.decrypt-quota', pattern: /剩余解密次数\s*(\d+)/u },
  shop: { selector: '.shop-id', pattern: /店铺ID[:：]\s*(\S+)/u },
};
