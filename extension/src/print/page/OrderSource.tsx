/**
 * Where the orders come from: the selection's count, ids no longer stored, and the export file
 * (dropped or chosen) with what it gave.
 * @module
 */
import type { PrintStrings } from '../i18n';
import type { OrderSourceState } from './useOrderSource';

/** The source section. */
export function OrderSource(p: {
  readonly t: PrintStrings;
  /** The page was opened from a selection (`?sel=`). */
  readonly fromSelection: boolean;
  readonly source: OrderSourceState;
}) {
  const { t, source } = p;
  const { orders, missing, fileNote } = source;
  return (
    <section
      class="source"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const f = e.dataTransfer?.files[0];
        if (f) void source.onFile(f);
      }}
    >
      <h2>{t.source}</h2>
      {p.fromSelection ? <p>{t.fromSelection(orders.length + missing)}</p> : null}
      {missing > 0 ? <p class="warn">{t.missing(missing)}</p> : null}
      <label class="drop">
        {t.dropFile}
        <input
          type="file"
          class="export-file"
          accept=".csv,.xlsx,text/csv"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void source.onFile(f);
          }}
        />
      </label>
      {fileNote ? <p class="note file-note">{t.fileRead(fileNote.orders, fileNote.addresses)}</p> : null}
    </section>
  );
}
