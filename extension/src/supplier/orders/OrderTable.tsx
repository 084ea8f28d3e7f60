/**
 * The orders of the open batch, one row each: items, the receiver as sealed (masked, a virtual
 * number with its full address, or ciphertext), the platform 代发 mark, the print-component state,
 * and the supplier's carrier, tracking number and cannot-ship entry. Text only (Preact).
 * @module
 */
import type { HandoffOrder } from '@shipmask/core';
import { CARRIERS } from '../../print/build';
import type { PrintStates } from '../component/component-plan';
import { words, type Lang } from '../i18n';
import { printRoute } from '../labels/routes';
import { carrierOf, rowOf, waybillIsBad, type Row, type Rows } from './rows';

/**
 * The order table.
 * @example
 * <OrderTable lang="zh" orders={batch.orders} rows={rows} defaultCarrier="ZTO" names={names} printStates={{}} onRow={setRow} />
 */
export function OrderTable(props: {
  lang: Lang;
  orders: readonly HandoffOrder[];
  rows: Rows;
  defaultCarrier: string;
  names: Record<string, string>;
  printStates: PrintStates;
  onRow: (orderId: string, patch: Partial<Row>) => void;
}) {
  const w = words[props.lang];
  const { orders, rows, names, printStates, onRow } = props;
  return (
    <table class="sp-orders">
      <thead>
        <tr>
          <th>#</th>
          <th>{w.orders}</th>
          <th>{w.items}</th>
          <th>{w.receiver}</th>
          <th>{w.carrier}</th>
          <th>{w.waybill}</th>
          <th>{w.cannotShip}</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((o, i) => {
          const r = rowOf(rows, o.orderId);
          const bad = waybillIsBad(r);
          const rc = o.receiver;
          const state = printStates[o.orderId];
          return (
            <tr key={o.orderId} class="sp-order" data-order-id={o.orderId}>
              <td class="sp-n">{i + 1}</td>
              <td class="sp-id">
                {o.orderId}
                {o.remark && (
                  <div class="sp-remark">
                    {w.remark}：{o.remark}
                  </div>
                )}
              </td>
              <td>
                {o.items.map((it, k) => (
                  <div key={k} class="sp-item">
                    {it.name}
                    {it.sku ? <span class="sp-sku"> {it.sku}</span> : null}
                    <b class="sp-qty"> ×{it.quantity}</b>
                  </div>
                ))}
              </td>
              <td class="sp-receiver">
                <div>
                  {rc.name ?? ''} {rc.phone ?? ''}
                </div>
                {rc.virtual && (
                  <div class="sp-vn">
                    {w.virtual} {rc.virtual.main}-{rc.virtual.ext}
                  </div>
                )}
                {rc.address && <div class="sp-addr">{rc.address}</div>}
                {rc.cipher && !rc.virtual && <div class="sp-cipher">{w.ciphertext}</div>}
                {printRoute(o) === 'platform' && (
                  <div class="sp-route" data-route="platform">
                    {w.platformBadge}
                  </div>
                )}
                {state && (
                  <div class="sp-print-state" data-state={state}>
                    {w.compState[state]}
                  </div>
                )}
              </td>
              <td>
                <select
                  class="sp-carrier"
                  value={carrierOf(rows, orders, o.orderId, props.defaultCarrier)}
                  disabled={r.cannot}
                  onChange={(e) => onRow(o.orderId, { carrier: e.currentTarget.value })}
                >
                  {CARRIERS.map((c) => (
                    <option value={c} key={c}>
                      {names[c] ?? c}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  class={`sp-waybill${bad ? ' is-bad' : ''}`}
                  value={r.waybill}
                  disabled={r.cannot}
                  aria-invalid={bad}
                  title={bad ? w.invalidWaybill : ''}
                  onInput={(e) => onRow(o.orderId, { waybill: e.currentTarget.value })}
                />
              </td>
              <td>
                <label class="sp-inline">
                  <input
                    type="checkbox"
                    class="sp-cannot"
                    checked={r.cannot}
                    onChange={(e) => onRow(o.orderId, { cannot: e.currentTarget.checked })}
                  />
                </label>
                {r.cannot && (
                  <input
                    class="sp-reason"
                    placeholder={w.reasonPlaceholder}
                    value={r.reason}
                    onInput={(e) => onRow(o.orderId, { reason: e.currentTarget.value })}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
