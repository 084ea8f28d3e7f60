import { strings, type Lang } from './i18n';
import type { QuotaView } from '../messages/quota';

/**
 * The warning shown before a reveal when the quota level is warn or exhausted. It names the
 * reveal control as the page shows it (`control`: 抖店's 小眼睛, 查看 elsewhere) and the period the
 * remaining count is for (本月 / 今日). Where it sits is content/warning-anchor.ts's job: it is
 * drawn off-screen first, then placed against its row.
 * @example
 * <RevealWarning quota={view} lang="zh" control="小眼睛" onProceed={go} onDismiss={close} />
 */
export function RevealWarning({
  quota,
  lang,
  control,
  onProceed,
  onDismiss,
}: {
  quota: QuotaView;
  lang: Lang;
  control: string;
  onProceed: () => void;
  onDismiss: () => void;
}) {
  const t = strings(lang);
  const exhausted = quota.level === 'exhausted';
  return (
    <div
      class={`sm-warning sm-level-${quota.level}`}
      role="alertdialog"
      aria-labelledby="sm-warning-title"
      data-testid="reveal-warning"
      style={{ top: '-9999px', left: '0px' }}
    >
      <h2 id="sm-warning-title">{exhausted ? t.exhaustedTitle : t.warnTitle}</h2>
      <p>{t.warnBody(String(quota.remaining ?? 0), t.period(quota.period), control)}</p>
      <div class="sm-selection">
        <button type="button" onClick={onProceed} data-testid="reveal-proceed">
          {t.proceed}
        </button>
        <button type="button" onClick={onDismiss}>
          {t.dismiss}
        </button>
      </div>
    </div>
  );
}
