/**
 * The three print paths (issue 16): the browser's print of shipmask's own labels from a hidden
 * frame, 平台打单 (the platform tab ticks the rows; the merchant clicks the platform's own
 * 批量打印), and the print component with real print data only (runner.ts: printed exactly
 * once across crashes). Plus WeChat's print-success notice data. Marks come from job-state.ts.
 * @module
 */
import { useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { renderLabelDocument, wechatPrintNotice, type PrintDataEntry } from '@shipmask/core';
import { send } from '../../client';
import type { PrintJobView } from '../../messages/print';
import type { ShopRef } from '../../messages/shared';
import { componentContents, type PrintPlan } from '../build';
import type { PrintStrings } from '../i18n';
import { tickOnPlatform, type PlatformTick } from '../platform-tab';
import { runJob } from '../runner';
import { labelsToPrint } from './browser-state';
import { openDocuments, printedMarks, sendMarks, tickedMarks, withProgress } from './job-state';
import { downloadText } from '../../ui/download-text';
import { missingPrintData, noticeWaybills, reprintedDocuments } from './print-data-state';
import type { ComponentConnection } from './useComponentConnection';
import type { PrintJobActions, PrintJobContext } from './usePrintJob';

/**
 * The print paths of the page.
 * @example
 * const paths = usePrintPaths({ t, shop, job, setJob, plan, printData, link, jobs, setError, frame });
 */
export function usePrintPaths(ctx: {
  readonly t: PrintStrings;
  readonly shop: ShopRef | undefined;
  readonly job: PrintJobView | undefined;
  readonly setJob: PrintJobContext['setJob'];
  readonly plan: PrintPlan;
  readonly printData: ReadonlyMap<string, PrintDataEntry>;
  readonly link: ComponentConnection;
  readonly jobs: PrintJobActions;
  readonly setError: (message: string) => void;
  readonly frame: RefObject<HTMLIFrameElement | null>;
}) {
  const { t, shop, job, setJob, plan, printData, link, jobs, setError, frame } = ctx;
  const [tick, setTick] = useState<PlatformTick | undefined>();

  // Browser path: one document of labels at exact size, printed from a hidden frame.
  const printBrowser = async (): Promise<void> => {
    const created =
      job?.path === 'browser'
        ? job
        : await jobs.create(
            'browser',
            plan.browser.map((l) => ({ orderId: l.orderId, trackingNumber: l.trackingNumber })),
          );
    if (!created || !frame.current) return;
    const open = openDocuments(created.documents);
    await jobs.mark(created.id, sendMarks(open));
    const f = frame.current;
    // The frame loads a document made now, from the labels still open (a reprint prints its
    // labels alone, never the whole job): the page's preview URL may have been replaced (and
    // revoked) since this handler was created, and a revoked blob URL loads an error page the
    // print call cannot reach. Loading only at print time also keeps 1,000 SVG pages out of the
    // way of the preview.
    const url = URL.createObjectURL(
      new Blob([renderLabelDocument(labelsToPrint(plan.browser, open), 'shipmask')], {
        type: 'text/html;charset=utf-8',
      }),
    );
    await new Promise<void>((resolve) => {
      f.addEventListener('load', () => resolve(), { once: true });
      f.src = url;
    });
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    f.contentWindow?.print();
    await jobs.mark(created.id, printedMarks(open, 'browser'));
    await jobs.refresh(created.id);
  };

  const run = async (target: PrintJobView): Promise<void> => {
    // After a reload the print data is gone with the page: the merchant chooses the file again.
    if (missingPrintData(target.documents, printData)) return setError(t.needData);
    const current = link.current();
    const c = current?.isOpen ? current : await link.connect();
    if (!c) return;
    jobs.paused.current = false;
    jobs.setRunning(true);
    setError('');
    try {
      await send({ type: 'print/job-status', jobId: target.id, status: 'running' });
      await runJob(target.documents, {
        mark: (m) => jobs.mark(target.id, m),
        print: (task) => c.print(task),
        taskStatus: (ids) => c.taskStatus(ids),
        onResult: (l) => link.onResult(l),
        // Only real print data (checked by core when the file was read); never a stand-in.
        contents: (d) => {
          const entry = printData.get(d.orderId);
          return entry ? componentContents(entry) : [];
        },
        printer: link.connection.printer,
        paused: () => jobs.paused.current,
        progress: (documents) => setJob((j) => withProgress(j, target.id, documents)),
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      jobs.setRunning(false);
      await jobs.refresh(target.id);
    }
  };

  const printComponent = async (): Promise<void> => {
    const created =
      job?.path === 'component'
        ? job
        : await jobs.create(
            'component',
            plan.component.map((c) => ({ orderId: c.order.orderId, trackingNumber: c.trackingNumber })),
          );
    if (created) await run(created);
  };

  // 平台打单: a job of the ciphertext orders without print data; the platform tab ticks their rows
  // (the merchant then clicks the platform's own 批量打印); ticked rows are `sent`, and the
  // background marks them printed when the adapter reads 已打待发货 / 已发货 there.
  const tickPlatform = async (): Promise<void> => {
    if (!shop) return;
    setError('');
    const created =
      job?.path === 'platform'
        ? job
        : await jobs.create(
            'platform',
            plan.platform.map((p) => ({ orderId: p.order.orderId, trackingNumber: '' })),
          );
    if (!created) return;
    const open = openDocuments(created.documents);
    const r = await tickOnPlatform(
      shop,
      open.map((d) => d.orderId),
    );
    setTick(r);
    if (r.ok) await jobs.mark(created.id, tickedMarks(open, r.ticked));
    await jobs.refresh(created.id);
  };

  const wechatNotice = (): void => {
    if (!job) return;
    const notice = wechatPrintNotice(
      link.results(),
      noticeWaybills(job.documents, printData),
      reprintedDocuments(job.documents),
    );
    downloadText(JSON.stringify(notice, null, 2), `wechat-print-notice-${job.id}.json`, 'application/json');
  };

  return { tick, printBrowser, run, printComponent, tickPlatform, wechatNotice };
}
