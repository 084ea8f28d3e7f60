/**
 * Job loading and resume on the print page (issues 7 and 21 item 7): what the page's address asks
 * it to load, the address a job switches to, which orders a loaded job covers, the unfinished jobs
 * listed with links, and when a platform job is followed. Pure: no DOM, no messages.
 * @module
 */
import type { OrderView } from '@shipmask/core';
import type { PrintJobSummary, PrintJobView } from '../../messages/print';
import type { ShopRef } from '../../messages/shared';

/** What the page loads: a selection (`?sel=`), a job (`?job=`), a shop (`?platform=&shop=`), or nothing. */
export type LoadRequest =
  | { readonly kind: 'selection'; readonly selectionId: string }
  | { readonly kind: 'job'; readonly jobId: string }
  | { readonly kind: 'shop'; readonly shop: ShopRef }
  | { readonly kind: 'none' };

const PLATFORMS: readonly ShopRef['platform'][] = ['douyin', 'wechat', 'jd'];

/**
 * Read the page's address. Rule: a selection wins over a job, a job over a shop; a shop needs a
 * known platform and a non-empty id; anything else loads nothing.
 * @example
 * loadRequest(new URLSearchParams('?job=j1&tab=7')); // { kind: 'job', jobId: 'j1' }
 */
export function loadRequest(params: URLSearchParams): LoadRequest {
  const sel = params.get('sel');
  if (sel) return { kind: 'selection', selectionId: sel };
  const jobId = params.get('job');
  if (jobId) return { kind: 'job', jobId };
  const platform = params.get('platform');
  const shopId = params.get('shop');
  const known = PLATFORMS.find((p) => p === platform);
  return known && shopId ? { kind: 'shop', shop: { platform: known, shopId } } : { kind: 'none' };
}

/**
 * The address a created job switches the page to, so a reload resumes it. Rule: the job id, and
 * the order tab's id when the selection came from one (the id only, never order data).
 * @example
 * jobSearch('j1', 42); // '?job=j1&tab=42'
 */
export function jobSearch(jobId: string, sourceTab: number | undefined): string {
  return `?job=${jobId}${sourceTab !== undefined ? `&tab=${sourceTab}` : ''}`;
}

/**
 * The orders the page plans. Rule: with a job, only the orders the job holds a document for (in
 * the order shown); without one, every order shown.
 * @example
 * printableOrders(orders, job).map((o) => o.orderId);
 */
export function printableOrders(
  shown: readonly OrderView[],
  job: Pick<PrintJobView, 'documents'> | undefined,
): readonly OrderView[] {
  if (!job) return shown;
  const ids = new Set(job.documents.map((d) => d.orderId));
  return shown.filter((o) => ids.has(o.orderId));
}

/**
 * The status word of a job. Rule: the page's own run says `running`; a stored `running` job that
 * this page is not running was interrupted (a closed tab, a killed browser); else its status.
 * @example
 * jobStatusKey('running', false); // 'interrupted'
 */
export function jobStatusKey(
  status: PrintJobView['status'],
  running: boolean,
): 'running' | 'interrupted' | 'paused' | 'done' | 'canceled' {
  if (running) return 'running';
  return status === 'running' ? 'interrupted' : status;
}

/**
 * The shop's jobs offered for resuming. Rule: running or paused jobs, except the one open here.
 * @example
 * unfinishedJobs(jobs, job?.id).map((j) => j.id);
 */
export function unfinishedJobs(
  jobs: readonly PrintJobSummary[],
  currentId: string | undefined,
): readonly PrintJobSummary[] {
  return jobs.filter((j) => (j.status === 'running' || j.status === 'paused') && j.id !== currentId);
}

/**
 * Whether the page polls the job. Rule: a 平台打单 job is followed while it is not done or
 * canceled (the background updates it from the platform's list).
 * @example
 * followsPlatform({ path: 'platform', status: 'running' }); // true
 */
export function followsPlatform(job: Pick<PrintJobView, 'path' | 'status'> | undefined): boolean {
  return !!job && job.path === 'platform' && job.status !== 'done' && job.status !== 'canceled';
}
