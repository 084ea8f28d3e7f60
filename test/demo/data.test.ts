// The demo data generator: deterministic, well-formed per platform, and recognised by core the way
// the real back-offices' values would be (masked / ciphertext / virtual / invalid).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyField, parseVirtualNumber } from '@shipmask/core';
import {
  DEFAULT_SEED,
  DEMO_NOW,
  MARKUP_REMARK,
  demoOrders,
  demoPlaintext,
  demoPlatforms,
  demoShop,
  demoStatuses,
  exemptCategories,
  mulberry32,
} from './data.ts';
import { parseCsv, toCsv } from './csv.ts';
import { exportCsv, exportHeaders } from './export.ts';

const NOV_1 = Date.UTC(2026, 10, 1) - 8 * 3600_000;
const DEC_1 = Date.UTC(2026, 11, 1) - 8 * 3600_000;

describe('mulberry32', () => {
  it('is deterministic and stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const a = mulberry32(seed);
        const b = mulberry32(seed);
        for (let i = 0; i < 20; i++) {
          const x = a();
          if (b() !== x || x < 0 || x >= 1) return false;
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});

describe.each(demoPlatforms)('demoOrders(%s)', (platform) => {
  const orders = demoOrders(platform);

  it('is deterministic from the seed, and another seed gives other orders', () => {
    expect(demoOrders(platform)).toEqual(orders);
    expect(demoOrders(platform, { seed: DEFAULT_SEED })).toEqual(orders);
    const other = demoOrders(platform, { seed: 1 });
    expect(other.map((o) => o.orderId)).not.toEqual(orders.map((o) => o.orderId));
    expect(other.map((o) => o.plain.phone)).not.toEqual(orders.map((o) => o.plain.phone));
  });

  it('has 64 orders by default, and a larger count extends the same orders', () => {
    expect(orders).toHaveLength(64);
    const more = demoOrders(platform, { count: 200 });
    expect(more).toHaveLength(200);
    const prefix = more.filter((o) => o.index < 64);
    expect(prefix.map((o) => o.orderId).sort()).toEqual(orders.map((o) => o.orderId).sort());
  });

  it('has unique ids of the platform length, newest first, created in November 2026', () => {
    const idLength = platform === 'jd' ? 12 : 19;
    const more = demoOrders(platform, { count: 1000 });
    expect(new Set(more.map((o) => o.orderId)).size).toBe(1000);
    for (const o of more) {
      expect(o.orderId).toMatch(new RegExp(`^[1-9]\\d{${idLength - 1}}$`, 'u'));
      expect(o.createdAt).toBeGreaterThanOrEqual(NOV_1);
      expect(o.createdAt).toBeLessThan(DEC_1);
      for (const t of [o.paidAt, o.shippedAt, o.receivedAt, o.completedAt]) {
        if (t !== undefined) expect(t).toBeLessThanOrEqual(DEMO_NOW);
      }
      if (o.receivedAt !== undefined) expect(o.receivedAt).toBeGreaterThan(o.createdAt);
      if (o.completedAt !== undefined) expect(o.completedAt).toBeGreaterThanOrEqual(o.receivedAt!);
      if (o.status === '已完成') expect(o.completedAt).toBeDefined();
      if (['已发货', '已完成', '售后中'].includes(o.status))
        expect(o.trackingNo).toMatch(/^[A-Z0-9]{10,20}$/u);
      for (const it of o.items) {
        expect(it.quantity).toBeGreaterThanOrEqual(1);
        expect(it.sku).toMatch(/^SM-\d{3}-[A-Z]$/u);
      }
    }
    for (let i = 1; i < orders.length; i++)
      expect(orders[i - 1]!.createdAt).toBeGreaterThanOrEqual(orders[i]!.createdAt);
  });

  it('has every status, every exempt category, and the malformed rows', () => {
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(demoStatuses));
    for (const c of exemptCategories) expect(orders.some((o) => o.category === c)).toBe(true);
    const short = orders.filter((o) => o.malformed === 'phone-missing-digit');
    expect(short).toHaveLength(1);
    expect(short[0]!.plain.phone).toMatch(/^1\d{9}$/u);
    expect(orders.filter((o) => o.malformed === 'empty-address').map((o) => o.plain.fullAddress)).toEqual([
      '',
    ]);
    expect(orders.filter((o) => o.remark === MARKUP_REMARK)).toHaveLength(1);
    expect(orders.some((o) => /1\d{10}/u.test(o.remark))).toBe(true);
  });

  it('masks in the platform style: phone 3+4, surname kept whole, region then ****', () => {
    for (const o of orders) {
      const p = o.plain;
      if (p.phone.length === 11) expect(o.masked.phone).toBe(`${p.phone.slice(0, 3)}****${p.phone.slice(7)}`);
      expect(classifyField(o.masked.phone, 'phone').form).toBe('masked');
      const compound = ['欧阳', '司马', '诸葛', '上官', '慕容', '东方', '皇甫', '司徒'].find((s) =>
        p.name.startsWith(s),
      );
      const surname = compound ?? p.name.slice(0, 1);
      expect(o.masked.name.startsWith(surname)).toBe(true);
      expect(o.masked.name.slice(surname.length)).toMatch(/^\*+$/u);
      if (p.fullAddress === '') expect(o.masked.address).toBe('');
      else {
        expect(o.masked.address.startsWith(p.province)).toBe(true);
        expect(o.masked.address.endsWith(`${p.district}****`)).toBe(true);
        expect(o.masked.address).not.toContain(p.street);
      }
    }
    expect(orders.some((o) => o.masked.name.length === 3 && o.masked.name.endsWith('*'))).toBe(true);
  });

  it('carries Douyin ciphertext, WeChat and JD virtual numbers as core reads them', () => {
    for (const o of orders) {
      const valid = o.plain.phone.length === 11;
      if (platform === 'douyin') {
        expect(classifyField(o.cipher!.name, 'name')).toMatchObject({ form: 'ciphertext', source: 'douyin' });
        expect(classifyField(o.cipher!.phone, 'phone')).toMatchObject({
          form: 'ciphertext',
          source: 'douyin',
        });
        if (o.plain.fullAddress)
          expect(classifyField(o.cipher!.address, 'address')).toMatchObject({
            form: 'ciphertext',
            source: 'douyin',
          });
        else expect(o.cipher!.address).toBe('');
        expect(o.virtualNumber).toBeUndefined();
      } else {
        expect(o.cipher).toBeUndefined();
      }
      if (platform === 'wechat') {
        if (!valid || o.exempt) expect(o.virtualNumber).toBeUndefined();
        expect(o.exempt).toBe(exemptCategories.includes(o.category));
      }
      if (o.virtualNumber) {
        const text = `${o.virtualNumber.main}-${o.virtualNumber.ext}`;
        expect(parseVirtualNumber(text)).toEqual(o.virtualNumber);
        expect(classifyField(text, 'phone').form).toBe('virtual');
      }
    }
    if (platform === 'wechat') {
      expect(orders.filter((o) => o.virtualNumber).length).toBeGreaterThan(orders.length * 0.8);
    }
    if (platform === 'jd') {
      const listed = orders.filter((o) => o.virtualListed).length;
      expect(listed).toBeGreaterThan(5);
      expect(listed).toBeLessThan(orders.length / 2);
    }
  });

  it('demoPlaintext lists every name, phone and detailed address, and nothing masked', () => {
    const secrets = new Set(demoPlaintext(platform));
    for (const o of orders) {
      expect(secrets.has(o.plain.name)).toBe(true);
      expect(secrets.has(o.plain.phone)).toBe(true);
      if (o.plain.fullAddress) {
        expect(secrets.has(o.plain.fullAddress)).toBe(true);
        expect(secrets.has(o.plain.detail)).toBe(true);
      }
    }
    for (const s of secrets) {
      expect(s).not.toContain('*');
      expect(s.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('exports exactly the platform headers, with no plaintext receiver', () => {
    const csv = exportCsv(
      platform,
      orders.map((order) => ({
        order,
        status: order.status,
        carrier: order.carrier ?? '',
        trackingNo: order.trackingNo ?? '',
      })),
    );
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(exportHeaders[platform]);
    expect(rows.slice(1).every((r) => r.length === exportHeaders[platform].length)).toBe(true);
    for (const o of orders) {
      expect(csv).not.toContain(o.plain.phone);
      if (o.plain.detail) expect(csv).not.toContain(o.plain.detail);
    }
  });

  it('names the demo shop', () => {
    expect(demoShop(platform).platform).toBe(platform);
    expect(demoShop(platform).name.length).toBeGreaterThan(1);
  });
});

describe('csv', () => {
  it('parseCsv(toCsv(rows)) gives the rows back (quotes, commas, line breaks, BOM)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r\n', ' ', '1') });
    const row = fc.array(field, { minLength: 1, maxLength: 5 }).filter((r) => r.some((f) => f.trim() !== ''));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
        const text = toCsv(rows);
        expect(text.startsWith('\uFEFF')).toBe(true);
        expect(parseCsv(text)).toEqual(rows);
      }),
      { numRuns: 1000 },
    );
  });
});
