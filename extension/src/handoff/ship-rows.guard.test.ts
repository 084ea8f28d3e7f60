// The bulk-ship file the merchant downloads after a supplier's return code (issue 14 item 5): the
// carrier and waybill come from a hostile return code, so no formula start in any form may reach
// a cell. Kept apart from ship-rows' own tests (the return-code checks live elsewhere).
import { describe, expect, it } from 'vitest';
import { parseCsv, startsFormula, type ReturnResult } from '@shipmask/core';
import type { BatchDetail } from '../messages/handoff';
import { shippingOf } from './ship-rows';

const HOSTILE = [
  '=1+1',
  '＝HYPERLINK("http://x","点我")',
  '＋1',
  '－1',
  '＠SUM(A1)',
  '\u200B=1',
  '\uFEFF+1',
  '\0=1',
  '\u3000＝1',
  '\t=1',
  '\r=1',
];

function batchWith(results: readonly { orderId: string; result: ReturnResult }[]): BatchDetail {
  return {
    batchId: 'q3Zk8Jd0WcLm',
    shop: { platform: 'douyin', shopId: 'demo' },
    items: results.map(({ orderId, result }) => ({ order: { orderId }, result: { ...result, orderId } })),
  } as unknown as BatchDetail;
}

describe('shippingOf: hostile carriers and waybills from a return code', () => {
  it('writes no cell that a spreadsheet could run, in any form; refuses the rows instead', () => {
    const results = HOSTILE.flatMap((h, i) => [
      {
        orderId: `69210000000010${String(i).padStart(2, '0')}`,
        result: { status: 'shipped', carrier: h, waybill: '78901234567890' },
      },
      {
        orderId: `69210000000020${String(i).padStart(2, '0')}`,
        result: { status: 'shipped', carrier: 'ZTO', waybill: h },
      },
      { orderId: h, result: { status: 'shipped', carrier: 'ZTO', waybill: '78901234567890' } },
    ]) as { orderId: string; result: ReturnResult }[];
    const ok = {
      orderId: '6921000000009999',
      result: { status: 'shipped', carrier: 'ZTO', waybill: '78901234567890' },
    } as {
      orderId: string;
      result: ReturnResult;
    };
    const { file: f, lines } = shippingOf(batchWith([...results, ok]));
    expect(f.written).toBe(1);
    expect(lines).toBe('6921000000009999,中通快递,78901234567890');
    expect(f.problems).toHaveLength(results.length);
    const rows = parseCsv(f.csv).map((r) => r.fields);
    expect(rows.slice(1)).toEqual([['6921000000009999', '中通快递', '78901234567890']]);
    for (const r of rows) for (const c of r) expect(startsFormula(c), JSON.stringify(c)).toBe(false);
  });
});
