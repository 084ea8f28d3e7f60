/**
 * The result of a one-supplier seal: the order-sheet attachment (recommended), then the link with
 * its QR code, or the sealed file when the link is too long. The link is shown, never stored.
 * @module
 */
import { useMemo } from 'preact/hooks';
import type { SealReply } from '../../messages/handoff';
import { qrDataUrl } from '../../supplier/qr';
import { CopyText, downloadText } from '../file-actions';
import { SupplierFileButton } from '../SupplierFileButton';
import { pageWords, type Lang } from '../words';

/**
 * The sealed batch.
 * @example
 * <SealedBatch lang="zh" sealed={reply} baseUrl={config.baseUrl} onError={setError} />
 */
export function SealedBatch(props: {
  lang: Lang;
  sealed: Extract<SealReply, { ok: true }>;
  baseUrl: string;
  onError: (message: string) => void;
}) {
  const { sealed, baseUrl } = props;
  const w = pageWords(props.lang);
  const qr = useMemo(
    () => (sealed.kind === 'link' && baseUrl ? qrDataUrl(sealed.text) : undefined),
    [sealed],
  );
  return (
    <div class="ho-sealed" data-kind={sealed.kind} data-batch-id={sealed.batch.batchId}>
      <SupplierFileButton
        sealedText={sealed.text}
        supplier={sealed.batch.supplier.name}
        orders={sealed.batch.orders}
        w={w}
        onError={props.onError}
      />
      {sealed.kind === 'link' ? (
        <>
          <h3>{baseUrl ? w.link : w.noBase}</h3>
          <div class="ho-link-row">
            <textarea class="ho-link" readOnly rows={4} value={sealed.text} />
            {qr ? (
              <img class="ho-qr" src={qr} alt={w.qr} width={200} height={200} />
            ) : (
              baseUrl && <p class="ho-muted ho-small">{w.noQr}</p>
            )}
          </div>
          <CopyText text={sealed.text} label={w.copy} done={w.copied} class="ho-primary ho-copy-link" />
        </>
      ) : (
        <>
          <h3>{w.file}</h3>
          <button
            type="button"
            class="ho-btn ho-primary ho-download-sealed"
            onClick={() =>
              downloadText(
                sealed.text,
                sealed.fileName ?? `shipmask-${sealed.batch.batchId}.txt`,
                'text/plain',
              )
            }
          >
            {w.download}
          </button>{' '}
          <CopyText text={sealed.text} label={w.copy} done={w.copied} />
        </>
      )}
    </div>
  );
}
