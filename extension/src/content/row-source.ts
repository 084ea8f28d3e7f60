import { findRows, inferLayout, listOf, type DetectedLayout, type FoundRow } from '../adapters/detect/infer';
import { detectedAdapter } from '../adapters/detect/detected-adapter';
import { rootAt } from '../adapters/detect/selector';
import { taughtSiteAdapter, type TaughtAdapter } from '../adapters/taught/record';
import type { SiteAdapter } from '../adapters/types';
import type { RowSourceKind } from '../ui/row-source-kind';

/** The rows on the page now, and the adapter that reads them. */
export interface PageRows {
  readonly kind: RowSourceKind;
  readonly adapter: SiteAdapter;
  readonly rows: readonly FoundRow[];
}

/** Finds the order rows of a page, falling back from the built-in adapter to detection to a taught adapter. */
export interface RowSource {
  /**
   * The rows now, given the rows the built-in adapter found (in the document and its open shadow
   * roots). Detection infers a layout only when it has none or its layout finds nothing.
   */
  find(adapterRows: readonly Element[]): PageRows;
  /** Use `taught` (from storage or just saved); `prefer`: before the built-in adapter (the merchant chose it). */
  setTaught(taught: TaughtAdapter | undefined, prefer: boolean): void;
  /** The taught adapter in use, if any. */
  taught(): TaughtAdapter | undefined;
}

/** Rows of a taught adapter: its row selector in the root its shadow hosts lead to. */
export function taughtRows(doc: Document, taught: TaughtAdapter): FoundRow[] {
  const root = rootAt(doc, taught.hosts);
  if (!root) return [];
  try {
    return Array.from(root.querySelectorAll(taught.row), (element) => ({ element, blocks: [element] }));
  } catch {
    return [];
  }
}

/**
 * The row source of one order page. Order: a taught adapter the merchant chose; the built-in
 * adapter; content-based detection (layout kept across page swaps, inferred again when it stops
 * finding rows); a taught adapter.
 * Rule (issue 15, items 4 and 5): detection when the adapter's selectors find no rows; a taught
 * adapter when both fail, or when the merchant chose it.
 * @example
 * const source = createRowSource(document, douyin);
 * const { kind, rows, adapter } = source.find();
 */
export function createRowSource(doc: Document, base: SiteAdapter): RowSource {
  let layout: { layout: DetectedLayout; adapter: SiteAdapter } | undefined;
  let taught: { record: TaughtAdapter; adapter: SiteAdapter; prefer: boolean } | undefined;
  const statuses = Object.keys(base.statuses);

  const viaTaught = (): PageRows | undefined => {
    if (!taught) return undefined;
    const rows = taughtRows(doc, taught.record);
    return rows.length ? { kind: 'taught', adapter: taught.adapter, rows } : undefined;
  };
  const viaDetection = (): PageRows | undefined => {
    if (layout) {
      const rows = findRows(doc, layout.layout);
      if (rows.length) return { kind: 'detected', adapter: layout.adapter, rows };
      // The list is there without any order number in it: the page is loading the next page (or
      // shows none). Keep the layout; inferring now would only find nothing, slowly.
      const list = listOf(doc, layout.layout);
      if (list && !/\d{8}/u.test(list.textContent ?? '')) return undefined;
    }
    const inferred = inferLayout(doc, statuses);
    if (!inferred) return undefined;
    if (inferred.signature !== layout?.layout.signature)
      layout = { layout: inferred, adapter: detectedAdapter(base, inferred) };
    const rows = findRows(doc, layout.layout);
    return rows.length ? { kind: 'detected', adapter: layout.adapter, rows } : undefined;
  };

  return {
    find(adapterRows) {
      if (taught?.prefer) {
        const t = viaTaught();
        if (t) return t;
      }
      if (adapterRows.length)
        return {
          kind: 'adapter',
          adapter: base,
          rows: adapterRows.map((element) => ({ element, blocks: [element] })),
        };
      return viaDetection() ?? viaTaught() ?? { kind: 'adapter', adapter: base, rows: [] };
    },
    setTaught(record, prefer) {
      taught = record ? { record, adapter: taughtSiteAdapter(base, record), prefer } : undefined;
    },
    taught: () => taught?.record,
  };
}
