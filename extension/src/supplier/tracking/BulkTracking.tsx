/**
 * Many tracking numbers at once: pasted lines (order id + number, or numbers only, in order) or
 * the CSV a print software exports (read by `tracking.ts`, applied by `../orders/rows.ts`).
 * @module
 */
import { useRef, useState } from 'preact/hooks';
import { words, type Lang } from '../i18n';

/**
 * The paste box and CSV import.
 * @example
 * <BulkTracking lang="zh" note={bulkNote} onApply={(text) => dispatch({ type: 'tracking', text, lang })} />
 */
export function BulkTracking(props: { lang: Lang; note: string; onApply: (text: string) => void }) {
  const w = words[props.lang];
  const [bulk, setBulk] = useState('');
  const csvRef = useRef<HTMLInputElement>(null);
  return (
    <div class="sp-bulk">
      <label for="sp-bulk">{w.bulkLabel}</label>
      <textarea
        id="sp-bulk"
        class="sp-bulk-text"
        rows={3}
        value={bulk}
        onInput={(e) => setBulk(e.currentTarget.value)}
      />
      <div class="sp-bulk-actions">
        <button type="button" class="sp-secondary sp-bulk-apply" onClick={() => props.onApply(bulk)}>
          {w.bulkApply}
        </button>
        <button type="button" class="sp-secondary" onClick={() => csvRef.current?.click()}>
          {w.importCsv}
        </button>
        <input
          ref={csvRef}
          type="file"
          class="sp-hidden sp-csv"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void f.text().then(props.onApply);
          }}
        />
        {props.note && <span class="sp-note sp-bulk-note">{props.note}</span>}
      </div>
    </div>
  );
}
