/**
 * The open job: status, progress, counts, pause / resume / cancel, WeChat's notice data, the
 * bulk-ship file, documents left in flight (checked at the printer), and reprint with a reason.
 * job-state.ts holds the rules; the page's job hook sends the messages.
 * @module
 */
import { useState } from 'preact/hooks';
import type { PrintJobView } from '../../messages/print';
import type { PrintStrings } from '../i18n';
import { countDocuments, failedOrderList, printedDocuments, reasonReady, reprintOrderIds } from './job-state';
import { jobStatusKey } from './load-state';

/** What the job section can do. */
export interface JobSectionActions {
  readonly pause: () => void;
  readonly resume: () => void;
  readonly cancel: () => void;
  readonly wechatNotice: () => void;
  readonly shipFile: () => void;
  readonly resolveInFlight: (outcome: 'printed' | 'requeue', reason: string) => void;
  /** Queue orders again; resolves with how many were queued (undefined: refused). */
  readonly reprint: (orderIds: string[], reason: string) => Promise<number | undefined>;
}

/** The job section. */
export function JobSection(p: {
  readonly t: PrintStrings;
  readonly job: PrintJobView;
  readonly running: boolean;
  readonly actions: JobSectionActions;
}) {
  const { t, job, running, actions } = p;
  const [reprintIds, setReprintIds] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const jc = countDocuments(job.documents);
  const printed = printedDocuments(job).length;
  const doReprint = async (): Promise<void> => {
    const n = await actions.reprint(reprintOrderIds(reprintIds), reason);
    if (n !== undefined) setNote(t.reprintDone(n));
  };
  return (
    <section class="job" data-job={job.id} data-status={running ? 'running' : job.status}>
      <h2>{`${t.job} · ${t.status[jobStatusKey(job.status, running)]}`}</h2>
      <progress class="job-progress" max={jc.total} value={jc.printed + jc.failed + jc.canceled} />
      <p class="job-counts" data-printed={jc.printed} data-total={jc.total}>
        {t.counts(jc.printed, jc.total, jc.failed, jc.sent)}
      </p>
      <div class="row">
        {running ? (
          <button type="button" class="pause" onClick={actions.pause}>
            {t.pause}
          </button>
        ) : null}
        {!running && job.path === 'component' && (job.status === 'running' || job.status === 'paused') ? (
          <button type="button" class="resume" onClick={actions.resume}>
            {t.resume}
          </button>
        ) : null}
        {job.status === 'running' || job.status === 'paused' ? (
          <button type="button" class="cancel" onClick={actions.cancel}>
            {t.cancel}
          </button>
        ) : null}
      </div>
      {job.path === 'component' && job.component === 'wechat' && printed > 0 ? (
        <div class="wechat-notice-box">
          <p>{t.wechatNoticeHint}</p>
          <button type="button" class="wechat-notice" onClick={actions.wechatNotice}>
            {t.wechatNotice(printed)}
          </button>
        </div>
      ) : null}
      {printed > 0 && job.path !== 'platform' ? (
        <div class="ship">
          <h3>{t.shipTitle}</h3>
          <p>{t.shipHint}</p>
          <button type="button" class="bulk-ship" onClick={actions.shipFile}>
            {t.shipFile(printed)}
          </button>
        </div>
      ) : null}
      {!running && job.path === 'component' && jc.sent > 0 ? (
        <div class="in-flight">
          <p>{t.inFlight(jc.sent)}</p>
          <button
            type="button"
            class="in-flight-printed"
            onClick={() => actions.resolveInFlight('printed', reason)}
          >
            {t.inFlightPrinted}
          </button>
          <input
            class="in-flight-reason"
            placeholder={t.reprintReason}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <button
            type="button"
            class="in-flight-requeue"
            disabled={!reasonReady(reason)}
            onClick={() => actions.resolveInFlight('requeue', reason)}
          >
            {t.inFlightRequeue}
          </button>
        </div>
      ) : null}
      <details class="reprint">
        <summary>{t.reprint}</summary>
        {jc.failed > 0 ? (
          <button
            type="button"
            class="reprint-fill-failed"
            onClick={() => setReprintIds(failedOrderList(job.documents))}
          >
            {t.fillFailed(jc.failed)}
          </button>
        ) : null}
        <input
          class="reprint-orders"
          placeholder={t.reprintOrders}
          value={reprintIds}
          onInput={(e) => setReprintIds(e.currentTarget.value)}
        />
        <input
          class="reprint-reason"
          placeholder={t.reprintReason}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <button
          type="button"
          class="reprint-submit"
          disabled={!reasonReady(reason) || !reprintIds.trim()}
          onClick={() => void doReprint()}
        >
          {t.reprint}
        </button>
        {note ? <span class="note">{note}</span> : null}
      </details>
    </section>
  );
}
