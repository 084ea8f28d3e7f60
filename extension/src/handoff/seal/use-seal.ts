/**
 * Sealing a selection for one supplier (`handoff/seal`): the request comes from the form
 * (`sealRequest`, pure); a `held` refusal asks the exception gate which orders and why (issue 18).
 * @module
 */
import { useState } from 'preact/hooks';
import type { GateOverride, Hold, OrderView } from '@shipmask/core';
import { send } from '../../client';
import type { HandoffExtra, HandoffSupplier, SealReply } from '../../messages/handoff';
import type { ShopRef } from '../../messages/shared';
import { sealRequest, type SealForm } from './seal-form-state';

/**
 * The one-supplier seal: busy flag, the sealed reply, and the action.
 * @example
 * const s = useSeal(); await s.seal({ shop, orders, form, … });
 */
export function useSeal() {
  const [busy, setBusy] = useState(false);
  const [sealed, setSealed] = useState<Extract<SealReply, { ok: true }> | undefined>();
  const seal = async (p: {
    shop: ShopRef;
    orders: readonly OrderView[];
    form: SealForm;
    supplier: HandoffSupplier | undefined;
    supplierName: string;
    extras: readonly HandoffExtra[];
    overrides: readonly GateOverride[];
    addresses: ReadonlyMap<string, string>;
    onError: (message: string) => void;
    onHeld: (held: readonly { orderId: string; holds: readonly Hold[] }[]) => void;
    /** After a seal that worked: the addresses are in the link now and leave the page's memory. */
    onSealed: () => Promise<void>;
  }): Promise<void> => {
    setBusy(true);
    p.onError('');
    const request = sealRequest(p);
    const r = await send(request);
    setBusy(false);
    if (!r.ok) return p.onError(r.error.message);
    if (!r.value.ok) {
      if (r.value.code === 'held') {
        const g = await send({
          type: 'gate/check',
          shop: p.shop,
          orderIds: request.orderIds,
          action: 'seal',
          overrides: p.overrides,
        });
        if (g.ok) p.onHeld(g.value.held);
      }
      return p.onError(`${r.value.code}: ${r.value.message}`);
    }
    p.onHeld([]);
    setSealed(r.value);
    await p.onSealed();
  };
  return { busy, sealed, seal };
}
