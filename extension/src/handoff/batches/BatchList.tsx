/**
 * The batches card: reminders of batches near expiry, one merged bulk-ship file per shop, and the
 * list of batches with their status.
 * @module
 */
import type { BatchReminder, BatchSummary } from '../../messages/handoff';
import type { ShopRef } from '../../messages/shared';
import { PLATFORM_NAMES } from '../../ui/shop-names';
import { ExpiryReminders } from '../BatchLifetime';
import { MergedShip } from '../MergedShip';
import { pageWords, type Lang } from '../words';
import { shopsOf } from './batches-state';
import { chinaTime } from './china-time';

/**
 * The list of batches.
 * @example
 * <BatchList lang="zh" batches={b} reminders={r} shopName={name} onOpen={open} onError={setError} onShipFiles={made} />
 */
export function BatchList(props: {
  lang: Lang;
  batches: readonly BatchSummary[];
  reminders: readonly BatchReminder[];
  shopName: (shop: ShopRef) => string;
  onOpen: (batchId: string) => void;
  onError: (message: string) => void;
  onShipFiles: (batchIds: readonly string[]) => void;
}) {
  const { lang, batches, shopName } = props;
  const w = pageWords(lang);
  return (
    <section class="ho-card">
      <h2>{w.batches}</h2>
      <ExpiryReminders lang={lang} reminders={props.reminders} onOpen={props.onOpen} />
      {shopsOf(batches).map((s) => (
        <MergedShip
          key={`${s.platform}:${s.shopId}`}
          lang={lang}
          source={{ shop: s }}
          shopName={shopName(s)}
          onError={props.onError}
          onShipFile={props.onShipFiles}
        />
      ))}
      {batches.length === 0 ? (
        <p class="ho-muted">{w.none}</p>
      ) : (
        <table class="ho-table ho-batches">
          <thead>
            <tr>
              <th>{w.shop}</th>
              <th>{w.supplier}</th>
              <th>{w.created}</th>
              <th>{w.expires}</th>
              <th>{w.orders}</th>
              <th>{w.shipped}</th>
              <th>{w.cannot}</th>
              <th>{w.status}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.batchId} class="ho-batch-row" data-batch-id={b.batchId}>
                <td>
                  {PLATFORM_NAMES[b.shop.platform][lang]}{' '}
                  <span class="ho-muted ho-small ho-shop-name">{shopName(b.shop)}</span>
                </td>
                <td>
                  {b.supplier.name}
                  {b.group && <span class="ho-muted ho-small">{` ${b.group.part + 1}/${b.group.of}`}</span>}
                </td>
                <td>{chinaTime(b.createdAt)}</td>
                <td>{chinaTime(b.expiresAt)}</td>
                <td>{b.orders}</td>
                <td>{b.shipped}</td>
                <td>{b.cannotShip}</td>
                <td>
                  <span class={`ho-status ho-status-${b.status}`}>{w.statusText[b.status]}</span>
                </td>
                <td>
                  <button type="button" class="ho-btn ho-open" onClick={() => props.onOpen(b.batchId)}>
                    {w.open}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
