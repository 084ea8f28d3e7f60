/**
 * The batches of the hand-off page and what the merchant does with one: list and reminders,
 * open, revoke, import a return code, record that the bulk-ship file was made, and the exception
 * gate's check of that file. Talks to the background through `send()`; every state change goes
 * through `batchesReducer` (pure, `batches-state.ts`).
 * @module
 */
import { useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import type { GateOverride, Hold } from '@shipmask/core';
import { send } from '../../client';
import type { BatchReminder } from '../../messages/handoff';
import { shippingOf } from '../ship-rows';
import {
  BATCHES_START,
  batchesReducer,
  canImport,
  gatePassed,
  importOutcome,
  shopsOf,
} from './batches-state';

/**
 * The batches state and its actions.
 * @example
 * const b = useBatches({ overrides, onError: setError, onHeld: setHeld });
 */
export function useBatches(p: {
  overrides: readonly GateOverride[];
  onError: (message: string) => void;
  onHeld: (held: readonly { orderId: string; holds: readonly Hold[] }[]) => void;
}) {
  const [s, dispatch] = useReducer(batchesReducer, BATCHES_START);

  const load = async (): Promise<void> => {
    const r = await send({ type: 'handoff/batches' });
    if (!r.ok) return p.onError(r.error.message);
    dispatch({ type: 'batches', batches: r.value });
    // One request per shop with batches (reminders are asked per shop, as the panel does).
    const due: BatchReminder[] = [];
    for (const shop of shopsOf(r.value)) {
      const d = await send({ type: 'handoff/reminders', shop });
      if (d.ok) due.push(...d.value);
    }
    dispatch({ type: 'reminders', reminders: due });
  };

  const open = async (batchId: string): Promise<void> => {
    const r = await send({ type: 'handoff/batch', batchId });
    if (r.ok && r.value) dispatch({ type: 'open', detail: r.value });
    else if (!r.ok) p.onError(r.error.message);
  };

  const revoke = async (batchId: string): Promise<void> => {
    const r = await send({ type: 'handoff/revoke', batchId });
    if (!r.ok) return p.onError(r.error.message);
    await open(batchId);
    await load();
  };

  // Issue 21: a batch stays 已回传，待上传发货 until its bulk-ship file is made.
  const shipFileMade = async (batchId: string): Promise<void> => {
    const r = await send({ type: 'handoff/ship-file', batchId });
    if (!r.ok) return p.onError(r.error.message);
    if (r.value) dispatch({ type: 'status', batchId, status: r.value.status });
    await load();
  };

  /** The merged file of several batches was made (issue 17 item 4): each is marked as issue 21 does. */
  const shipFilesMade = async (batchIds: readonly string[]): Promise<void> => {
    for (const id of batchIds) await shipFileMade(id);
  };

  const importCode = async (): Promise<void> => {
    if (!canImport(s) || !s.open) return;
    p.onError('');
    const r = await send({ type: 'handoff/import', batchId: s.open.batchId, code: s.code });
    if (!r.ok) return p.onError(r.error.message);
    const out = importOutcome(r.value);
    if ('error' in out) return p.onError(out.error);
    dispatch(out.action);
    await load();
  };

  // The bulk-ship file passes the exception gate (issue 18): orders refunded, closed or changed
  // since sealing stay out unless overridden (logged).
  const [shipPass, setShipPass] = useState<ReadonlySet<string> | undefined>();
  useEffect(() => {
    setShipPass(undefined);
    if (!s.open) return;
    const ids = s.open.items.map((it) => it.order.orderId);
    void send({
      type: 'gate/check',
      shop: s.open.shop,
      orderIds: ids,
      action: 'bulk-ship',
      overrides: p.overrides,
    }).then((g) => {
      if (!g.ok) return p.onError(g.error.message);
      setShipPass(new Set(g.value.pass));
      if (g.value.held.length > 0) p.onHeld(g.value.held);
    });
  }, [s.open, p.overrides]);
  const passed = useMemo(() => gatePassed(s.open, shipPass), [s.open, shipPass]);
  const shipping = useMemo(() => (passed ? shippingOf(passed) : undefined), [passed]);

  return { state: s, dispatch, shipping, load, open, revoke, shipFileMade, shipFilesMade, importCode };
}
