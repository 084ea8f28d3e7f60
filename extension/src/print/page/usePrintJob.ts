/**
 * The print job of the page (issues 7 and 18): creating it (the background re-checks the gate:
 * held orders come back with their reasons), marking documents, refreshing, following a
 * 平台打单 job, pause / cancel, reprint, documents left in flight, and the bulk-ship file. The
 * rules live in job-state.ts, load-state.ts and ship-state.ts; this hook sends the messages.
 * @module
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { writeBulkShipFile, type GateOverride, type Hold, type ShipCarrierCode } from '@shipmask/core';
import { send } from '../../client';
import type { LabelSizeId, PrintJobSummary, PrintJobView } from '../../messages/print';
import type { ShopRef } from '../../messages/shared';
import { downloadText } from '../../ui/download-text';
import { gateCheckRequest, heldByGate, jobCreateRequest } from './gate-state';
import { markBatches, printedDocuments, printedMarks, requeuedCount, type DocumentMark } from './job-state';
import { followsPlatform, jobSearch } from './load-state';
import { shipRows } from './ship-state';

/** Orders the gate holds, with their reasons. */
export type HeldList = readonly { readonly orderId: string; readonly holds: readonly Hold[] }[];

/** What the job hook needs from the page. */
export interface PrintJobContext {
  readonly shop: ShopRef | undefined;
  readonly job: PrintJobView | undefined;
  readonly setJob: (next: PrintJobView | ((j: PrintJobView | undefined) => PrintJobView | undefined)) => void;
  readonly carrier: ShipCarrierCode;
  readonly size: LabelSizeId;
  readonly component: string;
  readonly overrides: readonly GateOverride[];
  readonly setHeld: (held: HeldList) => void;
  readonly setError: (message: string) => void;
  /** The order tab the selection came from (kept in the job's address). */
  readonly sourceTab: number | undefined;
}

/** A print path of a job. */
export type PrintPathId = 'browser' | 'component' | 'platform';

/**
 * The job's actions.
 * @example
 * const jobs = usePrintJob({ shop, job, setJob, carrier, size, component, overrides, setHeld, setError, sourceTab });
 */
export function usePrintJob(ctx: PrintJobContext) {
  const { shop, job, setJob, overrides, setHeld, setError } = ctx;
  const [jobs, setJobs] = useState<readonly PrintJobSummary[]>([]);
  const [running, setRunning] = useState(false);
  const paused = useRef(false);

  // The shop's jobs (unfinished ones are offered for resuming).
  useEffect(() => {
    if (!shop) return;
    void send({ type: 'print/jobs', shop }).then((j) => {
      if (j.ok) setJobs(j.value);
    });
  }, [shop]);

  const refresh = async (id: string): Promise<void> => {
    const r = await send({ type: 'print/job-get', jobId: id });
    if (r.ok) setJob(r.value.job);
  };

  const create = async (
    path: PrintPathId,
    docs: { orderId: string; trackingNumber: string }[],
  ): Promise<PrintJobView | undefined> => {
    if (!shop) return undefined;
    const r = await send(
      jobCreateRequest({
        shop,
        path,
        component: ctx.component,
        carrier: ctx.carrier,
        labelSize: ctx.size,
        documents: docs,
        overrides,
      }),
    );
    if (!r.ok) {
      setError(r.error.message);
      if (heldByGate(r.error)) {
        const g = await send(
          gateCheckRequest(
            shop,
            docs.map((d) => d.orderId),
            'print',
            overrides,
          ),
        );
        if (g.ok) setHeld(g.value.held);
      }
      return undefined;
    }
    setHeld([]);
    setJob(r.value);
    history.replaceState(null, '', jobSearch(r.value.id, ctx.sourceTab));
    return r.value;
  };

  const mark = async (jobId: string, marks: readonly DocumentMark[]): Promise<void> => {
    for (const batch of markBatches(marks)) {
      const r = await send({ type: 'print/job-mark', jobId, marks: batch });
      if (!r.ok) throw new Error(r.error.message);
    }
  };

  // Follow a platform job while it is open (the background updates it from the platform's list).
  useEffect(() => {
    if (!job || !followsPlatform(job)) return;
    const timer = setInterval(() => void refresh(job.id), 1000);
    return () => clearInterval(timer);
  }, [job?.id, job?.path, job?.status]);

  const pause = async (): Promise<void> => {
    paused.current = true;
    if (job) await send({ type: 'print/job-status', jobId: job.id, status: 'paused' });
  };
  const cancel = async (): Promise<void> => {
    paused.current = true;
    if (!job) return;
    await send({ type: 'print/job-status', jobId: job.id, status: 'canceled' });
    await refresh(job.id);
  };

  /** Queue orders again (reason required, logged); the number queued, or undefined on refusal. */
  const reprint = async (orderIds: string[], reason: string): Promise<number | undefined> => {
    if (!job) return undefined;
    const r = await send({ type: 'print/reprint', jobId: job.id, orderIds, reason });
    if (!r.ok) {
      setError(r.error.message);
      return undefined;
    }
    setJob(r.value);
    return requeuedCount(r.value.documents, orderIds);
  };

  // Documents left `sent` by a crash on a component without task status: the merchant checked
  // the printer. Came out → printed; did not → queued again (a reprint: reason required, logged).
  const resolveInFlight = async (outcome: 'printed' | 'requeue', reason: string): Promise<void> => {
    if (!job) return;
    const sent = job.documents.filter((d) => d.state === 'sent');
    if (outcome === 'printed') {
      await mark(job.id, printedMarks(sent, 'checked at the printer'));
    } else {
      const r = await send({
        type: 'print/reprint',
        jobId: job.id,
        orderIds: sent.map((d) => d.orderId),
        reason,
        includeInFlight: true,
      });
      if (!r.ok) return setError(r.error.message);
    }
    await refresh(job.id);
  };

  const shipFile = async (): Promise<void> => {
    if (!shop || !job) return;
    // The bulk-ship file is a step of its own: orders turned refunded, closed or changed since
    // printing stay out of it unless overridden (logged).
    const g = await send(
      gateCheckRequest(
        shop,
        printedDocuments(job).map((d) => d.orderId),
        'bulk-ship',
        overrides,
      ),
    );
    if (!g.ok) return setError(g.error.message);
    setHeld(g.value.held);
    const f = writeBulkShipFile(shop.platform, shipRows(job.documents, new Set(g.value.pass), job.carrier));
    if (f.written > 0) downloadText(f.csv, f.fileName);
  };

  return {
    jobs,
    running,
    setRunning,
    paused,
    refresh,
    create,
    mark,
    pause,
    cancel,
    reprint,
    resolveInFlight,
    shipFile,
  };
}

/** The job hook's result. */
export type PrintJobActions = ReturnType<typeof usePrintJob>;
