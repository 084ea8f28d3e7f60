/**
 * The orders not printed (issue 21 item 7): first the next step (orders waiting for a waybill
 * number), then the refusals grouped by reason, each heading with its count. refusals-state.ts
 * builds the groups.
 * @module
 */
import type { PrintStrings } from '../i18n';
import { refusalReason, type RefusalSummary } from './refusals-state';

/** The next-step and refused sections (nothing when both are empty). */
export function Refusals(p: { readonly t: PrintStrings; readonly summary: RefusalSummary }) {
  const { t } = p;
  const { needsNumber, groups, refusedCount } = p.summary;
  return (
    <>
      {needsNumber.length > 0 ? (
        // A missing waybill number is the next step, not a refusal (issue 21 item 7).
        <section class="needs-number" data-count={needsNumber.length}>
          <h2>{t.needsNumber(needsNumber.length)}</h2>
          <p>{t.needsNumberHint}</p>
          <ul class="needs-number-list">
            {needsNumber.map((r) => (
              <li key={r.orderId}>
                <code>{r.orderId}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {groups.length > 0 ? (
        <section class="refused">
          <h2>{t.refused(refusedCount)}</h2>
          {groups.map(([code, rs]) => (
            <div class="refused-group" key={code} data-code={code} data-count={rs.length}>
              <h3>
                {refusalReason(t, rs[0]!)}（{rs.length}）
              </h3>
              <ul class="refused-list">
                {rs.map((r) => (
                  <li key={r.orderId} data-code={r.code}>
                    <code>{r.orderId}</code> {refusalReason(t, r)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}
