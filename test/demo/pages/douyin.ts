// 抖店 订单管理 (demo), built like the real fxg.jinritemai.com/ffa/morder/order/list:
//
// skin 1, the auxo table the public scripts read: one `tbody.auxo-table-tbody` holding, per order,
// a header row `tr.auxo-table-row.auxo-table-row-level-0[data-row-key]` (with
// `div[class^="index_leftWrapper"] span`: 订单编号 …, 下单时间 …), a body row
// (`auxo-table-row-level-1`) whose receiver is ONE cell `div[class^="index_locationDetail"]` with
// name, phone and address on separate lines and the reveal `a[data-kora="查看敏感信息"]`, and a
// remark row `auxo-pair-group-row-last` (`index_footerContent…`). The order's status code sits in
// `data-kora_order_status`. CSS-module class names carry a build hash (skin.ts).
// Sources: iamyzc/doudian-scripts `抖店-多功能脚本.user.js` (index_leftWrapper spans,
// index_locationDetail split by '\n' into name/phone/address, a[data-kora="查看敏感信息"],
// data-kora_order_status, div.headerShopName); GitHub search hits for `auxo-pair-group-row-last`
// (`tr.auxo-table-row.auxo-table-row-level-1.auxo-pair-group-row-last…index_table-row__ULgxX`);
// beak2825/greasyfork_archives js_greasyfork/435995.js (`.headerShopName`,
// `.index_viewIconWrapper__1pa53 a span` as the eye).
//
// skin 2, the redesign: one `div[data-kora_order_status]` card per order laid out as a CSS grid,
// newer-style hashes (`locationDetail-Ngstax`), the eye as `span[data-kora="view"]` (older builds
// per the sources).
import type { OrderRow } from '../api.ts';
import { chinaDateTime, yuan } from '../format.ts';
import { EYE_ICON, h, icon, pageBuild, pageNumbers, startPage, type RowContext } from './common.ts';

const { skin, cx } = pageBuild('douyin');

/** Douyin's order_status codes (open platform: 1 待支付, 2 备货中, 3 已发货, 4 已取消, 5 已完成). */
const statusCode: Record<string, string> = {
  待支付: '1',
  待发货: '2',
  已发货: '3',
  已关闭: '4',
  已完成: '5',
  售后中: '6',
};

const statusClass: Record<string, string> = {
  待支付: 'status-unpaid',
  待发货: 'status-pending',
  已打待发货: 'status-pending',
  已发货: 'status-shipped',
  已完成: 'status-done',
  售后中: 'status-aftersale',
  已关闭: 'status-closed',
};

/** China time as the 抖店 list prints it: `2026/11/23 08:31:08`. */
const listTime = (t: number): string => chinaDateTime(t).replaceAll('-', '/');

function productImage(name: string): HTMLElement {
  const hue = [...name].reduce((s, c) => s + c.charCodeAt(0), 0) % 360;
  const el = h('div', { class: cx('style_img'), text: name.slice(0, 1) });
  el.style.background = `hsl(${hue} 55% 88%)`;
  el.style.color = `hsl(${hue} 45% 35%)`;
  return el;
}

/** The receiver cell: three lines in one element, and the eye. */
function receiverCell(o: OrderRow, ctx: RowContext): HTMLElement {
  const r = o.receiver;
  const name = h('div', { text: r.name });
  const phone = h('div', { text: r.phone });
  const address = h('div', { text: r.address });
  const detail = h('div', { class: cx('index_locationDetail') }, [name, phone, address]);
  const showKora = skin === 1 ? '查看敏感信息' : 'view';
  const hideKora = skin === 1 ? '隐藏敏感信息' : 'hide';
  const eye =
    skin === 1
      ? h('a', { attrs: { 'data-kora': showKora, title: '查看敏感信息', role: 'button' } }, [
          h('span', {}, [icon(EYE_ICON, cx('index_eyeIcon'))]),
        ])
      : h(
          'span',
          { class: cx('view-icon'), attrs: { 'data-kora': showKora, title: '查看', role: 'button' } },
          [icon(EYE_ICON, cx('index_eyeIcon'))],
        );
  const wrapper = h('div', { class: cx('index_viewIconWrapper') }, [eye]);
  let busy = false;
  eye.addEventListener('click', (e) => {
    e.preventDefault();
    if (busy) return;
    if (eye.getAttribute('data-kora') === hideKora) {
      // Hide again (free); showing again is a new decrypt.
      name.textContent = r.name;
      phone.textContent = r.phone;
      address.textContent = r.address;
      eye.setAttribute('data-kora', showKora);
      return;
    }
    busy = true;
    wrapper.classList.add(cx('index_viewIconLoading'));
    void ctx.reveal(o.orderId).then((res) => {
      busy = false;
      wrapper.classList.remove(cx('index_viewIconLoading'));
      if (!res) return;
      name.textContent = res.name;
      phone.textContent = res.phone;
      address.textContent = res.address;
      eye.setAttribute('data-kora', hideKora);
    });
  });
  return h('div', { class: cx('index_receiver') }, [
    h('div', { class: cx('index_locationRow') }, [detail, wrapper]),
    r.address === ''
      ? h('div', { class: cx('index_receiverWarn'), text: '收货地址为空，请联系买家补充' })
      : null,
    // The page's own marker after the buyer changed the address (demo control).
    o.addressChanged ? h('div', { class: cx('index_addressModified'), text: '买家已修改地址' }) : null,
  ]);
}

function headerSpans(o: OrderRow): HTMLElement {
  return h('div', { class: cx('index_leftWrapper') }, [
    h('span', { text: `订单编号 ${o.orderId}` }),
    h('span', { text: `下单时间 ${listTime(o.createdAt)}` }),
    h('span', { class: `auxo-tag ${cx('index_category')}`, text: o.category }),
    o.completedAt !== undefined ? h('span', { text: `完成时间 ${listTime(o.completedAt)}` }) : null,
  ]);
}

function cells(o: OrderRow, ctx: RowContext): HTMLElement[] {
  const products = h(
    'div',
    { class: cx('index_goods') },
    o.items.map((it) =>
      h('div', { class: cx('style_productItem') }, [
        productImage(it.name),
        h('div', { class: cx('style_content') }, [
          h('div', { class: cx('style_name'), text: it.name }),
          h('div', { class: cx('style_desc'), text: `规格：${it.spec}` }),
          h('div', { class: cx('style_code'), text: `商家编码：${it.sku}` }),
        ]),
      ]),
    ),
  );
  const prices = h(
    'div',
    { class: cx('index_cellRow') },
    o.items.map((it) =>
      h('div', { class: cx('index_priceItem') }, [
        h('div', { class: cx('table_comboAmount'), text: `¥${yuan(it.price)}` }),
        h('div', { class: cx('table_comboNum'), text: `x${it.quantity}` }),
      ]),
    ),
  );
  const status = h('div', { class: cx('index_statusCell') }, [
    h('div', { class: `${cx('index_orderStatus')} ${statusClass[o.status] ?? ''}`, text: o.status }),
    // An open refund request beside the status (the status itself stays until the merchant acts).
    o.refund ? h('div', { class: cx('index_afterSaleTag'), text: o.refund }) : null,
    o.shipBy !== undefined
      ? h('div', { class: cx('index_deliveryDeadline'), text: `承诺发货时间 ${listTime(o.shipBy)}` })
      : null,
    o.carrier
      ? h('div', { class: cx('index_logistics') }, [
          h('div', { text: o.carrier }),
          h('div', { class: cx('index_trackingNo'), text: o.trackingNo ?? '' }),
        ])
      : null,
  ]);
  const amount = h('div', { class: cx('index_payAmount') }, [
    h('div', { text: `¥${yuan(o.total)}` }),
    h('div', { class: cx('index_freight'), text: o.freight ? `含运费 ¥${yuan(o.freight)}` : '免运费' }),
  ]);
  const action = h('div', { class: cx('index_actions') }, [
    h('a', { class: 'auxo-btn-link', text: '查看详情', attrs: { href: '#' } }),
    o.status === '待发货' ? h('a', { class: 'auxo-btn-link', text: '发货', attrs: { href: '#' } }) : null,
    h('a', { class: 'auxo-btn-link', text: '备注', attrs: { href: '#' } }),
  ]);
  return [products, prices, receiverCell(o, ctx), status, amount, action];
}

function footer(o: OrderRow): HTMLElement | null {
  return o.remark
    ? h('div', { class: cx('index_footerContent') }, [
        h('span', { text: '买家留言：' }),
        h('span', { class: cx('index_remark'), text: o.remark }),
      ])
    : null;
}

const COLS = 6;
const checkbox = (): HTMLElement =>
  h('input', { class: 'auxo-checkbox-input', attrs: { type: 'checkbox', 'aria-label': '选择订单' } });

/** skin 1: the auxo table rows of one order (header, body, remark). */
function tableRows(o: OrderRow, ctx: RowContext): HTMLElement[] {
  const code = statusCode[o.status] ?? '0';
  const rows: HTMLElement[] = [
    h(
      'tr',
      {
        class: `auxo-table-row auxo-table-row-level-0 ${cx('index_table-row')} ${cx('index_headerRow')}`,
        attrs: { 'data-row-key': `${o.orderId}-header`, 'data-kora_order_status': code },
      },
      [
        h('td', { class: 'auxo-table-cell', attrs: { colspan: String(COLS) } }, [
          h('div', { class: cx('index_rowHeader') }, [
            h('div', { class: cx('index_RowHeader') }, [checkbox(), headerSpans(o)]),
          ]),
        ]),
      ],
    ),
  ];
  const remark = footer(o);
  rows.push(
    h(
      'tr',
      {
        class: `auxo-table-row auxo-table-row-level-1 ${remark ? '' : 'auxo-pair-group-row-last '}${cx('index_table-row')}`,
        attrs: { 'data-row-key': `${o.orderId}-body` },
      },
      cells(o, ctx).map((c) => h('td', { class: 'auxo-table-cell' }, [c])),
    ),
  );
  if (remark)
    rows.push(
      h(
        'tr',
        {
          class: `auxo-table-row auxo-table-row-level-1 auxo-pair-group-row-last ${cx('index_table-row')}`,
          attrs: { 'data-row-key': `${o.orderId}-footer` },
        },
        [h('td', { class: 'auxo-table-cell', attrs: { colspan: String(COLS) } }, [remark])],
      ),
    );
  return rows;
}

/** skin 2: one grid card per order. */
function gridCard(o: OrderRow, ctx: RowContext): HTMLElement {
  return h(
    'div',
    { class: cx('index_orderCard'), attrs: { 'data-kora_order_status': statusCode[o.status] ?? '0' } },
    [
      h('div', { class: cx('index_cardHeader') }, [checkbox(), headerSpans(o)]),
      h('div', { class: cx('index_cardGrid') }, cells(o, ctx)),
      footer(o),
    ],
  );
}

// The list element: skin 1 a table body, skin 2 a div grid; both inside auxo-spin-container.
const slot = document.querySelector('.demo-list-slot')!;
let list: HTMLElement;
if (skin === 1) {
  list = h('tbody', { class: 'auxo-table-tbody' });
  const head = ['商品', '单价/数量', '收货信息', '订单状态', '实付金额', '操作'];
  slot.replaceWith(
    h('table', { class: `auxo-table-content ${cx('index_table')}` }, [
      h('thead', { class: 'auxo-table-thead' }, [
        h(
          'tr',
          {},
          head.map((t) => h('th', { class: 'auxo-table-cell', text: t })),
        ),
      ]),
      list,
    ]),
  );
} else {
  list = h('div', { class: cx('index_orderList') });
  slot.replaceWith(list);
}
list.classList.add('demo-order-list');

startPage({
  platform: 'douyin',
  list: '.demo-order-list',
  tabs: '.order-status-tabs .auxo-tabs-tab',
  tabActive: 'auxo-tabs-tab-active',
  search: { input: '.order-search-input', submit: '.order-search-btn', reset: '.order-reset-btn' },
  pageSize: '.page-size-select',
  pager: '.auxo-pagination',
  counter: '.decrypt-quota',
  counterText: (n) => `剩余解密次数 ${n}`,
  exportButton: '.export-btn',
  print: { button: '.batch-print-btn', check: '.auxo-checkbox-input' },
  ship: {
    open: '.batch-ship-btn',
    modal: '.batch-ship-modal',
    close: '.auxo-modal-close, .batch-ship-cancel',
    file: '.batch-ship-file',
    textarea: '.batch-ship-textarea',
    submit: '.batch-ship-submit',
    result: '.batch-ship-result',
  },
  loadingClass: 'is-loading',
  loadingTarget: '.auxo-spin-container',
  empty: () =>
    skin === 1
      ? h('tr', { class: 'auxo-table-placeholder' }, [
          h('td', { class: 'auxo-empty', text: '暂无订单', attrs: { colspan: String(COLS) } }),
        ])
      : h('div', { class: 'auxo-empty', text: '暂无订单' }),
  renderRow: (o, ctx) => (skin === 1 ? tableRows(o, ctx) : gridCard(o, ctx)),
  renderPager(ul, s, go) {
    const item = (
      cls: string,
      label: string,
      target: number,
      disabled: boolean,
      title: string,
    ): HTMLElement => {
      const li = h(
        'li',
        { class: `${cls}${disabled ? ' auxo-pagination-disabled' : ''}`, attrs: { title } },
        [h('button', { class: 'auxo-pagination-item-link', text: label, attrs: { type: 'button' } })],
      );
      if (!disabled) li.addEventListener('click', () => go(target));
      return li;
    };
    const children: HTMLElement[] = [
      h('li', { class: 'auxo-pagination-total-text', text: `共 ${s.total} 条` }),
    ];
    children.push(item('auxo-pagination-prev', '‹', s.page - 1, s.page <= 1, '上一页'));
    for (const n of pageNumbers(s.page, s.pages)) {
      if (n === '…') {
        children.push(h('li', { class: 'auxo-pagination-jump', text: '•••' }));
        continue;
      }
      const li = h(
        'li',
        {
          class: `auxo-pagination-item auxo-pagination-item-${n}${n === s.page ? ' auxo-pagination-item-active' : ''}`,
          attrs: { title: String(n) },
        },
        [h('a', { text: String(n) })],
      );
      li.addEventListener('click', () => go(n));
      children.push(li);
    }
    children.push(item('auxo-pagination-next', '›', s.page + 1, s.page >= s.pages, '下一页'));
    ul.replaceChildren(...children);
  },
});
