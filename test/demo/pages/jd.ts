// 京东商家 订单查询与跟踪 (demo): one <tbody> per order in table.order-tb, blurred receivers,
// virtual numbers on some orders, 查看 shows the real name and address plus a virtual number.
import type { OrderRow } from '../api.ts';
import { chinaDateTime, yuan } from '../format.ts';
import { h, pageNumbers, startPage, type RowContext } from './common.ts';

const COLS = 7;

function renderRow(o: OrderRow, ctx: RowContext): HTMLElement {
  const r = o.receiver;
  const name = h('div', { class: 'consignee-name', text: r.name });
  const phone = h('div', { class: 'consignee-phone', text: r.phone });
  const vnNumber = h('span', {
    class: 'vn-number',
    text: r.virtual ? `${r.virtual.main}-${r.virtual.ext}` : '',
  });
  const vn = h('div', { class: 'consignee-vn' }, [
    h('span', { class: 'vn-label', text: '虚拟号：' }),
    vnNumber,
  ]);
  vn.hidden = !r.virtual;
  const addr = h('div', { class: 'consignee-addr', text: r.address });
  const consignee = h('div', { class: 'consignee' });
  const view = h('a', { class: 'btn-view', text: '查看', attrs: { href: '#', role: 'button' } });
  view.addEventListener('click', (e) => {
    e.preventDefault();
    if (consignee.classList.contains('consignee-revealed')) {
      name.textContent = r.name;
      addr.textContent = r.address;
      vnNumber.textContent = r.virtual ? `${r.virtual.main}-${r.virtual.ext}` : '';
      vn.hidden = !r.virtual;
      consignee.classList.remove('consignee-revealed');
      view.textContent = '查看';
      return;
    }
    if (view.classList.contains('loading')) return;
    view.classList.add('loading');
    void ctx.reveal(o.orderId).then((res) => {
      view.classList.remove('loading');
      if (!res) return;
      // JD rule (seed 001): the merchant sees the real name and address and a virtual number.
      name.textContent = res.name;
      addr.textContent = res.address;
      if (res.virtual) {
        vnNumber.textContent = `${res.virtual.main}-${res.virtual.ext}`;
        vn.hidden = false;
      }
      consignee.classList.add('consignee-revealed');
      view.textContent = '隐藏';
    });
  });
  consignee.append(name, phone, vn, addr);
  if (r.phoneInvalid)
    consignee.append(h('div', { class: 'consignee-warn', text: '手机号异常，无法生成虚拟号' }));
  if (r.address === '') consignee.append(h('div', { class: 'consignee-warn', text: '收货地址为空' }));
  consignee.append(view);

  const cell = (cls: string, children: Parameters<typeof h>[2]): HTMLTableCellElement =>
    h('td', { class: cls }, children);

  return h('tbody', { class: 'order-tbody' }, [
    h('tr', { class: 'sep-row' }, [h('td', { attrs: { colspan: String(COLS) } })]),
    h('tr', { class: 'tr-th' }, [
      h('td', { attrs: { colspan: String(COLS) } }, [
        h('input', { class: 'order-check', attrs: { type: 'checkbox', 'aria-label': '选择订单' } }),
        h('span', { class: 'dealtime', text: chinaDateTime(o.createdAt), attrs: { title: '下单时间' } }),
        h('span', { class: 'number' }, [
          '订单号：',
          h('a', { class: 'order-no', text: o.orderId, attrs: { href: '#' } }),
        ]),
        h('span', { class: 'order-cat' }, ['类目：', h('span', { class: 'cat-name', text: o.category })]),
        // Completion ends the virtual number (seed 001).
        o.completedAt !== undefined
          ? h('span', { class: 'finish-time', text: `完成时间：${chinaDateTime(o.completedAt)}` })
          : null,
      ]),
    ]),
    h('tr', { class: 'tr-bd' }, [
      cell(
        'c-goods goods-cell',
        o.items.map((it) =>
          h('div', { class: 'goods-item' }, [
            h('div', { class: 'p-img', text: it.name.slice(0, 1) }),
            h('div', { class: 'p-msg' }, [
              h('div', { class: 'p-name', text: it.name }),
              h('div', { class: 'p-extra', text: `商品ID：${it.productId}` }),
              h('div', { class: 'p-spec', text: it.spec }),
            ]),
          ]),
        ),
      ),
      cell(
        'c-price',
        o.items.map((it) => h('div', { class: 'p-price', text: `¥${yuan(it.price)}` })),
      ),
      cell(
        'c-qty',
        o.items.map((it) => h('div', { class: 'p-qty', text: `x${it.quantity}` })),
      ),
      cell('c-consignee', [consignee]),
      cell('c-total', [
        h('div', { class: 'order-total', text: `¥${yuan(o.total)}` }),
        h('div', { class: 'order-freight', text: o.freight ? `含运费：¥${yuan(o.freight)}` : '免运费' }),
      ]),
      cell('c-state', [
        h('div', {
          class: `order-state state-${['待支付', '待发货', '已发货', '已完成', '售后中', '已关闭'].indexOf(o.status)}`,
          text: o.status,
        }),
        o.carrier
          ? h('div', { class: 'logistics' }, [
              h('div', { class: 'carrier', text: o.carrier }),
              h('div', { class: 'waybill-no', text: o.trackingNo ?? '' }),
            ])
          : null,
      ]),
      cell('c-op', [
        h('a', { class: 'op-link', text: '订单详情', attrs: { href: '#' } }),
        o.status === '待发货' ? h('a', { class: 'op-link', text: '出库', attrs: { href: '#' } }) : null,
        h('a', { class: 'op-link', text: '备注', attrs: { href: '#' } }),
      ]),
    ]),
    o.remark
      ? h('tr', { class: 'tr-remark' }, [
          h('td', { attrs: { colspan: String(COLS) } }, [
            h('span', { class: 'remark-label', text: '订单备注：' }),
            h('span', { class: 'remark-text', text: o.remark }),
          ]),
        ])
      : null,
  ]);
}

startPage({
  platform: 'jd',
  list: 'table.order-tb',
  tabs: '.order-status-nav li',
  tabActive: 'curr',
  search: { input: '.search-input', submit: '.btn-search', reset: '.btn-reset' },
  pageSize: '.ui-page-size',
  pager: '.ui-page',
  counter: '.view-count',
  counterText: (n) => `今日剩余查看次数 ${n}`,
  exportButton: '.btn-export',
  print: { button: '.btn-batch-print', check: '.order-check' },
  ship: {
    open: '.btn-batch-ship',
    modal: '.batch-ship-dialog',
    close: '.ui-dialog-close, .btn-cancel',
    file: '.batch-ship-file',
    textarea: '.batch-ship-text',
    submit: '.btn-submit',
    result: '.batch-ship-result',
  },
  loadingClass: 'is-loading',
  loadingTarget: '.order-tb-wrap',
  empty: () =>
    h('tbody', { class: 'order-empty' }, [
      h('tr', {}, [h('td', { text: '没有找到符合条件的订单', attrs: { colspan: String(COLS) } })]),
    ]),
  renderRow,
  renderPager(el, s, go) {
    const link = (label: string, cls: string, target: number): HTMLElement => {
      const a = h('a', { class: cls, text: label, attrs: { href: '#' } });
      a.addEventListener('click', (e) => {
        e.preventDefault();
        go(target);
      });
      return a;
    };
    const children: HTMLElement[] = [h('span', { class: 'ui-page-total', text: `共${s.total}条记录` })];
    children.push(
      s.page > 1
        ? link('上一页', 'ui-page-prev', s.page - 1)
        : h('span', { class: 'ui-page-prev ui-page-disabled', text: '上一页' }),
    );
    for (const n of pageNumbers(s.page, s.pages)) {
      if (n === '…') children.push(h('span', { class: 'ui-page-break', text: '...' }));
      else if (n === s.page) children.push(h('span', { class: 'ui-page-num ui-page-curr', text: String(n) }));
      else children.push(link(String(n), 'ui-page-num', n));
    }
    children.push(
      s.page < s.pages
        ? link('下一页', 'ui-page-next', s.page + 1)
        : h('span', { class: 'ui-page-next ui-page-disabled', text: '下一页' }),
    );
    el.replaceChildren(...children);
  },
});
