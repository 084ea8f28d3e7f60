import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { decodeCode128 } from './code128.js';
import { layoutLabel, layoutLabels, PRINTER_DOT_MM, type Label, type LayoutOptions } from './layout.js';
import { labelTemplates } from './templates.js';
import { printableOrderArb, seedOptions, seedOrder, trackingArb } from './fixtures.test-util.js';
import type { OrderView } from '../types.js';
import { toFullWidth, writtenMobile } from '../classify/fuzz.test-helper.js';
import { maskText } from '../mask/mask-text.js';

// Property tests run 1,000+ cases; on a shared, loaded machine that can pass 5 s. No timing is
// asserted, so allow a minute.
vi.setConfig({ testTimeout: 60_000 });

const ids = Object.keys(labelTemplates) as Array<keyof typeof labelTemplates>;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/gu;

function mustLayout(order: OrderView, id: string, opts = seedOptions): Label {
  const r = layoutLabel(order, id, opts);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.label;
}

function inBounds(l: Label): void {
  const { widthMm: W, heightMm: H } = l.template;
  for (const t of l.texts) {
    expect(t.x).toBeGreaterThanOrEqual(0);
    expect(t.x).toBeLessThanOrEqual(W);
    expect(t.y).toBeGreaterThan(0);
    expect(t.y).toBeLessThanOrEqual(H);
  }
  for (const b of l.barcodes) {
    const modules = b.widths.reduce((a, w) => a + w, 0);
    // Quiet zone of at least 10 modules on each side, inside the label.
    expect(b.x).toBeGreaterThanOrEqual(10 * b.moduleMm - 1e-3);
    expect(b.x + modules * b.moduleMm).toBeLessThanOrEqual(W - 10 * b.moduleMm + 1e-3);
    expect(b.y + b.h).toBeLessThanOrEqual(H);
  }
}

describe('layoutLabel: the seed order on every template', () => {
  for (const id of ids) {
    it(`${id}: size, zones, bar code read-back`, () => {
      const l = mustLayout(seedOrder, id);
      const t = labelTemplates[id];
      expect(l.template).toEqual({ id, widthMm: t.widthMm, heightMm: t.heightMm, parts: t.parts });
      inBounds(l);
      // 二联单: a bar code on the main part and one on the stub.
      expect(l.barcodes).toHaveLength(t.parts);
      for (const b of l.barcodes) {
        expect(decodeCode128(b.widths)).toEqual({ ok: true, value: '78901234567890' });
        // Modules are whole 203-dpi dots when they fit.
        const dots = b.moduleMm / PRINTER_DOT_MM;
        expect(Math.abs(dots - Math.round(dots))).toBeLessThan(1e-9);
      }
      const all = l.texts.map((x) => x.text);
      expect(all).toContain('店小二(转3639)');
      expect(all).toContain('13476567876');
      expect(all.join('')).toContain('广东省广州市天河区花城广场888号如需联系用户,请转3639');
      expect(all.join('')).toContain('粤-广州 天河');
      if (t.parts === 1) expect(all).toContain('用户脱敏号码:132****3639(仅供参考)');
      expect(l.rules.some((r) => r.dashed)).toBe(t.parts === 2);
      expect(l.warnings).toEqual([]);
    });
  }
  it('is deterministic', () => {
    expect(mustLayout(seedOrder, '76x130')).toEqual(mustLayout(seedOrder, '76x130'));
  });
  it('masks the sender mobile unless told not to', () => {
    const texts = (o: typeof seedOptions): string =>
      mustLayout(seedOrder, '76x130', o)
        .texts.map((t) => t.text)
        .join('\n');
    expect(texts(seedOptions)).toContain('138****8000');
    expect(texts({ ...seedOptions, maskSenderPhone: false })).toContain('13800138000');
  });
  it('falls back to the region and warns when no routing is given', () => {
    const l = mustLayout(seedOrder, '76x130', { ...seedOptions, routing: {} });
    expect(l.warnings).toContain('no-routing');
    expect(l.texts.map((t) => t.text)).toContain('广东省 广州市 天河区');
  });
  it('reads the 大头笔 region off the printed address when the order carries none (issue 21)', () => {
    const { region: _drop, ...receiver } = seedOrder.receiver;
    void _drop;
    const o: OrderView = { ...seedOrder, receiver };
    const l = mustLayout(o, '76x130', { ...seedOptions, routing: {} });
    expect(l.texts.map((t) => t.text)).toContain('广东省 广州市 天河区');
    // The carrier's 大头笔 still wins.
    const given = mustLayout(o, '76x130', seedOptions);
    expect(given.texts.map((t) => t.text).join('')).toContain('粤-广州 天河');
  });
});

describe('layoutLabel refusals', () => {
  it('ciphertext orders go to the official component', () => {
    const o: OrderView = { ...seedOrder, platform: 'douyin', receiver: { cipher: { phone: '$x$y$1$' } } };
    expect(layoutLabel(o, '76x130', seedOptions)).toMatchObject({
      ok: false,
      error: { code: 'component-required' },
    });
  });
  it('masked-only orders are refused with the recipient reason', () => {
    const o: OrderView = {
      ...seedOrder,
      platform: 'douyin',
      receiver: { name: '张*', phone: '132****3639' },
    };
    expect(layoutLabel(o, '76x130', seedOptions)).toMatchObject({
      ok: false,
      error: { code: 'masked-only' },
    });
  });
  it('needs a tracking number that Code 128 can carry, and a known template', () => {
    const { trackingNumber: _t, ...noTracking } = seedOptions;
    expect(layoutLabel(seedOrder, '76x130', noTracking)).toMatchObject({
      ok: false,
      error: { code: 'no-tracking-number' },
    });
    expect(layoutLabel(seedOrder, '76x130', { ...seedOptions, trackingNumber: '运单123' })).toMatchObject({
      ok: false,
      error: { code: 'bad-tracking-number' },
    });
    expect(layoutLabel(seedOrder, 'A4', seedOptions)).toMatchObject({
      ok: false,
      error: { code: 'unknown-template' },
    });
  });
});

describe('layoutLabel properties', () => {
  it('no buyer mobile on any label; 转NNNN always printed; bar code reads back (property)', () => {
    fc.assert(
      fc.property(printableOrderArb, trackingArb, fc.constantFrom(...ids), (order, tracking, id) => {
        const r = layoutLabel(order, id, { ...seedOptions, trackingNumber: tracking });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const l = r.label;
        const v = order.receiver.virtual!;
        const texts = l.texts.map((t) => t.text);
        for (const t of texts) for (const m of t.match(MOBILE) ?? []) expect(m).toBe(v.main);
        // The extension is on the name line and on the address lines, whole.
        expect(texts.some((t) => t.endsWith(`(转${v.ext})`))).toBe(true);
        expect(texts.some((t) => t.includes(`请转${v.ext}`))).toBe(true);
        for (const b of l.barcodes) expect(decodeCode128(b.widths)).toEqual({ ok: true, value: tracking });
        inBounds(l);
      }),
      { numRuns: 1000 },
    );
  });
  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), fc.anything(), (o, t, opts) => {
        const r = layoutLabel(o as OrderView, t, opts as LayoutOptions);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('layoutLabels (bulk print)', () => {
  it('labels what it can, refuses the rest with reasons, in order', () => {
    const cipher: OrderView = {
      ...seedOrder,
      orderId: 'c1',
      platform: 'douyin',
      receiver: { cipher: { phone: '$x$y$1$' } },
    };
    const masked: OrderView = {
      ...seedOrder,
      orderId: 'm1',
      platform: 'douyin',
      receiver: { name: '张*', phone: '132****3639' },
    };
    const r = layoutLabels([seedOrder, cipher, masked, seedOrder], '76x130', () => seedOptions);
    expect(r.labels).toHaveLength(2);
    expect(r.refused).toEqual([
      { orderId: 'c1', error: expect.objectContaining({ code: 'component-required' }) },
      { orderId: 'm1', error: expect.objectContaining({ code: 'masked-only' }) },
    ]);
  });
  it('shows a carrier code by its Chinese name', () => {
    const { carrierName: _c, ...rest } = seedOptions;
    const l = mustLayout({ ...seedOrder, carrier: 'ZTO' }, '76x130', rest);
    expect(l.texts[0]?.text).toBe('中通快递');
  });
  it('never throws, even when the options function does', () => {
    const r = layoutLabels([seedOrder], '76x130', () => {
      throw new Error('boom');
    });
    expect(r.refused[0]?.error.code).toBe('no-tracking-number');
    expect(layoutLabels(null as unknown as OrderView[], '76x130')).toEqual({ labels: [], refused: [] });
  });
});

describe('layoutLabel: remark and dates (issue 14)', () => {
  const remarkLine = (l: Label): string | undefined => l.texts.find((t) => t.text.startsWith('备注:'))?.text;

  it('a long remark ends in … and the label warns trimmed-remark; a short one does neither', () => {
    for (const id of ids) {
      const long = mustLayout({ ...seedOrder, remark: '请周末送货,'.repeat(40) }, id);
      expect(remarkLine(long)?.endsWith('…')).toBe(true);
      expect(long.warnings).toContain('trimmed-remark');
      const short = mustLayout(seedOrder, id);
      expect(remarkLine(short)).toBe('备注:请周末送货');
      expect(short.warnings).not.toContain('trimmed-remark');
    }
  });

  it('property: the remark line is the whole remark, or a prefix of it ending in … with the warning', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
        fc.constantFrom(...ids),
        (remark, id) => {
          const r = layoutLabel({ ...seedOrder, remark }, id, seedOptions);
          if (!r.ok) return;
          const line = remarkLine(r.label);
          if (line === undefined) return; // nothing printable left after cleaning
          if (r.label.warnings.includes('trimmed-remark')) expect(line.endsWith('…')).toBe(true);
          else expect(line.includes('…') && !remark.includes('…')).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a 100,000-character remark is cut to one line', () => {
    const l = mustLayout({ ...seedOrder, remark: '送'.repeat(100_000) }, '100x150');
    expect(remarkLine(l)?.length).toBeLessThan(60);
    expect(l.warnings).toContain('trimmed-remark');
  });

  it('refuses to lay out an order received before it was created', () => {
    const r = layoutLabel({ ...seedOrder, receivedAt: seedOrder.createdAt - 1 }, '100x150', seedOptions);
    expect(r).toMatchObject({ ok: false, error: { code: 'virtual-dates-invalid' } });
  });
});

describe('layoutLabel: mobiles in every written form (issue 14, item 4)', () => {
  it('a buyer mobile written with +86, spaces, dashes, dots or full-width digits never reaches a label', () => {
    fc.assert(
      fc.property(
        writtenMobile,
        fc.constantFrom('address', 'item', 'sku', 'remark'),
        fc.constantFrom(...ids),
        ({ written, digits }, where, id) => {
          const o: OrderView =
            where === 'address'
              ? {
                  ...seedOrder,
                  receiver: { ...seedOrder.receiver, address: `广东省广州市天河区花城广场8号 ${written}` },
                }
              : where === 'remark'
                ? { ...seedOrder, remark: `请打${written}` }
                : {
                    ...seedOrder,
                    items: [
                      where === 'item'
                        ? { name: `杯 ${written}`, quantity: 1 }
                        : { name: '杯', sku: written, quantity: 1 },
                    ],
                  };
          const label = mustLayout(o, id);
          const all = label.texts.map((t) => t.text).join('\n');
          expect(all).not.toContain(digits);
          expect(all).not.toContain(written);
          expect(all).not.toContain(toFullWidth(digits));
          // (Address and item lines may be wrapped or trimmed to fit; the remark line is short.)
          // Exactly as maskText: the same mask for the same text.
          if (where === 'remark') expect(all).toContain(maskText(`请打${written}`).value);
        },
      ),
      { numRuns: 500 },
    );
  });
});
