/**
 * The plan of the page, derived on every change of its inputs: the orders shown (with virtual
 * numbers the order page showed), the waybill numbers (numbers-state.ts), the plan per path
 * (build.ts `planPrint`), the refusals as shown (refusals-state.ts), the label previews and the
 * print document. Also the page's number inputs and the shop's 可合并 groups.
 * @module
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { renderLabelDocument, type OrderView, type PrintDataEntry } from '@shipmask/core';
import { send } from '../../client';
import type { PrintJobView } from '../../messages/print';
import type { ShopRef } from '../../messages/shared';
import { withPageVirtuals } from '../address-reply-check';
import { labelImageUrl, planPrint, type PrintPlan } from '../build';
import type { WaybillEntryMode } from '../waybill-entry';
import { parcelLabels } from './browser-state';
import { printableOrders } from './load-state';
import { waybillNumbers, type WaybillNumbersState } from './numbers-state';
import { summarizeRefusals, visibleRefusals, type RefusalSummary } from './refusals-state';
import type { LabelOptionsState } from './useLabelOptions';

/** The number inputs the merchant types (waybill-entry.ts reads them). */
export interface NumberInputsState {
  readonly mode: WaybillEntryMode;
  readonly setMode: (m: WaybillEntryMode) => void;
  readonly list: string;
  readonly setList: (v: string) => void;
  readonly each: ReadonlyMap<string, string>;
  readonly setEach: (orderId: string, v: string) => void;
  readonly start: string;
  readonly setStart: (v: string) => void;
}

/**
 * The waybill-number inputs: a pasted list by default (e-waybill numbers are not consecutive),
 * one box per order, or a 号段 start counted up.
 * @example
 * const inputs = useNumberInputs();
 */
export function useNumberInputs(): NumberInputsState {
  const [mode, setMode] = useState<WaybillEntryMode>('list');
  const [list, setList] = useState('');
  const [each, setEachMap] = useState<ReadonlyMap<string, string>>(new Map());
  const [start, setStart] = useState('');
  const setEach = (id: string, v: string): void => setEachMap((m) => new Map(m).set(id, v));
  return { mode, setMode, list, setList, each, setEach, start, setStart };
}

/**
 * The shop's 可合并 groups (issue 18), as the gate last computed them from the pages, and whether
 * the page prints them as one parcel each (on by default).
 * @example
 * const merge = useMergeGroups(shop);
 */
export function useMergeGroups(shop: ShopRef | undefined) {
  const [groups, setGroups] = useState<readonly (readonly string[])[]>([]);
  const [mergeOn, setMergeOn] = useState(true);
  useEffect(() => {
    if (!shop) return;
    void send({ type: 'gate/overview', shop }).then((r) => {
      if (r.ok) setGroups(r.value.groups.map((g) => g.orderIds));
    });
  }, [shop]);
  return { groups, mergeOn, setMergeOn };
}

/** What the plan hook derives. */
export interface PrintPlanState {
  readonly printable: readonly OrderView[];
  readonly printableIds: readonly string[];
  readonly numbers: WaybillNumbersState;
  readonly plan: PrintPlan;
  readonly refusals: RefusalSummary;
  readonly images: readonly { readonly orderId: string; readonly src: string }[];
  /** Blob URL of the print document of every parcel label ('' when there is none). */
  readonly docUrl: string;
}

/**
 * Plan the print.
 * @example
 * const p = usePrintPlan({ orders, pageFound, addresses, job, options, inputs, printData, merge });
 */
export function usePrintPlan(i: {
  readonly orders: readonly OrderView[];
  readonly pageFound: Parameters<typeof withPageVirtuals>[1] | undefined;
  readonly addresses: ReadonlyMap<string, string>;
  readonly job: PrintJobView | undefined;
  readonly options: LabelOptionsState;
  readonly inputs: NumberInputsState;
  readonly printData: ReadonlyMap<string, PrintDataEntry>;
  readonly merge: { readonly groups: readonly (readonly string[])[]; readonly mergeOn: boolean };
}): PrintPlanState {
  const { orders, pageFound, addresses, job, options, inputs, printData } = i;
  const { groups, mergeOn } = i.merge;
  const { carrier, size, sender } = options;
  // Virtual numbers the order page showed where the stored view has none (京东 after 查看).
  const shown = useMemo(
    () => (pageFound ? withPageVirtuals(orders, pageFound) : orders),
    [orders, pageFound],
  );
  const printable = useMemo(() => printableOrders(shown, job), [shown, job]);
  const now = useMemo(() => Date.now(), [shown, addresses]);
  const printableIds = useMemo(() => printable.map((o) => o.orderId), [printable]);
  const numbers = useMemo(
    () =>
      waybillNumbers({
        job,
        mode: inputs.mode,
        list: inputs.list,
        each: inputs.each,
        start: inputs.start,
        orderIds: printableIds,
      }),
    [job, inputs.mode, inputs.list, inputs.each, inputs.start, printableIds],
  );
  const { trackingNumbers, trackingByOrder } = numbers;
  const plan = useMemo(
    () =>
      planPrint(printable, {
        carrier,
        labelSize: size,
        ...(sender.name ? { sender } : {}),
        trackingNumbers,
        ...(trackingByOrder ? { trackingByOrder } : {}),
        addresses,
        printData,
        ...(mergeOn && groups.length > 0 ? { merge: groups } : {}),
        now,
      }),
    [
      printable,
      carrier,
      size,
      sender,
      trackingNumbers,
      trackingByOrder,
      addresses,
      printData,
      mergeOn,
      groups,
      now,
    ],
  );
  const refusals = useMemo(() => summarizeRefusals(visibleRefusals(plan.refused, job)), [plan, job]);
  const images = useMemo(
    () => parcelLabels(plan.browser).map((l) => ({ orderId: l.orderId, src: labelImageUrl(l.label) })),
    [plan],
  );
  const docUrl = useMemo(() => {
    if (plan.browser.length === 0) return '';
    const html = renderLabelDocument(
      parcelLabels(plan.browser).map((l) => l.label),
      'shipmask',
    );
    return URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  }, [plan]);
  useEffect(() => () => (docUrl ? URL.revokeObjectURL(docUrl) : undefined), [docUrl]);
  return { printable, printableIds, numbers, plan, refusals, images, docUrl };
}
