import { describe, expect, it } from 'vitest';
import { parseCsv, startsFormula, type HandoffBatch } from '@shipmask/core';
import { printSoftwareCsv } from './print-export';

const batch: HandoffBatch = {
  shop: '山茶小铺',
  platform: 'douyin',
  batchId: 'q3Zk8Jd0WcLm',
  createdAt: Date.UTC(2026, 10, 23),
  expiresAt: Date.UTC(2026, 10, 30),
  orders: [
    {
      orderId: '6920000000000000001',
      items: [
        { name: '保温杯', sku: 'SM-001', quantity: 2 },
        { name: '=杯套', quantity: 1 },
      ],
      remark: '到了打138****5678',
      receiver: {
        name: '张**',
        phone: '132****3639',
        cipher: {
          name: '#ML3B#0BB1W4Xn5A=#1##',
          phone: '$ML3B$0BB1W4Xn5A=$1$$',
          address: '#ML3B#0BB1W4Xn5B=#1##',
        },
      },
      carrier: 'ZTO',
    },
    {
      orderId: '6920000000000000002',
      items: [{ name: '茶叶', quantity: 1 }],
      receiver: { name: '李*', phone: '135****0000' },
    },
  ],
};

describe('printSoftwareCsv', () => {
  it('writes one row per item with ciphertext receivers, the platform headers and a formula guard', () => {
    const r = printSoftwareCsv(batch);
    expect(r.printable).toBe(1);
    const rows = parseCsv(r.csv).map((x) => x.fields);
    expect(rows[0]).toEqual([
      '主订单编号',
      '选购商品',
      '商品数量',
      '商家编码',
      '收件人',
      '收件人手机号',
      '详细地址',
      '买家留言',
      '快递公司',
    ]);
    expect(rows[1]).toEqual([
      '6920000000000000001',
      '保温杯',
      '2',
      'SM-001',
      '#ML3B#0BB1W4Xn5A=#1##',
      '$ML3B$0BB1W4Xn5A=$1$$',
      '#ML3B#0BB1W4Xn5B=#1##',
      '到了打138****5678',
      'ZTO',
    ]);
    expect(rows[2]![1]).toBe("'=杯套");
    expect(rows[3]!.slice(0, 6)).toEqual(['6920000000000000002', '茶叶', '1', '', '李*', '135****0000']);
  });

  it('guards every formula start in any column: full-width, zero-width-prefixed, NUL, bidi (issue 14)', () => {
    const hostile = [
      '=1+1',
      '＝HYPERLINK("http://x","点我")',
      '＋1',
      '－1',
      '＠SUM(A1)',
      '\u200B=1',
      '\uFEFF+1',
      '\0=1',
      '\u3000＝1',
      '\u202E@x',
      '\t=1',
      '\r=1',
    ];
    const orders = hostile.map((h, i) => ({
      orderId: `69200000000000001${String(i).padStart(2, '0')}`,
      items: [{ name: h, sku: h, quantity: 1 }],
      remark: h,
      receiver: { name: h, phone: h, address: h },
      carrier: h,
    }));
    const rows = parseCsv(printSoftwareCsv({ ...batch, orders }).csv).map((x) => x.fields);
    expect(rows).toHaveLength(hostile.length + 1);
    for (const r of rows.slice(1))
      for (const c of r)
        if (c !== '' && !/^\d+$/u.test(c)) expect(c.startsWith("'"), JSON.stringify(c)).toBe(true);
    for (const r of rows) for (const c of r) expect(startsFormula(c), JSON.stringify(c)).toBe(false);
  });
});
