import { commonStatuses } from './statuses';
import type { Expectations, SiteAdapter } from './types';

/**
 * 抖店 order list (订单 › 订单管理, fxg.jinritemai.com/ffa/morder/order/list), built with auxo
 * components and CSS modules: every app class carries a build hash, so every selector here is an
 * attribute, a `data-*` hook or a class-name PREFIX, never a hash.
 *
 * Evidence: iamyzc/doudian-scripts `抖店-多功能脚本.user.js` (`div[class^="index_leftWrapper"]`
 * spans 订单号 / 下单时间, `div[class^="index_locationDetail"]` split by line into name / phone /
 * address, `a[data-kora="查看敏感信息"]`, `data-kora_order_status`, `div.headerShopName`);
 * beak2825/greasyfork_archives js_greasyfork/435995.js (`.headerShopName`,
 * `.index_viewIconWrapper__1pa53 a span`); public scripts selecting
 * `tr.auxo-table-row.auxo-table-row-level-1.auxo-pair-group-row-last…index_table-row__ULgxX`.
 * Newer builds hash as `locationDetail-Ngstax` / `view-icon-IvF8Bs` (issue 15): the `[class*=…]`
 * variants cover them.
 */
export const douyin: SiteAdapter = {
  platform: 'douyin',
  pages: [
    /^https:\/\/fxg\.jinritemai\.com\/ffa\/morder\/order\/list/u,
    // Demo back-office (dev and test builds only grant 127.0.0.1), at the real path.
    /^http:\/\/127\.0\.0\.1(?::\d+)?\/ffa\/morder\/order\/list/u,
  ],
  list: [
    'tbody.auxo-table-tbody',
    // Div-row builds: the spin container around the rows.
    '.auxo-spin-container',
  ],
  row: [
    // auxo table: each order starts with its header row (level 0).
    'tbody.auxo-table-tbody > tr.auxo-table-row-level-0[data-row-key]',
    // Div rows carrying the status hook (older builds per iamyzc/doudian-scripts, and redesigns);
    // drop when no saved page of a merchant shows them.
    'div[data-kora_order_status]',
  ],
  // The body row and the remark row (`auxo-pair-group-row-last`) follow the header row.
  rowGroup: 'tr.auxo-table-row-level-1',
  fields: {
    orderId: {
      selector: ['div[class^="index_leftWrapper"] span', '[class*="leftWrapper"] span'],
      pattern: /订单(?:编)?号[:：]?\s*(\d{6,24})/u,
    },
    createdAt: {
      selector: ['div[class^="index_leftWrapper"] span', '[class*="leftWrapper"] span'],
      pattern: /下单时间[:：]?\s*(\d{4}[-/]\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)/u,
    },
    completedAt: {
      selector: ['div[class^="index_leftWrapper"] span', '[class*="leftWrapper"] span'],
      pattern: /完成时间[:：]?\s*(\d{4}[-/]\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)/u,
    },
    category: { selector: ['div[class^="index_leftWrapper"] .auxo-tag', '[class*="leftWrapper"] .auxo-tag'] },
    status: { selector: ['div[class^="index_orderStatus"]', '[class*="orderStatus"]'] },
    // ONE cell: name, phone, address on separate lines.
    receiver: { selector: ['div[class^="index_locationDetail"]', '[class*="locationDetail"]'] },
    remark: {
      selector: ['div[class^="index_footerContent"]', '[class*="footerContent"]'],
      pattern: /留言[:：]\s*([\s\S]+)/u,
    },
  },
  items: {
    row: ['[class^="style_productItem"]', '[class*="productItem"]'],
    name: { selector: ['[class^="style_name"]', '[class^="name-"]'] },
    sku: { selector: ['[class^="style_code"]', '[class^="code-"]'], pattern: /商家编码[:：]\s*(\S+)/u },
  },
  quantities: { selector: ['[class^="table_comboNum"]', '[class*="comboNum"]'], pattern: /(\d+)/u },
  statuses: commonStatuses,
  reveal: [
    'a[data-kora="查看敏感信息"]',
    // Older builds (issue 15 sources): the eye as a span; drop with the div-row variant.
    'span[data-kora="view"]',
  ],
  // The eye icon (no text): merchants call it 小眼睛 (seed 001).
  revealLabel: '小眼睛',
  revealFree: {
    // Shown: the control turned into "hide" (a click hides for free).
    shown: ['a[data-kora="隐藏敏感信息"]', '[data-kora="hide"]'],
    busy: '[class*="viewIconLoading"]',
  },
  // Not public: the demo's counter text. Optional.
  counter: { selector: '.decrypt-quota', pattern: /剩余解密次数\s*(\d+)/u },
  shop: [
    { selector: ['[class^="index_shopId"]', '[class*="shopId"]'], pattern: /店铺ID[:：]\s*(\S+)/u },
    // The shop name (public); used as the id where the page shows no number.
    { selector: 'div.headerShopName' },
  ],
  // The shop name in the page header (public: 435995.js reads `.headerShopName`).
  shopName: { selector: 'div.headerShopName' },
  // The row's auxo checkbox and the toolbar's 批量打印 (the demo's; not in the public scripts).
  platformPrint: { select: '.auxo-checkbox-input', entry: '.batch-print-btn' },
  // Exception gate (issue 18). The status cell carries the status and, beside it, the refund /
  // after-sale tag; the receiver cell's third line is the address as shown. Not public: the
  // ship-by line and the 修改地址 marker (the demo's, named like the page's CSS modules).
  gate: {
    exceptions: [['div[class^="index_statusCell"]', '[class*="statusCell"]']],
    shipBy: { selector: ['div[class^="index_deliveryDeadline"]', '[class*="deliveryDeadline"]'] },
    address: [
      'div[class^="index_locationDetail"] > div:nth-child(3)',
      '[class*="locationDetail"] > div:nth-child(3)',
    ],
    addressMarker: ['div[class^="index_addressModified"]', '[class*="addressModified"]'],
  },
};

/** On the saved demo pages (test/fixtures/pages): skin 1 the auxo table, skin 2 the div grid. */
export const douyinExpectations: Expectations = {
  // 19 addresses: one order has an empty address; 12 of the 20 carry a buyer remark; one refund
  // request, one 修改地址 marker, 9 ship-by times (the demo controls, save-demo-pages.ts).
  'douyin-1': {
    rows: 20,
    orderId: 20,
    createdAt: 20,
    status: 20,
    name: 20,
    phone: 20,
    address: 19,
    items: 20,
    remark: 12,
    reveal: 20,
    counter: 1,
    shop: 1,
    shopName: 1,
    refund: 1,
    addressChanged: 1,
    shipBy: 9,
    check: 20,
    printEntry: 1,
  },
  'douyin-2': {
    rows: 20,
    orderId: 20,
    createdAt: 20,
    status: 20,
    name: 20,
    phone: 20,
    address: 19,
    items: 20,
    remark: 12,
    reveal: 20,
    counter: 1,
    shop: 1,
    shopName: 1,
    refund: 1,
    addressChanged: 1,
    shipBy: 9,
    check: 20,
    printEntry: 1,
  },
};
