/**
 * Before sealing (issue 17): how the selected orders will travel, and which virtual-number orders
 * still need their delivery address. Order ids only; Preact renders them as text.
 * @module
 */
import type { PlanPreview } from './plan-preview';

type Lang = 'zh' | 'en';

const W = {
  zh: {
    label: (n: number) => `${n} 单厂家直接打印面单（虚拟号 + 完整地址，仅在加密链接中）`,
    platform: (n: number) =>
      `${n} 单平台代发（密文订单：在抖店厂商代发 / 微信小店代发管理 / 厂家授权的打单软件打印）`,
    needs: (n: number) => `${n} 个虚拟号订单还缺收货地址：请拖入含详细地址的平台导出文件，或先把它们移出本批`,
    leaveOut: '移出这些订单',
    assigned: (n: number) => `${n} 单已通过平台分配给厂家代发，不能再交接，已排除`,
  },
  en: {
    label: (n: number) =>
      `${n} printed by the supplier (virtual number + full address, inside the sealed link only)`,
    platform: (n: number) =>
      `${n} platform drop-ship (ciphertext orders: printed in 抖店 厂商代发 / 微信小店 代发管理 / the supplier's authorised print software)`,
    needs: (n: number) =>
      `${n} virtual-number orders need their delivery address: drop the platform export with detailed addresses, or leave them out`,
    leaveOut: 'Leave these out',
    assigned: (n: number) =>
      `${n} orders are already assigned to a supplier through the platform's drop-ship: excluded`,
  },
};

/**
 * The plan summary with a "leave out" action for the orders still needing an address.
 * @example
 * <PlanSummary lang="zh" preview={previewPlan(orders, extras, addresses)} onLeaveOut={(ids) => drop(ids)} />
 */
export function PlanSummary(props: {
  lang: Lang;
  preview: PlanPreview;
  onLeaveOut: (orderIds: readonly string[]) => void;
}) {
  const w = W[props.lang];
  const p = props.preview;
  return (
    <div class="ho-plan" data-label={p.label} data-platform={p.platform} data-needs={p.needsAddress.length}>
      {p.label > 0 && <p class="ho-plan-label">{w.label(p.label)}</p>}
      {p.platform > 0 && <p class="ho-plan-platform">{w.platform(p.platform)}</p>}
      {p.assigned.length > 0 && (
        <p class="ho-plan-assigned ho-warn" data-count={p.assigned.length}>
          {w.assigned(p.assigned.length)}
        </p>
      )}
      {p.needsAddress.length > 0 && (
        <div class="ho-needs-address" role="alert">
          <p class="ho-warn">{w.needs(p.needsAddress.length)}</p>
          <ul class="ho-needs-list">
            {p.needsAddress.slice(0, 20).map((id) => (
              <li key={id} class="ho-mono" data-order-id={id}>
                {id}
              </li>
            ))}
            {p.needsAddress.length > 20 && <li class="ho-muted">… +{p.needsAddress.length - 20}</li>}
          </ul>
          <button type="button" class="ho-btn ho-leave-out" onClick={() => props.onLeaveOut(p.needsAddress)}>
            {w.leaveOut}
          </button>
        </div>
      )}
    </div>
  );
}
