// 抖店 订单管理 (demo): order cards with masked receivers and the 小眼睛 eye button.
import type { OrderRow } from '../api.ts';
import { chinaDateTime, yuan } from '../format.ts';
import { EYE_ICON, h, icon, pageNumbers, startPage, type RowContext } from './common.ts';

const statusClass: Record<string, string> = {
  待支付: 'status-unpaid',
  待发货: 'status-pending',
  已打待发货: 'status-pending',
  已发货: 'status-shipped',
  已完成: 'status-done',
  售后中: 'status-aftersale',
  已关闭: 'status-closed',
};

function productImage(name: string): HTMLElement {
  const hue = [...name].reduce((s, c) => s + c.charCodeAt(0), 0) % 360;
  const el = h('div', { class: 'product-img', text: name.slice(0, 1) });
  el.style.background = `hsl(${hue} 55% 88%)`;
  el.style.color = `hsl(${hue} 45% 35%)`;
  return el;
}

function renderRow(o: OrderRow, ctx: RowContext): HTMLElement {
  const name = h('span', { class: 'receiver-name', text: o.receiver.name });
  const phone = h('span', { class: 'receiver-phone', text: o.receiver.phone });
  const address = h('div', { class: 'receiver-address', text: o.receiver.address });
  const info = h('div', { class: 'receiver-info' });
  const eye = h('button', {
    class: 'receiver-eye',
    attrs: { type: 'button', 'aria-label': '查看完整信息', title: '查看完整信息' },
  });
  eye.append(icon(EYE_ICON, 'receiver-eye-icon'));
  eye.addEventListener('click', () => {
    if (info.classList.contains('receiver-info-revealed')) {
      // Hide again (free); showing again is a new decrypt.
      name.textContent = o.receiver.name;
      phone.textContent = o.receiver.phone;
      address.textContent = o.receiver.address;
      info.classList.remove('receiver-info-revealed');
      eye.setAttribute('aria-label', '查看完整信息');
      eye.setAttribute('aria-pressed', 'false');
      return;
    }
    eye.disabled = true;
    eye.classList.add('receiver-eye-loading');
    void ctx.reveal(o.orderId).then((r) => {
      eye.disabled = false;
      eye.classList.remove('receiver-eye-loading');
      if (!r) return;
      name.textContent = r.name;
      phone.textContent = r.phone;
      address.textContent = r.address;
      info.classList.add('receiver-info-revealed');
      eye.setAttribute('aria-label', '隐藏完整信息');
      eye.setAttribute('aria-pressed', 'true');
    });
  });
  info.append(h('div', { class: 'receiver-line' }, [name, phone, eye]), address);
  if (o.receiver.address === '')
    info.append(h('div', { class: 'receiver-warn', text: '收货地址为空，请联系买家补充' }));

  const products = h(
    'div',
    { class: 'col-product' },
    o.items.map((it) =>
      h('div', { class: 'product-item' }, [
        productImage(it.name),
        h('div', { class: 'product-info' }, [
          h('div', { class: 'product-name', text: it.name }),
          h('div', { class: 'product-spec', text: `规格：${it.spec}` }),
          h('div', { class: 'product-sku', text: `商家编码：${it.sku}` }),
        ]),
      ]),
    ),
  );
  const prices = h(
    'div',
    { class: 'col-price' },
    o.items.map((it) =>
      h('div', { class: 'product-price-item' }, [
        h('div', { class: 'product-price', text: `¥${yuan(it.price)}` }),
        h('div', { class: 'product-qty', text: `x${it.quantity}` }),
      ]),
    ),
  );
  const status = h('div', { class: 'col-status' }, [
    h('span', { class: `order-status ${statusClass[o.status] ?? ''}`, text: o.status }),
    o.carrier
      ? h('div', { class: 'logistics' }, [
          h('div', { class: 'logistics-company', text: o.carrier }),
          h('div', { class: 'logistics-no', text: o.trackingNo ?? '' }),
        ])
      : null,
  ]);
  const amount = h('div', { class: 'col-amount' }, [
    h('div', { class: 'order-amount', text: `¥${yuan(o.total)}` }),
    h('div', { class: 'order-freight', text: o.freight ? `含运费 ¥${yuan(o.freight)}` : '免运费' }),
  ]);
  const action = h('div', { class: 'col-action' }, [
    h('a', { class: 'auxo-btn-link', text: '查看详情', attrs: { href: '#' } }),
    o.status === '待发货'
      ? h('a', { class: 'auxo-btn-link order-ship-link', text: '发货', attrs: { href: '#' } })
      : null,
    h('a', { class: 'auxo-btn-link', text: '备注', attrs: { href: '#' } }),
  ]);

  return h('div', { class: 'order-item' }, [
    h('div', { class: 'order-item-header' }, [
      h('input', { class: 'auxo-checkbox-input', attrs: { type: 'checkbox', 'aria-label': '选择订单' } }),
      h('span', { class: 'order-id', text: `订单编号 ${o.orderId}` }),
      h('span', { class: 'order-time', text: `下单时间 ${chinaDateTime(o.createdAt)}` }),
      h('span', { class: 'auxo-tag order-category', text: o.category }),
      o.completedAt !== undefined
        ? h('span', { class: 'order-finish-time', text: `完成时间 ${chinaDateTime(o.completedAt)}` })
        : null,
    ]),
    h('div', { class: 'order-item-body' }, [
      products,
      prices,
      h('div', { class: 'col-receiver' }, [info]),
      status,
      amount,
      action,
    ]),
    o.remark
      ? h('div', { class: 'order-item-footer' }, [
          h('span', { class: 'buyer-remark-label', text: '买家留言：' }),
          h('span', { class: 'buyer-remark', text: o.remark }),
        ])
      : null,
  ]);
}

startPage({
  platform: 'douyin',
  list: '.order-list',
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
  empty: () => h('div', { class: 'auxo-empty', text: '暂无订单' }),
  renderRow,
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
