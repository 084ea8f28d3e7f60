import { commonStatuses } from './statuses';
import type { Expectations, SiteAdapter } from './types';

/**
 * 京东商家 order list (京麦 商家中心 › 订单管理 › 订单列表): an Element-UI micro-app at
 * shop.jd.com/jdm/trade/orders/order-list (also /jdm/trade/order/orderList), and on its own at
 * trade-order-jdm.jd.com/orderList (drawn in a frame of the shell: the content script runs in
 * all frames). One `.card` per order in `.jd-pro-card-table .table-body`.
 *
 * Evidence: beak2825/greasyfork_archives js_greasyfork/441758.js and 490963.js
 * (`.jd-pro-card-table .table-body .card`, `.order-info-btn`, `.cons-name-text`,
 * `.cons-address-text`, `.cons-mobile-phone-text` with 虚拟号说明, `.user-pin`,
 * `.remark-cell__text`, `.sku-info-card .sku-name`, `.el-pager li`); a public JD collector
 * reading `.card-header` (下单时间 by regex), `.card-content > .card-content-column`,
 * `[prop="consigneeInfo"]`, `.config-view-item__value` (`x 2`), and splitting `.cons-address-text`
 * at '，' into name and address. The reveal control and the remaining-views counter are not
 * public: the selectors below are the demo's, and both are optional.
 */
export const jd: SiteAdapter = {
  platform: 'jd',
  pages: [
    /^https:\/\/shop\.jd\.com\/jdm\/trade\/orders?\/(?:order-list|orderList)/u,
    /^https:\/\/trade-order-jdm\.jd\.com\/orderList/u,
    // Demo back-office (dev and test builds only grant 127.0.0.1), at the real paths.
    /^http:\/\/127\.0\.0\.1(?::\d+)?\/(?:jdm\/trade\/orders?\/(?:order-list|orderList)|orderList)/u,
  ],
  list: ['.jd-pro-card-table .table-body'],
  row: ['.jd-pro-card-table .table-body > .card'],
  fields: {
    orderId: { selector: ['.card-header .order-info-btn', '.order-info-btn'], pattern: /(\d{6,24})/u },
    createdAt: {
      selector: ['.card-header span', '.card-header'],
      pattern: /下单时间[:：]?\s*(\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}:\d{2})/u,
    },
    completedAt: {
      selector: ['.card-header span', '.card-header'],
      pattern: /完成时间[:：]?\s*(\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}:\d{2})/u,
    },
    category: { selector: '.card-header span', pattern: /^类目[:：]\s*(.+)$/u },
    status: { selector: ['[prop="orderStatus"] .order-status span', '.order-status span'] },
    receiverName: { selector: '.cons-name-text' },
    // `王**，陕西安康市紫阳县****`: the reader splits name and address by what core reads.
    receiverAddress: { selector: '.cons-address-text' },
    // A virtual number `main-ext` with the note 虚拟号说明, or the masked phone.
    receiverPhone: { selector: '.cons-mobile-phone-text' },
    phoneInvalid: { selector: '[prop="consigneeInfo"] div', pattern: /(手机号异常)/u },
    remark: { selector: '.remark-cell__text' },
  },
  items: {
    row: '.sku-info-card',
    name: { selector: '.sku-name' },
    sku: {
      // Variants, the item spans first: one selector list matched the desc block first (document
      // order), whose text runs 商品ID into the spec (`商品ID：100045402498` + `12个月`).
      selector: ['.card-left__desc span', '.card-left__desc'],
      pattern: /(?:商品ID|skuId)\s*[:：]\s*(\d+)/iu,
    },
    quantity: { selector: '.config-view-item__value', pattern: /^\s*x\s*(\d+)\s*$/iu },
  },
  statuses: commonStatuses,
  // Not public: the demo's reveal link and its states.
  reveal: 'a.cons-view-btn',
  // The link's own text.
  revealLabel: '查看',
  revealFree: { shown: '.cons-info--revealed', busy: '.cons-view-btn.is-pending' },
  // Not public: the demo's counter text. Optional.
  counter: { selector: '.view-count', pattern: /剩余查看次数\s*(\d+)/u },
  shop: [
    { selector: '.shop-menu-account__right-account-top-id', pattern: /商家编号[:：]\s*(\S+)/u },
    // The shop name (public, 441758.js); used as the id where the page shows no number.
    { selector: '.shop-menu-account__right-account-top-name' },
  ],
  // The shop name in the shell's account menu (public, 441758.js).
  shopName: { selector: '.shop-menu-account__right-account-top-name' },
  // Exception gate (issue 18): the status column (status, refund tag, 最晚出库时间) and the
  // consignee's address text (public); the ship-by line and the 修改地址 marker are the demo's.
  gate: {
    exceptions: [['[prop="orderStatus"]', '.order-status']],
    shipBy: { selector: '.latest-ship-time' },
    address: '.cons-address-text',
    addressMarker: '.cons-modified',
  },
  // Not public: the demo's Element-UI row checkbox (`el-checkbox__original` in the card header)
  // and the list's 批量打印 button. With the list in a frame, both are in the frame's document.
  platformPrint: {
    select: ['.card-header input.el-checkbox__original', '.card-header input[type="checkbox"]'],
    entry: '.btn-batch-print',
  },
};

/**
 * On the saved demo pages: skin 1 the cards; skin 2 (a table with opaque class names) has none of
 * the markup above, so the adapter finds no rows there and content-based detection takes over.
 */
export const jdExpectations: Expectations = {
  // 5 listed virtual numbers (`… 虚拟号说明`), 1 malformed phone, 19 addresses split off the name;
  // the saved page carries one refund request, one 修改地址 marker and 10 ship-by times.
  'jd-1': {
    rows: 20,
    orderId: 20,
    createdAt: 20,
    status: 20,
    name: 20,
    phone: 20,
    virtual: 5,
    phoneInvalid: 1,
    address: 19,
    items: 20,
    remark: 11,
    reveal: 20,
    counter: 1,
    shop: 1,
    shopName: 1,
    refund: 1,
    addressChanged: 1,
    shipBy: 10,
    check: 20,
    printEntry: 1,
  },
  'jd-2': { rows: 0, reveal: 0, counter: 0, check: 0, printEntry: 0 },
};
