// 视频号小店 订单管理 (demo): order cards with masked receivers, 11+4 virtual numbers and 查看 links.
import type { OrderRow } from '../api.ts';
import { chinaDateTime, yuan } from '../format.ts';
import { h, pageNumbers, startPage, type RowContext } from './common.ts';

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
  const el = h('div', { class: 'goods-item__img', text: name.slice(0, 2) });
  el.style.background = `hsl(${hue} 40% 90%)`;
  el.style.color = `hsl(${hue} 35% 35%)`;
  return el;
}

function renderRow(o: OrderRow, ctx: RowContext): HTMLElement {
  const r = o.receiver;
  const name = h('span', { class: 'receiver__name', text: r.name });
  const phone = h('span', { class: 'receiver__phone', text: r.phone });
  const address = h('div', { class: 'receiver__address', text: r.address });
  const receiver = h('div', { class: 'receiver' });
  const view = h('a', {
    class: 'weui-desktop-link receiver__view',
    text: '查看',
    attrs: { href: '#', role: 'button' },
  });
  view.addEventListener('click', (e) => {
    e.preventDefault();
    if (receiver.classList.contains('receiver_revealed')) {
      name.textContent = r.name;
      phone.textContent = r.phone;
      address.textContent = r.address;
      receiver.classList.remove('receiver_revealed');
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
      receiver.classList.add('receiver_revealed');
      view.textContent = '隐藏';
    });
  });

  let vn: HTMLElement | null = null;
  if (r.virtual) {
    vn = h('div', { class: 'receiver__vn' }, [
      h('span', { class: 'receiver__vn-label', text: '虚拟号' }),
      h('span', { class: 'receiver__vn-number', text: `${r.virtual.main}-${r.virtual.ext}` }),
    ]);
  } else if (r.phoneInvalid) {
    vn = h('div', { class: 'receiver__vn-none', text: '买家手机号格式异常，该订单无虚拟号' });
  } else if (r.clear) {
    vn = h('div', { class: 'receiver__clear-tip', text: '该类目订单无需加密，已展示完整收货信息' });
  }
  receiver.append(h('div', { class: 'receiver__row' }, [name, phone, r.clear ? null : view]));
  if (vn) receiver.append(vn);
  receiver.append(address);
  if (r.address === '') receiver.append(h('div', { class: 'receiver__warn', text: '收货地址为空' }));

  const goods = h(
    'div',
    { class: 'goods-cell' },
    o.items.map((it) =>
      h('div', { class: 'goods-item' }, [
        goodsImage(it.name),
        h('div', { class: 'goods-item__info' }, [
          h('div', { class: 'goods-item__title', text: it.name }),
          h('div', { class: 'goods-item__spec', text: it.spec }),
          h('div', { class: 'goods-item__code', text: `商品编码：${it.sku}` }),
        ]),
      ]),
    ),
  );
  const price = h(
    'div',
    { class: 'price-cell' },
    o.items.map((it) =>
      h('div', { class: 'goods-item__price-row' }, [
        h('div', { class: 'goods-item__price', text: `¥${yuan(it.price)}` }),
        h('div', { class: 'goods-item__count', text: `x${it.quantity}` }),
      ]),
    ),
  );
  const status = h('div', { class: 'status-cell' }, [
    h('span', { class: `order-status ${statusClass[o.status] ?? ''}`, text: o.status }),
    o.carrier
      ? h('div', { class: 'order-logistics' }, [
          h('div', { class: 'order-logistics__company', text: o.carrier }),
          h('div', { class: 'order-logistics__no', text: o.trackingNo ?? '' }),
        ])
      : null,
  ]);
  const amount = h('div', { class: 'amount-cell' }, [
    h('div', { class: 'order-amount', text: `¥${yuan(o.total)}` }),
    h('div', {
      class: 'order-amount__freight',
      text: o.freight ? `（含运费¥${yuan(o.freight)}）` : '（包邮）',
    }),
  ]);
  const ops = h('div', { class: 'op-cell' }, [
    h('a', { class: 'weui-desktop-link', text: '订单详情', attrs: { href: '#' } }),
    o.status === '待发货' ? h('a', { class: 'weui-desktop-link', text: '发货', attrs: { href: '#' } }) : null,
    h('a', { class: 'weui-desktop-link', text: '备注', attrs: { href: '#' } }),
  ]);

  return h('div', { class: 'order-card' }, [
    h('div', { class: 'order-card__hd' }, [
      h('input', { class: 'order-card__check', attrs: { type: 'checkbox', 'aria-label': '选择订单' } }),
      h('span', { class: 'order-card__id', text: `订单号：${o.orderId}` }),
      h('span', { class: 'order-card__time', text: `下单时间：${chinaDateTime(o.createdAt)}` }),
      // Receipt starts the virtual number's last 14 days (seed 002).
      o.receivedAt !== undefined
        ? h('span', { class: 'order-card__received', text: `确认收货：${chinaDateTime(o.receivedAt)}` })
        : null,
      h('span', { class: 'order-card__category-wrp' }, [
        h('span', { class: 'order-card__category-label', text: '商品类目：' }),
        h('span', { class: 'order-card__category', text: o.category }),
      ]),
    ]),
    h('div', { class: 'order-card__bd' }, [
      goods,
      price,
      h('div', { class: 'receiver-cell' }, [receiver]),
      status,
      amount,
      ops,
    ]),
    o.remark
      ? h('div', { class: 'order-card__ft' }, [
          h('span', { class: 'order-card__remark-label', text: '买家备注：' }),
          h('span', { class: 'order-card__remark', text: o.remark }),
        ])
      : null,
  ]);
}

startPage({
  platform: 'wechat',
  list: '.order-list-wrap',
  tabs: '.order-tabs .weui-desktop-tab__nav',
  tabActive: 'weui-desktop-tab__nav_current',
  search: { input: '.order-search__input', submit: '.order-search__btn', reset: '.order-search__reset' },
  pageSize: '.page-size-select',
  pager: '.weui-desktop-pagination',
  counter: '.view-quota',
  counterText: (n) => `本月剩余查看次数 ${n}`,
  exportButton: '.order-export__btn',
  print: { button: '.order-print__btn', check: '.order-card__check' },
  ship: {
    open: '.order-ship__btn',
    modal: '.ship-dialog',
    close: '.weui-desktop-dialog__close-btn, .ship-dialog__cancel',
    file: '.ship-dialog__file',
    textarea: '.ship-dialog__textarea',
    submit: '.ship-dialog__submit',
    result: '.ship-dialog__result',
  },
  loadingClass: 'is-loading',
  loadingTarget: '.order-list-loading-wrp',
  empty: () => h('div', { class: 'weui-desktop-empty', text: '暂无订单' }),
  renderRow,
  renderPager(el, s, go) {
    const btn = (label: string, cls: string, target: number, disabled: boolean): HTMLElement => {
      const a = h('a', {
        class: `weui-desktop-btn weui-desktop-btn_default weui-desktop-btn_mini ${cls}${disabled ? ' weui-desktop-btn_disabled' : ''}`,
        text: label,
        attrs: { href: '#', role: 'button' },
      });
      a.addEventListener('click', (e) => {
        e.preventDefault();
        if (!disabled) go(target);
      });
      return a;
    };
    const nums = h('span', { class: 'weui-desktop-pagination__num__wrp' });
    for (const n of pageNumbers(s.page, s.pages)) {
      if (n === '…') {
        nums.append(h('span', { class: 'weui-desktop-pagination__ellipsis', text: '…' }));
        continue;
      }
      const a = h('a', {
        class: `weui-desktop-pagination__num${n === s.page ? ' weui-desktop-pagination__num_current' : ''}`,
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
      h('span', { class: 'weui-desktop-pagination__total', text: `共 ${s.total} 条` }),
      h('span', { class: 'weui-desktop-pagination__nav' }, [
        btn('上一页', 'weui-desktop-pagination__prev', s.page - 1, s.page <= 1),
        nums,
        btn('下一页', 'weui-desktop-pagination__next', s.page + 1, s.page >= s.pages),
      ]),
      h('span', { class: 'weui-desktop-pagination__info', text: `${s.page} / ${s.pages}` }),
    );
  },
});
