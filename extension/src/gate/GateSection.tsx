/**
 * The panel's exception section (issue 18): "已打印，需拦截" notices with their tracking number and
 * carrier (until marked handled), orders held before print with their typed reasons, the orders
 * overdue and due within N hours, and the "可合并" groups. All text is rendered as text.
 * @module
 */
import { timeLeft, type InterceptReason } from '@shipmask/core';
import type { GateOverview } from '../messages/gate';
import { gateStrings, type GateLang } from './i18n';

export interface GateSectionProps {
  readonly overview: GateOverview | null;
  readonly lang: GateLang;
  readonly now: number;
  readonly dueWithinHours: number;
  readonly onHandled: (orderId: string, reasons: readonly InterceptReason[]) => void;
}

/** Most ids listed per list; the rest is counted. */
const MAX_LISTED = 8;

/** The section; nothing when there is nothing to say. */
export function GateSection({ overview, lang, now, dueWithinHours, onHandled }: GateSectionProps) {
  if (!overview) return null;
  const t = gateStrings(lang);
  const { intercepts, held, due, groups } = overview;
  if (!intercepts.length && !held.length && !due.overdue.length && !due.dueSoon.length && !groups.length)
    return null;
  const left = (at: number): string => {
    const l = timeLeft(at, now, { dueWithinHours });
    return l.state === 'overdue' ? t.late(l.hours, l.minutes) : t.left(l.hours, l.minutes);
  };
  return (
    <section class="sm-gate" data-testid="gate">
      {intercepts.length > 0 ? (
        <ul class="sm-intercepts" data-testid="intercepts">
          {intercepts.map((n) => (
            <li key={n.orderId} class="sm-intercept" data-order={n.orderId}>
              <strong>{t.intercept}</strong> <span class="sm-id">{n.orderId}</span>{' '}
              <span class="sm-why">{t.intercepted(n.reasons)}</span>{' '}
              {n.trackingNumber ? (
                <span class="sm-waybill">{t.interceptOf(n.trackingNumber, n.carrier ?? '')}</span>
              ) : null}{' '}
              <button
                type="button"
                class="sm-link sm-handled"
                onClick={() => onHandled(n.orderId, n.reasons)}
              >
                {t.handled}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {held.length > 0 ? (
        <div class="sm-held" data-testid="held">
          <strong>{t.heldTitle(held.length)}</strong>
          <ul>
            {held.slice(0, MAX_LISTED).map((h) => (
              <li key={h.orderId} data-order={h.orderId}>
                <span class="sm-id">{h.orderId}</span>{' '}
                {h.holds.map((x) => (
                  <span key={x.reason} class="sm-hold" data-reason={x.reason}>
                    {t.reason[x.reason]}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {due.overdue.length + due.dueSoon.length > 0 ? (
        <div class="sm-due" data-testid="due">
          {due.overdue.length > 0 ? (
            <strong class="sm-overdue">{t.overdue(due.overdue.length)}</strong>
          ) : null}{' '}
          {due.dueSoon.length > 0 ? <strong>{t.due(due.dueSoon.length, dueWithinHours)}</strong> : null}
          <ul>
            {[...due.overdue, ...due.dueSoon].slice(0, MAX_LISTED).map((d) => (
              <li key={d.orderId} data-order={d.orderId} class={d.at <= now ? 'sm-late' : ''}>
                <span class="sm-id">{d.orderId}</span> <span class="sm-left">{left(d.at)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {groups.length > 0 ? (
        <div class="sm-merge" data-testid="merge">
          <strong>{t.mergeGroups(groups.length)}</strong>
          <ul>
            {groups.slice(0, MAX_LISTED).map((g) => (
              <li key={g.id} data-group={g.id.slice(0, 12)}>
                <span class="sm-badge sm-b-merge">{t.merge}</span> {g.orderIds.join(', ')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
