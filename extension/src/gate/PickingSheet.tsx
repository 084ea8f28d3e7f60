/**
 * Picking list (备货单) and packing slips for the selection (issue 18, item 4): shown on the
 * print page, printable on A4 or on the label sizes (the browser prints only this sheet, with a
 * matching `@page` size), and exportable as CSV or XLSX through core's writers. Everything shown
 * is masked (core `packingSlips` masks again); text is rendered as text.
 * @module
 */
import {
  packingSlips,
  packingTable,
  pickingList,
  pickingTable,
  tableFile,
  type OrderView,
} from '@shipmask/core';
import { useMemo, useState } from 'preact/hooks';
import { gateStrings, type GateLang } from './i18n';

/** Paper sizes of the sheet: A4 and the label sizes (mm). */
export const SHEET_SIZES = {
  A4: [210, 297],
  '76x130': [76, 130],
  '100x150': [100, 150],
  '100x180': [100, 180],
} as const satisfies Record<string, readonly [number, number]>;
export type SheetSize = keyof typeof SHEET_SIZES;

function save(name: string, mime: string, data: string | Uint8Array): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface PickingSheetProps {
  readonly orders: readonly OrderView[];
  readonly lang: GateLang;
}

/** The sheet; nothing without orders. */
export function PickingSheet({ orders, lang }: PickingSheetProps) {
  const t = gateStrings(lang);
  const [size, setSize] = useState<SheetSize>('A4');
  const [printing, setPrinting] = useState(false);
  const list = useMemo(() => pickingList(orders), [orders]);
  const slips = useMemo(() => packingSlips(orders), [orders]);
  if (orders.length === 0) return null;
  const [w, h] = SHEET_SIZES[size];
  const exportAs = (what: 'picking' | 'packing', format: 'csv' | 'xlsx'): void => {
    const rows = what === 'picking' ? pickingTable(list) : packingTable(slips);
    const f = tableFile(rows, format, what === 'picking' ? '备货单' : '发货单');
    save(f.name, f.mime, f.data);
  };
  const print = (): void => {
    setPrinting(true);
    // Let Preact render the print style first, then print and restore.
    setTimeout(() => {
      window.print();
      setPrinting(false);
    }, 0);
  };
  return (
    <section class="sm-picking" data-size={size} data-testid="picking">
      {printing ? (
        <style>{`@page { size: ${w}mm ${h}mm; margin: 4mm; } @media print { main > *:not(.sm-picking), .sm-picking .no-print { display: none !important; } }`}</style>
      ) : null}
      <h2>{t.picking}</h2>
      <div class="no-print">
        <select value={size} onChange={(e) => setSize((e.target as HTMLSelectElement).value as SheetSize)}>
          {Object.keys(SHEET_SIZES).map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <button type="button" class="print-sheet" onClick={print}>
          🖨
        </button>
        <button type="button" class="export-picking-csv" onClick={() => exportAs('picking', 'csv')}>
          {`${t.picking} ${t.exportCsv}`}
        </button>
        <button type="button" class="export-picking-xlsx" onClick={() => exportAs('picking', 'xlsx')}>
          {`${t.picking} ${t.exportXlsx}`}
        </button>
        <button type="button" class="export-packing-csv" onClick={() => exportAs('packing', 'csv')}>
          {`${t.packing} ${t.exportCsv}`}
        </button>
        <button type="button" class="export-packing-xlsx" onClick={() => exportAs('packing', 'xlsx')}>
          {`${t.packing} ${t.exportXlsx}`}
        </button>
      </div>
      <table class="picking-list">
        <thead>
          <tr>
            {pickingTable({ ...list, lines: [] })[0]?.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.lines.map((l) => (
            <tr key={`${l.sku}\u0000${l.name}\u0000${l.spec}`} data-sku={l.sku}>
              <td>{l.sku}</td>
              <td>{l.name}</td>
              <td>{l.spec}</td>
              <td class="qty">{l.quantity}</td>
              <td class="orders">{l.orders}</td>
            </tr>
          ))}
          <tr class="total">
            <td>{t.total}</td>
            <td />
            <td />
            <td class="qty">{list.totalQuantity}</td>
            <td class="orders">{list.orderCount}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t.packing}</h2>
      {slips.map((s) => (
        <article key={s.orderId} class="packing-slip" data-order={s.orderId}>
          <header>
            <strong>{s.orderId}</strong>{' '}
            <span>{[s.receiver.name, s.receiver.phone, s.receiver.address].filter(Boolean).join(' ')}</span>
          </header>
          <ul>
            {s.items.map((it, i) => (
              <li key={i}>
                {[it.sku, it.name, it.spec].filter(Boolean).join(' ')} × {it.quantity}
              </li>
            ))}
          </ul>
          {s.remark ? <p class="remark">{s.remark}</p> : null}
        </article>
      ))}
    </section>
  );
}
