/**
 * The supplier page's state once a batch is open, as one reducer over the features' pure rules:
 * the batch, the rows typed per order (`orders/rows.ts`), the labels laid out
 * (`labels/label-plan.ts`), the print-component states (`component/component-plan.ts`) and the
 * return code. Every transition is here, tested without a DOM (`batch-state.test.ts`); the
 * components only dispatch. Addresses of virtual-number orders live in `opened` only: reset and
 * page hide drop it (issue 17).
 * @module
 */
import type { LabelTemplateId, OpenedBatch } from '@shipmask/core';
import type { OrderPrintState } from './component/component-print';
import { printedWaybills, type PrintData, type PrintStates } from './component/component-plan';
import { words, type Lang } from './i18n';
import type { SupplierLabel } from './labels/labels';
import { planLabels } from './labels/label-plan';
import { withRow, withTracking, type Row, type Rows } from './orders/rows';

/** The page with (or without) an open batch. */
export interface BatchState {
  readonly opened?: OpenedBatch | undefined;
  readonly rows: Rows;
  readonly defaultCarrier: string;
  readonly labelSize: LabelTemplateId;
  readonly labels: readonly SupplierLabel[];
  readonly printNote: string;
  readonly bulkNote: string;
  readonly code?: { readonly text: string; readonly count: number } | undefined;
  readonly codeError: string;
  readonly copied: boolean;
  readonly printStates: PrintStates;
  readonly compNote: string;
}

/** Nothing open yet. */
export const BATCH_START: BatchState = {
  rows: {},
  defaultCarrier: 'ZTO',
  labelSize: '100x150',
  labels: [],
  printNote: '',
  bulkNote: '',
  codeError: '',
  copied: false,
  printStates: {},
  compNote: '',
};

/** What happens to an open batch. */
export type BatchAction =
  | { readonly type: 'opened'; readonly opened: OpenedBatch }
  | { readonly type: 'reset' }
  | { readonly type: 'page-hide' }
  | { readonly type: 'row'; readonly orderId: string; readonly patch: Partial<Row> }
  | { readonly type: 'tracking'; readonly text: string; readonly lang: Lang }
  | { readonly type: 'default-carrier'; readonly carrier: string }
  | { readonly type: 'label-size'; readonly size: LabelTemplateId }
  | { readonly type: 'print-labels'; readonly now: number; readonly lang: Lang }
  | { readonly type: 'code-start' }
  | { readonly type: 'code-made'; readonly text: string; readonly count: number }
  | { readonly type: 'code-failed'; readonly message: string }
  | { readonly type: 'copied'; readonly ok: boolean }
  | { readonly type: 'print-states'; readonly states: ReadonlyMap<string, OrderPrintState> }
  | {
      readonly type: 'printed';
      readonly final: ReadonlyMap<string, OrderPrintState>;
      readonly printData: PrintData;
    }
  | { readonly type: 'comp-note'; readonly note: string };

/**
 * The page after an action. Rules:
 * - `opened`: a new batch starts with no rows and no code (the carrier, size and print states kept);
 * - `reset` (换一个供货单): the batch, its code, the print states and the component note go;
 * - `page-hide` (tab closed, navigated away, back-forward cache): the batch and the labels go, so
 *   no delivery address outlives the page (issue 17);
 * - any change of a row, a tracking import or numbers taken from printed orders drops the return
 *   code made before (it no longer says what the rows say);
 * - `print-labels` with nothing printable keeps the labels and says so;
 * - an action needing a batch does nothing without one.
 * @example
 * batchReducer(BATCH_START, { type: 'opened', opened }).rows; // {}
 */
export function batchReducer(s: BatchState, a: BatchAction): BatchState {
  switch (a.type) {
    case 'opened':
      return { ...s, opened: a.opened, rows: {}, code: undefined };
    case 'reset':
      return { ...s, opened: undefined, code: undefined, printStates: {}, compNote: '' };
    case 'page-hide':
      return { ...s, opened: undefined, labels: [] };
    case 'row':
      return { ...s, rows: withRow(s.rows, a.orderId, a.patch), code: undefined };
    case 'tracking': {
      if (!s.opened) return s;
      const r = withTracking(s.rows, s.opened.batch.orders, a.text);
      return {
        ...s,
        rows: r.rows,
        code: undefined,
        bulkNote: words[a.lang].bulkResult(r.applied, r.skipped),
      };
    }
    case 'default-carrier':
      return { ...s, defaultCarrier: a.carrier };
    case 'label-size':
      return { ...s, labelSize: a.size };
    case 'print-labels': {
      if (!s.opened) return s;
      const p = planLabels(s.opened.batch, s.rows, s.defaultCarrier, s.labelSize, a.now, a.lang);
      return { ...s, printNote: p.note, labels: p.labels ?? s.labels };
    }
    case 'code-start':
      return { ...s, codeError: '' };
    case 'code-made':
      return { ...s, code: { text: a.text, count: a.count }, copied: false };
    case 'code-failed':
      return { ...s, codeError: a.message };
    case 'copied':
      return { ...s, copied: a.ok };
    case 'print-states':
      return { ...s, printStates: { ...s.printStates, ...Object.fromEntries(a.states) } };
    case 'printed': {
      const rows = printedWaybills(s.rows, a.final, a.printData);
      return rows === s.rows ? s : { ...s, rows, code: undefined };
    }
    case 'comp-note':
      return { ...s, compNote: a.note };
  }
}
