// @vitest-environment happy-dom
// Every adapter against saved demo pages (test/fixtures/pages, written by
// test/scripts/save-demo-pages.ts from the rebuilt demo back-offices): the counts the adapter
// declares beside its selectors (`…Expectations`) must be what it reads, and what it reads must
// be what the page's orders hold (the JSON saved beside each page).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { keyedHasher } from '@shipmask/core';
import { douyin, douyinExpectations } from './douyin';
import { readFacts } from './facts';
import { jd, jdExpectations } from './jd';
import { tickRows } from './platform-print';
import { readCounter, readRow, readShopId, readShopName } from './read';
import { findRoots } from './roots';
import { queryAllFirst, queryFirst, rowOf, rowScope } from './select';
import type { ExpectKey, Expectations, SiteAdapter } from './types';
import { wechat, wechatExpectations } from './wechat';

interface Fact {
  orderId: string;
  status: string;
  address: boolean;
  remark: boolean;
  virtual: boolean;
  phoneInvalid: boolean;
  clear: boolean;
  items: number;
  refund: boolean;
  addressChanged: boolean;
  shipBy: number | null;
}

const fixtures = join(fileURLToPath(import.meta.url), '../../../../test/fixtures/pages');

/** Load a saved page into the document, turning declarative shadow roots into open ones. */
function load(name: string): Fact[] {
  const html = readFileSync(join(fixtures, `${name}.html`), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.replaceChildren(
    document.importNode(parsed.head, true),
    document.importNode(parsed.body, true),
  );
  const attach = (root: ParentNode): void => {
    for (const t of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')) {
      const host = t.parentElement!;
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.append(t.content);
      t.remove();
      attach(shadow);
    }
  };
  attach(document);
  return JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8')) as Fact[];
}

const NOW = Date.parse('2026-11-23T02:00:00Z');
const hasher = keyedHasher(new Uint8Array(32).fill(7));

/** The exception gate's facts of each order row (issue 18). */
function gateFacts(adapter: SiteAdapter, rows: readonly Element[]) {
  return rows.flatMap((r) => {
    const read = readRow(r, adapter, 'shop', NOW);
    return read
      ? [readFacts(rowScope(r, adapter.rowGroup, adapter.row), read.order, adapter.gate, hasher, NOW)]
      : [];
  });
}

function counts(adapter: SiteAdapter): Record<ExpectKey, number> {
  const roots = findRoots(document);
  const rows = queryAllFirst(roots, adapter.row);
  const reads = rows.map((r) => readRow(r, adapter, 'shop', NOW)).filter((r) => r !== undefined);
  const has = (f: (o: (typeof reads)[number]['order']) => unknown): number =>
    reads.filter((r) => f(r.order)).length;
  const facts = gateFacts(adapter, rows);
  return {
    rows: rows.length,
    orderId: has((o) => o.orderId),
    status: reads.length,
    createdAt: has((o) => o.createdAt !== NOW),
    name: has((o) => o.receiver.name ?? o.receiver.cipher?.name),
    phone: has((o) => o.receiver.phone ?? o.receiver.virtual ?? o.receiver.cipher?.phone),
    virtual: has((o) => o.receiver.virtual),
    cipher: has((o) => o.receiver.cipher),
    address: has((o) => o.receiver.address ?? o.receiver.cipher?.address),
    phoneInvalid: has((o) => o.receiver.phoneInvalid),
    items: has((o) => o.items.length),
    remark: has((o) => o.remark),
    reveal: queryAllFirst(roots, adapter.reveal).length,
    counter: readCounter(document, adapter, roots) === undefined ? 0 : 1,
    shop: readShopId(document, adapter, roots) === 'default' ? 0 : 1,
    shopName: readShopName(document, adapter, roots) === undefined ? 0 : 1,
    refund: facts.filter((f) => f.flags?.refund).length,
    addressChanged: facts.filter((f) => f.flags?.addressChanged).length,
    shipBy: facts.filter((f) => f.shipBy !== undefined).length,
    check: adapter.platformPrint
      ? rows.filter((r) =>
          queryFirst(rowScope(r, adapter.rowGroup, adapter.row), adapter.platformPrint!.select),
        ).length
      : 0,
    printEntry: adapter.platformPrint && queryFirst(roots, adapter.platformPrint.entry) ? 1 : 0,
  };
}

const cases: [SiteAdapter, Expectations][] = [
  [douyin, douyinExpectations],
  [wechat, wechatExpectations],
  [jd, jdExpectations],
];

beforeEach(() => {
  document.body.replaceChildren();
});

describe.each(cases)('$platform adapter on saved demo pages', (adapter, expectations) => {
  for (const [page, expected] of Object.entries(expectations)) {
    it(`${page}: finds what its expectations say`, () => {
      load(page);
      const got = counts(adapter);
      for (const [key, n] of Object.entries(expected))
        expect({ key, n: got[key as ExpectKey] }).toEqual({ key, n });
    });

    if ((expected.rows ?? 0) > 0) {
      it(`${page}: reads every order of the page, in order, with the page's values`, () => {
        const facts = load(page);
        const roots = findRoots(document);
        const reads = queryAllFirst(roots, adapter.row).map((r) => readRow(r, adapter, 'shop', NOW)!);
        expect(reads.map((r) => r.order.orderId)).toEqual(facts.map((f) => f.orderId));
        expect(reads.map((r) => r.order.status)).toEqual(
          facts.map((f) => adapter.statuses[f.status] ?? 'awaiting_shipment'),
        );
        expect(reads.map((r) => Boolean(r.order.receiver.address))).toEqual(facts.map((f) => f.address));
        expect(reads.map((r) => Boolean(r.order.remark))).toEqual(facts.map((f) => f.remark));
        expect(reads.map((r) => r.order.items.length)).toEqual(facts.map((f) => f.items));
        if (adapter.platform !== 'douyin') {
          expect(reads.map((r) => Boolean(r.order.receiver.virtual))).toEqual(facts.map((f) => f.virtual));
          expect(reads.map((r) => Boolean(r.order.receiver.phoneInvalid))).toEqual(
            facts.map((f) => f.phoneInvalid),
          );
        }
        // 京东's SKU is the item's 商品ID alone (12 digits on the demo), never run into its spec.
        if (adapter.platform === 'jd')
          for (const r of queryAllFirst(roots, adapter.row).map((row) =>
            readRow(row, adapter, 'shop', NOW, true)!,
          ))
            for (const it of r.order.items) expect(it.sku).toMatch(/^1000\d{8}$/u);
        // The exception gate reads each order's refund tag, 修改地址 marker and ship-by time, and
        // a fingerprint of every address shown (hashed here; the text never leaves the page).
        const gate = gateFacts(adapter, queryAllFirst(roots, adapter.row));
        expect(gate.map((g) => g.flags?.refund === 'requested')).toEqual(facts.map((f) => f.refund));
        expect(gate.map((g) => g.flags?.addressChanged === true)).toEqual(facts.map((f) => f.addressChanged));
        expect(gate.map((g) => g.shipBy ?? null)).toEqual(facts.map((f) => f.shipBy));
        expect(gate.map((g) => g.address !== undefined)).toEqual(facts.map((f) => f.address || f.virtual));
        // Nothing read is plaintext unless the platform shows it (WeChat's exempt categories);
        // even then the reader masks it.
        for (const r of reads) {
          expect(r.order.receiver.phone ?? '').not.toMatch(/^1\d{10}$/u);
          expect(r.order.receiver.address ?? '').toMatch(/^$|\*{4}$/u);
        }
        // 平台打单: ticking a group ticks exactly its rows' checkboxes (in the micro-app's shadow
        // root too), unticks a row ticked by hand, and finds the page's print control.
        if ((expected.check ?? 0) > 0) {
          const boxOf = (row: Element) =>
            queryFirst(
              rowScope(row, adapter.rowGroup, adapter.row),
              adapter.platformPrint!.select,
            ) as HTMLInputElement;
          const rows = queryAllFirst(roots, adapter.row);
          boxOf(rows[5]!).click();
          const group = [facts[0]!.orderId, facts[2]!.orderId, facts[3]!.orderId, '1234567890123'];
          const r = tickRows(document, adapter, group);
          expect(r).toMatchObject({ ticked: group.slice(0, 3), missing: ['1234567890123'], unticked: 1 });
          expect(r.entry).toMatch(/批量打[印单]/u);
          expect(rows.map((row) => boxOf(row).checked)).toEqual(facts.map((_, i) => [0, 2, 3].includes(i)));
        }
        // Every reveal control belongs to the row it sits in (抖店: the header row before it).
        for (const control of queryAllFirst(roots, adapter.reveal)) {
          const row = rowOf(control, adapter);
          expect(row).not.toBeNull();
          expect(reads.some((r) => r.element === row)).toBe(true);
        }
      });
    }
  }
});

describe('the reveal control is named as the page shows it (the reveal warning names it)', () => {
  it.each([
    [douyin, 'douyin-1', '小眼睛'],
    [wechat, 'wechat-1', '查看'],
    [jd, 'jd-1', '查看'],
  ] as const)('$platform: %s', (adapter, page, label) => {
    load(page);
    expect(adapter.revealLabel).toBe(label);
    const controls = queryAllFirst(findRoots(document), adapter.reveal);
    expect(controls.length).toBeGreaterThan(0);
    // 查看 is the link's own text; 抖店's eye is an icon without text, known as 小眼睛.
    for (const c of controls)
      expect((c.textContent ?? '').trim()).toBe(adapter.platform === 'douyin' ? '' : label);
  });
});
