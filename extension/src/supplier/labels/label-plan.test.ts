import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BATCH, CIPHER, MASKED, PREFERS_SF, VN } from '../batch.fixture';
import { words } from '../i18n';
import { withRow, type Rows } from '../orders/rows';
import { LABEL_SIZES } from './routes';
import { planLabels } from './label-plan';

const T = Date.UTC(2026, 10, 24);

describe('planLabels', () => {
  it('nothing printable: no labels, the note says to fill numbers first', () => {
    expect(planLabels(BATCH, {}, 'ZTO', '100x150', T, 'zh')).toEqual({
      labels: undefined,
      note: words.zh.printNone,
    });
    expect(planLabels(BATCH, {}, 'ZTO', '100x150', T, 'en').note).toBe(words.en.printNone);
  });

  it('prints label-route orders with a valid number at the chosen size; refusals counted by reason', () => {
    let rows: Rows = withRow({}, VN, { waybill: 'ZT78901234567890' });
    rows = withRow(rows, MASKED, { waybill: 'ZT78901234567891' });
    rows = withRow(rows, CIPHER, { waybill: 'ZT78901234567892' });
    rows = withRow(rows, PREFERS_SF, { waybill: 'SF1234567890', cannot: true });
    const p = planLabels(BATCH, rows, 'ZTO', '76x130', T, 'zh');
    expect(p.labels?.map((l) => [l.orderId, l.ok])).toEqual([
      [VN, true],
      [MASKED, false],
    ]);
    const ok = p.labels?.[0];
    expect(ok?.ok && ok.size).toBe('76x130');
    expect(ok?.ok && ok.src.startsWith('data:image/svg+xml')).toBe(true);
    expect(p.note.startsWith(words.zh.printRefused(1))).toBe(true);
  });

  it('property: never a label for a platform 代发, cannot-ship or number-less order', () => {
    const ids = BATCH.orders.map((o) => o.orderId);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom(...ids), fc.constantFrom('', 'x', 'ZT78901234567890'), fc.boolean()),
        ),
        fc.constantFrom(...LABEL_SIZES),
        (entries, size) => {
          let rows: Rows = {};
          for (const [id, waybill, cannot] of entries) rows = withRow(rows, id, { waybill, cannot });
          const p = planLabels(BATCH, rows, 'ZTO', size, T, 'en');
          for (const l of p.labels ?? []) {
            expect(l.orderId).not.toBe(CIPHER);
            expect(rows[l.orderId]?.cannot).toBe(false);
            expect(rows[l.orderId]?.waybill).toBe('ZT78901234567890');
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
