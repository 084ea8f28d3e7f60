import { formatChinaTime } from '@shipmask/core';
import type { Strings } from './i18n';
import type { QuotaView } from '../messages/quota';

/**
 * used / limit / remaining / forecast from the core ledger, with the level as colour and the period
 * they count in (本月 / 今日, the platform's rule). When the page shows its own counter the numbers
 * are the platform's (limit = used + remaining), a line says so, and our own estimate appears only
 * when it differs meaningfully (`QuotaView.localRemaining`).
 * @example
 * <QuotaMeter quota={view} t={strings('zh')} />
 */
export function QuotaMeter({ quota, t }: { quota: QuotaView | null; t: Strings }) {
  if (!quota) return null;
  const pct = quota.limit ? Math.min(100, Math.round((quota.used / quota.limit) * 100)) : 0;
  const period = t.period(quota.period);
  const level = quota.level === 'ok' ? t.levelOk : quota.level === 'warn' ? t.levelWarn : t.levelExhausted;
  return (
    <section
      class={`sm-quota sm-level-${quota.level}`}
      aria-label={t.quota}
      data-testid="quota"
      data-source={quota.source}
    >
      <div class="sm-quota-head">
        <span>{t.quota}</span>
        {period ? (
          <span class="sm-period" data-testid="quota-period">
            {period}
          </span>
        ) : null}
        <span class="sm-level">{level}</span>
      </div>
      <div
        class="sm-bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={quota.limit ?? 0}
        aria-valuenow={quota.used}
        aria-label={t.quota}
      >
        <div class="sm-bar-fill" style={{ width: `${pct}%` }} />
      </div>
      <dl class="sm-quota-nums">
        <dt>{t.used}</dt>
        <dd data-testid="quota-used">{quota.used}</dd>
        <dt>{t.limit}</dt>
        <dd data-testid="quota-limit">{quota.limit ?? t.unlimited}</dd>
        <dt>{t.remaining}</dt>
        <dd data-testid="quota-remaining">{quota.remaining ?? t.unlimited}</dd>
      </dl>
      <p class="sm-forecast">
        {quota.exhaustsAt !== null
          ? t.forecast(formatChinaTime(quota.exhaustsAt).slice(5, 16).replace('T', ' '))
          : t.noForecast(period)}
      </p>
      {quota.source === 'platform' ? (
        <p class="sm-source-note" data-testid="quota-source">
          {t.fromPlatform}
        </p>
      ) : null}
      {quota.localRemaining !== null ? (
        <p class="sm-drift" data-testid="quota-local">
          {t.localDiffers(quota.localRemaining)}
        </p>
      ) : null}
    </section>
  );
}
