// @vitest-environment happy-dom
import { maskAddress, maskName, maskPhone, parseVirtualNumber } from '@shipmask/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { readRow } from '../read';
import { commonStatuses } from '../statuses';
import type { SiteAdapter } from '../types';
import { detectedAdapter } from './detected-adapter';
import { findRows, inferLayout } from './infer';
import { buildPage, demoOrders, type DemoOrder, type LayoutSpec } from './layouts.test-helper';

const base: SiteAdapter = {
  platform: 'douyin',
  pages: [/x/u],
  list: '.nothing-here',
  row: '.nothing-here .row',
  fields: { orderId: { selector: '.nothing' } },
  statuses: commonStatuses,
  reveal: '.eye',
  revealFree: { shown: '.shown' },
};

const plain: LayoutSpec = {
  table: false,
  group: false,
  wrapDepth: 0,
  fieldDepth: 0,
  seed: 1,
  hashStyle: 'plain',
  label: 'inline',
  receiver: 'split',
  labelledPhone: false,
  header: false,
  pagerInside: false,
  products: 0,
  shadow: false,
  sidePanel: false,
};

interface Score {
  orders: number;
  found: number;
  fields: number;
  fieldsFound: number;
  falseRows: number;
}

/** Detect on the page built from `orders` and score what was read against them. */
function detectAndScore(orders: readonly DemoOrder[]): Score {
  const layout = inferLayout(document, Object.keys(commonStatuses));
  const score: Score = {
    orders: orders.length,
    found: 0,
    fields: orders.length * 3,
    fieldsFound: 0,
    falseRows: 0,
  };
  if (!layout) return score;
  const adapter = detectedAdapter(base, layout);
  const byId = new Map(orders.map((o) => [o.id, o]));
  const seen = new Set<string>();
  for (const row of findRows(document, layout)) {
    const read = readRow(row.element, adapter, 's', 0, false, row.blocks);
    const o = read && byId.get(read.order.orderId);
    if (!read || !o || seen.has(o.id)) {
      score.falseRows++;
      continue;
    }
    seen.add(o.id);
    score.found++;
    const r = read.order.receiver;
    if (r.name === maskName(o.name).value) score.fieldsFound++;
    if (r.address === maskAddress(o.address).value) score.fieldsFound++;
    const vn = parseVirtualNumber(o.phone);
    if (vn ? r.virtual?.main === vn.main && r.virtual.ext === vn.ext : r.phone === maskPhone(o.phone).value)
      score.fieldsFound++;
  }
  return score;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('inferLayout', () => {
  const fixed: [string, Partial<LayoutSpec>][] = [
    ['div cards with inline labels', {}],
    [
      'a table, one row per order, with a header row and a pager row',
      { table: true, header: true, pagerInside: true },
    ],
    [
      'an auxo-style table: order header row, receiver row, remark row',
      { table: true, group: true, hashStyle: 'module', header: true },
    ],
    [
      'JD-style cards: name and address in one cell, labelled phone',
      { receiver: 'combined', labelledPhone: true, hashStyle: 'dash' },
    ],
    [
      'the receiver as lines of one cell, inside an open <micro-app> shadow root',
      { receiver: 'lines', shadow: true, label: 'separate' },
    ],
    [
      'product cards and a side panel among the rows, no classes at all',
      { products: 3, sidePanel: true, hashStyle: 'none', wrapDepth: 2, fieldDepth: 2 },
    ],
  ];
  for (const [name, spec] of fixed) {
    it(`finds every order and receiver field: ${name}`, () => {
      const orders = demoOrders(12, 7);
      buildPage(document, orders, { ...plain, ...spec });
      const s = detectAndScore(orders);
      expect(s).toEqual({ orders: 12, found: 12, fields: 36, fieldsFound: 36, falseRows: 0 });
    });
  }

  it('keeps document order', () => {
    const orders = demoOrders(8, 3);
    buildPage(document, orders, { ...plain, table: true, group: true, header: true });
    const layout = inferLayout(document, Object.keys(commonStatuses))!;
    const adapter = detectedAdapter(base, layout);
    const ids = findRows(document, layout).map(
      (r) => readRow(r.element, adapter, 's', 0, false, r.blocks)?.order.orderId,
    );
    expect(ids).toEqual(orders.map((o) => o.id));
  });

  it('reads the status text the platform adapter knows', () => {
    const orders = demoOrders(6, 5);
    buildPage(document, orders, plain);
    const layout = inferLayout(document, Object.keys(commonStatuses))!;
    const adapter = detectedAdapter(base, layout);
    const statuses = findRows(document, layout).map(
      (r) => readRow(r.element, adapter, 's', 0, false, r.blocks)?.order.status,
    );
    expect(statuses).toEqual(orders.map((o) => commonStatuses[o.status]));
  });

  it('finds nothing on a page with order numbers but no receivers (a product list, a report)', () => {
    const list = document.createElement('div');
    for (let i = 0; i < 10; i++) {
      const card = document.createElement('div');
      card.className = 'card';
      const t = document.createElement('span');
      t.textContent = `订单编号 69${String(i).padStart(17, '0')}`;
      const p = document.createElement('span');
      p.textContent = '南京盐水鸭 500g ¥39.00';
      card.append(t, p);
      list.append(card);
    }
    document.body.append(list);
    expect(inferLayout(document)).toBeUndefined();
  });

  it('finds nothing on an empty page or with a single order', () => {
    expect(inferLayout(document)).toBeUndefined();
    buildPage(document, demoOrders(1, 1), plain);
    expect(inferLayout(document)).toBeUndefined();
  });

  it('reuses a layout on a page swap: new orders, same structure, same signature', () => {
    const first = demoOrders(10, 1);
    buildPage(document, first, { ...plain, hashStyle: 'module', table: true, group: true });
    const layout = inferLayout(document, Object.keys(commonStatuses))!;
    document.body.replaceChildren();
    const second = demoOrders(10, 2);
    buildPage(document, second, { ...plain, hashStyle: 'module', table: true, group: true });
    expect(inferLayout(document, Object.keys(commonStatuses))?.signature).toBe(layout.signature);
    const adapter = detectedAdapter(base, layout);
    const ids = findRows(document, layout).map(
      (r) => readRow(r.element, adapter, 's', 0, false, r.blocks)?.order.orderId,
    );
    expect(ids).toEqual(second.map((o) => o.id));
  });

  it(
    'property: random layouts of the same orders, ≥95% of orders and receiver fields, never a false row',
    { timeout: 120_000 },
    () => {
      const total: Score = { orders: 0, found: 0, fields: 0, fieldsFound: 0, falseRows: 0 };
      const spec = fc.record<LayoutSpec>({
        table: fc.boolean(),
        group: fc.boolean(),
        wrapDepth: fc.integer({ min: 0, max: 3 }),
        fieldDepth: fc.integer({ min: 0, max: 2 }),
        seed: fc.integer({ min: 1, max: 1_000_000 }),
        hashStyle: fc.constantFrom('module', 'dash', 'plain', 'none'),
        label: fc.constantFrom('inline', 'separate'),
        receiver: fc.constantFrom('split', 'combined', 'lines'),
        labelledPhone: fc.boolean(),
        header: fc.boolean(),
        pagerInside: fc.boolean(),
        products: fc.integer({ min: 0, max: 4 }),
        shadow: fc.boolean(),
        sidePanel: fc.boolean(),
      });
      fc.assert(
        fc.property(
          spec,
          fc.integer({ min: 2, max: 30 }),
          fc.integer({ min: 1, max: 1000 }),
          (s, count, seed) => {
            document.body.replaceChildren();
            const orders = demoOrders(count, seed);
            buildPage(document, orders, s);
            const score = detectAndScore(orders);
            for (const k of Object.keys(total) as (keyof Score)[]) total[k] += score[k];
            expect(score.falseRows).toBe(0);
          },
        ),
        { numRuns: 80 },
      );
      expect(total.found / total.orders).toBeGreaterThanOrEqual(0.95);
      expect(total.fieldsFound / total.fields).toBeGreaterThanOrEqual(0.95);
    },
  );
});
