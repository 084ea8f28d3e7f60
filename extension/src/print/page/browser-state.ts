/**
 * The browser path and the print buttons (issues 7, 18 and 21 item 7): one label per parcel (a
 * merged 可合并 group shares its first order's label), what a print prints (only the documents
 * still open: a reprint prints its labels alone), why the print button is disabled, the sender
 * warning, and when each path's button is enabled. Pure.
 * @module
 */
import type { PrintJobDocument, PrintJobView } from '../../messages/print';
import type { PrintPlan } from '../build';
import type { PrintStrings } from '../i18n';
import { countDocuments } from './job-state';

type BrowserLabel = PrintPlan['browser'][number];

/**
 * The labels of a browser print. Rule: one per parcel: an order merged into another prints no
 * label of its own.
 * @example
 * parcelLabels(plan.browser).length; // labels on the print button
 */
export function parcelLabels(browser: readonly BrowserLabel[]): BrowserLabel[] {
  return browser.filter((l) => l.mergedInto === undefined);
}

/** The 合并打印 line's numbers. */
export interface MergeSummary {
  /** Orders riding on another order's label. */
  readonly mergedOrders: number;
  /** Merged parcels (distinct `mergedInto`). */
  readonly mergedParcels: number;
}

/**
 * Count merged parcels. Rule: a parcel is a distinct `mergedInto`; its orders are the riders
 * plus the order that prints the label, so `t.mergePrint(mergedParcels, mergedOrders + mergedParcels)`.
 * @example
 * mergeSummary(plan.browser); // { mergedOrders: 2, mergedParcels: 1 } for a group of three
 */
export function mergeSummary(browser: readonly BrowserLabel[]): MergeSummary {
  const riders = browser.filter((l) => l.mergedInto !== undefined);
  return { mergedOrders: riders.length, mergedParcels: new Set(riders.map((l) => l.mergedInto)).size };
}

/**
 * The labels one browser print sends to the dialog. Rule: one per parcel, and only for orders
 * whose document is still open (a reprint never prints the whole job again).
 * @example
 * labelsToPrint(plan.browser, openDocuments(job.documents));
 */
export function labelsToPrint(
  browser: readonly BrowserLabel[],
  open: readonly Pick<PrintJobDocument, 'orderId'>[],
): BrowserLabel['label'][] {
  const ids = new Set(open.map((d) => d.orderId));
  return parcelLabels(browser)
    .filter((l) => ids.has(l.orderId))
    .map((l) => l.label);
}

/**
 * Why the browser print button is disabled, in the page's words. Rule: nothing to say with a job
 * or with labels; else no orders, else the orders waiting for a number, else no label shipmask
 * may print.
 * @example
 * browserWhy(t, { job: false, labels: 0, printable: 3, needsNumber: 3 }); // t.whyNeedsNumber(3)
 */
export function browserWhy(
  t: Pick<PrintStrings, 'whyNoOrders' | 'whyNeedsNumber' | 'whyNoLabels'>,
  s: {
    readonly job: boolean;
    readonly labels: number;
    readonly printable: number;
    readonly needsNumber: number;
  },
): string | undefined {
  if (s.job || s.labels > 0) return undefined;
  if (s.printable === 0) return t.whyNoOrders;
  return s.needsNumber > 0 ? t.whyNeedsNumber(s.needsNumber) : t.whyNoLabels;
}

/**
 * Whether labels would go out without a full sender. Rule: before a job, with labels to print,
 * when the sender's name, phone or address is blank.
 * @example
 * senderMissing(false, 3, { name: '店', phone: '', address: '杭州' }); // true
 */
export function senderMissing(
  job: boolean,
  labels: number,
  sender: { readonly name: string; readonly phone: string; readonly address: string },
): boolean {
  return !job && labels > 0 && (!sender.name.trim() || !sender.phone.trim() || !sender.address.trim());
}

/** Which print buttons are enabled, and what the component button says. */
export interface PrintButtons {
  readonly browser: boolean;
  readonly component: boolean;
  readonly platform: boolean;
  /** The component button resumes the loaded component job. */
  readonly componentResumes: boolean;
}

/**
 * The print buttons. Rules: nothing while a run is going; without a job, a path's button needs
 * orders on that path; with a job, only that job's path: browser while documents are open,
 * component until the job is done, 平台打单 with orders in the group.
 * @example
 * printButtons({ browser: 2, component: 0, platform: 0 }, undefined, false).browser; // true
 */
export function printButtons(
  plan: { readonly browser: number; readonly component: number; readonly platform: number },
  job: Pick<PrintJobView, 'path' | 'status' | 'documents'> | undefined,
  running: boolean,
): PrintButtons {
  const open = job ? countDocuments(job.documents) : undefined;
  return {
    browser:
      plan.browser > 0 &&
      !running &&
      !(job !== undefined && (job.path !== 'browser' || open!.queued + open!.sent === 0)),
    component: !running && (job ? job.path === 'component' && job.status !== 'done' : plan.component > 0),
    platform: plan.platform > 0 && !running && !(job !== undefined && job.path !== 'platform'),
    componentResumes: job?.path === 'component',
  };
}

/**
 * The page's `data-ready` (tests and the bench wait on it). Rule: the number of browser labels
 * once anything is ready to print (a print document, component or platform orders); else absent.
 * @example
 * readyMark(docUrl, plan); // '17'
 */
export function readyMark(
  docUrl: string,
  plan: { readonly browser: number; readonly component: number; readonly platform: number },
): string | undefined {
  return docUrl || plan.component || plan.platform ? String(plan.browser) : undefined;
}
