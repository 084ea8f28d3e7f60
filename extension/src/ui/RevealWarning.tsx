import { strings, type Lang } from '../content/i18n';
import type { QuotaView } from '../messages';

/** The warning shown before a reveal when the quota level is warn or exhausted. */
export function RevealWarning({
  quota,
  lang,
  at,
  onProceed,
  onDismiss,
}: {
  quota: QuotaView;
  lang: Lang;
  at: { top: number; left: number };
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
      style={{ top: `${at.top}px`, left: `${at.left}px` }}
    >
      <h2 id="sm-warning-title">{exhausted ? t.exhaustedTitle : t.warnTitle}</h2>
      <p>{t.warnBody(String(quota.remaining ?? 0))}</p>
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
