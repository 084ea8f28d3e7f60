import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderView } from '../types.js';
import { writeCsv } from './csv-write.js';
import {
  createOrderFileReader,
  parseOrderFile,
  readOrderStream,
  type OrderFileResult,
} from './read-orders.js';

const RUNS = 1000;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const t = (s: string): number => Date.parse(s);

// Small fixtures in the demo back-offices' exact headers (one per platform).
const DOUYIN_HEADER =
  '主订单编号,子订单编号,选购商品,商品规格,商品数量,商家编码,商品单价,订单应付金额,收件人,收件人手机号,省,市,区,街道,详细地址,买家留言,订单提交时间,订单状态,商品一级类目,快递公司,快递单号';
const DY_NAME = '#ML3B#0BB1W4Xn5AbCdEfGh1234=#1##';
const DY_PHONE = '$$9Uq0Xr2bTz1Kc8Yw4Lm7Pn==$1$$';
const DY_ADDR = '#ML3B#0BB1W4Xn5AbCdEfGh9999=#1##';
const DOUYIN_CSV =
  '\uFEFF' +
  [
    DOUYIN_HEADER,
    `="6921000000000001",="6921000000000011",保温杯,500ml 白色,1,BWB-500,59.00,59.00,${DY_NAME},${DY_PHONE},广东省,广州市,天河区,珠江新城街道,${DY_ADDR},"请发中通,谢谢",2026-11-03 12:00:00,待发货,家居用品,,`,
    `\t6921000000000001,\t6921000000000012,杯套,蓝色,2,BT-1,9.90,19.80,${DY_NAME},${DY_PHONE},广东省,广州市,天河区,珠江新城街道,${DY_ADDR},"请发中通,谢谢",2026-11-03 12:00:00,待发货,家居用品,,`,
    `6921000000000002,6921000000000021,"保温杯 ""限定""",500ml,1,BWB-500,59.00,59.00,${DY_NAME},${DY_PHONE},浙江省,杭州市,西湖区,,${DY_ADDR},"第一行
第二行",2026-11-04 09:30:00,已发货,家居用品,中通快递,78901234567890`,
  ].join('\r\n') +
  '\r\n';

const WECHAT_HEADER =
  '订单号,商品名称,商品编码,商品数量,收件人姓名,收件人手机号,虚拟号分机号,省份,城市,区县,详细地址,买家备注,下单时间,订单状态,商品类目,快递公司,快递单号';
const WECHAT_CSV =
  '\uFEFF' +
  [
    WECHAT_HEADER,
    '3718000000000001,保温杯,SKU-1,1,张*,13240968483-9647,9647,广东省,广州市,天河区,花城广场****,,2026-11-03 12:00:00,待发货,家居用品,,',
    '3718000000000002,月卡,SKU-2,1,李*,132****3639,,北京市,北京市,朝阳区,****,,2026-11-03 13:00:00,待收货,虚拟商品,极兔,JT0001234567890',
  ].join('\r\n') +
  '\r\n';

const JD_HEADER =
  '订单号,商品ID,商品名称,订购数量,客户姓名,客户地址,联系电话,订单状态,下单时间,订单备注,商品类目,快递公司,运单号';
const JD_CSV =
  '\uFEFF' +
  [
    JD_HEADER,
    '300000000001,100012,保温杯,2,王*,北京市朝阳区****,13240968483-9647,等待出库,2026-11-03 12:00:00,,家居用品,,',
    '300000000002,100013,杯套,1,赵*,上海市浦东新区****,138****1234,等待确认收货,2026-11-03 14:00:00,送货前打电话,家居用品,京东快递,JDVA00000000001',
  ].join('\r\n') +
  '\r\n';

function orders(r: OrderFileResult): OrderView[] {
  return r.orders.map((o) => o.order);
}

describe('parseOrderFile: Douyin export (demo headers)', { timeout: 120_000 }, () => {
  const r = parseOrderFile(enc(DOUYIN_CSV), { shopId: 'dy-demo' });
  it('detects the platform and the encoding, reports nothing', () => {
    expect(r.platform).toBe('douyin');
    expect(r.format).toBe('csv');
    expect(r.encoding).toBe('utf-8');
    expect(r.problems).toEqual([]);
    expect(r.containsPlaintext).toBe(false);
  });
  it('merges sub-order rows into one order, keeps ciphertext, clear region, unwraps ="…" and tabs', () => {
    expect(orders(r)).toEqual([
      {
        platform: 'douyin',
        shopId: 'dy-demo',
        orderId: '6921000000000001',
        status: 'awaiting_shipment',
        category: '家居用品',
        createdAt: t('2026-11-03T04:00:00Z'),
        remark: '请发中通,谢谢',
        receiver: {
          region: { province: '广东省', city: '广州市', district: '天河区' },
          cipher: { name: DY_NAME, phone: DY_PHONE, address: DY_ADDR },
        },
        items: [
          { name: '保温杯', sku: 'BWB-500', spec: '500ml 白色', quantity: 1 },
          { name: '杯套', sku: 'BT-1', spec: '蓝色', quantity: 2 },
        ],
      },
      {
        platform: 'douyin',
        shopId: 'dy-demo',
        orderId: '6921000000000002',
        status: 'shipped',
        category: '家居用品',
        createdAt: t('2026-11-04T01:30:00Z'),
        remark: '第一行\n第二行',
        receiver: {
          region: { province: '浙江省', city: '杭州市', district: '西湖区' },
          cipher: { name: DY_NAME, phone: DY_PHONE, address: DY_ADDR },
        },
        carrier: 'ZTO',
        trackingNumber: '78901234567890',
        items: [{ name: '保温杯 "限定"', sku: 'BWB-500', spec: '500ml', quantity: 1 }],
      },
    ]);
    expect(r.orders.map((o) => o.rows)).toEqual([
      [
        { line: 2, endLine: 2 },
        { line: 3, endLine: 3 },
      ],
      [{ line: 4, endLine: 5 }],
    ]);
  });
});

describe('parseOrderFile: WeChat Channels shop export (demo headers)', { timeout: 120_000 }, () => {
  const r = parseOrderFile(enc(WECHAT_CSV));
  it('reads the virtual number, masked fields and region columns', () => {
    expect(r.platform).toBe('wechat');
    expect(r.problems).toEqual([]);
    expect(orders(r)).toEqual([
      {
        platform: 'wechat',
        shopId: '',
        orderId: '3718000000000001',
        status: 'awaiting_shipment',
        category: '家居用品',
        createdAt: t('2026-11-03T04:00:00Z'),
        receiver: {
          name: '张*',
          virtual: { main: '13240968483', ext: '9647' },
          address: '广东省广州市天河区****',
          region: { province: '广东省', city: '广州市', district: '天河区' },
        },
        items: [{ name: '保温杯', sku: 'SKU-1', quantity: 1 }],
      },
      {
        platform: 'wechat',
        shopId: '',
        orderId: '3718000000000002',
        status: 'shipped',
        category: '虚拟商品',
        createdAt: t('2026-11-03T05:00:00Z'),
        receiver: {
          name: '李*',
          phone: '132****3639',
          address: '北京市朝阳区****',
          region: { province: '北京市', city: '北京市', district: '朝阳区' },
        },
        carrier: 'JTSD',
        trackingNumber: 'JT0001234567890',
        items: [{ name: '月卡', sku: 'SKU-2', quantity: 1 }],
      },
    ]);
  });
  it('reads the main number and the extension from their two columns', () => {
    const csv = `${WECHAT_HEADER}\n3718000000000003,杯,S,1,王*,13476567876,3639,广东省,广州市,天河区,,,2026-11-03 12:00:00,待发货,,,\n`;
    const x = parseOrderFile(csv);
    expect(x.problems).toEqual([]);
    expect(x.orders[0]?.order.receiver).toEqual({
      name: '王*',
      virtual: { main: '13476567876', ext: '3639' },
      region: { province: '广东省', city: '广州市', district: '天河区' },
    });
  });
  it('flags an extension column that disagrees with the virtual number', () => {
    const csv = `${WECHAT_HEADER}\n3718000000000003,杯,S,1,王*,13240968483-9647,1111,广东省,广州市,天河区,,,2026-11-03 12:00:00,待发货,,,\n`;
    expect(parseOrderFile(csv).problems.map((p) => [p.line, p.code, p.column])).toEqual([
      [2, 'virtual-mismatch', '虚拟号分机号'],
    ]);
  });
});

describe('parseOrderFile: JD export (demo headers)', { timeout: 120_000 }, () => {
  const r = parseOrderFile(enc(JD_CSV), { platform: 'jd' });
  it('reads masked and virtual-number exports', () => {
    expect(r.platform).toBe('jd');
    expect(r.problems).toEqual([]);
    expect(orders(r)).toEqual([
      {
        platform: 'jd',
        shopId: '',
        orderId: '300000000001',
        status: 'awaiting_shipment',
        category: '家居用品',
        createdAt: t('2026-11-03T04:00:00Z'),
        receiver: {
          name: '王*',
          virtual: { main: '13240968483', ext: '9647' },
          address: '北京市朝阳区****',
          region: { province: '北京市', district: '朝阳区' },
        },
        items: [{ name: '保温杯', sku: '100012', quantity: 2 }],
      },
      {
        platform: 'jd',
        shopId: '',
        orderId: '300000000002',
        status: 'shipped',
        category: '家居用品',
        createdAt: t('2026-11-03T06:00:00Z'),
        remark: '送货前打电话',
        receiver: {
          name: '赵*',
          phone: '138****1234',
          address: '上海市浦东新区****',
          region: { province: '上海市', district: '浦东新区' },
        },
        carrier: 'JD',
        trackingNumber: 'JDVA00000000001',
        items: [{ name: '杯套', sku: '100013', quantity: 1 }],
      },
    ]);
  });
});

describe('parseOrderFile: plaintext never passes through (invariant 1)', { timeout: 120_000 }, () => {
  const csv =
    `${JD_HEADER}\n` +
    '300000000003,100012,保温杯,1,张三丰,广东省广州市天河区花城广场888号,13440963639,等待出库,2026-11-03 12:00:00,联系13440963639或身份证110101199003071234,家居用品,,\n';
  const r = parseOrderFile(csv);
  it('masks every plaintext field and reports each one on its line', () => {
    expect(r.containsPlaintext).toBe(true);
    expect(r.orders[0]?.order.receiver).toEqual({
      name: '张*',
      phone: '134****3639',
      address: '广东省广州市天河区****',
      region: { province: '广东省', city: '广州市', district: '天河区' },
    });
    expect(r.orders[0]?.order.remark).toBe('联系134****3639或身份证1****************4');
    expect(r.problems.map((p) => [p.line, p.code, p.severity, p.column])).toEqual([
      [2, 'plaintext', 'warning', '客户姓名'],
      [2, 'plaintext', 'warning', '联系电话'],
      [2, 'plaintext', 'warning', '客户地址'],
      [2, 'plaintext', 'warning', '订单备注'],
    ]);
    const json = JSON.stringify(r);
    for (const secret of ['张三丰', '13440963639', '花城广场', '888', '110101199003071234'])
      expect(json).not.toContain(secret);
  });

  it('property: no plaintext name, mobile or address detail ever appears in the result', () => {
    const surname = fc.constantFrom('张', '王', '李', '欧阳', '司马', '赵');
    const given = fc.stringMatching(/^[伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂]{1,3}$/u);
    const mobile = fc.stringMatching(/^1[3-9]\d{9}$/u);
    const detail = fc
      .tuple(fc.constantFrom('花城大道', '建国路', '人民路', '解放路'), fc.integer({ min: 1, max: 9999 }))
      .map(([road, n]) => `${road}${n}号`);
    const region = fc.constantFrom('广东省广州市天河区', '北京市朝阳区', '浙江省杭州市西湖区', '');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(surname, given, mobile, region, detail, fc.boolean()), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.constantFrom('jd', 'wechat', 'douyin'),
        (rows, platform) => {
          const header =
            platform === 'jd'
              ? [
                  '订单号',
                  '商品名称',
                  '订购数量',
                  '客户姓名',
                  '客户地址',
                  '联系电话',
                  '下单时间',
                  '订单状态',
                  '订单备注',
                ]
              : platform === 'wechat'
                ? [
                    '订单号',
                    '商品名称',
                    '商品数量',
                    '收件人姓名',
                    '详细地址',
                    '收件人手机号',
                    '下单时间',
                    '订单状态',
                    '买家备注',
                  ]
                : [
                    '主订单编号',
                    '选购商品',
                    '商品数量',
                    '收件人',
                    '详细地址',
                    '收件人手机号',
                    '订单提交时间',
                    '订单状态',
                    '买家留言',
                  ];
          const body = rows.map(([s, g, m, reg, d, inRemark], i) => [
            String(3718000000000000 + i),
            '保温杯',
            '1',
            s + g,
            reg + d,
            m,
            '2026-11-03 12:00:00',
            '待发货',
            inRemark ? `请打${m}` : '',
          ]);
          const res = parseOrderFile(writeCsv([header, ...body]));
          expect(res.orders).toHaveLength(rows.length);
          expect(res.containsPlaintext).toBe(true);
          const json = JSON.stringify({ orders: res.orders, problems: res.problems });
          for (const [s, g, m, , d] of rows) {
            expect(json).not.toContain(m);
            expect(json).not.toContain(d);
            expect(json).not.toContain(s + g);
          }
          const plaintextRows = new Set(
            res.problems.filter((p) => p.code === 'plaintext').map((p) => p.line),
          );
          expect([...plaintextRows].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i + 2));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('parseOrderFile: malformed rows are reported by line, never dropped', { timeout: 120_000 }, () => {
  it('reports each kind of bad row with its line and reason, and reads the good ones', () => {
    const csv = [
      '订单导出 2026-11-03',
      '',
      WECHAT_HEADER,
      '3718000000000001,杯,S,1,张*,132****3639,,广东省,广州市,天河区,,,2026-11-03 12:00:00,待发货,,,',
      '3718000000000002,杯,S,0,张*,132****3639,,广东省,广州市,天河区,,,2026-11-03 12:00:00,待发货,,,',
      '3.71800E+15,杯,S,1,张*,132****3639,,广东省,广州市,天河区,,,2026-11-03 12:00:00,待发货,,,',
      '3718000000000003,杯,S,1,张*,132****3639,,广东省,广州市,天河区,,,昨天,待发货,,,',
      '3718000000000004,杯,S,1,张*,132****3639,,广东省,广州市,天河区,,,2026-11-03 12:00:00,飞走了,,,',
      '3718000000000005,杯,S,1',
      ',杯,S,1,张*,132****3639,,广东省,广州市,天河区,,,2026-11-03 12:00:00,待发货,,,',
      '3718000000000006,"杯,S,1,张*,132****3639,,广东省,广州市,天河区,,,2026-11-03 12:00:00,待发货,,,',
      WECHAT_HEADER,
      '3718000000000007,杯,S,1,张*,132****3639,,广东省,广州市,天河区,,,2026-11-03 12:00:00,待发货,,,',
      '3718000000000001,杯,S,1,张*,132****3639,,广东省,广州市,天河区,,,2026-11-03 12:00:00,待发货,,,',
    ].join('\n');
    const r = parseOrderFile(csv);
    expect(r.orders.map((o) => [o.order.orderId, o.rows[0]?.line])).toEqual([
      ['3718000000000001', 4],
      ['3718000000000007', 13],
      ['3718000000000001', 14],
    ]);
    expect(r.problems.map((p) => [p.line, p.code, p.severity])).toEqual([
      [2, 'blank-line', 'info'],
      [1, 'preamble', 'info'],
      [5, 'bad-quantity', 'error'],
      [6, 'order-id-scientific', 'error'],
      [7, 'bad-date', 'error'],
      [8, 'unknown-status', 'error'],
      [9, 'field-count', 'error'],
      [10, 'missing-order-id', 'error'],
      [11, 'unterminated-quote', 'error'],
      [12, 'repeated-header', 'info'],
      [14, 'order-split', 'warning'],
    ]);
    expect(r.errorCount).toBe(7);
    expect(r.problems.find((p) => p.code === 'field-count')?.orderId).toBe('3718000000000005');
    expect(r.header?.line).toBe(3);
  });

  it('a file without a header reports every line', () => {
    const r = parseOrderFile('a,b\nc,d\n');
    expect(r.orders).toEqual([]);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [1, 'no-header'],
      [2, 'no-header'],
      [0, 'no-header'],
    ]);
  });

  it('a header that fits two platforms equally needs `platform`', () => {
    const r = parseOrderFile('订单号,商品名称,下单时间\n1,杯,2026-11-03 12:00:00\n');
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [1, 'unknown-platform'],
      [2, 'unknown-platform'],
    ]);
    const ok = parseOrderFile('订单号,商品名称,下单时间\n1,杯,2026-11-03 12:00:00\n', {
      platform: 'jd',
      defaultStatus: 'shipped',
    });
    expect(ok.orders.map((o) => [o.order.orderId, o.order.status])).toEqual([['1', 'shipped']]);
    expect(ok.problems.map((p) => [p.line, p.code, p.severity])).toEqual([
      [1, 'missing-column', 'warning'],
      [1, 'missing-column', 'warning'],
    ]);
  });

  it('an unknown platform option or default status is refused, not trusted', () => {
    const csv = `${JD_HEADER}\n300000000001,1,杯,1,王*,,,等待出库,2026-11-03 12:00:00,,,,\n`;
    expect(parseOrderFile(csv, { platform: 'taobao' as 'jd' }).problems.map((p) => [p.line, p.code])).toEqual(
      [
        [1, 'unknown-platform'],
        [2, 'unknown-platform'],
      ],
    );
    const noStatus = '订单号,客户姓名,下单时间\n300000000001,王*,2026-11-03 12:00:00\n';
    const r = parseOrderFile(noStatus, { platform: 'jd', defaultStatus: 'bogus' as 'shipped' });
    expect(r.orders[0]?.order.status).toBe('awaiting_shipment');
  });

  it('a header missing a required column fails every row with that reason', () => {
    const r = parseOrderFile('订单号,商品名称\n1,杯\n', { platform: 'wechat' });
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [1, 'missing-columns'],
      [2, 'missing-columns'],
    ]);
  });

  it('property: every line ends in an order, a problem or the header; bad rows at their own line', () => {
    const kind = fc.constantFrom(
      'good',
      'good',
      'qty',
      'date',
      'status',
      'short',
      'blank',
      'multiline',
      'quote',
    );
    fc.assert(
      fc.property(
        fc.array(kind, { minLength: 1, maxLength: 25 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (drawn, cuts) => {
          // An unclosed quote runs to the next quote in the file; as the last row it runs to the
          // end of the file, so the line it is reported on is certain.
          const ks: string[] = drawn.filter((k) => k !== 'quote');
          if (drawn.includes('quote')) ks.push('quote');
          const lines: string[] = [JD_HEADER];
          let physical = 1;
          const expectedBad = new Map<number, string>();
          ks.forEach((k, i) => {
            const id = String(300000000000 + i);
            const at = physical + 1;
            const row = (qty: string, time: string, status: string, remark = ''): string =>
              `${id},1,杯,${qty},王*,北京市朝阳区****,138****1234,${status},${time},${remark},,,`;
            let text: string;
            if (k === 'multiline') text = row('1', '2026-11-03 12:00:00', '等待出库', '"第一行\n第二行"');
            else if (k === 'qty') text = row('x', '2026-11-03 12:00:00', '等待出库');
            else if (k === 'date') text = row('1', '明天', '等待出库');
            else if (k === 'status') text = row('1', '2026-11-03 12:00:00', '??');
            else if (k === 'short') text = `${id},1,杯`;
            else if (k === 'blank') text = '';
            else if (k === 'quote') text = `${id},1,"杯`;
            else text = row('1', '2026-11-03 12:00:00', '等待出库');
            const code = {
              qty: 'bad-quantity',
              date: 'bad-date',
              status: 'unknown-status',
              short: 'field-count',
              quote: 'unterminated-quote',
            }[k];
            if (code !== undefined) expectedBad.set(at, code);
            lines.push(text);
            physical += 1 + (text.match(/\n/gu)?.length ?? 0);
          });
          const text = lines.join('\n') + '\n';
          const r = parseOrderFile(text);
          const errors = new Map(
            r.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.code]),
          );
          expect(errors).toEqual(expectedBad);
          // Accounting: every physical line is covered exactly once (warnings sit on order rows).
          const covered: number[] = [];
          const add = (a: number, b: number): void => {
            for (let n = a; n <= b; n++) covered.push(n);
          };
          if (r.header) add(r.header.line, r.header.endLine);
          for (const o of r.orders) for (const sp of o.rows) add(sp.line, sp.endLine);
          for (const p of r.problems) if (p.line > 0 && p.severity !== 'warning') add(p.line, p.endLine);
          covered.sort((a, b) => a - b);
          expect(covered).toEqual(Array.from({ length: physical }, (_, i) => i + 1));
          // The same file as bytes cut anywhere gives the same orders and problems.
          const bytes = enc(text);
          const reader = createOrderFileReader();
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const got = { orders: [] as unknown[], problems: [] as unknown[] };
          let last = 0;
          for (const c of [...points, bytes.length]) {
            const b = reader.push(bytes.subarray(last, c));
            got.orders.push(...b.orders);
            got.problems.push(...b.problems);
            last = c;
          }
          const e = reader.end();
          got.orders.push(...e.orders);
          got.problems.push(...e.problems);
          expect(got).toEqual({ orders: r.orders, problems: r.problems });
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('streaming', { timeout: 120_000 }, () => {
  it('bytes cut anywhere (inside characters, BOM, quotes, CRLF) give the same orders and problems', () => {
    const files = [DOUYIN_CSV, WECHAT_CSV, JD_CSV];
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(fc.nat(), { maxLength: 10 }), (csv, cuts) => {
        const bytes = enc(csv);
        const whole = parseOrderFile(bytes);
        const reader = createOrderFileReader();
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const got = { orders: [] as unknown[], problems: [] as unknown[] };
        let last = 0;
        for (const c of [...points, bytes.length]) {
          const b = reader.push(bytes.subarray(last, c));
          got.orders.push(...b.orders);
          got.problems.push(...b.problems);
          last = c;
        }
        const e = reader.end();
        got.orders.push(...e.orders);
        got.problems.push(...e.problems);
        expect(got).toEqual({ orders: whole.orders, problems: whole.problems });
        expect(reader.summary()).toEqual({
          ...whole,
          orders: undefined,
          problems: undefined,
          ...reader.summary(),
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('readOrderStream reads an async iterable of byte chunks and returns the summary', async () => {
    async function* chunks(): AsyncGenerator<Uint8Array> {
      const b = enc(DOUYIN_CSV);
      for (let i = 0; i < b.length; i += 7) yield await Promise.resolve(b.subarray(i, i + 7));
    }
    const gen = readOrderStream(chunks());
    const ids: string[] = [];
    let step = await gen.next();
    while (!step.done) {
      for (const o of step.value.orders) ids.push(o.order.orderId);
      step = await gen.next();
    }
    expect(ids).toEqual(['6921000000000001', '6921000000000002']);
    expect(step.value).toMatchObject({ platform: 'douyin', orderCount: 2, errorCount: 0, encoding: 'utf-8' });
  });

  it('readOrderStream reads a ReadableStream through its reader, and a plain array of chunks', async () => {
    const bytes = enc(JD_CSV);
    const ids = async (src: Parameters<typeof readOrderStream>[0]): Promise<string[]> => {
      const out: string[] = [];
      for await (const b of readOrderStream(src)) for (const o of b.orders) out.push(o.order.orderId);
      return out;
    };
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 5) c.enqueue(bytes.subarray(i, i + 5));
        c.close();
      },
    });
    const viaReader = { getReader: () => stream.getReader() };
    expect(await ids(viaReader)).toEqual(['300000000001', '300000000002']);
    expect(await ids([bytes.subarray(0, 10), bytes.subarray(10)])).toEqual(['300000000001', '300000000002']);
  });

  it('reads GBK bytes', () => {
    const gbk = new Uint8Array([
      182, 169, 181, 165, 186, 197, 44, 201, 204, 198, 183, 195, 251, 179, 198, 44, 201, 204, 198, 183, 202,
      253, 193, 191, 44, 207, 194, 181, 165, 202, 177, 188, 228, 44, 182, 169, 181, 165, 215, 180, 204, 172,
      13, 10, 51, 55, 49, 56, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 49, 44, 177, 163, 206, 194, 177,
      173, 44, 49, 44, 50, 48, 50, 54, 45, 49, 49, 45, 48, 51, 32, 49, 50, 58, 48, 48, 58, 48, 48, 44, 180,
      253, 183, 162, 187, 245, 13, 10,
    ]);
    const r = parseOrderFile(gbk, { platform: 'wechat' });
    expect(r.encoding).toBe('gb18030');
    expect(r.orders.map((o) => o.order.items)).toEqual([[{ name: '保温杯', quantity: 1 }]]);
  });

  it('never throws on arbitrary bytes or text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
        (x) => {
          expect(() => parseOrderFile(x)).not.toThrow();
          expect(() =>
            parseOrderFile(typeof x === 'string' ? `${JD_HEADER}\n${x}` : x, { platform: 'jd' }),
          ).not.toThrow();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads an order row with a 100,000-character cell', () => {
    const long = '杯'.repeat(100_000);
    const r = parseOrderFile(
      `${JD_HEADER}\n300000000001,1,"${long}",1,王*,北京市朝阳区****,,等待出库,2026-11-03 12:00:00,,,,\n`,
    );
    expect(r.orders[0]?.order.items[0]?.name.length).toBe(100_000);
    const remark = `13440963639${'x'.repeat(100_000)}`;
    const r2 = parseOrderFile(
      `${JD_HEADER}\n300000000001,1,杯,1,王*,北京市朝阳区****,,等待出库,2026-11-03 12:00:00,${remark},,,\n`,
    );
    expect(r2.orders[0]?.order.remark?.startsWith('134****3639')).toBe(true);
  });
});

describe('the problem list is capped (issue 14)', { timeout: 120_000 }, () => {
  const HEAD = '主订单编号,选购商品,商品数量,订单提交时间,订单状态\n';
  const good = '6921000000000001,保温杯,1,2026-11-03 12:00:00,待发货\n';
  /** `n` rows with a bad quantity (errors) and `n` blank lines (info), around one good order. */
  const hostile = (n: number): string =>
    HEAD + good + '6921000000000002,杯,x,2026-11-03 12:00:00,待发货\n\n'.repeat(n);

  it('lists the first maxProblems, counts the rest, and says so in one final problem', () => {
    const r = parseOrderFile(hostile(3000), { platform: 'douyin' });
    expect(r.orders.map((o) => o.order.orderId)).toEqual(['6921000000000001']);
    expect(r.problems).toHaveLength(1001);
    expect(r.problemsOmitted).toBe(6000 - 1000);
    expect(r.errorCount).toBe(3000);
    const last = r.problems.at(-1);
    expect(last).toMatchObject({ code: 'problems-omitted', severity: 'warning', line: 0 });
    expect(last?.message).toContain('5000 more problem(s)');
    expect(r.warningCount).toBe(0);
    const small = parseOrderFile(hostile(10), { platform: 'douyin', maxProblems: 5 });
    expect(small.problems.map((p) => p.code)).toEqual([
      'bad-quantity',
      'blank-line',
      'bad-quantity',
      'blank-line',
      'bad-quantity',
      'problems-omitted',
    ]);
    expect(small.problemsOmitted).toBe(15);
    const none = parseOrderFile(hostile(2), { platform: 'douyin' });
    expect(none.problemsOmitted).toBe(0);
    expect(none.problems.some((p) => p.code === 'problems-omitted')).toBe(false);
  });

  it('a streamed 200,000-line hostile file yields at most maxProblems + 1 problems in all', async () => {
    const chunks = function* (): Generator<string> {
      yield HEAD + good;
      for (let i = 0; i < 100; i++) yield '6921000000000002,杯,x,2026-11-03 12:00:00,待发货\n\n'.repeat(1000);
    };
    let listed = 0;
    const gen = readOrderStream(chunks(), { platform: 'douyin', maxProblems: 50 });
    let step = await gen.next();
    while (!step.done) {
      listed += step.value.problems.length;
      step = await gen.next();
    }
    expect(listed).toBe(51);
    expect(step.value).toMatchObject({ errorCount: 100_000, problemsOmitted: 199_950, orderCount: 1 });
  });
});
