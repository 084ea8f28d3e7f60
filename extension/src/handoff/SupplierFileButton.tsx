/**
 * The main hand-off path (issue 21 item 8): one HTML attachment for the supplier — the
 * single-file supplier page with this sealed batch inside. It opens by double-click, offline.
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import { downloadText } from './file-actions';
import { supplierFileName, supplierFileWithBatch } from './supplier-file';

/** The single-file supplier page inside the extension build (scripts/build-supplier.ts --into). */
const PAGE_URL = '/supplier-standalone.html';

/** Words of the button (the hand-off page's i18n). */
export interface SupplierFileWords {
  readonly supplierFile: string;
  readonly supplierFileHint: string;
  readonly supplierFileFailed: string;
}

/**
 * 下载发货单文件: fetches the extension's own copy of the supplier page (same origin, no network)
 * and saves it with the batch inside. The file is as secret as the link: it holds the key unless
 * the batch has a passphrase.
 * @example
 * <SupplierFileButton sealedText={sealed.text} supplier="厂家A" orders={12} w={w} onError={setError} />
 */
export function SupplierFileButton(props: {
  sealedText: string;
  supplier: string;
  orders: number;
  w: SupplierFileWords;
  onError: (message: string) => void;
}) {
  // Fetched ahead, so the click saves synchronously: Chromium lets an .html download through
  // only within the user's click (an await before `a.click()` loses it).
  const [page, setPage] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    void fetch(PAGE_URL)
      .then((r) => (r.ok ? r.text() : ''))
      .catch((): string => '')
      .then((text) => {
        if (live) setPage(text);
      });
    return () => {
      live = false;
    };
  }, []);
  const make = (): void => {
    const r = supplierFileWithBatch(page ?? '', props.sealedText);
    if (!r.ok) return props.onError(`${props.w.supplierFileFailed}（${r.error}）`);
    downloadText(
      r.html,
      supplierFileName(props.supplier, props.orders, Date.now()),
      'text/html;charset=utf-8',
    );
  };
  return (
    <div class="ho-supplier-file">
      <button
        type="button"
        class="ho-btn ho-primary ho-download-supplier-file"
        disabled={page === undefined}
        onClick={make}
      >
        {props.w.supplierFile}
      </button>
      <p class="ho-muted ho-small">{props.w.supplierFileHint}</p>
    </div>
  );
}
