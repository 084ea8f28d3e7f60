// 微信小店 (formerly 视频号小店) 订单管理 (demo), built like store.weixin.qq.com/shop/order/list:
// the shell (account, menu) is in the document; the page itself is drawn inside the OPEN shadow
// root of a `<micro-app>` element, Vue-rendered (`data-v-…` scoped attributes) with the weui-desktop
// design system. Sources: beak2825/greasyfork_archives js_greasyfork/531114.js
// (`document.querySelector('micro-app').shadowRoot`, weui-desktop controls); Kvenm/wechat-store-analytics
// scripts (every probe starts from `document.querySelector('micro-app').shadowRoot`, dialogs
// `.weui-desktop-dialog__wrp`, a Vue app on `div#app`). No public row selectors exist for the order
// list: the order-card names below are this demo's own, and `document.querySelectorAll` or a
// MutationObserver on `document.body` sees none of them.
//
// skin 2, the redesign: app class names re-hashed (opaque `_xxxxxxx`, skin.ts) and one table row
// per order instead of a card; weui-desktop library classes stay.
import type { OrderRow } from '../api.ts';
import { chinaDateTime, yuan } from '../format.ts';
import { h, pageBuild, pageNumbers, startPage, type RowContext } from './common.ts';

const { skin, cx } = pageBuild('wechat');
/** Class names of the app: weui-desktop ones stay, the app's own go through the build's hash. */
const c = (names: string): string => names.split(/\s+/u).filter(Boolean).map(cx).join(' ');
const dot = (name: string): string => `.${cx(name)}`;

const statusClass: Record<string, string> = {
  待支付: 'order-status_unpaid',
  待发货: 'order-status_pending',
  已发货: 'order-status_shipped',
  已完成: 'order-status_done',
  售后中: 'order-status_aftersale',
  已关闭: 'order-status_closed',
};

function goodsImage(name: string): HTMLElement {
  const hue = ([...name].reduce((s, c) => s + c.charCodeAt(0), 0) * 7) % 360;
  const el = h('div', { class: c('goods-item__img'), text: name.slice(0, 2) });
  el.style.background = `hsl(${hue} 40% 90%)`;
  el.style.color = `hsl(${hue} 35% 35%)`;
  return el;
}

function renderRow(o: OrderRow, ctx: RowContext): HTMLElement {
  const r = o.receiver;
  const name = h('span', { class: c('receiver__name'), text: r.name });
  const phone = h('span', { class: c('receiver__phone'), text: r.phone });
  const address = h('div', { class: c('receiver__address'), text: r.address });
  const receiver = h('div', { class: c('receiver') });
  const view = h('a', {
    class: c('weui-desktop-link receiver__view'),
    text: '查看',
    attrs: { href: '#', role: 'button' },
  });
  view.addEventListener('click', (e) => {
    e.preventDefault();
    if (receiver.classList.contains(cx('receiver_revealed'))) {
      name.textContent = r.name;
      phone.textContent = r.phone;
      address.textContent = r.address;
      receiver.classList.remove(cx('receiver_revealed'));
      view.textContent = '查看';
      return;
    }
    if (view.classList.contains('weui-desktop-link_loading')) return;
    view.classList.add('weui-desktop-link_loading');
    void ctx.reveal(o.orderId).then((res) => {
      view.classList.remove('weui-desktop-link_loading');
      if (!res) return;
      name.textContent = res.name;
      phone.textContent = res.phone;
      address.textContent = res.address;
      receiver.classList.add(cx('receiver_revealed'));
      view.textContent = '隐藏';
    });
  });

  let vn: HTMLElement | null = null;
  if (r.virtual) {
    vn = h('div', { class: c('receiver__vn') }, [
      h('span', { class: c('receiver__vn-label'), text: '虚拟号' }),
      h('span', { class: c('receiver__vn-number'), text: `${r.virtual.main}-${r.virtual.ext}` }),
    ]);
  } else if (r.phoneInvalid) {
    vn = h('div', { class: c('receiver__vn-none'), text: '买家手机号格式异常，该订单无虚拟号' });
  } else if (r.clear) {
    vn = h('div', { class: c('receiver__clear-tip'), text: '该类目订单无需加密，已展示完整收货信息' });
  }
  receiver.append(h('div', { class: c('receiver__row') }, [name, phone, r.clear ? null : view]));
  if (vn) receiver.append(vn);
  receiver.append(address);
  if (r.address === '') receiver.append(h('div', { class: c('receiver__warn'), text: '收货地址为空' }));
  // The page's own marker after the buyer changed the address (demo control).
  if (o.addressChanged) receiver.append(h('div', { class: c('receiver__modified'), text: '买家已修改地址' }));

  const goods = h(
    'div',
    { class: c('goods-cell') },
    o.items.map((it) =>
      h('div', { class: c('goods-item') }, [
        goodsImage(it.name),
        h('div', { class: c('goods-item__info') }, [
          h('div', { class: c('goods-item__title'), text: it.name }),
          h('div', { class: c('goods-item__spec'), text: it.spec }),
          h('div', { class: c('goods-item__code'), text: `商品编码：${it.sku}` }),
        ]),
      ]),
    ),
  );
  const price = h(
    'div',
    { class: c('price-cell') },
    o.items.map((it) =>
      h('div', { class: c('goods-item__price-row') }, [
        h('div', { class: c('goods-item__price'), text: `¥${yuan(it.price)}` }),
        h('div', { class: c('goods-item__count'), text: `x${it.quantity}` }),
      ]),
    ),
  );
  const status = h('div', { class: c('status-cell') }, [
    h('span', { class: c(`order-status ${statusClass[o.status] ?? ''}`), text: o.status }),
    // An open refund request beside the status (the status itself stays until the merchant acts).
    o.refund ? h('div', { class: c('order-status__refund'), text: o.refund }) : null,
    o.shipBy !== undefined
      ? h('div', { class: c('order-deliver-deadline'), text: `最晚发货时间：${chinaDateTime(o.shipBy)}` })
      : null,
    o.carrier
      ? h('div', { class: c('order-logistics') }, [
          h('div', { class: c('order-logistics__company'), text: o.carrier }),
          h('div', { class: c('order-logistics__no'), text: o.trackingNo ?? '' }),
        ])
      : null,
  ]);
  const amount = h('div', { class: c('amount-cell') }, [
    h('div', { class: c('order-amount'), text: `¥${yuan(o.total)}` }),
    h('div', {
      class: c('order-amount__freight'),
      text: o.freight ? `（含运费¥${yuan(o.freight)}）` : '（包邮）',
    }),
  ]);
  const ops = h('div', { class: c('op-cell') }, [
    h('a', { class: c('weui-desktop-link'), text: '订单详情', attrs: { href: '#' } }),
    o.status === '待发货'
      ? h('a', { class: c('weui-desktop-link'), text: '发货', attrs: { href: '#' } })
      : null,
    h('a', { class: c('weui-desktop-link'), text: '备注', attrs: { href: '#' } }),
  ]);

  if (skin === 2)
    return tableRow(o, [
      goods,
      price,
      h('div', { class: c('receiver-cell') }, [receiver]),
      status,
      amount,
      ops,
    ]);
  return h('div', { class: c('order-card') }, [
    h('div', { class: c('order-card__hd') }, [
      rowCheck(),
      h('span', { class: c('order-card__id'), text: `订单号：${o.orderId}` }),
      h('span', { class: c('order-card__time'), text: `下单时间：${chinaDateTime(o.createdAt)}` }),
      // Receipt starts the virtual number's last 14 days (seed 002).
      o.receivedAt !== undefined
        ? h('span', { class: c('order-card__received'), text: `确认收货：${chinaDateTime(o.receivedAt)}` })
        : null,
      h('span', { class: c('order-card__category-wrp') }, [
        h('span', { class: c('order-card__category-label'), text: '商品类目：' }),
        h('span', { class: c('order-card__category'), text: o.category }),
      ]),
    ]),
    h('div', { class: c('order-card__bd') }, [
      goods,
      price,
      h('div', { class: c('receiver-cell') }, [receiver]),
      status,
      amount,
      ops,
    ]),
    o.remark
      ? h('div', { class: c('order-card__ft') }, [
          h('span', { class: c('order-card__remark-label'), text: '买家备注：' }),
          h('span', { class: c('order-card__remark'), text: o.remark }),
        ])
      : null,
  ]);
}

/**
 * The row's weui-desktop checkbox (library classes are never hashed): the page's own 批量打单
 * prints the ticked orders.
 */
function rowCheck(): HTMLElement {
  return h('label', { class: 'weui-desktop-form__checkbox-wrp' }, [
    h('input', {
      class: 'weui-desktop-form__checkbox',
      attrs: { type: 'checkbox', 'aria-label': '选择订单' },
    }),
  ]);
}

/** skin 2: one table row per order; the head (id, times, category, remark) is its first cell. */
function tableRow(o: OrderRow, cells: HTMLElement[]): HTMLElement {
  const head = h('td', { class: c('order-row__hd') }, [
    rowCheck(),
    h('div', { class: c('order-card__id'), text: `订单号：${o.orderId}` }),
    h('div', { class: c('order-card__time'), text: `下单时间：${chinaDateTime(o.createdAt)}` }),
    o.receivedAt !== undefined
      ? h('div', { class: c('order-card__received'), text: `确认收货：${chinaDateTime(o.receivedAt)}` })
      : null,
    h('div', { class: c('order-card__category'), text: o.category }),
    o.remark ? h('div', { class: c('order-card__remark'), text: `买家备注：${o.remark}` }) : null,
  ]);
  return h('tr', { class: c('order-row') }, [
    head,
    ...cells.map((el) => h('td', { class: c('order-row__cell') }, [el])),
  ]);
}

// The micro-app: attach its open shadow root and render the app template into it.
const host = document.querySelector('micro-app')!;
const shadow = host.attachShadow({ mode: 'open' });
const template = document.querySelector<HTMLTemplateElement>('#micro-app-order-list')!;
const app = h('div', { attrs: { id: 'app', 'data-v-app': '' } });
app.append(template.content.cloneNode(true));
shadow.append(
  h('link', { attrs: { rel: 'stylesheet', href: '/assets/common.css' } }),
  h('link', { attrs: { rel: 'stylesheet', href: `/assets/wechat.css?skin=${skin}` } }),
  app,
);
if (skin === 2) {
  // A table instead of the card list.
  const wrap = shadow.querySelector(dot('order-list-wrap'))!;
  const table = h('table', { class: c('order-table') });
  const body = h('tbody', { class: c('order-list-wrap') });
  table.append(body);
  wrap.replaceWith(table);
  shadow.querySelector(dot('order-table-hd'))?.remove();
}

startPage({
  platform: 'wechat',
  root: shadow,
  list: dot('order-list-wrap'),
  tabs: `${dot('order-tabs')} .weui-desktop-tab__nav`,
  tabActive: 'weui-desktop-tab__nav_current',
  tabCount: dot('tab-count'),
  search: {
    input: dot('order-search__input'),
    submit: dot('order-search__btn'),
    reset: dot('order-search__reset'),
  },
  pageSize: dot('page-size-select'),
  pager: '.weui-desktop-pagination',
  counter: dot('view-quota'),
  counterText: (n) => `本月剩余查看次数 ${n}`,
  exportButton: dot('order-export__btn'),
  print: { button: dot('order-print__btn'), check: '.weui-desktop-form__checkbox' },
  ship: {
    open: dot('order-ship__btn'),
    modal: dot('ship-dialog'),
    close: `.weui-desktop-dialog__close-btn, ${dot('ship-dialog__cancel')}`,
    file: dot('ship-dialog__file'),
    textarea: dot('ship-dialog__textarea'),
    submit: dot('ship-dialog__submit'),
    result: dot('ship-dialog__result'),
  },
  loadingClass: 'is-loading',
  loadingTarget: dot('order-list-loading-wrp'),
  empty: () =>
    skin === 2
      ? h('tr', {}, [h('td', { class: c('weui-desktop-empty'), text: '暂无订单', attrs: { colspan: '7' } })])
      : h('div', { class: c('weui-desktop-empty'), text: '暂无订单' }),
  renderRow,
  renderPager(el, s, go) {
    const btn = (label: string, cls: string, target: number, disabled: boolean): HTMLElement => {
      const a = h('a', {
        class: c(
          `weui-desktop-btn weui-desktop-btn_default weui-desktop-btn_mini ${cls}${disabled ? ' weui-desktop-btn_disabled' : ''}`,
        ),
        text: label,
        attrs: { href: '#', role: 'button' },
      });
      a.addEventListener('click', (e) => {
        e.preventDefault();
        if (!disabled) go(target);
      });
      return a;
    };
    const nums = h('span', { class: c('weui-desktop-pagination__num__wrp') });
    for (const n of pageNumbers(s.page, s.pages)) {
      if (n === '…') {
        nums.append(h('span', { class: c('weui-desktop-pagination__ellipsis'), text: '…' }));
        continue;
      }
      const a = h('a', {
        class: c(
          `weui-desktop-pagination__num${n === s.page ? ' weui-desktop-pagination__num_current' : ''}`,
        ),
        text: String(n),
        attrs: { href: '#' },
      });
      a.addEventListener('click', (e) => {
        e.preventDefault();
        go(n);
      });
      nums.append(a);
    }
    el.replaceChildren(
      h('span', { class: c('weui-desktop-pagination__total'), text: `共 ${s.total} 条` }),
      h('span', { class: c('weui-desktop-pagination__nav') }, [
        btn('上一页', 'weui-desktop-pagination__prev', s.page - 1, s.page <= 1),
        nums,
        btn('下一页', 'weui-desktop-pagination__next', s.page + 1, s.page >= s.pages),
      ]),
      h('span', { class: c('weui-desktop-pagination__info'), text: `${s.page} / ${s.pages}` }),
    );
  },
});
