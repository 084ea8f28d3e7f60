// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { addressFingerprint, keyedHasher, type OrderView } from '@shipmask/core';
import * as fc from 'fast-check';
import { liveGateRules, readFacts } from './facts';
import type { GateRules } from './gate-rules';

const hasher = keyedHasher(new Uint8Array(32).fill(4));
const NOW = Date.parse('2026-12-06T02:00:00Z');
const order: OrderView = {
  platform: 'wechat',
  shopId: 's',
  orderId: '3718000000000001',
  status: 'awaiting_shipment',
  createdAt: NOW,
  items: [],
  receiver: { address: '广东省广州市天河区****', virtual: { main: '13476567876', ext: '3639' } },
};
const rules: GateRules = {
  exceptions: ['.status', '.tag'],
  shipBy: { selector: '.ship-by' },
  paidAt: { selector: '.paid', pattern: /付款时间[:：]\s*(.+)/u },
  mergeKey: { selector: '[data-merge-key]', attr: 'data-merge-key' },
  address: '.addr',
  addressMarker: '.addr-changed',
};

/** A row from fixture markup written in this file (parsed, not assigned as innerHTML). */
function row(html: string): Element {
  return new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html').body.firstElementChild!;
}

describe('readFacts', () => {
  it('reads flags, ship-by, paid time, merge key and an address fingerprint', () => {
    const r = row(
      '<span class="status">待发货</span><span class="tag">买家申请退款</span><span class="ship-by">2026-12-07 18:00前发货</span>' +
        '<span class="paid">付款时间：2026-12-06 09:00:00</span><i data-merge-key="hc_123"></i><span class="addr">广东省广州市天河区花城***</span>',
    );
    const f = readFacts(r, order, rules, hasher, NOW);
    expect(f).toEqual({
      orderId: order.orderId,
      flags: { refund: 'requested' },
      shipBy: Date.parse('2026-12-07T10:00:00Z'),
      paidAt: Date.parse('2026-12-06T01:00:00Z'),
      mergeKey: 'hc_123',
      address: addressFingerprint(hasher, {
        address: '广东省广州市天河区花城***',
        ext: '3639',
        changedMarker: false,
      }),
    });
    expect(JSON.stringify(f)).not.toContain('花城');
  });
  it('the page marker flags an address change and changes the fingerprint', () => {
    const plain = readFacts(
      row('<span class="addr">广东省广州市天河区花城***</span>'),
      order,
      rules,
      hasher,
      NOW,
    );
    const marked = readFacts(
      row('<span class="addr">广东省广州市天河区花城***</span><b class="addr-changed">已修改地址</b>'),
      order,
      rules,
      hasher,
      NOW,
    );
    expect(marked.flags).toEqual({ addressChanged: true });
    expect(marked.address?.hash).not.toBe(plain.address?.hash);
  });
  it('no rules or no key: nothing but the id; a merge key with spaces is ignored', () => {
    expect(readFacts(row('<span class="status">退款中</span>'), order, undefined, hasher, NOW)).toEqual({
      orderId: order.orderId,
    });
    const f = readFacts(
      row('<i data-merge-key="张三 138"></i><span class="addr">x</span>'),
      order,
      rules,
      undefined,
      NOW,
    );
    expect(f).toEqual({ orderId: order.orderId });
  });
});

describe('liveGateRules', () => {
  const variants: GateRules = {
    exceptions: [
      ['.status-new', '.status'],
      ['.tag-new', '.tag'],
    ],
    shipBy: { selector: ['.ship-by-new', '.ship-by'] },
    paidAt: { selector: ['.paid-new', '.paid'], pattern: /付款时间[:：]\s*(.+)/u },
    mergeKey: { selector: ['[data-merge-new]', '[data-merge-key]'], attr: 'data-merge-key' },
    address: ['.addr-new', '.addr'],
    addressMarker: ['.addr-changed-new', '.addr-changed'],
  };
  const parts = [
    '<span class="status">退款中</span>',
    '<span class="status-new">已关闭</span>',
    '<span class="tag">售后中</span>',
    '<span class="ship-by">剩余 3 小时</span>',
    '<span class="ship-by-new">承诺发货时间 2026-12-07 18:00</span>',
    '<span class="paid">付款时间：2026-12-05 10:00:00</span>',
    '<i data-merge-key="m-1"></i>',
    '<i data-merge-new data-merge-key="m-2"></i>',
    '<span class="addr">广东省广州市天河区****</span>',
    '<span class="addr-new">广东省深圳市南山区****</span>',
    '<b class="addr-changed"></b>',
    '<b class="addr-changed-new"></b>',
  ];

  it('drops the variants nothing on the page matches', () => {
    const doc = new DOMParser().parseFromString(
      `<div><span class="status">退款中</span><span class="addr">x</span></div>`,
      'text/html',
    );
    expect(liveGateRules(variants, [doc])).toEqual({ exceptions: [['.status']], address: ['.addr'] });
    // No address anywhere: the first variant stays, so a virtual-number order still gets its fingerprint.
    const bare = new DOMParser().parseFromString('<div></div>', 'text/html');
    expect(liveGateRules(variants, [bare])).toEqual({ address: ['.addr-new'] });
    expect(
      readFacts(bare.body.firstElementChild!, order, liveGateRules(variants, [bare]), hasher, NOW),
    ).toEqual(readFacts(bare.body.firstElementChild!, order, variants, hasher, NOW));
  });

  it('reads exactly the facts the full rules read, on any page built from the same parts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.subarray(parts.map((_, i) => i)), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (rows, virtual) => {
          const doc = new DOMParser().parseFromString(
            `<main>${rows.map((r) => `<div class="row">${r.map((i) => parts[i]).join('')}</div>`).join('')}</main>`,
            'text/html',
          );
          const o: OrderView = virtual
            ? order
            : { ...order, receiver: { address: '广东省广州市天河区****' } };
          const reduced = liveGateRules(variants, [doc]);
          for (const el of doc.querySelectorAll('.row'))
            expect(readFacts(el, o, reduced, hasher, NOW)).toEqual(readFacts(el, o, variants, hasher, NOW));
        },
      ),
      { numRuns: 200 },
    );
  });
});
