// 京东商家 订单列表 (demo), built like the real 京麦 merchant order list
// (shop.jd.com/jdm/trade/orders/order-list, also /jdm/trade/order/orderList and
// trade-order-jdm.jd.com/orderList), an Element-UI micro-app:
//
// skin 1: `.jd-pro-card-table .table-body .card` per order; `.card-header` with the order number
// in `.order-info-btn` and 下单时间; `.card-content > .card-content-column` cells: goods
// (`.sku-info-card`, `.sku-name`, `.card-left__desc` 商品ID, `.config-view-item__value` ¥ / x N),
// receivables, consignee (`[prop="consigneeInfo"]`: `.user-pin`, `.cons-name-text`,
// `.cons-address-text` holding name and address together `王**，陕西安康市紫阳县****`,
// `.cons-mobile-phone-text` whose text carries 虚拟号说明 for a virtual number), status; remark
// `.remark-cell__text`; pager `.el-pager li`. Shop name `.shop-menu-account__right-account-top-name`.
// Sources: beak2825/greasyfork_archives js_greasyfork/441758.js and 490963.js (card, .order-info-btn,
// .cons-*, .remark-cell__text, .user-pin, .sku-info-card, .el-pager li, 虚拟号说明), a public JD
// collector reading `.card-header`, `.card-content > .card-content-column`, `.cons-address-text`
// split at '，' into name and address.
// The reveal control and the remaining-views counter are not public: `a.cons-view-btn` (查看) and
// `今日剩余查看次数 N` are this demo's own, and adapters treat them as optional.
//
// skin 2, the redesign: a `<table>` with one `<tbody>` per order and opaque hashed class names
// (skin.ts); nothing of skin 1's names is left, so the adapter's selectors find no rows there
// and content-based detection has to take over.
//
// The list sits in `<micro-app name="jdm-trade-orders">` inside the shell; `?frame=1` draws it in a
// same-origin child frame (`/orderList`) instead.
import type { OrderRow } from '../api.ts';
import { chinaDateTime, yuan } from '../format.ts';
import { h, pageBuild, pageNumbers, startPage, type RowContext } from './common.ts';

const { skin, cx } = pageBuild('jd');
const dot = (name: string): string => `.${cx(name)}`;

function consignee(o: OrderRow, ctx: RowContext): HTMLElement {
  const r = o.receiver;
  const vnText = (v: { main: string; ext: string }): string => `${v.main}-${v.ext}`;
  const name = h('span', { class: cx('cons-name-text'), text: r.name });
  const address = h('span', {
    class: cx('cons-address-text'),
    text: r.address ? `${r.name}，${r.address}` : '',
  });
  const phoneNumber = h('span', { text: r.virtual ? vnText(r.virtual) : r.phone });
  // The note is part of the cell's text only beside a virtual number (as the public scripts strip it).
  const vnNote = h('span', { class: cx('cons-vn-tip'), text: ' 虚拟号说明 ' });
  const phone = h('span', { class: cx('cons-mobile-phone-text') }, [phoneNumber, r.virtual ? vnNote : null]);
  const view = h('a', { class: cx('cons-view-btn'), text: '查看', attrs: { href: '#', role: 'button' } });
  const box = h('div', { class: cx('cons-info') });
  let shown = false;
  view.addEventListener('click', (e) => {
    e.preventDefault();
    if (shown) {
      name.textContent = r.name;
      address.textContent = r.address ? `${r.name}，${r.address}` : '';
      phoneNumber.textContent = r.virtual ? vnText(r.virtual) : r.phone;
      if (!r.virtual) vnNote.remove();
      shown = false;
      box.classList.remove(cx('cons-info--revealed'));
      view.textContent = '查看';
      return;
    }
    if (view.classList.contains(cx('is-pending'))) return;
    view.classList.add(cx('is-pending'));
    void ctx.reveal(o.orderId).then((res) => {
      view.classList.remove(cx('is-pending'));
      if (!res) return;
      // JD rule (seed 001): the merchant sees the real name and address and a virtual number.
      name.textContent = res.name;
      address.textContent = res.address ? `${res.name}，${res.address}` : '';
      if (res.virtual) {
        phoneNumber.textContent = vnText(res.virtual);
        phone.append(vnNote);
      }
      shown = true;
      box.classList.add(cx('cons-info--revealed'));
      view.textContent = '隐藏';
    });
  });
  box.append(
    h('div', { class: cx('user-pin'), text: `jd_${o.orderId.slice(-6, -2)}****` }),
    h('div', { class: cx('cons-name') }, [name]),
    h('div', { class: cx('cons-phone') }, [phone]),
    h('div', { class: cx('cons-address') }, [address]),
  );
  if (r.phoneInvalid) box.append(h('div', { class: cx('cons-warn'), text: '手机号异常，无法生成虚拟号' }));
  if (r.address === '') box.append(h('div', { class: cx('cons-warn'), text: '收货地址为空' }));
  // The page's own marker after the buyer changed the address (demo control).
  if (o.addressChanged) box.append(h('div', { class: cx('cons-modified'), text: '买家已修改地址' }));
  box.append(view);
  return box;
}

function goods(o: OrderRow): HTMLElement {
  return h(
    'div',
    { class: cx('sku-info-list') },
    o.items.map((it) =>
      h('div', { class: cx('sku-info-list__item') }, [
        h('div', { class: cx('sku-info-card') }, [
          h('div', { class: cx('sku-img'), text: it.name.slice(0, 1) }),
          h('div', { class: cx('sku-info-card__left') }, [
            h('div', { class: cx('sku-name'), text: it.name }),
            h('div', { class: cx('card-left__desc') }, [
              h('span', { class: cx('config-view-item'), text: `商品ID：${it.productId}` }),
              h('span', { class: cx('config-view-item'), text: it.spec }),
            ]),
          ]),
          h('div', { class: cx('sku-info-card__right') }, [
            h('div', { class: cx('config-view-item__value'), text: `¥${yuan(it.price)}` }),
            h('div', { class: cx('config-view-item__value'), text: `x ${it.quantity}` }),
          ]),
        ]),
      ]),
    ),
  );
}

function header(o: OrderRow): (HTMLElement | null)[] {
  return [
    // Element-UI's row checkbox (el-checkbox; library classes are never hashed): the page's own
    // 批量打印 prints the ticked orders.
    h('label', { class: 'el-checkbox' }, [
      h('span', { class: 'el-checkbox__input' }, [
        h('input', { class: 'el-checkbox__original', attrs: { type: 'checkbox', 'aria-label': '选择订单' } }),
      ]),
    ]),
    h('span', { class: cx('order-no') }, [
      '订单号：',
      h('a', { class: cx('order-info-btn'), text: o.orderId, attrs: { href: '#' } }),
    ]),
    h('span', { class: cx('order-time'), text: `下单时间：${chinaDateTime(o.createdAt)}` }),
    h('span', { class: cx('order-category'), text: `类目：${o.category}` }),
    // Completion ends the virtual number (seed 001).
    o.completedAt !== undefined
      ? h('span', { class: cx('finish-time'), text: `完成时间：${chinaDateTime(o.completedAt)}` })
      : null,
  ];
}

function columns(o: OrderRow, ctx: RowContext): [string, HTMLElement][] {
  return [
    ['goods', goods(o)],
    [
      'receivables',
      h('div', {}, [
        h('div', { class: cx('order-total'), text: `¥${yuan(o.total)}` }),
        h('div', { class: cx('order-freight'), text: o.freight ? `含运费：¥${yuan(o.freight)}` : '免运费' }),
      ]),
    ],
    ['consigneeInfo', consignee(o, ctx)],
    [
      'orderStatus',
      h('div', {}, [
        h('div', { class: cx('order-status') }, [h('span', { text: o.status })]),
        // An open refund request beside the status (the status itself stays until the merchant acts).
        o.refund ? h('div', { class: cx('order-status-tag'), text: o.refund }) : null,
        o.shipBy !== undefined
          ? h('div', { class: cx('latest-ship-time'), text: `最晚出库时间：${chinaDateTime(o.shipBy)}` })
          : null,
        o.carrier
          ? h('div', { class: cx('logistics') }, [
              h('div', { text: o.carrier }),
              h('div', { class: cx('waybill-no'), text: o.trackingNo ?? '' }),
            ])
          : null,
      ]),
    ],
    [
      'operation',
      h('div', { class: cx('op-links') }, [
        h('a', { text: '订单详情', attrs: { href: '#' } }),
        o.status === '待发货' ? h('a', { text: '出库', attrs: { href: '#' } }) : null,
        h('a', { text: '备注', attrs: { href: '#' } }),
      ]),
    ],
  ];
}

const remark = (o: OrderRow): HTMLElement | null =>
  o.remark
    ? h('div', { class: cx('remark-cell') }, [
        h('span', { class: cx('remark-label'), text: '订单备注：' }),
        h('span', { class: cx('remark-cell__text'), text: o.remark }),
      ])
    : null;

/** skin 1: one card per order. */
function card(o: OrderRow, ctx: RowContext): HTMLElement {
  return h('div', { class: cx('card') }, [
    h('div', { class: cx('card-header') }, header(o)),
    h(
      'div',
      { class: cx('card-content') },
      columns(o, ctx).map(([prop, el]) =>
        h('div', { class: cx('card-content-column'), attrs: { prop } }, [el]),
      ),
    ),
    o.remark ? h('div', { class: cx('card-footer') }, [remark(o)]) : null,
  ]);
}

const COLS = 5;

/** skin 2: one table body per order (head row, cells row, remark row). */
function tableOrder(o: OrderRow, ctx: RowContext): HTMLElement {
  return h('tbody', { class: cx('order-group') }, [
    h('tr', { class: cx('order-head') }, [h('td', { attrs: { colspan: String(COLS) } }, header(o))]),
    h(
      'tr',
      { class: cx('order-cells') },
      columns(o, ctx).map(([, el]) => h('td', { class: cx('order-cell') }, [el])),
    ),
    o.remark
      ? h('tr', { class: cx('order-remark') }, [h('td', { attrs: { colspan: String(COLS) } }, [remark(o)])])
      : null,
  ]);
}

const heads = ['商品', '应收金额', '收货人信息', '订单状态', '操作'];
const slot = document.querySelector('.demo-list-slot')!;
let list: HTMLElement;
if (skin === 1) {
  list = h('div', { class: cx('table-body') });
  slot.replaceWith(
    h('div', { class: cx('jd-pro-card-table') }, [
      h(
        'div',
        { class: cx('table-header') },
        heads.map((t) => h('div', { class: cx('table-header-cell'), text: t })),
      ),
      list,
    ]),
  );
} else {
  list = h('table', { class: cx('order-table') });
  slot.replaceWith(
    h('table', { class: cx('order-table-head') }, [
      h('thead', {}, [
        h(
          'tr',
          {},
          heads.map((t) => h('th', { text: t })),
        ),
      ]),
    ]),
    list,
  );
}
list.classList.add('demo-order-list');

startPage({
  platform: 'jd',
  list: '.demo-order-list',
  tabs: dot('order-tab'),
  tabActive: cx('is-active'),
  tabCount: dot('tab-count'),
  search: { input: dot('search-input'), submit: dot('btn-search'), reset: dot('btn-reset') },
  pageSize: dot('page-size'),
  pager: '.el-pagination',
  counter: dot('view-count'),
  counterText: (n) => `今日剩余查看次数 ${n}`,
  exportButton: dot('btn-export'),
  print: { button: dot('btn-batch-print'), check: '.el-checkbox__original' },
  ship: {
    open: dot('btn-batch-ship'),
    modal: dot('batch-ship-dialog'),
    close: `.el-dialog__headerbtn, ${dot('btn-cancel')}`,
    file: dot('batch-ship-file'),
    textarea: dot('batch-ship-text'),
    submit: dot('btn-submit'),
    result: dot('batch-ship-result'),
  },
  loadingClass: 'is-loading',
  loadingTarget: dot('list-wrap'),
  empty: () =>
    skin === 1
      ? h('div', { class: cx('table-empty'), text: '暂无数据' })
      : h('tbody', {}, [h('tr', {}, [h('td', { text: '暂无数据', attrs: { colspan: String(COLS) } })])]),
  renderRow: (o, ctx) => (skin === 1 ? card(o, ctx) : tableOrder(o, ctx)),
  // Element-UI el-pagination: total, prev, ul.el-pager (li.number / li.active / li.more), next.
  renderPager(el, s, go) {
    const button = (cls: string, label: string, target: number, disabled: boolean): HTMLElement => {
      const b = h('button', { class: cls, text: label, attrs: { type: 'button' } });
      if (disabled) b.setAttribute('disabled', 'disabled');
      else b.addEventListener('click', () => go(target));
      return b;
    };
    const pager = h('ul', { class: 'el-pager' });
    for (const n of pageNumbers(s.page, s.pages)) {
      if (n === '…') {
        pager.append(h('li', { class: 'el-icon more btn-quicknext', text: '...' }));
        continue;
      }
      const li = h('li', { class: `number${n === s.page ? ' active' : ''}`, text: String(n) });
      li.addEventListener('click', () => go(n));
      pager.append(li);
    }
    el.replaceChildren(
      h('span', { class: 'el-pagination__total', text: `共 ${s.total} 条` }),
      button('btn-prev', '上一页', s.page - 1, s.page <= 1),
      pager,
      button('btn-next', '下一页', s.page + 1, s.page >= s.pages),
    );
  },
});
