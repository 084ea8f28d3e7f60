/**
 * Link lifetime on the merchant's side (issue 17, item 5): reminders for batches about to expire
 * with orders not returned, and the revoke control of one batch (its return codes are refused
 * afterwards).
 * @module
 */
import { useState } from 'preact/hooks';
import type { BatchReminder } from '../messages/handoff';

type Lang = 'zh' | 'en';

const time = (t: number): string =>
  new Date(t).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

const W = {
  zh: {
    reminder: (supplier: string, pending: number, at: string) =>
      `${supplier}：还有 ${pending} 个订单没有回执，链接将于 ${at} 过期`,
    revoke: '作废此批次',
    confirm: '确定作废？作废后这个批次的回执码将被拒绝导入。',
    revoked: (at: string) => `已于 ${at} 作废：回执码不再导入`,
  },
  en: {
    reminder: (supplier: string, pending: number, at: string) =>
      `${supplier}: ${pending} orders not returned yet; the link expires ${at}`,
    revoke: 'Revoke this batch',
    confirm: "Revoke? This batch's return codes will be refused from now on.",
    revoked: (at: string) => `Revoked ${at}: return codes are refused`,
  },
};

/**
 * Reminders of batches near expiry.
 * @example
 * <ExpiryReminders lang="zh" reminders={r} onOpen={(id) => openBatch(id)} />
 */
export function ExpiryReminders(props: {
  lang: Lang;
  reminders: readonly BatchReminder[];
  onOpen: (batchId: string) => void;
}) {
  const w = W[props.lang];
  if (props.reminders.length === 0) return null;
  return (
    <ul class="ho-reminders" role="status">
      {props.reminders.map((r) => (
        <li key={r.batchId} class="ho-reminder ho-warn" data-batch-id={r.batchId}>
          <button type="button" class="ho-link-btn" onClick={() => props.onOpen(r.batchId)}>
            {w.reminder(r.supplier.name, r.pending, time(r.expiresAt))}
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * The revoke control of an open batch (two clicks: revoke, then confirm).
 * @example
 * <RevokeBatch lang="zh" revokedAt={b.revokedAt} onRevoke={() => revoke(b.batchId)} />
 */
export function RevokeBatch(props: { lang: Lang; revokedAt?: number | undefined; onRevoke: () => void }) {
  const w = W[props.lang];
  const [asking, setAsking] = useState(false);
  if (props.revokedAt !== undefined)
    return <p class="ho-revoked ho-warn">{w.revoked(time(props.revokedAt))}</p>;
  return asking ? (
    <p class="ho-revoke-confirm">
      {w.confirm}{' '}
      <button type="button" class="ho-btn ho-revoke-yes" onClick={props.onRevoke}>
        {w.revoke}
      </button>
    </p>
  ) : (
    <button type="button" class="ho-btn ho-revoke" onClick={() => setAsking(true)}>
      {w.revoke}
    </button>
  );
}
