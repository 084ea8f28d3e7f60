import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PrintDocState } from '../../messages/print';
import type { Refusal } from '../build';
import { printStrings } from '../i18n';
import { refusalGroupKey, refusalReason, summarizeRefusals, visibleRefusals } from './refusals-state';

const r = (orderId: string, code: string, status?: string): Refusal => ({
  orderId,
  code,
  message: `core: ${code}`,
  ...(status ? { status } : {}),
});
const CODES = [
  'no-tracking-number',
  'masked-only',
  'virtual-expired',
  'not-awaiting-shipment',
  'weird-new-code',
];
const refusals = fc
  .array(fc.tuple(fc.constantFrom(...CODES), fc.constantFrom('closed', 'shipped', undefined)), {
    maxLength: 50,
  })
  .map((xs) => xs.map(([code, status], i) => r(`o${i}`, code, status)));
const STATES: readonly PrintDocState[] = ['queued', 'sent', 'printed', 'failed', 'canceled'];

describe('visibleRefusals (a reloaded job: printed orders stay printed)', () => {
  it('drops the orders the job printed, keeps the others', () => {
    const refused = [r('a', 'address-masked'), r('b', 'address-masked')];
    const job = {
      documents: [
        { orderId: 'a', state: 'printed' },
        { orderId: 'b', state: 'queued' },
      ],
    } as never;
    expect(visibleRefusals(refused, job).map((x) => x.orderId)).toEqual(['b']);
  });
  it('without a job, or nothing printed, lists every refusal as it came', () => {
    const refused = [r('a', 'masked-only')];
    expect(visibleRefusals(refused, undefined)).toBe(refused);
    expect(visibleRefusals(refused, { documents: [] })).toBe(refused);
  });
  it('property: an order is never both printed and refused, and no other refusal is lost', () => {
    fc.assert(
      fc.property(refusals, fc.array(fc.constantFrom(...STATES), { maxLength: 50 }), (refused, states) => {
        const documents = states.map((state, i) => ({ orderId: `o${i}`, state })) as never[];
        const printed = new Set(states.flatMap((s, i) => (s === 'printed' ? [`o${i}`] : [])));
        const shown = visibleRefusals(refused, { documents });
        for (const x of shown) expect(printed.has(x.orderId)).toBe(false);
        expect(shown.length).toBe(refused.filter((x) => !printed.has(x.orderId)).length);
      }),
    );
  });
});

describe('summarizeRefusals', () => {
  it('lists a missing number apart as the next step and groups the rest by reason, status refusals per status', () => {
    const s = summarizeRefusals([
      r('a', 'no-tracking-number'),
      r('b', 'masked-only'),
      r('c', 'not-awaiting-shipment', 'shipped'),
      r('d', 'masked-only'),
      r('e', 'not-awaiting-shipment', 'cancelled'),
      r('f', 'not-awaiting-shipment', 'shipped'),
    ]);
    expect(s.needsNumber.map((x) => x.orderId)).toEqual(['a']);
    expect(s.groups.map(([k, rs]) => [k, rs.map((x) => x.orderId)])).toEqual([
      ['masked-only', ['b', 'd']],
      ['not-awaiting-shipment:shipped', ['c', 'f']],
      ['not-awaiting-shipment:cancelled', ['e']],
    ]);
    expect(s.refusedCount).toBe(5);
  });
  it('nothing refused: no next step, no group', () => {
    expect(summarizeRefusals([])).toEqual({ needsNumber: [], groups: [], refusedCount: 0 });
  });
  it('property: next step + refused add up; each refusal in exactly one group under its key', () => {
    fc.assert(
      fc.property(refusals, (rs) => {
        const s = summarizeRefusals(rs);
        expect(s.needsNumber.length + s.refusedCount).toBe(rs.length);
        expect(s.groups.reduce((n, [, g]) => n + g.length, 0)).toBe(s.refusedCount);
        const seen = s.groups.flatMap(([k, g]) =>
          g.map((x) => (expect(refusalGroupKey(x)).toBe(k), x.orderId)),
        );
        expect(new Set(seen).size).toBe(seen.length);
        expect(new Set(s.groups.map(([k]) => k)).size).toBe(s.groups.length);
        for (const x of s.needsNumber) expect(x.code).toBe('no-tracking-number');
      }),
    );
  });
});

describe('refusalReason', () => {
  const zh = printStrings('zh');
  const en = printStrings('en');
  it("names the status in the page's language", () => {
    expect(refusalReason(zh, r('a', 'not-awaiting-shipment', 'shipped'))).toBe(zh.notAwaiting('已发货'));
    expect(refusalReason(en, r('a', 'not-awaiting-shipment', 'shipped'))).toBe(
      en.notAwaiting(en.orderStatus['shipped']!),
    );
  });
  it('an unknown status is named as it came; none as 未知', () => {
    expect(refusalReason(zh, r('a', 'not-awaiting-shipment', 'frozen'))).toBe(zh.notAwaiting('frozen'));
    expect(refusalReason(zh, r('a', 'not-awaiting-shipment'))).toBe(zh.notAwaiting('未知'));
  });
  it("uses the page's sentence for a known code, core's message otherwise", () => {
    expect(refusalReason(zh, r('a', 'virtual-expired'))).toBe('虚拟号已过有效期');
    expect(refusalReason(zh, r('a', 'weird-new-code'))).toBe('core: weird-new-code');
  });
});
