/**
 * The open batch's header: shop, batch id, expiry (China time), order count, the merchant's note
 * and 换一个供货单 (which forgets the batch).
 * @module
 */
import type { HandoffBatch } from '@shipmask/core';
import { words, type Lang } from '../i18n';
import { formatTime } from '../page-io';

/**
 * The batch header.
 * @example
 * <BatchMeta lang="zh" batch={opened.batch} onReset={reset} />
 */
export function BatchMeta(props: { lang: Lang; batch: HandoffBatch; onReset: () => void }) {
  const w = words[props.lang];
  const b = props.batch;
  return (
    <dl class="sp-meta">
      <div>
        <dt>{w.shop}</dt>
        <dd class="sp-shop">{b.shop}</dd>
      </div>
      <div>
        <dt>{w.batch}</dt>
        <dd class="sp-batch-id">{b.batchId}</dd>
      </div>
      <div>
        <dt>{w.expires}</dt>
        <dd>{formatTime(b.expiresAt)}</dd>
      </div>
      <div>
        <dt>{w.orders}</dt>
        <dd class="sp-count">{b.orders.length}</dd>
      </div>
      {b.note !== undefined && (
        <div class="sp-merchant-note">
          <dt>{w.merchantNote}</dt>
          <dd>{b.note}</dd>
        </div>
      )}
      <div class="sp-meta-end">
        <button type="button" class="sp-link" onClick={props.onReset}>
          {w.reset}
        </button>
      </div>
    </dl>
  );
}
