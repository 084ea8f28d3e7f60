import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlatformId } from '../types.js';
import { exportColumns } from './columns.js';
import { parseCsv, type CsvRecord } from './csv-parse.js';
import { createOrderReader, type OrderReader, type OrderReaderOptions } from './order-reader.js';
import { createReferenceOrderReader } from './order-reader.reference.test-helper.js';

/** Cells of every kind an export holds, good and bad, for each column shipmask reads. */
const CELLS: Readonly<Record<string, readonly string[]>> = {
  orderId: [
    '6921000000000001',
    '6921000000000001',
    '6921000000000002',
    '="6921000000000003"',
    '\t6921000000000004',
    ' 6921000000000002 ',
    '',
    '3.71801E+15',
    'ab c',
    'A1_b-2',
  ],
  createdAt: [
    '2026-11-03 12:00:00',
    '2026-11-03 12:00:00',
    '2026-11-04 09:30:00',
    '2026-11-03 23:59:59',
    '2026-01-13 10:00:00',
    '2026-02-03 10:00:00',
    '2027-01-03 10:00:00',
    '2027-01-12 10:00:00',
    '2026-02-29 12:00:00',
    '2024-02-29 12:00:00',
    '2026-11-03 24:00:00',
    '2026-11-03 12:60:00',
    '2026-11-03 12:00:60',
    '2026-13-01 00:00:00',
    '0099-01-01 00:00:00',
    '2026-11-03 12:00:00 ',
    '2026/11/3 8:05',
    '2026-02-30 12:00:00',
    '46000.5',
    '2026-11-03T12:00:00+08:00',
    '昨天',
    '',
  ],
  status: ['待发货', '待发货', '已发货', '待发货（预售）', ' 已完成 ', '??', ''],
  quantity: ['1', '2', '1.0', '0', '-1', 'x', '', '1000000'],
  itemName: ['保温杯', '"限定" 马克杯', '茶叶, 明前龙井', '', '一个很长很长很长很长的商品名称'],
  itemSpec: ['500ml 白色', '', '蓝色'],
  sku: ['BWB-500', '', 'MKB-350-LONG-SKU-CODE'],
  productId: ['100012', ''],
  receiverName: [
    '#ML3B#0BB1W4Xn5AbCdEfGh1234=#1##',
    '#ML3B#0BB1W4Xn513812345678AbCd=#1##',
    '~8SPcn5YcviStk1oP01BhNg==~1~',
    '张三',
    '张*',
    '123',
    '',
  ],
  receiverPhone: [
    '$$9Uq0Xr2bTz1Kc8Yw4Lm7Pn==$1$$',
    '$132$1ejKajhsndi0370DKbiU/w==$1$',
    `$$${'A'.repeat(70)}==$1$$`,
    '13440963639',
    '13240968483-9647',
    '13240968483',
    '132****3639',
    '020-87654321',
    '1344096363',
    '',
  ],
  virtualExt: ['9647', '1234', '12', ''],
  province: ['广东省', '北京市', ''],
  city: ['广州市', '北京市', ''],
  district: ['天河区', '朝阳区', ''],
  address: [
    '#ML3B#0BB1W4Xn5AbCdEfGh9999=#1##',
    '广东省广州市天河区花城广场888号',
    '花城广场888号',
    '北京市朝阳区****',
    '~AgAAAAHv3c0Bq7Zx9Lr5Tw2m8Kd=~0~~',
    '',
  ],
  remark: ['', '尽快发货', '请发中通,谢谢\n周末不在家', '电话13440963639', '身份证110101199003077777'],
  category: ['家居用品', ''],
  carrier: ['', '中通快递', '顺丰', 'xx物流'],
  trackingNumber: ['', '78901234567890', '3.71801E+15'],
  receivedAt: ['', '2026-11-05 10:00:00', 'soon'],
  completedAt: ['', '2026-11-06 10:00:00'],
};

const PLATFORMS: readonly PlatformId[] = ['douyin', 'wechat', 'jd'];

/** The platform's own header, in its export's column order. */
function headerOf(platform: PlatformId): { names: string[]; columns: string[] } {
  const cols = exportColumns[platform];
  const columns = Object.keys(cols);
  return { names: columns.map((c) => cols[c as keyof typeof cols]?.[0] ?? c), columns };
}

/** A data row: one cell per column from its pool (`pick` chooses), sometimes cut or widened. */
const rowArb = (columns: readonly string[]): fc.Arbitrary<string[]> =>
  fc
    .tuple(
      fc.array(fc.nat(), { minLength: columns.length, maxLength: columns.length }),
      fc.constantFrom('row', 'row', 'row', 'row', 'blank', 'short', 'wide', 'wide-empty', 'header'),
    )
    .map(([picks, kind]) => {
      const cells = columns.map((c, i) => {
        const pool = CELLS[c] ?? [''];
        return pool[(picks[i] ?? 0) % pool.length] ?? '';
      });
      if (kind === 'blank') return cells.map(() => '');
      if (kind === 'short') return cells.slice(0, Math.max(1, cells.length - 2));
      if (kind === 'wide') return [...cells, 'extra'];
      if (kind === 'wide-empty') return [...cells, ' '];
      return cells;
    });

/** Feed records in batches cut at the given points; the orders, problems and summary. */
function read(reader: OrderReader, recs: readonly CsvRecord[], cuts: readonly number[]): unknown {
  const points = [...new Set(cuts.map((c) => c % (recs.length + 1)))].sort((a, b) => a - b);
  const batches = [];
  let last = 0;
  for (const c of [...points, recs.length]) {
    batches.push(reader.push(recs.slice(last, c)));
    last = c;
  }
  batches.push(reader.end());
  return {
    batches,
    header: reader.header,
    containsPlaintext: reader.containsPlaintext,
    omitted: reader.omitted,
  };
}

describe('createOrderReader', { timeout: 120_000 }, () => {
  it('gives the orders, problems and summary of the reference reader, for any rows and batching (property)', () => {
    const file = fc.constantFrom(...PLATFORMS).chain((platform) => {
      const { names, columns } = headerOf(platform);
      return fc.record({
        platform: fc.constant(platform),
        names: fc.constant(names),
        preamble: fc.array(fc.constantFrom('导出时间: 2026-11-03', '', '订单报表'), { maxLength: 2 }),
        rows: fc.array(rowArb(columns), { maxLength: 25 }),
        cuts: fc.array(fc.nat(), { maxLength: 4 }),
        named: fc.boolean(),
        maxProblems: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
        issues: fc.array(fc.constantFrom('stray-quote', 'text-after-quote'), { maxLength: 2 }),
      });
    });
    fc.assert(
      fc.property(file, (f) => {
        const text = [...f.preamble, f.names.join(','), ...f.rows.map((r) => r.join(','))]
          .map((l) => l.replaceAll('\n', ' '))
          .join('\n');
        const recs = parseCsv(text).map((r, i) =>
          // Tokenizer issues on some rows, as a CSV with stray quotes would carry them.
          i > f.preamble.length && f.issues.length > 0 && i % 3 === 0
            ? { ...r, issues: [...new Set(f.issues)] as CsvRecord['issues'] }
            : r,
        );
        const options: OrderReaderOptions = {
          shopId: 'p',
          ...(f.named ? { platform: f.platform } : {}),
          ...(f.maxProblems !== undefined ? { maxProblems: f.maxProblems } : {}),
        };
        expect(read(createOrderReader(options), recs, f.cuts)).toEqual(
          read(createReferenceOrderReader(options), recs, f.cuts),
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('tells receiver ciphertexts as the reference reader does: mobile numbers, line breaks, long cells (property)', () => {
    // Cells of the searchable layout and near misses: a mobile number (tight or dashed) in a
    // segment, a line break, a third segment, a long body; the three columns read at once.
    const piece = fc.constantFrom(
      ...['ML3B', 'Ab+/', '=', '-', '*', '1', '9', 'Qz0y', 'Qz0y', 'Qz0y', 'Qz0y'],
      ...['13812345678', '138-1234-5678', '1-3-8', '1381234567', '\n', '省'],
    );
    const segment = fc.array(piece, { maxLength: 4 }).map((a) => a.join(''));
    // Mostly of the layout (`<sep><index><sep><body><sep><ver><sep><sep>`), some not.
    const searchable = fc
      .tuple(
        fc.constantFrom('#', '$'),
        segment,
        segment,
        fc.constantFrom('1', '1', '12', '12345', ''),
        fc.nat(40),
      )
      .map(
        ([sep, index, body, version, pad]) =>
          `${sep}${index}${sep}${body}${'Q'.repeat(pad)}${sep}${version}${sep}${sep}`,
      );
    const other = fc
      .tuple(fc.constantFrom('#', '$', '~'), fc.array(segment, { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([sep, body, double]) => [sep, ...body.map((b) => b + sep), '1', sep, double ? sep : ''].join(''));
    const cipherLike = fc.oneof({ arbitrary: searchable, weight: 6 }, { arbitrary: other, weight: 1 });
    const { names, columns } = headerOf('douyin');
    const at = (c: string): number => columns.indexOf(c);
    const rows = fc.array(fc.tuple(cipherLike, cipherLike, cipherLike, fc.nat()), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(rows, (rs) => {
        const recs: CsvRecord[] = [{ line: 1, endLine: 1, fields: names, ok: true, issues: [] }];
        rs.forEach(([name, phone, address, pick], i) => {
          const fields = columns.map((c, k) => CELLS[c]?.[(pick + k) % (CELLS[c]?.length ?? 1)] ?? '');
          fields[at('orderId')] = `69210000000000${10 + i}`;
          fields[at('createdAt')] = '2026-11-03 12:00:00';
          fields[at('status')] = '待发货';
          fields[at('quantity')] = '1';
          fields[at('receiverName')] = name;
          fields[at('receiverPhone')] = phone;
          fields[at('address')] = address;
          recs.push({ line: i + 2, endLine: i + 2, fields, ok: true, issues: [] });
        });
        const options: OrderReaderOptions = { platform: 'douyin', shopId: 'p' };
        expect(read(createOrderReader(options), recs, [])).toEqual(
          read(createReferenceOrderReader(options), recs, []),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the key order of an order: its fields, then the items last', () => {
    const recs = parseCsv(
      '订单号,商品名称,商品数量,下单时间,订单状态,买家备注,快递单号\n3718000000000001,保温杯,2,2026-11-03 12:00:00,待发货,尽快,SF1\n',
    );
    const [mine] =
      [createOrderReader({ platform: 'wechat' })].flatMap((r) => [r.push(recs), r.end()])[1]?.orders ?? [];
    const [ref] =
      [createReferenceOrderReader({ platform: 'wechat' })].flatMap((r) => [r.push(recs), r.end()])[1]
        ?.orders ?? [];
    expect(mine).toBeDefined();
    expect(Object.keys(mine?.order ?? {})).toEqual(Object.keys(ref?.order ?? {}));
    expect(Object.keys(mine?.order ?? {}).at(-1)).toBe('items');
  });
});
