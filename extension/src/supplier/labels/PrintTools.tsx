/**
 * The tools above the order table: default carrier, label size, 打印面单, the export for print
 * software (ciphertext / virtual-number orders), progress, the print note and where platform 代发
 * orders print (issue 17).
 * @module
 */
import type { HandoffBatch, LabelTemplateId } from '@shipmask/core';
import { CARRIERS } from '../../print/build';
import { words, type Lang } from '../i18n';
import { downloadText } from '../../ui/download-text';
import { printSoftwareCsv } from './print-export';
import { LABEL_SIZES, printRoute, wherePlatformPrints } from './routes';

/**
 * The print tools and notes.
 * @example
 * <PrintTools lang="zh" batch={batch} names={names} defaultCarrier="ZTO" labelSize="100x150" printNote="" done={3}
 *   onDefaultCarrier={set} onLabelSize={set} onPrint={print} />
 */
export function PrintTools(props: {
  lang: Lang;
  batch: HandoffBatch;
  names: Record<string, string>;
  defaultCarrier: string;
  labelSize: LabelTemplateId;
  printNote: string;
  /** Orders with a result (shipped or cannot-ship). */
  done: number;
  onDefaultCarrier: (carrier: string) => void;
  onLabelSize: (size: LabelTemplateId) => void;
  onPrint: () => void;
}) {
  const { lang, batch, names } = props;
  const w = words[lang];
  const platformCount = batch.orders.filter((o) => printRoute(o) === 'platform').length;
  return (
    <>
      <div class="sp-tools">
        <label class="sp-inline">
          {w.defaultCarrier}
          <select
            class="sp-default-carrier"
            value={props.defaultCarrier}
            onChange={(e) => props.onDefaultCarrier(e.currentTarget.value)}
          >
            {CARRIERS.map((c) => (
              <option value={c} key={c}>
                {names[c] ?? c}
              </option>
            ))}
          </select>
        </label>
        <label class="sp-inline">
          {w.labelSize}
          <select
            class="sp-label-size"
            value={props.labelSize}
            onChange={(e) => props.onLabelSize(e.currentTarget.value as LabelTemplateId)}
          >
            {LABEL_SIZES.map((id) => (
              <option value={id} key={id}>
                {id.replace('x', '×')} mm
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="sp-secondary sp-print" onClick={props.onPrint}>
          {w.print}
        </button>
        {batch.orders.some((o) => o.receiver.cipher || o.receiver.virtual) && (
          <button
            type="button"
            class="sp-secondary sp-export"
            title={w.exportHint}
            onClick={() => {
              const f = printSoftwareCsv(batch);
              downloadText(f.csv, f.fileName);
            }}
          >
            {w.exportCsv}
          </button>
        )}
        <span class="sp-progress">{w.progress(props.done, batch.orders.length)}</span>
      </div>
      {props.printNote && <p class="sp-note">{props.printNote}</p>}
      {platformCount > 0 && (
        <p class="sp-platform-route" data-count={platformCount}>
          {w.platformRoute(platformCount)} {wherePlatformPrints(batch.platform, lang)}
          {lang === 'zh' ? '。' : '. '}
          {w.platformRouteTracking}
        </p>
      )}
    </>
  );
}
