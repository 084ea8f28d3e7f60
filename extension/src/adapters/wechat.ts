import { commonStatuses } from './statuses';
import type { Expectations, SiteAdapter } from './types';

/**
 * 微信小店 (formerly 视频号小店) order list, store.weixin.qq.com/shop/order/list: the page is drawn
 * inside the OPEN shadow root of a `<micro-app>` element (Vue, weui-desktop), so the reader and the
 * watcher search open shadow roots (adapters/roots.ts).
 *
 * Evidence: beak2825/greasyfork_archives js_greasyfork/531114.js
 * (`document.querySelector('micro-app').shadowRoot`); Kvenm/wechat-store-analytics (every probe
 * starts from that shadow root; weui-desktop dialogs). No public source shows the order list's
 * row markup: the row and field selectors below are the demo's (`order-card`, `receiver__*`),
 * kept as BEM-name prefixes; where they find nothing, content-based detection takes over.
 */
export const wechat: SiteAdapter = {
  platform: 'wechat',
  pages: [
    /^https:\/\/store\.weixin\.qq\.com\/shop\/order/u,
    // Demo back-office (dev and test builds only grant 127.0.0.1), at the real path.
    /^http:\/\/127\.0\.0\.1(?::\d+)?\/shop\/order/u,
  ],
  list: ['.order-list-wrap'],
  row: ['.order-list-wrap > .order-card'],
  fields: {
    orderId: { selector: '[class^="order-card__id"]', pattern: /订单号[:：]\s*(\d{6,24})/u },
    status: { selector: '[class^="order-status"]' },
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
  // Not public: the demo's reveal link and its states.
  reveal: 'a.receiver__view',
  // The link's own text.
  revealLabel: '查看',
  revealFree: { shown: '.receiver_revealed', busy: '.weui-desktop-link_loading' },
  // Not public: the demo's counter text. Optional.
  counter: { selector: '.view-quota', pattern: /剩余查看次数\s*(\d+)/u },
  shop: { selector: '.weui-desktop-account__appid' },
  // Not public: the demo's account name beside the appid (weui-desktop naming, like the appid).
  shopName: { selector: '.weui-desktop-account__nickname' },
  // Exception gate (issue 18). Not public, like the rest of the row: the demo's status cell
  // (status + refund tag + 最晚发货时间), address line and 修改地址 marker.
  gate: {
    exceptions: ['.status-cell'],
    shipBy: { selector: '.order-deliver-deadline' },
    address: '.receiver__address',
    addressMarker: '.receiver__modified',
  },
  // Not public: the demo's weui-desktop row checkbox and its 批量打单 control (in the micro-app's
  // shadow root). The weui-desktop library class of the checkbox is never hashed; the button is
  // the app's own BEM name.
  platformPrint: {
    select: ['input.weui-desktop-form__checkbox', 'input[type="checkbox"]'],
    entry: '.order-print__btn',
  },
};

/**
 * On the saved demo pages (the micro-app's shadow root serialised): skin 1 the cards; skin 2
 * re-hashes every app class, so the adapter finds no rows and content-based detection takes over.
 */
export const wechatExpectations: Expectations = {
  // 15 virtual numbers, 1 malformed phone (none issued), 4 exempt orders shown in clear (no 查看).
  'wechat-1': {
    rows: 20,
    orderId: 20,
    createdAt: 20,
    status: 20,
    name: 20,
    phone: 20,
    virtual: 15,
    phoneInvalid: 1,
    address: 19,
    items: 20,
    remark: 14,
    reveal: 16,
    counter: 1,
    shop: 1,
    shopName: 1,
    refund: 1,
    addressChanged: 1,
    shipBy: 10,
    check: 20,
    printEntry: 1,
  },
  'wechat-2': { rows: 0, reveal: 0, counter: 0, check: 0, printEntry: 0 },
};
