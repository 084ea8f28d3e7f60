import type { DailyReveals } from '../../messages/quota';
import type { PopupStrings } from './i18n';

const W = 340;
const H = 130;
const PAD = { top: 14, right: 6, bottom: 18, left: 26 };

/** A round step for the y axis (1, 2, 5 × 10^n) so there are at most ~4 grid lines. */
function niceStep(max: number): number {
  const raw = max / 4;
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

/**
 * The daily allowance as text: whole above 10, one decimal above 1, and below 1 as many digits as
 * it takes to show it is not zero. Rule: a positive allowance never reads as 0 or 0.0.
 * @example
 * fmtShare(16.67); // '17'
 * fmtShare(0.033); // '0.03'
 */
export function fmtShare(n: number): string {
  if (!(n > 0)) return '0';
  if (n >= 10) return String(Math.round(n));
  if (n >= 1) return n.toFixed(1);
  return String(Number(n.toPrecision(1)));
}

/**
 * Reveals per China day as SVG bars (rendered by Preact, no chart library), with the allowance
 * left per day (what remains over the days left) as a dashed line; bars above it are drawn in the
 * warning colour.
 */
export function RevealChart(props: { data: DailyReveals; t: PopupStrings }) {
  const { data, t } = props;
  const days = data.days;
  const share = data.dailyShare;
  const maxCount = Math.max(1, ...days.map((d) => d.count), share !== null ? share * 1.15 : 0);
  const step = niceStep(maxCount);
  const top = Math.ceil(maxCount / step) * step;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number): number => PAD.top + plotH - (v / top) * plotH;
  const slot = plotW / Math.max(days.length, 1);
  const barW = Math.max(2, slot * 0.7);
  const total = days.reduce((s, d) => s + d.count, 0);
  const grid: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) grid.push(v);
  const shareText = share !== null ? fmtShare(share) : t.unlimited;

  return (
    <figure class="chart">
      <figcaption>{t.chartTitle}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={t.chartLabel(days.length, total, shareText)}
      >
        {grid.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class="grid" />
            <text x={PAD.left - 4} y={y(v) + 3} class="axis" text-anchor="end">
              {v}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const over = share !== null && d.count > share;
          return (
            <rect
              key={d.date}
              x={x}
              y={y(d.count)}
              width={barW}
              height={Math.max(0, y(0) - y(d.count))}
              class={over ? 'bar over' : 'bar'}
              data-date={d.date}
              data-count={d.count}
            >
              <title>{t.revealsOn(d.date, d.count)}</title>
            </rect>
          );
        })}
        {days.map((d, i) =>
          i % 7 === days.length % 7 || i === days.length - 1 ? (
            <text
              key={`l${d.date}`}
              x={PAD.left + i * slot + slot / 2}
              y={H - 5}
              class="axis"
              text-anchor="middle"
            >
              {d.date.slice(5)}
            </text>
          ) : null,
        )}
        {share !== null && share <= top ? (
          <line class="share" x1={PAD.left} x2={W - PAD.right} y1={y(share)} y2={y(share)} />
        ) : null}
      </svg>
      <p class="legend">
        <span class="key bar-key" /> {t.legendBar}
        {share !== null ? (
          <>
            <span class="key over-key" /> {t.legendOver}
            <span class="key share-key" /> {t.dailyShare(shareText)}
          </>
        ) : null}
      </p>
    </figure>
  );
}
