/**
 * One batch in detail: status and counts, revoke, the merged file of its selection (several
 * suppliers), the return-code import with what changed, the bulk-ship file or lines (after the
 * exception gate), and every order's result.
 * @module
 */
import type { BatchDetail as Detail, ImportResult } from '../../messages/handoff';
import { RevokeBatch } from '../BatchLifetime';
import { CopyText, downloadText } from '../file-actions';
import { MergedShip } from '../MergedShip';
import type { shippingOf } from '../ship-rows';
import { pageWords, type Lang } from '../words';
import { resultText } from './batches-state';
import { chinaTime } from './china-time';

/**
 * The detail card of an open batch.
 * @example
 * <BatchDetail lang="zh" open={detail} code="" shipping={undefined} onBack={back} onRevoke={revoke} … />
 */
export function BatchDetail(props: {
  lang: Lang;
  open: Detail;
  code: string;
  imported: ImportResult | undefined;
  shipping: ReturnType<typeof shippingOf> | undefined;
  onBack: () => void;
  onRevoke: (batchId: string) => void;
  onCode: (text: string) => void;
  onImport: () => void;
  onShipFile: (batchId: string) => void;
  onShipFiles: (batchIds: readonly string[]) => void;
  onError: (message: string) => void;
}) {
  const { lang, open, imported } = props;
  const w = pageWords(lang);
  const shipFile = props.shipping?.file;
  const lines = props.shipping?.lines ?? '';
  return (
    <section class="ho-card ho-detail" data-batch-id={open.batchId}>
      <button type="button" class="ho-btn ho-back" onClick={props.onBack}>
        ← {w.back}
      </button>
      <h2>
        {open.supplier.name} · <span class="ho-mono">{open.batchId}</span> ·{' '}
        <span class={`ho-status ho-status-${open.status}`}>{w.statusText[open.status]}</span>
      </h2>
      <p class="ho-muted">
        {w.created} {chinaTime(open.createdAt)} · {w.expires} {chinaTime(open.expiresAt)} · {w.orders}{' '}
        {open.orders} · {w.shipped} {open.shipped} · {w.cannot} {open.cannotShip}
      </p>
      <RevokeBatch lang={lang} revokedAt={open.revokedAt} onRevoke={() => props.onRevoke(open.batchId)} />
      {open.group && (
        <MergedShip
          key={`${open.batchId}:${open.imports}`}
          lang={lang}
          source={{ groupId: open.group.id }}
          onError={props.onError}
          onShipFile={props.onShipFiles}
        />
      )}
      <label class="ho-wide">
        {w.returnCode}
        <textarea
          class="ho-return-code"
          rows={3}
          value={props.code}
          onInput={(e) => props.onCode(e.currentTarget.value)}
        />
      </label>
      <button type="button" class="ho-btn ho-primary ho-import" onClick={props.onImport}>
        {w.import}
      </button>
      {imported && (
        <div class="ho-changes" data-changes={imported.changes.length}>
          <p>
            {imported.changes.length > 0 ? w.changes(imported.changes.length) : w.noChanges}
            {imported.stale > 0 ? ` · ${w.stale(imported.stale)}` : ''}
          </p>
          {imported.changes.length > 0 && (
            <table class="ho-table">
              <tbody>
                {imported.changes.map((c) => (
                  <tr key={c.orderId}>
                    <td class="ho-mono">{c.orderId}</td>
                    <td class="ho-muted">{resultText(c.before, open.shop.platform, lang)}</td>
                    <td>→ {resultText(c.after, open.shop.platform, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {shipFile && shipFile.problems.length > 0 && (
        <p class="ho-warn ho-ship-problems">{w.shipLeftOut(shipFile.problems.length)}</p>
      )}
      {/* A batch of a multi-supplier selection ships through the merged file (above): its own
          file would ship a split order a second time with this parcel's number. */}
      {shipFile && shipFile.written > 0 && !(open.group && open.group.of > 1) && (
        <div class="ho-ship">
          <button
            type="button"
            class="ho-btn ho-primary ho-download-ship"
            onClick={() => {
              downloadText(shipFile.csv, shipFile.fileName, 'text/csv;charset=utf-8');
              props.onShipFile(open.batchId);
            }}
          >
            {w.bulkFile} ({shipFile.written})
          </button>
          <label class="ho-wide">
            {w.bulkLines}
            <textarea class="ho-ship-lines" readOnly rows={4} value={lines} />
          </label>
          <CopyText
            text={lines}
            label={w.copy}
            done={w.copied}
            onDone={() => props.onShipFile(open.batchId)}
          />
        </div>
      )}
      <table class="ho-table ho-items">
        <thead>
          <tr>
            <th>#</th>
            <th>{w.orders}</th>
            <th>{w.result}</th>
          </tr>
        </thead>
        <tbody>
          {open.items.map((it, i) => (
            <tr key={it.order.orderId} data-order-id={it.order.orderId}>
              <td class="ho-muted">{i + 1}</td>
              <td class="ho-mono">{it.order.orderId}</td>
              <td>{resultText(it.result, open.shop.platform, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
