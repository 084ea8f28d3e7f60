import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detailedAddress, readAddressRequest } from './address';

describe('detailedAddress', () => {
  it('takes a detailed address and refuses masked, bare regions, names, phones and control characters', () => {
    expect(detailedAddress(' 广东省广州市天河区花城广场888号 ')).toBe('广东省广州市天河区花城广场888号');
    expect(detailedAddress('北京市朝阳区建国路1号')).toBe('北京市朝阳区建国路1号');
    for (const bad of [
      '广东省广州市天河区****',
      '广东省广州市天河区',
      '张三',
      '13212343639',
      '#ML3B#0BB1W4Xn5A=#1##',
      '广东省广州市天河区花城\n广场888号',
      `广东省广州市天河区${'路'.repeat(200)}`,
      '',
      42,
      undefined,
    ])
      expect(detailedAddress(bad)).toBeUndefined();
  });

  it('property: never returns a value holding a mask character, never longer than 200', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('', '广东省广州市天河区', '北京市朝阳区'),
        (s, p) => {
          const r = detailedAddress(p + s);
          if (r === undefined) return;
          expect(r).not.toMatch(/[*＊●•×]/u);
          expect(r.length).toBeLessThanOrEqual(200);
        },
      ),
    );
  });

  it('a 100k-character text is refused fast', () => {
    const t0 = performance.now();
    expect(detailedAddress(`广东省广州市天河区${'花'.repeat(100_000)}`)).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(100);
  });
});

describe('readAddressRequest', () => {
  const ok = {
    type: 'order-page/addresses',
    shop: { platform: 'wechat', shopId: 'wx1' },
    orderIds: ['1', '1', '2'],
  };
  it('rebuilds a good request (each order once) and refuses anything else', () => {
    expect(readAddressRequest({ ...ok, extra: 'x' })).toEqual({
      type: 'order-page/addresses',
      shop: { platform: 'wechat', shopId: 'wx1' },
      orderIds: ['1', '2'],
    });
    for (const bad of [
      null,
      { ...ok, type: 'other' },
      { ...ok, orderIds: [] },
      { ...ok, orderIds: [1] },
      { ...ok, orderIds: ['a b'] },
      { ...ok, shop: { platform: 'wechat' } },
      { ...ok, shop: { platform: 'x'.repeat(33), shopId: '1' } },
      { ...ok, orderIds: Array.from({ length: 1001 }, (_, i) => String(i)) },
    ])
      expect(readAddressRequest(bad)).toBeUndefined();
  });
});
