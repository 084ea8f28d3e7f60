// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { addressFingerprint, keyedHasher, type OrderView } from '@shipmask/core';
import { readFacts } from './facts';
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
