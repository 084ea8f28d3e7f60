/**
 * 合并发货文件 (issue 17 item 4): one bulk-ship file across the batches of one multi-supplier
 * selection, or across every batch of a shop with returned results (not revoked). The rule is
 * core's (`mergeParcelShipments`, see `merged-ship.ts`): one row per order; a split order ships
 * by its first parcel, and the page lists the other parcels' numbers for 追加包裹 / 补充运单 in
 * the back-office by hand; orders whose first parcel has not come back wait. The file passes the
 * exception gate's bulk-ship check like a one-batch file.
 * @module
 */
import { useState } from 'preact/hooks';
import type { MergedShipping } from '@shipmask/core';
import { send } from '../client';
import type { BatchDetail } from '../messages/handoff';
import type { ShopRef } from '../messages/shared';
import { CopyText, downloadText } from './file-actions';
import { mergedShipping } from './merged-ship';
import { carrierName } from './ship-rows';

type Lang = 'zh' | 'en';

const W = {
  zh: {
    mergeGroup: '合并发货文件（本次交接的所有厂家）',
    mergeShop: '合并发货文件（本店所有已回执、后台未显示已发货的批次）',
    batches: (n: number) => `来自 ${n} 个批次`,
    download: (n: number) => `下载合并的批量发货文件（${n} 单）`,
    lines: '批量发货文本（可粘贴到后台“批量发货”）',
    copy: '复制',
    copied: '已复制',
    extra: (n: number) =>
      `${n} 个包裹是拆分订单的第二个（或更多）包裹：批量发货文件每单只能写一个单号，请在后台对这些订单“追加包裹 / 补充运单”：`,
    waiting: (n: number) => `${n} 单等待第一个包裹的厂家回执，暂不写入：`,
    cannot: (n: number) => `${n} 个包裹厂家无法发货：`,
    orderShips: '（订单已由另一个包裹发货，请另行处理这部分商品）',
    problems: (n: number) => `${n} 单没有写入：快递公司或单号平台不接受，请在后台手动发货`,
    none: '还没有可以发货的回执',
    held: (n: number) => `${n} 单被异常拦截，未写入`,
  },
  en: {
    mergeGroup: 'Merged bulk-ship file (all suppliers of this hand-off)',
    mergeShop: "Merged bulk-ship file (this shop's batches with results, orders not shown shipped)",
    batches: (n: number) => `from ${n} batches`,
    download: (n: number) => `Download the merged bulk-ship file (${n} orders)`,
    lines: "Bulk-ship lines (paste into the back-office's bulk ship)",
    copy: 'Copy',
    copied: 'Copied',
    extra: (n: number) =>
      `${n} parcels are further parcels of split orders: a bulk-ship file takes one number per order, so add these in the back-office by hand (“追加包裹” / “补充运单”):`,
    waiting: (n: number) => `${n} orders wait for their first parcel's return code; not written yet:`,
    cannot: (n: number) => `${n} parcels the supplier cannot ship:`,
    orderShips: ' (the order ships by another parcel; handle these items separately)',
    problems: (n: number) =>
      `${n} orders left out: the platform does not accept their carrier or number; ship them by hand`,
    none: 'No returned results to ship yet',
    held: (n: number) => `${n} orders held by the exception gate; left out`,
  },
};

/**
 * The merge button and its result, for one selection (`groupId`) or one shop (`shop`).
 * @example
 * <MergedShip lang="zh" source={{ groupId: batch.group.id }} onError={setError} onShipFile={(ids) => mark(ids)} />
 */
export function MergedShip(props: {
  lang: Lang;
  source: { readonly groupId: string } | { readonly shop: ShopRef };
  /** The shop's name as pages show it (issue 21: names, not ids). */
  shopName?: string;
  onError: (message: string) => void;
  /** The file was made from these batches (issue 21: 已回传，待上传发货 → 已发货). */
  onShipFile: (batchIds: readonly string[]) => void;
}) {
  const w = W[props.lang];
  const [merged, setMerged] = useState<
    { value: MergedShipping | undefined; batches: readonly BatchDetail[]; held: number } | undefined
  >();
  const supplierOf = (batchId: string): string =>
    merged?.batches.find((b) => b.batchId === batchId)?.supplier.name ?? batchId;

  const run = async (): Promise<void> => {
    const d = await send(
      'groupId' in props.source
        ? { type: 'handoff/details', groupId: props.source.groupId }
        : { type: 'handoff/details', shop: props.source.shop },
    );
    if (!d.ok) return props.onError(d.error.message);
    const first = d.value[0];
    if (!first) return setMerged({ value: undefined, batches: [], held: 0 });
    const ids = [...new Set(d.value.flatMap((b) => b.items.map((it) => it.order.orderId)))];
    // Orders refunded, closed or changed since sealing stay out (issue 18), as for one batch.
    const g = await send({ type: 'gate/check', shop: first.shop, orderIds: ids, action: 'bulk-ship' });
    if (!g.ok) return props.onError(g.error.message);
    const pass = new Set(g.value.pass);
    const name = 'groupId' in props.source ? `merged-${props.source.groupId}` : 'merged';
    setMerged({ value: mergedShipping(d.value, pass, name), batches: d.value, held: g.value.held.length });
  };

  const m = merged?.value;
  const platform = merged?.batches[0]?.shop.platform ?? 'douyin';
  return (
    <div class="ho-merged" data-written={m?.file.written ?? -1}>
      <button type="button" class="ho-btn ho-primary ho-merge" onClick={() => void run()}>
        {'groupId' in props.source
          ? w.mergeGroup
          : `${w.mergeShop} · ${props.shopName ?? props.source.shop.shopId}`}
      </button>
      {merged && !m && <p class="ho-muted">{w.none}</p>}
      {merged && m && (
        <div class="ho-merged-result">
          <p class="ho-muted">{w.batches(merged.batches.length)}</p>
          {m.file.written > 0 ? (
            <>
              <button
                type="button"
                class="ho-btn ho-primary ho-download-merged"
                onClick={() => {
                  downloadText(m.file.csv, m.file.fileName, 'text/csv;charset=utf-8');
                  props.onShipFile(merged.batches.map((b) => b.batchId));
                }}
              >
                {w.download(m.file.written)}
              </button>
              <label class="ho-wide">
                {w.lines}
                <textarea class="ho-merged-lines" readOnly rows={4} value={m.lines} />
              </label>
              <CopyText text={m.lines} label={w.copy} done={w.copied} />
            </>
          ) : (
            <p class="ho-muted">{w.none}</p>
          )}
          {merged.held > 0 && <p class="ho-warn">{w.held(merged.held)}</p>}
          {m.file.problems.length > 0 && <p class="ho-warn">{w.problems(m.file.problems.length)}</p>}
          {m.extraParcels.length > 0 && (
            <div class="ho-extra-parcels" data-count={m.extraParcels.length}>
              <p class="ho-warn">{w.extra(m.extraParcels.length)}</p>
              <ul>
                {m.extraParcels.map((x) => (
                  <li key={`${x.orderId}:${x.batchId}`} data-order-id={x.orderId} data-waybill={x.waybill}>
                    <span class="ho-mono">{x.orderId}</span> · {supplierOf(x.batchId)} ·{' '}
                    {carrierName(platform, x.carrier)} <span class="ho-mono">{x.waybill}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {m.waiting.some((x) => x.blocksOrder) && (
            <div class="ho-waiting">
              <p class="ho-muted">{w.waiting(m.waiting.filter((x) => x.blocksOrder).length)}</p>
              <ul class="ho-small">
                {m.waiting
                  .filter((x) => x.blocksOrder)
                  .slice(0, 100)
                  .map((x) => (
                    <li key={`${x.orderId}:${x.batchId}`}>
                      <span class="ho-mono">{x.orderId}</span> · {supplierOf(x.batchId)}
                    </li>
                  ))}
              </ul>
            </div>
          )}
          {m.cannotShip.length > 0 && (
            <div class="ho-cannot">
              <p class="ho-warn">{w.cannot(m.cannotShip.length)}</p>
              <ul class="ho-small">
                {m.cannotShip.map((x) => (
                  <li key={`${x.orderId}:${x.batchId}`}>
                    <span class="ho-mono">{x.orderId}</span> · {supplierOf(x.batchId)} · {x.reason}
                    {x.orderShips ? w.orderShips : ''}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
