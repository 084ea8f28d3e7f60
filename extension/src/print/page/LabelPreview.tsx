/**
 * The label previews (`<img>` of `data:image/svg+xml` URLs: the SVG is never parsed into the
 * page) and the hidden frame the browser path prints from.
 * @module
 */
import type { RefObject } from 'preact';
import type { LabelSizeId } from '../../messages/print';
import type { PrintStrings } from '../i18n';

/** The preview section and the print frame. */
export function LabelPreview(p: {
  readonly t: PrintStrings;
  readonly size: LabelSizeId;
  readonly images: readonly { readonly orderId: string; readonly src: string }[];
  readonly docUrl: string;
  readonly frame: RefObject<HTMLIFrameElement | null>;
}) {
  const { t, size, images, docUrl } = p;
  return (
    <>
      <section class="preview">
        <h2>{t.preview(images.length)}</h2>
        <div class="labels">
          {images.map((i) => (
            <figure key={i.orderId} class={`label label-${size}`}>
              <img class="label-img" src={i.src} alt={i.orderId} loading="lazy" decoding="async" />
              <figcaption>{i.orderId}</figcaption>
            </figure>
          ))}
        </div>
      </section>
      {docUrl ? <iframe ref={p.frame} class="print-frame" title="print" data-doc-url={docUrl} /> : null}
    </>
  );
}
