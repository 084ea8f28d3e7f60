import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PrintDataEntry } from '@shipmask/core';
import type { PrintDocState } from '../../messages/print';
import {
  LISTED_REFUSED,
  mergePrintData,
  missingPrintData,
  noticeWaybills,
  printDataNote,
  reprintedDocuments,
} from './print-data-state';

const entry = (orderId: string, extra: Partial<PrintDataEntry> = {}): PrintDataEntry => ({
  orderId,
  waybillCode: `W${orderId}`,
  content: { data: orderId } as never,
  ...extra,
});

describe('mergePrintData', () => {
  const loaded = new Map([
    ['a', entry('a')],
    ['b', entry('b')],
  ]);
  it('a file for the same component adds to what is loaded, the later entry winning', () => {
    const b2 = entry('b', { waybillCode: 'NEW' });
    const m = mergePrintData(loaded, 'douyin', { component: 'douyin', entries: [b2, entry('c')] });
    expect([...m.keys()]).toEqual(['a', 'b', 'c']);
    expect(m.get('b')).toBe(b2);
  });
  it('a file for another component replaces everything (never mixed)', () => {
    const m = mergePrintData(loaded, 'douyin', { component: 'kuaishou', entries: [entry('c')] });
    expect([...m.keys()]).toEqual(['c']);
  });
});

describe('printDataNote', () => {
  it('counts usable entries and lists refused ones, an entry without order by its position', () => {
    const n = printDataNote({
      entries: [entry('a')],
      refused: [
        { index: 3, reason: 'no signature' },
        { index: 4, orderId: 'b', reason: 'no params' },
      ],
    });
    expect(n).toEqual({ read: 1, refused: ['#4: no signature', 'b: no params'] });
  });
  it('lists at most 20 refused entries', () => {
    const refused = Array.from({ length: 50 }, (_, i) => ({ index: i, reason: 'x' }));
    expect(printDataNote({ entries: [], refused }).refused).toHaveLength(LISTED_REFUSED);
  });
});

describe('missingPrintData (refuse to resume without the file)', () => {
  const docs = (states: PrintDocState[]) => states.map((state, i) => ({ orderId: `o${i}`, state }));
  it('a queued or sent document without print data blocks the run', () => {
    expect(missingPrintData(docs(['queued']), new Map())).toBe(true);
    expect(missingPrintData(docs(['sent']), new Map())).toBe(true);
    expect(missingPrintData(docs(['queued', 'sent']), new Map([['o0', 1]]))).toBe(true);
  });
  it('final documents need nothing; all present, the run may go', () => {
    expect(missingPrintData(docs(['printed', 'failed', 'canceled']), new Map())).toBe(false);
    expect(
      missingPrintData(
        docs(['queued', 'sent']),
        new Map([
          ['o0', 1],
          ['o1', 1],
        ]),
      ),
    ).toBe(false);
  });
  it('property: blocked exactly when an open document lacks data', () => {
    const states = fc.array(
      fc.constantFrom<PrintDocState>('queued', 'sent', 'printed', 'failed', 'canceled'),
    );
    fc.assert(
      fc.property(states, fc.array(fc.boolean()), (ss, have) => {
        const ds = docs(ss);
        const data = new Map(ds.flatMap((d, i) => (have[i] ? [[d.orderId, 1] as const] : [])));
        const expected = ds.some((d, i) => (d.state === 'queued' || d.state === 'sent') && !have[i]);
        expect(missingPrintData(ds, data)).toBe(expected);
      }),
    );
  });
});

describe('WeChat notice inputs', () => {
  it('one waybill per document whose data carries both e-waybill order id and delivery id', () => {
    const data = new Map([
      ['a', entry('a', { ewaybillOrderId: '9001', deliveryId: 'ZTO' })],
      ['b', entry('b', { ewaybillOrderId: '9002' })],
    ]);
    const docs = [
      { orderId: 'a', documentId: 'j-1' },
      { orderId: 'b', documentId: 'j-2' },
      { orderId: 'c', documentId: 'j-3' },
    ];
    expect(noticeWaybills(docs, data)).toEqual([
      { documentID: 'j-1', ewaybillOrderId: '9001', deliveryId: 'ZTO', waybillId: 'Wa' },
    ]);
  });
  it('flags reprinted documents by their task id', () => {
    const set = reprintedDocuments([
      { documentId: 'j-1', taskId: 'j-1' },
      { documentId: 'j-2', taskId: 'j-2-r1' },
      { documentId: 'j-3', taskId: 'j-3-r12' },
      { documentId: 'j-4', taskId: 'j-4-rx' },
    ]);
    expect([...set]).toEqual(['j-2', 'j-3']);
  });
});
