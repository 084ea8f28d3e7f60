/**
 * The popup's shipping deadlines per China day (issue 18, item 2): how many open orders must ship
 * on each day, and how many are overdue, from the background's gate overview.
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../client';
import type { GateOverview } from '../messages/gate';
import type { ShopRef } from '../messages/shared';
import { gateStrings, type GateLang } from './i18n';

/** The per-day list; nothing until loaded or when no open order has a deadline. */
export function DeadlineDays({ shop, lang }: { readonly shop: ShopRef; readonly lang: GateLang }) {
  const [o, setO] = useState<GateOverview | null>(null);
  useEffect(() => {
    void send({ type: 'gate/overview', shop }).then((r) => (r.ok ? setO(r.value) : undefined));
  }, [shop.platform, shop.shopId]);
  if (!o || o.perDay.length === 0) return null;
  const t = gateStrings(lang);
  return (
    <section class="deadline-days" data-testid="deadline-days">
      <h2>{t.perDay}</h2>
      {o.due.overdue.length > 0 ? <p class="overdue">{t.overdue(o.due.overdue.length)}</p> : null}
      <ul>
        {o.perDay.map((d) => (
          <li key={d.date} data-date={d.date}>
            <span class="date">{d.date}</span> <span class="count">{d.count}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
