/**
 * 平台打单 (issue 16): the orders whose label is the platform's signed print data, why, the button
 * that ticks their rows in the platform's own order list, and what the tab answered.
 * @module
 */
import type { PrintStrings } from '../i18n';
import type { PlatformTick } from '../platform-tab';

/** The 平台打单 section (shown with orders in the group, or for a platform job). */
export function PlatformPrint(p: {
  readonly t: PrintStrings;
  readonly count: number;
  readonly shown: boolean;
  readonly enabled: boolean;
  readonly tick: PlatformTick | undefined;
  readonly onTick: () => void;
}) {
  const { t, count, tick } = p;
  if (!p.shown) return null;
  return (
    <section class="platform-print" data-count={count}>
      <h2>{t.platformTitle(count)}</h2>
      <p class="platform-why">{t.platformWhy}</p>
      <button type="button" class="platform-tick" disabled={!p.enabled} onClick={p.onTick}>
        {t.platformTick(count)}
      </button>
      {tick ? (
        <p class="platform-ticked" data-ok={String(tick.ok)} data-ticked={tick.ok ? tick.ticked.length : 0}>
          {tick.ok
            ? t.platformTicked(tick.ticked.length, tick.missing.length, tick.entry)
            : t.platformNoTab(tick.reason)}
        </p>
      ) : null}
    </section>
  );
}
