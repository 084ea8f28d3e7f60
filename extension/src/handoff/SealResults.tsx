/**
 * The result of a multi-supplier seal (issue 17 item 4): one entry per supplier, each with its
 * own order-sheet file (the supplier page with that batch inside, the main path of issue 21), link
 * (or sealed file), QR code when short enough, copy / download buttons and counts; then
 * the split orders and the orders left unassigned with their reason. Links are shown once and
 * never stored; Preact renders every value as text.
 * @module
 */
import { useMemo } from 'preact/hooks';
import type { SealedPart, SupplierSealReply } from '../messages/handoff';
import { qrDataUrl } from '../supplier/qr';
import { CopyText, downloadText } from './file-actions';
import { SupplierFileButton } from './SupplierFileButton';
import { splitLine, unassignedText } from './split-plan';

type Lang = 'zh' | 'en';

const W = {
  zh: {
    title: (n: number) => `已封装 ${n} 个批次：每个厂家一个链接，各自一把钥匙，请分别发送`,
    counts: (p: SealedPart) =>
      `${p.orders} 个订单 · ${p.items} 件商品${p.split > 0 ? ` · 其中 ${p.split} 个是拆分订单的包裹` : ''}`,
    file: '链接太长，已生成供货单文件',
    download: '下载供货单文件',
    copy: '复制链接',
    copyText: '复制',
    copied: '已复制',
    qr: '二维码',
    noBase: '没有设置厂家页面地址：把这段文字发给厂家，粘贴到厂家页面打开',
    split: (n: number) => `${n} 个订单拆成多个包裹：`,
    unassigned: (n: number) => `${n} 个订单未封装：`,
    supplierFile: '下载这个厂家的发货单文件（推荐）',
    supplierFileHint:
      '一个 HTML 附件，内含这个厂家的订单：发给它，双击打开即可填单号，不用安装，也不联网。文件和链接一样机密：只发给这个厂家。',
    supplierFileFailed: '没能生成发货单文件，请改用下面的链接',
  },
  en: {
    title: (n: number) =>
      `${n} batches sealed: one link per supplier, each with its own key; send each separately`,
    counts: (p: SealedPart) =>
      `${p.orders} orders · ${p.items} items${p.split > 0 ? ` · ${p.split} of them parcels of split orders` : ''}`,
    file: 'Too long for a link: a sealed order-sheet file',
    download: 'Download order-sheet file',
    copy: 'Copy link',
    copyText: 'Copy',
    copied: 'Copied',
    qr: 'QR code',
    noBase: 'No supplier page address set: send this text; the supplier pastes it into the supplier page',
    split: (n: number) => `${n} orders became several parcels:`,
    unassigned: (n: number) => `${n} orders were not sealed:`,
    supplierFile: "Download this supplier's order-sheet file (recommended)",
    supplierFileHint:
      "One HTML attachment with this supplier's orders: send it to them to double-click and enter tracking numbers; no install, no network. As secret as the link: send it to this supplier only.",
    supplierFileFailed: 'Could not make the order-sheet file; send the link below instead',
  },
};

function Part(props: { lang: Lang; part: SealedPart; base: boolean; onError: (message: string) => void }) {
  const w = W[props.lang];
  const p = props.part;
  const qr = useMemo(() => (p.kind === 'link' && props.base ? qrDataUrl(p.text) : undefined), [p]);
  return (
    <li class="ho-part" data-batch-id={p.batch.batchId} data-supplier={p.supplier.name} data-kind={p.kind}>
      <h4>
        {p.supplier.name}
        {p.supplier.note ? `（${p.supplier.note}）` : ''}
      </h4>
      <p class="ho-muted ho-part-counts" data-orders={p.orders} data-items={p.items} data-split={p.split}>
        {w.counts(p)}
      </p>
      <SupplierFileButton
        sealedText={p.text}
        supplier={p.supplier.name}
        orders={p.orders}
        w={w}
        onError={props.onError}
      />
      {p.kind === 'link' ? (
        <>
          {!props.base && <p class="ho-muted ho-small">{w.noBase}</p>}
          <div class="ho-link-row">
            <textarea class="ho-link ho-part-link" readOnly rows={3} value={p.text} />
            {qr && <img class="ho-qr" src={qr} alt={w.qr} width={160} height={160} />}
          </div>
          <CopyText text={p.text} label={w.copy} done={w.copied} class="ho-primary ho-part-copy" />
        </>
      ) : (
        <>
          <p>{w.file}</p>
          <button
            type="button"
            class="ho-btn ho-primary ho-part-download"
            onClick={() =>
              downloadText(p.text, p.fileName ?? `shipmask-${p.batch.batchId}.txt`, 'text/plain')
            }
          >
            {w.download}
          </button>{' '}
          <CopyText text={p.text} label={w.copyText} done={w.copied} />
        </>
      )}
    </li>
  );
}

/**
 * The sealed parts of a selection.
 * @example
 * <SealResults lang="zh" result={reply} base={config.baseUrl !== ''} onError={setError} />
 */
export function SealResults(props: {
  lang: Lang;
  result: Extract<SupplierSealReply, { ok: true }>;
  base: boolean;
  onError: (message: string) => void;
}) {
  const w = W[props.lang];
  const r = props.result;
  return (
    <div class="ho-sealed ho-parts" data-group-id={r.groupId} data-parts={r.parts.length}>
      <h3>{w.title(r.parts.length)}</h3>
      <ul class="ho-part-list">
        {r.parts.map((p) => (
          <Part key={p.batch.batchId} lang={props.lang} part={p} base={props.base} onError={props.onError} />
        ))}
      </ul>
      {r.split.length > 0 && (
        <div class="ho-split-done">
          <p>{w.split(r.split.length)}</p>
          <ul class="ho-small">
            {r.split.map((s) => (
              <li key={s.orderId}>{splitLine(s, props.lang)}</li>
            ))}
          </ul>
        </div>
      )}
      {r.unassigned.length > 0 && (
        <div class="ho-unassigned-done">
          <p class="ho-warn">{w.unassigned(r.unassigned.length)}</p>
          <ul class="ho-small">
            {r.unassigned.map((u) => (
              <li key={u.orderId} data-order-id={u.orderId}>
                <span class="ho-mono">{u.orderId}</span> {unassignedText(u.reason, u.skus, props.lang)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
