/**
 * An order's print journal (`print/log`): every sent / printed / failed / canceled / reprint line
 * with its time, waybill number, reason and message.
 * @module
 */
import { useState } from 'preact/hooks';
import { send } from '../../client';
import type { PrintLogLine } from '../../messages/print';
import type { ShopRef } from '../../messages/shared';
import type { PrintStrings } from '../i18n';

/** The journal box. */
export function PrintLog(p: { readonly t: PrintStrings; readonly shop: ShopRef | undefined }) {
  const { t, shop } = p;
  const [logId, setLogId] = useState('');
  const [log, setLog] = useState<readonly PrintLogLine[] | undefined>();
  const showLog = async (): Promise<void> => {
    if (!shop) return;
    const r = await send({ type: 'print/log', shop, orderId: logId.trim() });
    if (r.ok) setLog(r.value);
  };
  return (
    <details class="print-log">
      <summary>{t.log}</summary>
      <input
        class="log-order"
        placeholder={t.logOrder}
        value={logId}
        onInput={(e) => setLogId(e.currentTarget.value)}
      />
      <button type="button" class="log-show" onClick={() => void showLog()}>
        {t.log}
      </button>
      {log ? (
        <ol class="log-lines">
          {log.map((l, i) => (
            <li
              key={i}
            >{`${new Date(l.at).toLocaleString()} · ${t.logKinds[l.kind] ?? l.kind} · ${l.trackingNumber ?? ''}${l.reason ? ` · ${l.reason}` : ''}${l.message ? ` · ${l.message}` : ''}`}</li>
          ))}
        </ol>
      ) : null}
    </details>
  );
}
