import { describe, expect, it } from 'vitest';
import { codeWord } from './SupplierRules';

describe('codeWord', () => {
  it('names the code the order page shows: 商品ID on 京东, 商家编码 elsewhere', () => {
    expect(codeWord('jd', 'zh')).toEqual({ title: '厂家规则（按商品ID）', sku: '商品ID' });
    expect(codeWord('jd', 'en').sku).toBe('Product ID');
    expect(codeWord('douyin', 'zh').sku).toBe('商家编码');
    expect(codeWord('wechat', 'en').sku).toBe('SKU code');
  });
});
