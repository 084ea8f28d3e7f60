import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCarrier, shipCarrierNames } from './carrier-names.js';
import { cleanCell, isBlankCell, isScientificNumber } from './cells.js';
import { guardCell } from './csv-write.js';
import { parseOrderFile } from './read-orders.js';
import { readXlsxRows } from './xlsx.js';
import { strToU8, zipSync } from 'fflate';
import { detectPlatform, looksLikeHeader, mapHeader, normalizeHeader } from './columns.js';
import { readExportTime } from './export-time.js';
import { orderStatusText, readOrderStatus } from './status.js';

const RUNS = 1000;

describe('cleanCell', { timeout: 120_000 }, () => {
  it('unwraps Excel text guards and drops leading tabs (long order ids in Chinese exports)', () => {
    expect(cleanCell('="3718000000000001"')).toBe('3718000000000001');
    expect(cleanCell('=""')).toBe('');
    expect(cleanCell('="a""b"')).toBe('a"b');
    expect(cleanCell('\t3718000000000001')).toBe('3718000000000001');
    expect(cleanCell(' \t="\t6921000000000001" ')).toBe('6921000000000001');
    expect(cleanCell('=1+1')).toBe('=1+1');
    expect(cleanCell('="open')).toBe('="open');
  });
  it('is idempotent on anything that is not a nested guard, never throws, and handles 100,000 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const c = cleanCell(s);
        expect(c).toBe(c.trim());
        if (!c.startsWith('="')) expect(cleanCell(c)).toBe(c);
      }),
      { numRuns: RUNS },
    );
    expect(cleanCell(`="${'1'.repeat(100_000)}"`).length).toBe(100_000);
  });
  it('gives what trimming and unwrapping with the string methods gives, on every input (property)', () => {
    const reference = (v: string): string => {
      let t = v.trim();
      if (t.length >= 3 && t.startsWith('="') && t.endsWith('"'))
        t = t.slice(2, -1).replaceAll('""', '"').trim();
      return t;
    };
    // Every code unit String.prototype.trim removes, and near misses (U+0085, U+180E, U+200B).
    const spaces = [
      ...'\t\n\v\f\r \u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
      '\u0085',
      '\u180e',
      '\u200b',
      '\u0001',
    ];
    const cell = fc
      .array(
        fc.oneof(fc.constantFrom(...spaces, '=', '"', '""', '="', 'a', '订'), fc.string({ maxLength: 3 })),
        {
          maxLength: 8,
        },
      )
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(cell, (s) => {
        expect(cleanCell(s)).toBe(reference(s));
        // isBlankCell tells the same without building the text.
        expect(isBlankCell(s)).toBe(reference(s) === '');
      }),
      { numRuns: 5000 },
    );
    for (const s of ['', ' ', '=""', '=" "', '="\u3000"', '= ""', '="""', '=" a"', 'a'])
      expect(isBlankCell(s), JSON.stringify(s)).toBe(reference(s) === '');
  });
  it('spots numbers Excel rendered in scientific notation', () => {
    expect(isScientificNumber('3.71801E+15')).toBe(true);
    expect(isScientificNumber('3E+15')).toBe(true);
    expect(isScientificNumber('3e+1')).toBe(true);
    expect(isScientificNumber('3718000000000001')).toBe(false);
    expect(isScientificNumber(`${'1'.repeat(100_000)}E+15`)).toBe(false);
  });
  it('spots them exactly as the pattern does, whatever the text (property)', () => {
    const reference = (v: string): boolean => v.length <= 32 && /^\d(?:\.\d+)?E\+\d{1,3}$/iu.test(v);
    const text = fc
      .array(fc.constantFrom('1', '37', '.', 'E', 'e', '+', '-', ' ', 'x', '0'.repeat(12)), { maxLength: 10 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (v) => {
        expect(isScientificNumber(v)).toBe(reference(v));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('readExportTime', { timeout: 120_000 }, () => {
  it('reads back-office text as China time, ISO with offset, and Excel serials', () => {
    expect(readExportTime('2026-11-03 12:34:56')).toBe(Date.parse('2026-11-03T04:34:56Z'));
    expect(readExportTime('2026/11/3 12:34')).toBe(Date.parse('2026-11-03T04:34:00Z'));
    expect(readExportTime('2026-11-03T12:34:56+08:00')).toBe(Date.parse('2026-11-03T04:34:56Z'));
    // 46000.5 = 2025-12-09 12:00 wall time (days since 1899-12-30).
    expect(readExportTime('46000.5')).toBe(Date.parse('2025-12-09T04:00:00Z'));
    for (const bad of ['', '昨天', '2026-02-30 00:00:00', '0', '99999999', '1'.repeat(100_000)])
      expect(readExportTime(bad), bad.slice(0, 20)).toBeUndefined();
  });
});

describe('order status words', { timeout: 120_000 }, () => {
  it('maps each platform’s words', () => {
    expect(readOrderStatus('待发货')).toBe('awaiting_shipment');
    expect(readOrderStatus('备货中')).toBe('awaiting_shipment');
    expect(readOrderStatus('部分发货')).toBe('awaiting_shipment');
    expect(readOrderStatus('等待出库')).toBe('awaiting_shipment');
    expect(readOrderStatus('已打待发货')).toBe('printed');
    expect(readOrderStatus('待收货')).toBe('shipped');
    expect(readOrderStatus('等待确认收货')).toBe('shipped');
    expect(readOrderStatus('已完成')).toBe('completed');
    expect(readOrderStatus('完成')).toBe('completed');
    expect(readOrderStatus('已关闭')).toBe('cancelled');
    expect(readOrderStatus('售后中')).toBe('after_sale');
    expect(readOrderStatus('待发货（预售）')).toBe('awaiting_shipment');
    expect(readOrderStatus('toString')).toBeUndefined();
    expect(readOrderStatus('__proto__')).toBeUndefined();
    expect(orderStatusText('jd', '__proto__' as 'unpaid')).toBe('');
    expect(orderStatusText('toString' as 'jd', 'unpaid')).toBe('');
  });
  it('writes each platform’s own word, and reads it back to a status that needs the same action', () => {
    for (const p of ['douyin', 'wechat', 'jd'] as const) {
      for (const s of [
        'unpaid',
        'awaiting_shipment',
        'shipped',
        'completed',
        'after_sale',
        'cancelled',
      ] as const)
        expect(readOrderStatus(orderStatusText(p, s)), `${p} ${s}`).toBe(s);
    }
  });
});

describe('carrier names', { timeout: 120_000 }, () => {
  it('reads any platform’s name, short names and codes', () => {
    expect(readCarrier('中通快递')).toBe('ZTO');
    expect(readCarrier('中通')).toBe('ZTO');
    expect(readCarrier('极兔速递')).toBe('JTSD');
    expect(readCarrier('yto')).toBe('YTO');
    expect(readCarrier('邮政快递包裹')).toBe('EMS');
    expect(readCarrier('某某物流')).toBeUndefined();
    expect(readCarrier('constructor')).toBeUndefined();
  });
  it('every platform name reads back to its code', () => {
    for (const names of Object.values(shipCarrierNames))
      for (const [code, name] of Object.entries(names)) expect(readCarrier(name)).toBe(code);
  });
});

describe('header columns', { timeout: 120_000 }, () => {
  const douyin =
    '主订单编号,子订单编号,选购商品,商品规格,商品数量,商家编码,商品单价,订单应付金额,收件人,收件人手机号,省,市,区,街道,详细地址,买家留言,订单提交时间,订单状态,商品一级类目,快递公司,快递单号'.split(
      ',',
    );
  const wechat =
    '订单号,商品名称,商品编码,商品数量,收件人姓名,收件人手机号,虚拟号分机号,省份,城市,区县,详细地址,买家备注,下单时间,订单状态,商品类目,快递公司,快递单号'.split(
      ',',
    );
  const jd =
    '订单号,商品ID,商品名称,订购数量,客户姓名,客户地址,联系电话,订单状态,下单时间,订单备注,商品类目,快递公司,运单号'.split(
      ',',
    );
  it('detects the platform from the demo export headers', () => {
    expect(detectPlatform(douyin)).toBe('douyin');
    expect(detectPlatform(wechat)).toBe('wechat');
    expect(detectPlatform(jd)).toBe('jd');
    expect(detectPlatform(['订单号'])).toBeUndefined();
  });
  it('maps every demo header cell to a column (except prices, which shipmask does not read)', () => {
    expect(mapHeader(douyin, 'douyin').unused).toEqual(['商品单价', '订单应付金额']);
    expect(mapHeader(wechat, 'wechat').unused).toEqual([]);
    expect(mapHeader(jd, 'jd').unused).toEqual([]);
    expect(mapHeader(jd, 'jd').index).toMatchObject({
      productId: 1,
      quantity: 3,
      address: 5,
      trackingNumber: 12,
    });
    expect(mapHeader(wechat, 'wechat').index).toMatchObject({ virtualExt: 6, province: 7, remark: 11 });
  });
  it('accepts aliases and decorated header cells', () => {
    expect(normalizeHeader(' *订单号 ')).toBe('订单号');
    expect(normalizeHeader('商品单价(元)')).toBe('商品单价');
    expect(mapHeader(['订单编号', '收货人', '收货地址', '创建时间'], 'douyin').index).toEqual({
      orderId: 0,
      receiverName: 1,
      address: 2,
      createdAt: 3,
    });
    expect(mapHeader(['订单号'], 'taobao' as 'jd').index).toEqual({ orderId: 0 });
    expect(looksLikeHeader(['订单号', '商品名称'])).toBe(true);
    expect(looksLikeHeader(['3718000000000001', '保温杯'])).toBe(false);
    expect(normalizeHeader(`(${'x'.repeat(100_000)}`).length).toBe(100_001);
  });
});

describe('every regex over file text finishes on 100,000-character input', { timeout: 120_000 }, () => {
  it('order rows whose every cell is 100,000 characters are read or reported, not hung on', () => {
    const header =
      '订单号,商品ID,商品名称,订购数量,客户姓名,客户地址,联系电话,订单状态,下单时间,订单备注,商品类目,快递公司,运单号';
    for (const unit of ['1', 'a', '-', '转', '　', '"', '=', '*', '(']) {
      const big = unit.repeat(100_000);
      const cell = `"${big.replaceAll('"', '""')}"`;
      const r = parseOrderFile(`${header}\n${Array(13).fill(cell).join(',')}\n`, { platform: 'jd' });
      expect(
        r.orders.length + r.problems.filter((p) => p.line === 2 && p.severity !== 'warning').length,
        unit,
      ).toBe(1);
      expect(readOrderStatus(big)).toBeUndefined();
      expect(readCarrier(big)).toBeUndefined();
      expect(guardCell(big).length).toBeGreaterThanOrEqual(100_000);
      expect(normalizeHeader(big).length).toBeLessThanOrEqual(100_000);
    }
    // A valid row with a 100,000-character remark that ends in a phone number.
    const row = `300000000001,1,杯,1,王*,北京市朝阳区****,,等待出库,2026-11-03 12:00:00,"${'x'.repeat(100_000)}13440963639",,,`;
    const r = parseOrderFile(`${header}\n${row}\n`, { platform: 'jd' });
    expect(r.orders).toHaveLength(1);
    expect(r.orders[0]?.order.remark?.endsWith('134****3639')).toBe(true);
  });
  it('XLSX text with 100,000 entities and escapes', () => {
    const t = '&amp;_x000D_'.repeat(10_000) + '&#20013;'.repeat(10_000);
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${t}</t></is></c></row></sheetData></worksheet>`;
    const r = readXlsxRows(
      zipSync({
        'xl/workbook.xml': strToU8(
          '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
        'xl/_rels/workbook.xml.rels': strToU8(
          '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
        'xl/worksheets/sheet1.xml': strToU8(sheet),
      }),
    );
    expect(r.ok && r.records[0]?.fields[0]).toBe('&\r'.repeat(10_000) + '中'.repeat(10_000));
  });
});
