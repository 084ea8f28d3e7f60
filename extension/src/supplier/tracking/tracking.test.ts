import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTrackingCsv, readTrackingText, WAYBILL } from './tracking';

const IDS = ['3718000000000000001', '3718000000000000002', '3718000000000000003'];

describe('readTrackingText', () => {
  it('assigns bare waybill numbers to the orders in order', () => {
    const r = readTrackingText('ZT100000001\n\nZT100000002\n', IDS);
    expect(r.entries).toEqual([
      { orderId: IDS[0], waybill: 'ZT100000001' },
      { orderId: IDS[1], waybill: 'ZT100000002' },
    ]);
    expect(r.skipped).toBe(0);
  });

  it('reads order id + waybill + carrier in any order and separator', () => {
    const r = readTrackingText(`${IDS[2]},中通,ZT300000003\nYT200000002\t圆通\t${IDS[1]}`, IDS);
    expect(r.entries).toEqual([
      { orderId: IDS[2], waybill: 'ZT300000003', carrier: 'ZTO' },
      { orderId: IDS[1], waybill: 'YT200000002', carrier: 'YTO' },
    ]);
  });

  it('skips orders already filled and named ones when assigning bare numbers', () => {
    const r = readTrackingText(`${IDS[1]} SF100000002\nSF100000009`, IDS, new Set([IDS[0]!]));
    expect(r.entries).toEqual([
      { orderId: IDS[1], waybill: 'SF100000002' },
      { orderId: IDS[2], waybill: 'SF100000009' },
    ]);
  });

  it('counts lines without a usable number and surplus numbers as skipped', () => {
    const r = readTrackingText('hello\nZT1\nZT100000001\nZT100000002\nZT100000003\nZT100000004', IDS);
    expect(r.entries.map((e) => e.waybill)).toEqual(['ZT100000001', 'ZT100000002', 'ZT100000003']);
    expect(r.skipped).toBe(3);
  });

  it('reads a print-software CSV with a header, any column order, Excel ="…" cells', () => {
    const csv = `\uFEFF序号,快递单号,收件人,原始单号,快递公司\r\n1,="ZT900000001",张*,="${IDS[0]}",中通快递\r\n2,JT900000002,李*,${IDS[2]},极兔速递\r\n3,JT900000003,王*,999,极兔速递\r\n`;
    const r = readTrackingText(csv, IDS);
    expect(r.entries).toEqual([
      { orderId: IDS[0], waybill: 'ZT900000001', carrier: 'ZTO' },
      { orderId: IDS[2], waybill: 'JT900000002', carrier: 'JTSD' },
    ]);
    expect(r.skipped).toBe(1);
  });

  it('is not a CSV without both columns', () => {
    expect(readTrackingCsv('a,b\n1,2', new Set(IDS))).toBeUndefined();
  });

  it('property: every entry names a batch order once and a valid waybill; never throws', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...IDS),
            fc.stringMatching(/^[A-Z]{2}[0-9]{8,12}$/u),
            fc.constantFrom('中通', '顺丰', ',', '\t', ' '),
            fc.string(),
          ),
          { maxLength: 30 },
        ),
        fc.constantFrom('\n', ' ', ','),
        (parts, sep) => {
          const r = readTrackingText(parts.join(sep), IDS);
          const ids = r.entries.map((e) => e.orderId);
          expect(new Set(ids).size).toBeLessThanOrEqual(ids.length);
          for (const e of r.entries) {
            expect(IDS).toContain(e.orderId);
            expect(WAYBILL.test(e.waybill)).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads a 100,000-character paste', () => {
    const r = readTrackingText('ZT100000001 '.repeat(9000), IDS);
    expect(r.entries.length).toBe(1);
  });
});
