import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReturnResult } from '@shipmask/core';
import type { BatchDetail, BatchReminder, ImportReply, ImportResult } from '../../messages/handoff';
import {
  BATCHES_START,
  batchesReducer,
  canImport,
  gatePassed,
  importOutcome,
  resultText,
  shopsOf,
} from './batches-state';

const shop = { platform: 'douyin' as const, shopId: 'demo' };
const shipped = (orderId: string): ReturnResult => ({
  orderId,
  status: 'shipped',
  carrier: 'ZTO',
  waybill: 'ZT78901234567890',
});

function detail(batchId: string, ids: readonly string[], extra: Partial<BatchDetail> = {}): BatchDetail {
  return {
    batchId,
    shop,
    supplier: { name: '义乌杯厂' },
    createdAt: 0,
    expiresAt: 1,
    passphrase: false,
    orders: ids.length,
    shipped: 0,
    cannotShip: 0,
    status: 'sent',
    imports: 0,
    items: ids.map((orderId) => ({ order: { orderId, items: [], receiver: {} } })),
    ...extra,
  };
}

describe('batchesReducer', () => {
  it('keeps the list; reminders soonest expiry first', () => {
    const s = batchesReducer(BATCHES_START, { type: 'batches', batches: [detail('a', [])] });
    expect(s.batches.map((b) => b.batchId)).toEqual(['a']);
    const r = (batchId: string, expiresAt: number) => ({ batchId, expiresAt }) as BatchReminder;
    const due = batchesReducer(s, { type: 'reminders', reminders: [r('x', 3), r('y', 1), r('z', 2)] });
    expect(due.reminders.map((x) => x.batchId)).toEqual(['y', 'z', 'x']);
  });

  it('opening a batch clears the code and the last import; back closes it', () => {
    const typed = batchesReducer(
      { ...BATCHES_START, imported: { changes: [], unchanged: 0, stale: 0, batch: detail('a', []) } },
      { type: 'code', text: 'SMR1…' },
    );
    expect(typed.code).toBe('SMR1…');
    const opened = batchesReducer(typed, { type: 'open', detail: detail('b', ['1']) });
    expect(opened).toMatchObject({ code: '', imported: undefined, open: { batchId: 'b' } });
    expect(batchesReducer(opened, { type: 'back' }).open).toBeUndefined();
  });

  it('an accepted import shows its changes and the batch as stored now', () => {
    const result: ImportResult = {
      changes: [{ orderId: '1', after: shipped('1') }],
      unchanged: 0,
      stale: 0,
      batch: detail('b', ['1'], { shipped: 1, status: 'returned' }),
    };
    const s = batchesReducer({ ...BATCHES_START, open: detail('b', ['1']) }, { type: 'imported', result });
    expect(s.imported).toBe(result);
    expect(s.open?.status).toBe('returned');
  });

  it('a status change updates the open batch only when it is that batch', () => {
    const s = { ...BATCHES_START, open: detail('b', ['1'], { status: 'returned' }) };
    expect(batchesReducer(s, { type: 'status', batchId: 'b', status: 'shipped' }).open?.status).toBe(
      'shipped',
    );
    expect(batchesReducer(s, { type: 'status', batchId: 'other', status: 'shipped' })).toBe(s);
    expect(batchesReducer(BATCHES_START, { type: 'status', batchId: 'b', status: 'shipped' })).toBe(
      BATCHES_START,
    );
  });
});

describe('import rules', () => {
  it('importing needs an open batch and a code', () => {
    expect(canImport({ ...BATCHES_START, code: 'SMR1' })).toBe(false);
    expect(canImport({ ...BATCHES_START, open: detail('b', []), code: ' \n' })).toBe(false);
    expect(canImport({ ...BATCHES_START, open: detail('b', []), code: 'SMR1' })).toBe(true);
  });

  it("property: a refused code (revoked, another batch's, unknown order…) changes nothing and says why", () => {
    const codes = ['revoked', 'wrong-batch', 'expired', 'unknown-order', 'tampered', 'bad-time'];
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.string(), (code, message) => {
        const out = importOutcome({ ok: false, code, message });
        expect(out).toEqual({ error: `${code}: ${message}` });
        // No action: nothing reaches the reducer, so no order of the open batch changes.
        expect('action' in out).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('property: an accepted import shows exactly the batch the background returned', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[0-9]{4,8}$/u), { maxLength: 10 }),
        fc.nat(3),
        (ids, stale) => {
          const batch = detail('b', ids);
          const reply: ImportReply = {
            ok: true,
            changes: ids.map((id) => ({ orderId: id, after: shipped(id) })),
            unchanged: 0,
            stale,
            batch,
          };
          const out = importOutcome(reply);
          if (!('action' in out)) throw new Error('accepted import refused');
          const s = batchesReducer({ ...BATCHES_START, open: detail('b', []) }, out.action);
          expect(s.open).toBe(batch);
          expect(s.imported?.changes.map((c) => c.orderId)).toEqual(ids);
          expect(s.imported?.stale).toBe(stale);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('shopsOf / resultText / gatePassed', () => {
  it('each shop once, in list order', () => {
    const jd = { platform: 'jd' as const, shopId: 'x' };
    expect(shopsOf([{ shop }, { shop: jd }, { shop: { ...shop } }])).toEqual([shop, jd]);
  });

  it('results in words', () => {
    expect(resultText(undefined, 'douyin', 'zh')).toBe('—');
    expect(resultText({ orderId: '1', status: 'cannot-ship', reason: '缺货' }, 'douyin', 'zh')).toBe(
      '✕ 缺货',
    );
    expect(resultText(shipped('1'), 'douyin', 'zh')).toMatch(/ZT78901234567890$/u);
  });

  it('the bulk-ship file gets only what the gate passed, nothing before it answers', () => {
    const d = detail('b', ['1', '2', '3']);
    expect(gatePassed(d, undefined)).toBeUndefined();
    expect(gatePassed(undefined, new Set(['1']))).toBeUndefined();
    expect(gatePassed(d, new Set(['1', '3', '9']))?.items.map((it) => it.order.orderId)).toEqual(['1', '3']);
  });
});
