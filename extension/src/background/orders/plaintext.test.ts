import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderView } from '@shipmask/core';
import { plaintextIn } from './plaintext';

const order: OrderView = {
  platform: 'wechat',
  shopId: 'demo',
  orderId: '3718000000000001',
  status: 'awaiting_shipment',
  createdAt: Date.UTC(2026, 10, 1),
  items: [{ name: '保温杯', quantity: 1 }],
  remark: '请打134****3639或转9647',
  receiver: {
    name: '张*',
    phone: '132****3639',
    address: '广东省广州市天河区****',
    region: { province: '广东省', city: '广州市', district: '天河区' },
    virtual: { main: '13476567876', ext: '3639' },
    cipher: { address: '#ML3B#0BB1W4Xn5A=#1##' },
  },
};

/** A mobile as people write it: `+86`/`0086`, spaces, dashes or dots, ASCII or full-width. */
const writtenMobile = fc
  .tuple(
    fc.stringMatching(/^1[3-9]\d{9}$/u),
    fc.constantFrom('', '+86', '+86 ', '0086'),
    fc.constantFrom('', ' ', '-', '.'),
    fc.boolean(),
  )
  .map(([d, cc, sep, wide]) => {
    const w = `${cc}${d.slice(0, 3)}${sep}${d.slice(3, 7)}${sep}${d.slice(7)}`;
    return { written: wide ? w.replace(/[0-9]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : w };
  });

describe('invariant 1: plaintext is refused', () => {
  const withReceiver = (receiver: OrderView['receiver']): OrderView => ({ ...order, receiver });
  it('accepts masked, ciphertext, virtual and empty forms', () => {
    expect(plaintextIn(order)).toBeUndefined();
    expect(plaintextIn(withReceiver({ phone: '13240968483-9647' }))).toBeUndefined();
    expect(plaintextIn(withReceiver({ phone: '', name: '' }))).toBeUndefined();
  });
  it('refuses plaintext in every receiver slot and in remarks', () => {
    expect(plaintextIn(withReceiver({ phone: '13240968483' }))).toBe('receiver.phone (plain)');
    expect(plaintextIn(withReceiver({ phone: '1324096848' }))).toBe('receiver.phone (invalid)');
    expect(plaintextIn(withReceiver({ name: '张三' }))).toBe('receiver.name (plain)');
    expect(plaintextIn(withReceiver({ address: '广东省广州市天河区花城广场888号' }))).toBe(
      'receiver.address (plain)',
    );
    expect(plaintextIn(withReceiver({ cipher: { phone: '13240968483' } }))).toBe(
      'receiver.cipher.phone (plain)',
    );
    expect(plaintextIn({ ...order, remark: '电话13240968483' })).toBe('remark (mobile)');
    expect(plaintextIn({ ...order, remark: '身份证110101199003071234' })).toBe('remark (id-number)');
  });
  it('stores a receiver value only if it is already what the core mask produces (issue 14.4)', () => {
    expect(plaintextIn(withReceiver({ name: '张**' }))).toBe('receiver.name (not masked by the rule)');
    expect(plaintextIn(withReceiver({ name: '张三*' }))).toBe('receiver.name (not masked by the rule)');
    expect(plaintextIn(withReceiver({ phone: '1324096****' }))).toBe(
      'receiver.phone (not masked by the rule)',
    );
    expect(plaintextIn(withReceiver({ address: '广东省广州市天河区花城广场**' }))).toBe(
      'receiver.address (not masked by the rule)',
    );
    expect(
      plaintextIn(withReceiver({ name: '张*', phone: '132****3639', address: '广东省广州市天河区****' })),
    ).toBe(undefined);
  });
  it('a ciphertext-shaped value carrying a mobile is refused', () => {
    expect(plaintextIn(withReceiver({ cipher: { address: '#13240968483#0BB1W4Xn5A=#1##' } }))).toBe(
      'receiver.cipher.address (plain)',
    );
    expect(plaintextIn(withReceiver({ name: '#ML3B#0BB13240968483Xn5A=#1##' }))).toBe(
      'receiver.name (plain)',
    );
  });
  it('runs the free-text checks on items, SKU, category, remark and region', () => {
    const item = (name: string, sku?: string) => ({
      ...order,
      items: [{ name, ...(sku ? { sku } : {}), quantity: 1 }],
    });
    expect(plaintextIn(item('保温杯 +86 138.1234.5678'))).toBe('items[0].name (mobile)');
    expect(plaintextIn(item('保温杯', 'A-１３８ １２３４ ５６７８'))).toBe('items[0].sku (mobile)');
    expect(plaintextIn({ ...order, category: '寄到广东省深圳市南山区科技园8号' })).toBe('category (address)');
    expect(plaintextIn({ ...order, remark: '收件人：张三' })).toBe('remark (name)');
    expect(plaintextIn({ ...order, remark: '改地址到浙江省杭州市西湖区文三路100号' })).toBe(
      'remark (address)',
    );
    expect(plaintextIn(withReceiver({ region: { province: '广东省', city: '138-1234-5678' } }))).toBe(
      'receiver.region.city (mobile)',
    );
  });
  it('property: a mobile in any written form in any free-text field is refused', () => {
    fc.assert(
      fc.property(
        writtenMobile,
        fc.constantFrom('item', 'sku', 'category', 'remark', 'district'),
        ({ written }, where) => {
          const text = `备注${written}`;
          const o: OrderView =
            where === 'item'
              ? { ...order, items: [{ name: text, quantity: 1 }] }
              : where === 'sku'
                ? { ...order, items: [{ name: '杯', sku: text, quantity: 1 }] }
                : where === 'district'
                  ? withReceiver({ region: { district: text } })
                  : { ...order, [where]: text };
          expect(plaintextIn(o)).toMatch(/\(mobile\)$/u);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('invariant 1 agrees with the core masks', () => {
  // What the adapters store is the core masks' output: the router must accept all of it, or a
  // correct page would lose its orders. (And if a mask ever leaked plaintext, this fails too.)
  it('property: masked output of any text is never refused', async () => {
    const { maskAddress, maskName, maskPhone, maskText } = await import('@shipmask/core');
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.stringMatching(/^1[3-9]\d{9}$/u),
      fc.stringMatching(/^1[3-9]\d{8}$/u),
      fc.stringMatching(/^0\d{2,3}-\d{7,8}$/u),
      fc.constantFrom(
        '张三',
        '欧阳娜娜',
        '广东省广州市天河区花城广场888号',
        '北京市朝阳区建国路1号院',
        '13240968483-9647',
      ),
    );
    fc.assert(
      fc.property(text, text, text, text, (p, n, a, r) => {
        const masked: OrderView = {
          ...order,
          remark: maskText(r).value,
          category: maskText(a).value,
          items: [{ name: maskText(n).value, sku: maskText(p).value, quantity: 1 }],
          receiver: { phone: maskPhone(p).value, name: maskName(n).value, address: maskAddress(a).value },
        };
        const where = plaintextIn(masked);
        expect(where, JSON.stringify(masked.receiver)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });
});
