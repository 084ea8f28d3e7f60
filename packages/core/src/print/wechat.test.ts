import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseWechatMessage, wechatPrintNotice, type WechatWaybill } from './wechat.js';
import type { TaskResult } from './types.js';

const waybills: WechatWaybill[] = [
  {
    documentID: 'w1',
    ewaybillOrderId: '3878012001699676166',
    deliveryId: 'YTO',
    waybillId: 'YT3410779063070',
  },
  {
    documentID: 'w2',
    ewaybillOrderId: '3878012001699676167',
    deliveryId: 'YTO',
    waybillId: 'YT3410779063071',
  },
  {
    documentID: 'w3',
    ewaybillOrderId: '3878012001699676168',
    deliveryId: 'ZTO',
    waybillId: '78900000000003',
  },
];

describe('wechatPrintNotice (批量打印通知 body)', () => {
  it('lists each printed waybill once, from the component reply; reprints flagged re_print 1', () => {
    const m = parseWechatMessage({
      command: 'print',
      requestID: 'r',
      results: [
        { taskID: 'w1', ewaybillOrderID: '3878012001699676166', success: true, failureReason: '' },
        { taskID: 'w2', ewaybillOrderID: '3878012001699676167', success: false, failureReason: '面单已过期' },
        { taskID: 'w3', success: true },
        { taskID: 'w1', ewaybillOrderID: '3878012001699676166', success: true },
      ],
    });
    expect(m.kind).toBe('print-result');
    if (m.kind !== 'print-result') return;
    expect(wechatPrintNotice(m.tasks, waybills, new Set(['w3']))).toEqual({
      req_list: [
        {
          ewaybill_order_id: '3878012001699676166',
          delivery_id: 'YTO',
          waybill_id: 'YT3410779063070',
          re_print: 0,
        },
        {
          ewaybill_order_id: '3878012001699676168',
          delivery_id: 'ZTO',
          waybill_id: '78900000000003',
          re_print: 1,
        },
      ],
    });
  });
  it('a reported e-waybill id that does not match the waybill is left out (never notify the wrong one)', () => {
    const tasks: TaskResult[] = [
      {
        taskID: 'w1',
        status: 'printed',
        documents: [{ documentID: 'w1', status: 'printed', ewaybillOrderID: '999' }],
      },
    ];
    expect(wechatPrintNotice(tasks, waybills).req_list).toEqual([]);
  });
  it('only printed documents with a known waybill, whatever the input (property)', () => {
    const status = fc.constantFrom('printed', 'failed', 'unknown', 'pending') as fc.Arbitrary<
      TaskResult['status']
    >;
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.constantFrom('w1', 'w2', 'w3', 'x'), status }), { maxLength: 12 }),
        (rows) => {
          const tasks: TaskResult[] = rows.map((r) => ({
            taskID: r.id,
            status: r.status,
            documents: [{ documentID: r.id, status: r.status }],
          }));
          const n = wechatPrintNotice(tasks, waybills);
          const printed = new Set(
            rows.filter((r) => r.status === 'printed' && r.id !== 'x').map((r) => r.id),
          );
          expect(n.req_list).toHaveLength(printed.size);
          expect(new Set(n.req_list.map((x) => x.ewaybill_order_id)).size).toBe(printed.size);
        },
      ),
      { numRuns: 500 },
    );
    expect(wechatPrintNotice(null as never, null as never)).toEqual({ req_list: [] });
  });
});
