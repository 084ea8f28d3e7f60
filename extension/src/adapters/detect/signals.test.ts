import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOrderLabel, orderIdIn, receiverSignals, splitTokens, tokenPattern } from './signals';

describe('orderIdIn', () => {
  it('reads a long digit run after its label, in the text or just before it', () => {
    expect(orderIdIn('订单编号 6912345678901234567')).toBe('6912345678901234567');
    expect(orderIdIn('订单号：3701234567890123456 复制')).toBe('3701234567890123456');
    expect(orderIdIn('Order ID: 301234567890')).toBe('301234567890');
    expect(orderIdIn('6912345678901234567', '订单编号')).toBe('6912345678901234567');
  });
  it('refuses digits without a label, short runs, and other labelled numbers', () => {
    expect(orderIdIn('6912345678901234567')).toBeUndefined();
    expect(orderIdIn('6912345678901234567', '商家编码：')).toBeUndefined();
    expect(orderIdIn('订单编号 1234567')).toBeUndefined();
    expect(orderIdIn('快递单号 773012345678901')).toBeUndefined();
    expect(orderIdIn('订单编号')).toBeUndefined();
  });
  it('is linear on 100k characters', () => {
    const long = `订单号${' '.repeat(100_000)}`;
    const t = performance.now();
    expect(orderIdIn(long)).toBeUndefined();
    expect(orderIdIn('1'.repeat(100_000), long)).toBeUndefined();
    expect(isOrderLabel('订'.repeat(100_000))).toBe(false);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe('receiverSignals', () => {
  it('classifies what core classifies', () => {
    expect(receiverSignals('132****3639')).toEqual([{ kind: 'phone', form: 'masked', token: 0, tokens: 1 }]);
    expect(receiverSignals('13240968483-9647')).toEqual([
      { kind: 'phone', form: 'virtual', token: 0, tokens: 1 },
    ]);
    expect(receiverSignals('张*')).toEqual([{ kind: 'name', form: 'masked', token: 0, tokens: 1 }]);
    expect(receiverSignals('广东省广州市天河区****')).toEqual([
      { kind: 'address', form: 'masked', token: 0, tokens: 1 },
    ]);
    expect(receiverSignals('$ML3B$0BB1W4Xn5A=$1$$')).toEqual([
      { kind: 'phone', form: 'ciphertext', token: 0, tokens: 1 },
    ]);
    expect(receiverSignals('#ML3B#0BB1W4Xn5A=#1##')[0]).toMatchObject({
      kind: 'name',
      form: 'ciphertext',
      ambiguous: true,
    });
  });
  it('finds each value of a combined cell, with its token', () => {
    expect(receiverSignals('王**，陕西安康市紫阳县**********')).toEqual([
      { kind: 'name', form: 'masked', token: 0, tokens: 2 },
      { kind: 'address', form: 'masked', token: 1, tokens: 2 },
    ]);
    expect(receiverSignals('手机号：132****3639 虚拟号说明')).toEqual([
      { kind: 'phone', form: 'masked', token: 1, tokens: 3 },
    ]);
  });
  it('ignores plain text: product names that start with a place, prices, SKUs, a masked quantity', () => {
    for (const t of [
      '南京盐水鸭 500g',
      '吉林大米 5kg',
      '¥39.00',
      '商家编码：10468936647',
      '纸巾*3包',
      '下单时间 2026-11-20 10:00:00',
      '张三',
      '13240968483',
    ])
      expect(receiverSignals(t)).toEqual([]);
  });
});

describe('tokenPattern', () => {
  it('reads token k back (to the end for addresses)', () => {
    expect(tokenPattern(1, false).exec('手机号：132****3639 虚拟号说明')?.[1]).toBe('132****3639');
    expect(tokenPattern(1, true).exec('王**，广东省 广州市 天河区****')?.[1]).toBe(
      '广东省 广州市 天河区****',
    );
    expect(tokenPattern(0, false).exec('  张*')?.[1]).toBe('张*');
  });
  it('property: reads every token splitTokens finds', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9*\u4e00-\u4e0f]{1,6}$/u);
    const sep = fc.constantFrom(' ', '，', '：', ',', ' : ');
    fc.assert(
      fc.property(fc.array(fc.tuple(token, sep), { minLength: 1, maxLength: 6 }), (parts) => {
        const text = parts.map(([t, s]) => t + s).join('');
        const tokens = splitTokens(text);
        tokens.forEach((t, i) => expect(tokenPattern(i, false).exec(text)?.[1]).toBe(t));
      }),
    );
  });
  it('is linear on 100k characters', () => {
    const t = performance.now();
    expect(tokenPattern(3, false).exec(`${'a '.repeat(50_000)}`)?.[1]).toBe('a');
    expect(tokenPattern(3, false).exec('a'.repeat(100_000))).toBeNull();
    expect(receiverSignals('张'.repeat(100_000))).toEqual([]);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});
