import type { OrderView } from '@shipmask/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badgesFor } from './badges';
import { strings } from '../ui/i18n';

const NOW = Date.parse('2026-11-23T02:00:00Z');
const t = strings('zh');
const order = (over: Partial<OrderView> = {}): OrderView => ({
  platform: 'wechat',
  shopId: 's',
  orderId: '3718000000000001',
  status: 'awaiting_shipment',
  createdAt: NOW - 3_600_000,
  items: [{ name: '保温杯', quantity: 1 }],
  receiver: { name: '张*', phone: '132****3639', address: '广东省广州市天河区****' },
  ...over,
});
const kinds = (o: OrderView, revealed = false): string[] => badgesFor(o, revealed, NOW, t).map((b) => b.kind);

describe('badgesFor', () => {
  it('a masked order is 脱敏', () => {
    expect(kinds(order())).toEqual(['masked']);
    expect(badgesFor(order(), false, NOW, t)[0]?.label).toBe('脱敏');
  });

  it('an exempt order shown in the clear is 无需脱敏, never 脱敏 nor 已解密', () => {
    const o = order({ category: '生活服务' });
    expect(kinds(o, true)).toEqual(['exempt']);
    expect(badgesFor(o, true, NOW, t)[0]).toMatchObject({ label: '无需脱敏' });
  });

  it('an empty address gets its own badge', () => {
    const o = order({ receiver: { name: '韩*', phone: '182****0467' } });
    expect(kinds(o)).toEqual(['noaddress', 'masked']);
    expect(badgesFor(o, false, NOW, t)[0]?.label).toBe('无地址');
    // An address the platform exports as ciphertext is an address.
    expect(kinds(order({ receiver: { cipher: { address: '#abc#' } } }))).toEqual(['cipher']);
  });

  it('property: exempt orders never carry 脱敏; orders without address or its ciphertext carry 无地址 unless exempt', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(undefined, '生活服务', '虚拟商品', '服饰内衣', '食品饮料'),
        fc.option(fc.constantFrom('广东省广州市天河区****', ''), { nil: undefined }),
        fc.boolean(),
        (category, address, revealed) => {
          const o = order({
            ...(category ? { category } : {}),
            receiver: { name: '张*', phone: '132****3639', ...(address !== undefined ? { address } : {}) },
          });
          const k = kinds(o, revealed);
          const exempt = category === '生活服务' || category === '虚拟商品';
          if (exempt) expect(k).not.toContain('masked');
          if (exempt) expect(k).not.toContain('revealed');
          expect(k.includes('noaddress')).toBe(!exempt && !address);
        },
      ),
    );
  });
});
