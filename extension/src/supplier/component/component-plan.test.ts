import { describe, expect, it } from 'vitest';
import type { PrintDataEntry } from '@shipmask/core';
import { parsePrintDataFile } from '@shipmask/core';
import { BATCH, CIPHER, MASKED, VN } from '../batch.fixture';
import type { OrderPrintState } from './component-print';
import { words } from '../i18n';
import { withRow } from '../orders/rows';
import {
  componentJobId,
  componentQueue,
  componentSummary,
  printDataOf,
  printedWaybills,
  withoutPrintData,
} from './component-plan';

const entry = (orderId: string, waybillCode: string): PrintDataEntry =>
  ({ orderId, waybillCode, printData: {} }) as unknown as PrintDataEntry;
const DATA = new Map([[CIPHER, entry(CIPHER, 'ZT78901234567899')]]);

describe('componentQueue', () => {
  it('only ciphertext orders with print data, not cannot-ship, not printed or sent', () => {
    const orders = BATCH.orders;
    expect(componentQueue(orders, {}, DATA, {}).map((o) => o.orderId)).toEqual([CIPHER]);
    expect(componentQueue(orders, {}, new Map(), {})).toEqual([]);
    expect(componentQueue(orders, withRow({}, CIPHER, { cannot: true }), DATA, {})).toEqual([]);
    expect(componentQueue(orders, {}, DATA, { [CIPHER]: 'printed' })).toEqual([]);
    expect(componentQueue(orders, {}, DATA, { [CIPHER]: 'sent' })).toEqual([]);
    // Failed or unknown may be sent again: the supplier chose to.
    expect(componentQueue(orders, {}, DATA, { [CIPHER]: 'failed' })).toHaveLength(1);
    expect(componentQueue(orders, {}, DATA, { [CIPHER]: 'unknown' })).toHaveLength(1);
    // Print data for a masked order without ciphertext is never sent.
    expect(componentQueue(orders, {}, new Map([[MASKED, entry(MASKED, 'ZT1234567890')]]), {})).toEqual([]);
  });

  it('counts the ciphertext orders without print data', () => {
    expect(withoutPrintData(BATCH.orders, new Map())).toBe(1);
    expect(withoutPrintData(BATCH.orders, DATA)).toBe(0);
  });
});

describe('printDataOf', () => {
  it("a refused file clears the data and shows core's reason", () => {
    const r = printDataOf(parsePrintDataFile('not json', 'douyin'), 'zh');
    expect(r.printData.size).toBe(0);
    expect(r.note.length).toBeGreaterThan(0);
    expect(r.note).not.toBe(words.zh.compData(0, 0));
  });
});

describe('componentJobId / printedWaybills / componentSummary', () => {
  it('job id from time and 3 random bytes', () => {
    expect(componentJobId(0, () => new Uint8Array([1, 2, 255]))).toBe('sp00102ff');
    expect(componentJobId(36, () => new Uint8Array([0, 0, 0]))).toBe('sp10000000');
  });

  it('a printed order without a typed number takes its print data waybill; typed numbers stay', () => {
    const final = new Map<string, OrderPrintState>([
      [CIPHER, 'printed'],
      [VN, 'printed'],
      [MASKED, 'failed'],
    ]);
    const data = new Map([...DATA, [MASKED, entry(MASKED, 'ZT1111111111')], [VN, entry(VN, 'ZT2222222222')]]);
    const rows = printedWaybills(withRow({}, VN, { waybill: 'YT0000000001' }), final, data);
    expect(rows[CIPHER]?.waybill).toBe('ZT78901234567899');
    expect(rows[VN]?.waybill).toBe('YT0000000001');
    expect(rows[MASKED]).toBeUndefined();
    const same = {};
    expect(printedWaybills(same, new Map([[CIPHER, 'unknown']]), DATA)).toBe(same);
  });

  it('summary counts, plus the skipped orders, joined in the page language', () => {
    const final = new Map<string, OrderPrintState>([
      ['a', 'printed'],
      ['b', 'printed'],
      ['c', 'failed'],
      ['d', 'unknown'],
    ]);
    expect(componentSummary(final, 0, 'zh')).toBe(words.zh.compSummary(2, 1, 1));
    expect(componentSummary(final, 2, 'zh')).toBe(
      `${words.zh.compSummary(2, 1, 1)}；${words.zh.compSkipped(2)}`,
    );
    expect(componentSummary(final, 2, 'en')).toBe(
      `${words.en.compSummary(2, 1, 1)}; ${words.en.compSkipped(2)}`,
    );
  });
});
