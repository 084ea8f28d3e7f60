/**
 * The held orders of a step (print, seal, bulk-ship) with one "go on anyway" box per reason:
 * only ticked reasons become overrides, which the background logs. Page text is rendered as text.
 * @module
 */
import type { GateOverride, Hold } from '@shipmask/core';
import { gateStrings, type GateLang } from './i18n';

export interface HeldOrdersProps {
  readonly held: readonly { readonly orderId: string; readonly holds: readonly Hold[] }[];
  readonly overrides: readonly GateOverride[];
  readonly lang: GateLang;
  readonly onChange: (overrides: readonly GateOverride[]) => void;
}

const same = (a: GateOverride, b: GateOverride): boolean => a.orderId === b.orderId && a.reason === b.reason;

/** The held list; renders nothing when nothing is held. */
export function HeldOrders({ held, overrides, lang, onChange }: HeldOrdersProps) {
  if (held.length === 0) return null;
  const t = gateStrings(lang);
  return (
    <section class="gate-held" data-held={String(held.length)}>
      <h2>{t.heldTitle(held.length)}</h2>
      <p class="hint">{t.heldHint}</p>
      <ul>
        {held.map((h) => (
          <li key={h.orderId} data-order={h.orderId}>
            <span class="order-id">{h.orderId}</span>
            {h.holds.map((x) => {
              const o = { orderId: h.orderId, reason: x.reason };
              const on = overrides.some((y) => same(y, o));
              return (
                <label key={x.reason} class="hold" data-reason={x.reason} title={x.detail}>
                  <span class="reason">{t.reason[x.reason]}</span>
                  <input
                    type="checkbox"
                    class="override"
                    checked={on}
                    onChange={() => onChange(on ? overrides.filter((y) => !same(y, o)) : [...overrides, o])}
                  />
                  {t.override}
                </label>
              );
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
