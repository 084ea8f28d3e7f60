import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PrintDataEntry } from '@shipmask/core';
import { BATCH_START, batchReducer, type BatchAction, type BatchState } from './batch-state';
import { BATCH, CIPHER, MASKED, OPENED, VN } from './batch.fixture';
import type { OrderPrintState } from './component/component-print';
import { words } from './i18n';
import { resultsOf } from './orders/rows';

const T = Date.UTC(2026, 10, 24);
const run = (s: BatchState, ...actions: BatchAction[]): BatchState => actions.reduce(batchReducer, s);
const open = run(BATCH_START, { type: 'opened', opened: OPENED });
const withCode = run(open, { type: 'code-made', text: 'SMR1…', count: 1 });

describe('batchReducer', () => {
  it('opened: rows and code start empty; carrier, size and print states are kept', () => {
    const before = run(
      BATCH_START,
      { type: 'default-carrier', carrier: 'YTO' },
      { type: 'label-size', size: '76x130' },
      { type: 'print-states', states: new Map([['x', 'printed']]) },
      { type: 'opened', opened: OPENED },
      { type: 'row', orderId: VN, patch: { waybill: 'ZT78901234567890' } },
      { type: 'code-made', text: 'c', count: 1 },
    );
    const again = batchReducer(before, { type: 'opened', opened: OPENED });
    expect(again).toMatchObject({
      opened: OPENED,
      rows: {},
      code: undefined,
      defaultCarrier: 'YTO',
      labelSize: '76x130',
    });
    expect(again.printStates).toEqual({ x: 'printed' });
  });

  it('reset forgets the batch, its code, print states and component note', () => {
    const s = run(
      withCode,
      { type: 'print-states', states: new Map([[CIPHER, 'printed']]) },
      { type: 'comp-note', note: 'n' },
      { type: 'reset' },
    );
    expect(s).toMatchObject({ opened: undefined, code: undefined, printStates: {}, compNote: '' });
  });

  it('page hide drops the batch (and its addresses) and the labels', () => {
    const s = run(
      open,
      { type: 'row', orderId: VN, patch: { waybill: 'ZT78901234567890' } },
      { type: 'print-labels', now: T, lang: 'zh' },
    );
    expect(s.labels.length).toBeGreaterThan(0);
    const hidden = batchReducer(s, { type: 'page-hide' });
    expect(hidden.opened).toBeUndefined();
    expect(hidden.labels).toEqual([]);
    expect(JSON.stringify(hidden)).not.toContain('花城广场');
  });

  it('a row change drops the code made before', () => {
    const s = batchReducer(withCode, { type: 'row', orderId: VN, patch: { carrier: 'SF' } });
    expect(s.code).toBeUndefined();
    expect(s.rows[VN]?.carrier).toBe('SF');
  });

  it('tracking fills rows, drops the code and says what it read; without a batch nothing happens', () => {
    const s = batchReducer(withCode, { type: 'tracking', text: `${VN} ZT78901234567890\n??`, lang: 'zh' });
    expect(s.rows[VN]?.waybill).toBe('ZT78901234567890');
    expect(s.code).toBeUndefined();
    expect(s.bulkNote).toBe(words.zh.bulkResult(1, 1));
    expect(batchReducer(BATCH_START, { type: 'tracking', text: 'x', lang: 'zh' })).toBe(BATCH_START);
  });

  it('print: labels at the chosen size; nothing printable keeps the labels and says so; no batch, nothing', () => {
    const s = run(
      open,
      { type: 'label-size', size: '100x180' },
      { type: 'row', orderId: VN, patch: { waybill: 'ZT78901234567890' } },
      { type: 'print-labels', now: T, lang: 'zh' },
    );
    expect(s.labels.map((l) => l.ok && l.size)).toEqual(['100x180']);
    expect(s.printNote).toBe('');
    const none = run(
      s,
      { type: 'row', orderId: VN, patch: { cannot: true } },
      { type: 'print-labels', now: T, lang: 'en' },
    );
    expect(none.labels).toBe(s.labels);
    expect(none.printNote).toBe(words.en.printNone);
    expect(batchReducer(BATCH_START, { type: 'print-labels', now: T, lang: 'zh' })).toBe(BATCH_START);
    const refused = run(
      open,
      { type: 'row', orderId: MASKED, patch: { waybill: 'ZT78901234567891' } },
      { type: 'print-labels', now: T, lang: 'zh' },
    );
    expect(refused.labels.map((l) => l.ok)).toEqual([false]);
    expect(refused.printNote.startsWith(words.zh.printRefused(1))).toBe(true);
  });

  it('return code: start clears the error, a refusal shows it, a code resets copied', () => {
    const failed = run(open, { type: 'code-failed', message: '订单不在批次中 (1)' });
    expect(failed.codeError).toBe('订单不在批次中 (1)');
    expect(batchReducer(failed, { type: 'code-start' }).codeError).toBe('');
    const copied = run(withCode, { type: 'copied', ok: true });
    expect(copied.copied).toBe(true);
    expect(batchReducer(copied, { type: 'code-made', text: 'c2', count: 2 })).toMatchObject({
      code: { text: 'c2', count: 2 },
      copied: false,
    });
    expect(batchReducer(copied, { type: 'copied', ok: false }).copied).toBe(false);
  });

  it('print states merge; printed orders take their waybill and drop the code, otherwise nothing changes', () => {
    const s = run(
      withCode,
      { type: 'print-states', states: new Map([[CIPHER, 'sent']]) },
      { type: 'print-states', states: new Map([[VN, 'failed']]) },
    );
    expect(s.printStates).toEqual({ [CIPHER]: 'sent', [VN]: 'failed' });
    const data = new Map([
      [CIPHER, { orderId: CIPHER, waybillCode: 'ZT78901234567899' } as unknown as PrintDataEntry],
    ]);
    const unknown = batchReducer(s, {
      type: 'printed',
      final: new Map([[CIPHER, 'unknown']]),
      printData: data,
    });
    expect(unknown).toBe(s);
    const printed = batchReducer(s, {
      type: 'printed',
      final: new Map([[CIPHER, 'printed']]),
      printData: data,
    });
    expect(printed.rows[CIPHER]?.waybill).toBe('ZT78901234567899');
    expect(printed.code).toBeUndefined();
  });

  it('property: after any actions, a return code names only orders of the batch, and page hide leaves no batch nor label', () => {
    const ids = [...BATCH.orders.map((o) => o.orderId), '9999999999'];
    const state: fc.Arbitrary<OrderPrintState> = fc.constantFrom('sent', 'printed', 'failed', 'unknown');
    const action: fc.Arbitrary<BatchAction> = fc.oneof(
      fc.constant({ type: 'opened', opened: OPENED } as const),
      fc.constant({ type: 'reset' } as const),
      fc.record({
        type: fc.constant('row' as const),
        orderId: fc.constantFrom(...ids),
        patch: fc.record({ waybill: fc.constantFrom('', 'ZT78901234567890', 'bad'), cannot: fc.boolean() }),
      }),
      fc.record({
        type: fc.constant('tracking' as const),
        text: fc
          .array(fc.tuple(fc.constantFrom(...ids), fc.constant('YT1234567890')))
          .map((l) => l.map((x) => x.join(' ')).join('\n')),
        lang: fc.constant('zh' as const),
      }),
      fc.record({
        type: fc.constant('print-states' as const),
        states: fc.array(fc.tuple(fc.constantFrom(...ids), state)).map((e) => new Map(e)),
      }),
      fc.constant({ type: 'code-made', text: 'c', count: 1 } as const),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        const s = run(BATCH_START, ...actions);
        if (s.opened) {
          // What a return code would carry: only orders of the batch, each once.
          const inBatch = new Set(s.opened.batch.orders.map((o) => o.orderId));
          const results = resultsOf(s.opened.batch.orders, s.rows, s.defaultCarrier).map((r) => r.orderId);
          expect(results.every((id) => inBatch.has(id))).toBe(true);
          expect(new Set(results).size).toBe(results.length);
        }
        const hidden = batchReducer(s, { type: 'page-hide' });
        expect(hidden.opened).toBeUndefined();
        expect(hidden.labels).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
