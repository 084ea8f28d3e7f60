import { commonStatuses } from './statuses';
import type { SiteAdapter } from './types';

/** 京东商家 order list (订单管理 › 订单查询与跟踪): one `tbody.order-tbody` per order. */
export const jd: SiteAdapter = {
  platform: 'jd',
  pages: [
    /^https:\/\/porder\.shop\.jd\.com\/order/u,
    /^http:\/\/127\.0\.0\.1(?::\d+)?\/jd\/orders/u,
    /^http:\/\/127\.0\.0\.1(?::\d+)?\/jdm\/trade\/orders\/order-list/u,
  ],
  list: 'table.order-tb',
  row: 'table.order-tb tbody.order-tbody',
  fields: {
    orderId: { selector: '.order-no', pattern: /(\d{6,24})/u },
    status: { selector: '.order-state' },
    category: { selector: '.cat-name' },
    createdAt: { selector: '.dealtime' },
    completedAt: { selector: '.finish-time', pattern: /完成时间[:：]?\s*(.+)/u },
    receiverName: { selector: '.consignee-name' },
    receiverPhone: { selector: '.consignee-phone' },
    receiverAddress: { selector: '.consignee-addr' },
    virtualNumber: { selector: '.consignee-vn:not([hidden]) .vn-number' },
    phoneInvalid: { selector: '.consignee-warn', pattern: /(手机号异常)/u },
    remark: { selector: '.remark-text' },
  },
  items: {
    row: '.goods-item',
    name: { selector: '.p-name' },
    sku: { selector: '.p-extra', pattern: /商品ID[:：]\s*(\S+)/u },
  },
  quantities: { selector: '.p-qty', pattern: /(\d+)/u },
  statuses: commonStatuses,
  reveal: '.btn-view',
  revealFree: { shown: '.consignee-revealed', busy: '.btn-view.loading' },
  counter: { selector: '.view-count', pattern: /剩余查看次数\s*(\d+)/u },
  shop: { selector: '.vender-id', pattern: /商家编号[:：]\s*(\S+)/u },
};
