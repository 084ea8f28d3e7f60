/**
 * The print-component connection of the supplier page (issue 16): the chosen component and
 * port, the socket to ws://127.0.0.1:<port> (`component-print.ts` refuses any other URL),
 * its printers, the print-data file, and one print run. The rules are in `component-plan.ts`;
 * this hook holds what lives as long as the page (the socket is closed when the page goes).
 * @module
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { getPrintComponent, parsePrintDataFile, type HandoffBatch, type TaskResult } from '@shipmask/core';
import type { ComponentClient, ComponentState } from '../../print/component-client';
import type { BatchAction } from '../batch-state';
import {
  COMPONENT_OF_PLATFORM,
  componentTasks,
  componentUrl,
  connectLocalComponent,
  defaultPort,
  printTasks,
} from './component-print';
import { words, type Lang } from '../i18n';
import type { Rows } from '../orders/rows';
import {
  componentJobId,
  componentQueue,
  componentSummary,
  printDataOf,
  withoutPrintData,
  type PrintData,
  type PrintStates,
} from './component-plan';

/** What the component section shows and does. */
export interface ComponentPrintState {
  readonly comp: string;
  readonly compName: string | undefined;
  readonly portText: string;
  readonly state: ComponentState | 'bad-port';
  readonly printers: readonly string[];
  readonly printer: string;
  readonly busy: boolean;
  /** Orders the next print sends. */
  readonly queued: number;
  choose(component: string): void;
  setPort(port: string): void;
  setPrinter(printer: string): void;
  readPrintData(file: File): Promise<void>;
  connect(): Promise<ComponentClient | undefined>;
  print(): Promise<void>;
}

/**
 * The print-component state of the page.
 * @example
 * const comp = useComponentPrint({ batch, rows, printStates, lang, now, random, dispatch });
 */
export function useComponentPrint(p: {
  batch: HandoffBatch | undefined;
  rows: Rows;
  printStates: PrintStates;
  lang: Lang;
  now: () => number;
  random: (n: number) => Uint8Array;
  dispatch: (a: BatchAction) => void;
}): ComponentPrintState {
  const { batch, rows, lang, dispatch } = p;
  const w = words[lang];
  const [component, setComponent] = useState('');
  // Real print data per order (a print-data file), page memory only.
  const [printData, setPrintData] = useState<PrintData>(new Map());
  const [port, setPort] = useState('');
  const [compState, setCompState] = useState<ComponentState | 'bad-port'>('idle');
  const [printers, setPrinters] = useState<readonly string[]>([]);
  const [printer, setPrinter] = useState('');
  const [busy, setBusy] = useState(false);
  const client = useRef<ComponentClient | undefined>(undefined);
  const resultListeners = useRef(new Set<(tasks: readonly TaskResult[]) => void>());
  useEffect(() => () => client.current?.close(), []);

  const comp = component || (batch ? COMPONENT_OF_PLATFORM[batch.platform] : 'douyin');
  const portText = port || String(defaultPort(comp));
  const orders = batch?.orders ?? [];
  const queue = componentQueue(orders, rows, printData, p.printStates);

  const connect = async (): Promise<ComponentClient | undefined> => {
    client.current?.close();
    client.current = undefined;
    if (!componentUrl(portText)) {
      setCompState('bad-port');
      return undefined;
    }
    setCompState('connecting');
    try {
      const holder: { c?: ComponentClient } = {};
      const c = await connectLocalComponent(comp, portText, {
        onResult: (tasks) => resultListeners.current.forEach((l) => l(tasks)),
        onClose: () => {
          if (client.current === holder.c) setCompState('idle');
        },
      });
      holder.c = c;
      client.current = c;
      setCompState('connected');
      const list = await c.printers();
      setPrinters(list.printers.map((x) => x.name));
      setPrinter((cur) => cur || list.defaultPrinter || list.printers[0]?.name || '');
      return c;
    } catch {
      setCompState('not-running');
      return undefined;
    }
  };

  const print = async (): Promise<void> => {
    if (!batch) return;
    const skipped = withoutPrintData(orders, printData);
    if (queue.length === 0) {
      dispatch({ type: 'comp-note', note: w.compNone });
      return;
    }
    const c = client.current?.isOpen ? client.current : await connect();
    if (!c) return;
    const built = componentTasks(
      comp,
      queue.map((o) => ({ order: o, printData: printData.get(o.orderId)! })),
      printer,
      componentJobId(p.now(), p.random),
    );
    if (!built.ok) {
      dispatch({ type: 'comp-note', note: built.message });
      return;
    }
    setBusy(true);
    dispatch({ type: 'comp-note', note: skipped > 0 ? w.compSkipped(skipped) : '' });
    try {
      const final = await printTasks(
        c,
        built.tasks,
        (l) => {
          resultListeners.current.add(l);
          return () => resultListeners.current.delete(l);
        },
        (states) => dispatch({ type: 'print-states', states }),
      );
      // A printed order's waybill is the one its print data was issued for.
      dispatch({ type: 'printed', final, printData });
      dispatch({ type: 'comp-note', note: componentSummary(final, skipped, lang) });
    } finally {
      setBusy(false);
    }
  };

  return {
    comp,
    compName: getPrintComponent(comp)?.name[lang],
    portText,
    state: compState,
    printers,
    printer,
    busy,
    queued: queue.length,
    choose: (id) => {
      client.current?.close();
      client.current = undefined;
      setComponent(id);
      setPort('');
      setCompState('idle');
      setPrinters([]);
      setPrinter('');
    },
    setPort,
    setPrinter,
    readPrintData: async (file) => {
      const r = printDataOf(parsePrintDataFile(await file.text(), comp), lang);
      setPrintData(r.printData);
      dispatch({ type: 'comp-note', note: r.note });
    },
    connect,
    print,
  };
}
