import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPrintRequest } from './codec.js';
import { MAX_PRINT_DATA_ENTRIES, parsePrintDataFile } from './print-data.js';

// Real-shaped per-waybill print data (Xiaohongshu 查询面单 data.printData; Cainiao print_data).
const printData = (n: number) =>
  JSON.stringify({
    encryptedData: `AES:rU904rj6UH2oqfSUb43+Z${n}`,
    signature: `MD:lH0r2gNxcIuY7dY3VvV4a${n}==`,
    templateURL: 'http://cloudprint.cainiao.com/template/standard/644703',
    ver: 'waybill_print_secret_version_1',
  });
const PARAMS = 'access_token=t&app_key=k&method=logistics.getShopKey&param_json={}&timestamp=1&v=2&sign=s';
const douyinFile = (n: number, extra: (i: number) => object = () => ({ params: PARAMS })) =>
  JSON.stringify({
    component: 'douyin',
    waybills: Array.from({ length: n }, (_, i) => ({
      orderId: `69200000000000${String(i).padStart(4, '0')}`,
      waybillCode: `7890000000${String(i).padStart(4, '0')}`,
      printData: printData(i),
      ...extra(i),
    })),
  });

describe('parsePrintDataFile', () => {
  it('reads real-shaped Douyin print data; every entry builds for the Douyin component', () => {
    const r = parsePrintDataFile(douyinFile(3), 'douyin');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entries).toHaveLength(3);
    expect(r.refused).toEqual([]);
    expect(r.entries[0]).toMatchObject({
      orderId: '692000000000000000',
      waybillCode: '78900000000000',
      content: { kind: 'encrypted', signature: 'MD:lH0r2gNxcIuY7dY3VvV4a0==', params: PARAMS },
    });
    const built = buildPrintRequest('douyin', {
      kind: 'print',
      requestID: 'r',
      task: {
        taskID: 't',
        preview: false,
        printer: '',
        documents: r.entries.map((e) => ({ documentID: e.orderId, contents: [e.content] })),
      },
    });
    expect(built.ok).toBe(true);
  });
  it('refuses entries a real component would refuse, with the reason', () => {
    const file = JSON.stringify({
      component: 'douyin',
      waybills: [
        { orderId: '1001', waybillCode: 'W0000001', printData: printData(1) }, // no params
        {
          orderId: '1002',
          waybillCode: 'W0000002',
          printData: JSON.stringify({ encryptedData: '#order-cipher#', templateURL: 'http://t/1' }),
          params: PARAMS,
        }, // no signature: an order ciphertext is not print data
        { orderId: '1003', waybillCode: 'W0000003', printData: 'not json', params: PARAMS },
        { orderId: '<b>', waybillCode: 'W0000004', printData: printData(4), params: PARAMS },
        { orderId: '1005', waybillCode: 'W0000005', printData: printData(5), params: PARAMS },
        { orderId: '1005', waybillCode: 'W0000006', printData: printData(6), params: PARAMS },
        { orderId: '1007', waybillCode: 'W0000005', printData: printData(7), params: PARAMS },
      ],
    });
    const r = parsePrintDataFile(file, 'douyin');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entries.map((e) => e.orderId)).toEqual(['1005']);
    expect(r.refused.map((x) => [x.index, x.reason.split(' ')[0]])).toEqual([
      [0, 'params'],
      [1, 'signature'],
      [2, 'printData'],
      [3, 'orderId'],
      [5, 'order'],
      [6, 'waybill'],
    ]);
    expect(r.refused[3]).not.toHaveProperty('orderId');
  });
  it('Kuaishou needs key; WeChat needs print_info and the e-waybill order id; JD a template', () => {
    const ks = parsePrintDataFile(
      JSON.stringify({
        component: 'kuaishou',
        waybills: [
          { orderId: '1', waybillCode: 'SF1236547356', printData: printData(1) },
          {
            orderId: '2',
            waybillCode: 'SF1236547357',
            printData: { ...JSON.parse(printData(2)), key: 'K2' },
          },
        ],
      }),
      'kuaishou',
    );
    expect(ks.ok && ks.entries.map((e) => e.orderId)).toEqual(['2']);
    expect(ks.ok && ks.refused[0]?.reason).toContain('key');
    const wx = parsePrintDataFile(
      JSON.stringify({
        component: 'wechat',
        waybills: [
          {
            orderId: '3',
            waybillCode: 'YT3410779063070',
            printData: 'PRINT_INFO',
            ewaybillOrderId: '3878012001699676166',
            deliveryId: 'YTO',
          },
          { orderId: '4', waybillCode: 'YT3410779063071', printData: 'PRINT_INFO' },
        ],
      }),
      'wechat',
    );
    expect(wx.ok && wx.entries).toEqual([
      {
        orderId: '3',
        waybillCode: 'YT3410779063070',
        content: { kind: 'printInfo', printInfo: 'PRINT_INFO' },
        ewaybillOrderId: '3878012001699676166',
        deliveryId: 'YTO',
      },
    ]);
    const jd = parsePrintDataFile(
      JSON.stringify({
        component: 'jd',
        waybills: [
          {
            orderId: '5',
            waybillCode: 'JDVA00000001',
            printData: 'JD-ENC',
            templateURL: 'https://template-content.jd.com/t/1',
          },
        ],
      }),
      'jd',
    );
    expect(jd.ok && jd.entries[0]?.content).toEqual({
      kind: 'encrypted',
      encryptedData: 'JD-ENC',
      signature: '',
      templateURL: 'https://template-content.jd.com/t/1',
    });
  });
  it('file-level errors are typed: size, JSON, shape, component', () => {
    expect(parsePrintDataFile('x'.repeat(16 * 1024 * 1024 + 1), 'douyin')).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    expect(parsePrintDataFile('{', 'douyin')).toMatchObject({ ok: false, error: { code: 'malformed-json' } });
    expect(parsePrintDataFile('[]', 'douyin')).toMatchObject({
      ok: false,
      error: { code: 'not-a-print-data-file' },
    });
    expect(parsePrintDataFile(douyinFile(1), 'wechat')).toMatchObject({
      ok: false,
      error: { code: 'wrong-component' },
    });
    expect(parsePrintDataFile(douyinFile(1), 'taobao')).toMatchObject({
      ok: false,
      error: { code: 'unknown-component' },
    });
    const many = JSON.stringify({
      component: 'douyin',
      waybills: new Array(MAX_PRINT_DATA_ENTRIES + 1).fill(0),
    });
    expect(parsePrintDataFile(many, 'douyin')).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });
  it('a 100,000-character order id or waybill is refused quickly (anchored, linear patterns)', () => {
    const file = JSON.stringify({
      component: 'douyin',
      waybills: [
        {
          orderId: '1'.repeat(100_000),
          waybillCode: 'A'.repeat(100_000),
          printData: printData(1),
          params: PARAMS,
        },
      ],
    });
    const r = parsePrintDataFile(file, 'douyin');
    expect(r.ok && r.refused).toHaveLength(1);
  });
  it('never throws on any text or JSON (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((w) => JSON.stringify({ component: 'douyin', waybills: [w] })),
          fc.jsonValue().map((p) =>
            JSON.stringify({
              component: 'kuaishou',
              waybills: [{ orderId: '1', waybillCode: 'SF12345', printData: p }],
            }),
          ),
        ),
        fc.constantFrom('douyin', 'kuaishou', 'wechat', 'jd', 'nope'),
        (text, c) => {
          const r = parsePrintDataFile(text, c);
          expect(typeof r.ok).toBe('boolean');
          if (r.ok) for (const e of r.entries) expect(e.orderId).toMatch(/^[A-Za-z0-9_-]{1,64}$/u);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
