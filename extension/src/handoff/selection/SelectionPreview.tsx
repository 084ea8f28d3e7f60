/**
 * The selection's heading and its first five orders (masked, as stored), with how many more and
 * how many the background does not have.
 * @module
 */
import type { OrderView } from '@shipmask/core';
import { pageWords, type Lang } from '../words';

/**
 * The selection preview.
 * @example
 * <SelectionPreview lang="zh" orders={orders} missing={[]} />
 */
export function SelectionPreview(props: {
  lang: Lang;
  orders: readonly OrderView[];
  missing: readonly string[];
}) {
  const w = pageWords(props.lang);
  const { orders, missing } = props;
  return (
    <>
      <h2>
        {w.selection(orders.length)}
        {missing.length > 0 && <span class="ho-warn"> · {w.missing(missing.length)}</span>}
      </h2>
      <div class="ho-preview">
        {orders.slice(0, 5).map((o) => (
          <div class="ho-preview-row" key={o.orderId}>
            <span class="ho-mono">{o.orderId}</span>
            <span>{o.items.map((i) => `${i.name} ×${i.quantity}`).join('，')}</span>
            <span class="ho-muted">
              {o.receiver.name ?? ''} {o.receiver.phone ?? ''}
            </span>
          </div>
        ))}
        {orders.length > 5 && <div class="ho-muted">… +{orders.length - 5}</div>}
      </div>
    </>
  );
}
