/**
 * Several suppliers in one hand-off (issue 17 item 4), on the hand-off page: the shop's rules
 * (`SupplierRules`), the split shown BEFORE sealing (per supplier: orders and items; each split
 * order as `订单 …：2 个包裹 → 厂家A（SKU x），厂家B（SKU y）`; orders 未分配厂家 with why), then
 * one seal request (`handoff/seal-suppliers`: one batch per supplier, by the rules the background
 * stored) and the results, one per supplier (`SealResults`). Addresses of virtual-number orders
 * stay in page memory and go into that one request only.
 * @module
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { GateOverride, Hold, OrderView } from '@shipmask/core';
import { send } from '../client';
import type { HandoffExtra, SupplierRulesValue, SupplierSealReply } from '../messages/handoff';
import type { ShopRef } from '../messages/shared';
import { SealResults } from './SealResults';
import { SupplierRules } from './SupplierRules';
import { previewSuppliers, splitLine, unassignedText } from './split-plan';

type Lang = 'zh' | 'en';

const W = {
  zh: {
    plan: '封装前预览：',
    part: (supplier: string, orders: number, items: number) =>
      `${supplier}：${orders} 个订单，${items} 件商品`,
    split: (n: number) => `${n} 个订单的商品属于不同厂家，拆成多个包裹（每个厂家的批次里只有它的商品）：`,
    unassigned: (n: number) => `${n} 个订单未分配厂家，不会封装：`,
    noParts: '没有订单能分配给厂家：请添加商家编码规则或设置默认厂家',
    seal: (n: number) => `封装 ${n} 个厂家批次`,
    sealing: '正在封装…',
    unsaved: '规则修改后请先保存，封装按已保存的规则进行',
  },
  en: {
    plan: 'Before sealing:',
    part: (supplier: string, orders: number, items: number) =>
      `${supplier}: ${orders} orders, ${items} items`,
    split: (n: number) =>
      `${n} orders hold items of different suppliers and become several parcels (each supplier's batch holds its items only):`,
    unassigned: (n: number) => `${n} orders have no supplier and will not be sealed:`,
    noParts: 'No order has a supplier: add SKU rules or a default supplier',
    seal: (n: number) => `Seal ${n} supplier batches`,
    sealing: 'Sealing…',
    unsaved: 'Save the rules first: sealing uses the saved rules',
  },
};

/**
 * The multi-supplier hand-off of a selection.
 * @example
 * <SupplierHandoff lang="zh" shop={shop} orders={orders} days={7} carrier="" extras={[]} addresses={new Map()}
 *   overrides={[]} sealable baseUrl="" onSealed={() => {}} onError={setError} onHeld={setHeld} />
 */
export function SupplierHandoff(props: {
  lang: Lang;
  shop: ShopRef;
  orders: readonly OrderView[];
  days: number;
  carrier: string;
  extras: readonly HandoffExtra[];
  addresses: ReadonlyMap<string, string>;
  overrides: readonly GateOverride[];
  /** False while virtual-number orders still need an address (the page's plan summary says so). */
  sealable: boolean;
  baseUrl: string;
  onSealed: () => void;
  onError: (message: string) => void;
  onHeld: (held: readonly { orderId: string; holds: readonly Hold[] }[]) => void;
}) {
  const w = W[props.lang];
  const [rules, setRules] = useState<SupplierRulesValue | undefined>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Extract<SupplierSealReply, { ok: true }> | undefined>();

  useEffect(() => {
    void send({ type: 'handoff/rules/get', shop: props.shop }).then((r) => {
      if (r.ok) setRules(r.value);
      else props.onError(r.error.message);
    });
  }, [props.shop.platform, props.shop.shopId]);

  const plan = useMemo(
    () => (rules ? previewSuppliers(props.orders, rules) : undefined),
    [props.orders, rules],
  );

  const seal = async (): Promise<void> => {
    if (!plan || plan.parts.length === 0 || !props.sealable) return;
    setBusy(true);
    const assigned = new Set(plan.parts.flatMap((p) => p.orders.map((o) => o.orderId)));
    const orderIds = props.orders.filter((o) => !o.platformDropship).map((o) => o.orderId);
    const r = await send({
      type: 'handoff/seal-suppliers',
      shop: props.shop,
      orderIds,
      expiresInDays: props.days,
      ...(props.carrier ? { carrier: props.carrier } : {}),
      ...(props.extras.length > 0 ? { extras: props.extras } : {}),
      ...(props.overrides.length > 0 ? { overrides: props.overrides } : {}),
      ...(props.addresses.size > 0
        ? {
            // Only the orders that will be sealed: an unassigned order's address stays in memory.
            addresses: [...props.addresses]
              .filter(([id]) => assigned.has(id))
              .map(([orderId, address]) => ({ orderId, address })),
          }
        : {}),
    });
    setBusy(false);
    if (!r.ok) return props.onError(r.error.message);
    if (!r.value.ok) {
      if (r.value.code === 'held') {
        const g = await send({
          type: 'gate/check',
          shop: props.shop,
          orderIds,
          action: 'seal',
          overrides: props.overrides,
        });
        if (g.ok) props.onHeld(g.value.held);
      }
      return props.onError(`${r.value.code}: ${r.value.message}`);
    }
    props.onHeld([]);
    setResult(r.value);
    props.onSealed();
  };

  if (result)
    return (
      <SealResults lang={props.lang} result={result} base={props.baseUrl !== ''} onError={props.onError} />
    );
  if (!rules || !plan) return null;
  return (
    <div class="ho-suppliers">
      <SupplierRules lang={props.lang} shop={props.shop} value={rules} onSaved={setRules} />
      <div
        class="ho-split-plan"
        data-parts={plan.parts.length}
        data-split={plan.split.length}
        data-unassigned={plan.unassigned.length}
      >
        <p>{w.plan}</p>
        {plan.parts.length === 0 ? (
          <p class="ho-warn">{w.noParts}</p>
        ) : (
          <ul>
            {plan.parts.map((p) => (
              <li
                key={p.supplier}
                class="ho-plan-part"
                data-supplier={p.supplier}
                data-orders={p.orders.length}
              >
                {w.part(
                  p.supplier,
                  p.orders.length,
                  p.orders.reduce((n, o) => n + o.items.length, 0),
                )}
              </li>
            ))}
          </ul>
        )}
        {plan.split.length > 0 && (
          <>
            <p>{w.split(plan.split.length)}</p>
            <ul class="ho-split-list">
              {plan.split.map((s) => (
                <li key={s.orderId} class="ho-split-order" data-order-id={s.orderId}>
                  {splitLine(s, props.lang)}
                </li>
              ))}
            </ul>
          </>
        )}
        {plan.unassigned.length > 0 && (
          <>
            <p class="ho-warn">{w.unassigned(plan.unassigned.length)}</p>
            <ul class="ho-unassigned-list">
              {plan.unassigned.map((u) => (
                <li key={u.orderId} class="ho-unassigned" data-order-id={u.orderId} data-reason={u.reason}>
                  <span class="ho-mono">{u.orderId}</span> {unassignedText(u.reason, u.skus, props.lang)}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <p class="ho-muted ho-small">{w.unsaved}</p>
      <button
        type="button"
        class="ho-btn ho-primary ho-seal-suppliers"
        disabled={busy || !props.sealable || plan.parts.length === 0}
        onClick={() => void seal()}
      >
        {busy ? w.sealing : w.seal(plan.parts.length)}
      </button>
    </div>
  );
}
