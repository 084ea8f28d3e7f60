// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { buildPage, demoOrders, type LayoutSpec } from '../detect/layouts.test-helper';
import { readRow } from '../read';
import { commonStatuses } from '../statuses';
import type { SiteAdapter } from '../types';
import { deriveTaught } from './derive';
import { checkTaughtAdapter, taughtSiteAdapter } from './record';

const base: SiteAdapter = {
  platform: 'jd',
  pages: [/x/u],
  list: '.none',
  row: '.none',
  fields: { orderId: { selector: '.none' } },
  statuses: commonStatuses,
  reveal: '.none',
  revealFree: { shown: '.none' },
};
const spec: LayoutSpec = {
  table: false,
  group: false,
  wrapDepth: 1,
  fieldDepth: 1,
  seed: 3,
  hashStyle: 'dash',
  label: 'inline',
  receiver: 'combined',
  labelledPhone: true,
  header: true,
  pagerInside: true,
  products: 2,
  shadow: true,
  sidePanel: false,
};
const where = { host: 'shop.jd.com', path: '/jdm/trade/orders/order-list', platform: 'jd' as const, now: 1 };

afterEach(() => document.body.replaceChildren());

function q(root: ParentNode, sel: string): Element {
  return root.querySelector(sel)!;
}

describe('deriveTaught', () => {
  it('teaches from one row and reads every row of the page, inside a shadow root, without hashes or positions', () => {
    const orders = demoOrders(9, 4);
    buildPage(document, orders, spec);
    const root = document.querySelector('micro-app')!.shadowRoot!;
    const row = q(root, '[class*="orderCard"]');
    const taught = deriveTaught(
      {
        row,
        orderId: q(row, '[class*="orderNo"]'),
        receiverPhone: q(row, '[class*="consPhone"]'),
        receiverName: q(row, '[class*="consName"]'),
        receiverAddress: q(row, '[class*="consName"]'),
      },
      where,
    );
    expect(taught.ok).toBe(true);
    if (!taught.ok) return;
    const a = checkTaughtAdapter(JSON.parse(JSON.stringify(taught.adapter)));
    expect(a.hosts).toEqual(['micro-app']);
    expect(JSON.stringify(a)).not.toMatch(/nth-|-[A-Za-z0-9]{6}"/u);
    const adapter = taughtSiteAdapter(base, a);
    const reads = Array.from(root.querySelectorAll(a.row)).map((r) => readRow(r, adapter, 's', 0, false));
    expect(reads.map((r) => r?.order.orderId)).toEqual(orders.map((o) => o.id));
    expect(reads.every((r) => r?.order.receiver.name && r.order.receiver.address)).toBe(true);
    expect(reads.every((r) => r?.order.receiver.phone ?? r?.order.receiver.virtual)).toBe(true);
  });

  it('keeps no attribute value that differs between rows (it could name an order or a buyer)', () => {
    const list = document.createElement('div');
    for (const [id, who] of [
      ['6912345678901234567', '张*'],
      ['6912345678901234568', '李*'],
    ]) {
      const row = document.createElement('div');
      row.className = 'order-card';
      row.setAttribute('data-buyer', who!);
      row.setAttribute('data-kind', 'order');
      const s = document.createElement('span');
      s.textContent = `订单号：${id}`;
      row.append(s);
      list.append(row);
    }
    document.body.append(list);
    const row = list.firstElementChild!;
    const r = deriveTaught({ row, orderId: row.firstElementChild! }, where);
    expect(r.ok && r.adapter.row).toBe('div[data-buyer][data-kind="order"].order-card');
  });

  it('says which step is wrong', () => {
    buildPage(document, demoOrders(3, 1), { ...spec, shadow: false });
    const rows = document.querySelectorAll('[class*="orderCard"]');
    const r1 = deriveTaught({ row: rows[0]!, orderId: q(rows[1]!, '[class*="orderNo"]') }, where);
    expect(r1).toEqual({ ok: false, problem: { step: 'orderId', reason: 'outside-row' } });
    const r2 = deriveTaught({ row: rows[0]!, orderId: q(rows[0]!, '[class*="consName"]') }, where);
    expect(r2).toEqual({ ok: false, problem: { step: 'orderId', reason: 'not-an-order-id' } });
  });
});
