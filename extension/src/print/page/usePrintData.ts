/**
 * The print-data file (issue 16): read by core's `parsePrintDataFile` for the component it names
 * (a started job keeps its own), kept in this hook's memory only (print-data-state.ts), and the
 * component the page routes to as a result (component-route.ts).
 * @module
 */
import { useState } from 'preact/hooks';
import { parsePrintDataFile, type PrintComponentId, type PrintDataEntry } from '@shipmask/core';
import type { PrintJobView } from '../../messages/print';
import type { ShopRef } from '../../messages/shared';
import { namedComponent, routeComponent } from '../component-route';
import { routeInput } from './connection-state';
import { mergePrintData, printDataNote, type PrintDataNote } from './print-data-state';

/** The loaded print data and the component it routes to. */
export interface PrintDataState {
  readonly printData: ReadonlyMap<string, PrintDataEntry>;
  readonly note: PrintDataNote | undefined;
  /** The job's component, else the one the file names, else the shop platform's own. */
  readonly component: PrintComponentId;
  readonly onFile: (file: File) => Promise<void>;
}

/**
 * The page's print data.
 * @example
 * const data = usePrintData(shop, job, setError);
 */
export function usePrintData(
  shop: ShopRef | undefined,
  job: PrintJobView | undefined,
  setError: (message: string) => void,
): PrintDataState {
  // Real print data per order from a print-data file (page memory only, never stored).
  const [printData, setPrintData] = useState<ReadonlyMap<string, PrintDataEntry>>(new Map());
  const [note, setNote] = useState<PrintDataNote | undefined>();
  const [fileComponent, setFileComponent] = useState<string | undefined>();
  const component = routeComponent(routeInput(shop, job?.component, fileComponent));

  const onFile = async (file: File): Promise<void> => {
    const text = await file.text();
    // The file's own component when core knows it (a started job keeps its component).
    const target = routeComponent(routeInput(shop, job?.component, namedComponent(text)));
    const r = parsePrintDataFile(text, target);
    if (!r.ok) {
      setNote(undefined);
      return setError(r.error.message);
    }
    setError('');
    // Print data of another component never mixes with what is loaded: the new file replaces it.
    setPrintData((prev) => mergePrintData(prev, component, r));
    setFileComponent(r.component);
    setNote(printDataNote(r));
  };
  return { printData, note, component, onFile };
}
