/**
 * `readiness(platform, modes)`: the ordered checklist a merchant works through before encrypted
 * orders can ship in the chosen modes.
 * @module
 */
import { resolvePlatform, type PlatformRef } from './registry.js';
import {
  douyinShippingModes,
  readinessSteps,
  type ReadinessStep,
  type ReadinessStepId,
  type ShippingModeId,
} from './shipping-modes.js';

/** Steps each mode needs on WeChat (seed 000: e-waybill printing, then mark shipped). */
const wechatNeeds: Readonly<Record<ShippingModeId, readonly ReadinessStepId[]>> = {
  'manual-tracking': ['ewaybill-carrier-setup', 'mark-shipped'],
  'backoffice-ewaybill': ['ewaybill-carrier-setup', 'mark-shipped'],
  'export-offline': ['ewaybill-carrier-setup', 'print-component', 'mark-shipped'],
  'supplier-dropship': ['ewaybill-carrier-setup', 'print-component', 'mark-shipped'],
  'external-warehouse': ['ewaybill-carrier-setup', 'warehouse-print-component', 'mark-shipped'],
  'print-software': ['ewaybill-carrier-setup', 'print-component', 'mark-shipped'],
};

/** Steps each mode needs on JD (seed 003: ship through 无界电子面单 during the transition). */
const jdNeeds: Readonly<Record<ShippingModeId, readonly ReadinessStepId[]>> = {
  'manual-tracking': [],
  'backoffice-ewaybill': [],
  'export-offline': ['ewaybill-account', 'print-component', 'waybill-template'],
  'supplier-dropship': ['supplier-ewaybill-account', 'supplier-print-component', 'waybill-template'],
  'external-warehouse': ['ewaybill-account', 'warehouse-print-component', 'waybill-template'],
  'print-software': ['ewaybill-account', 'print-component', 'waybill-template'],
};

function needsOf(platformId: string, mode: ShippingModeId): readonly ReadinessStepId[] {
  if (platformId === 'wechat') return wechatNeeds[mode];
  if (platformId === 'jd') return jdNeeds[mode];
  return douyinShippingModes.find((m) => m.id === mode)?.needs ?? [];
}

/**
 * The ordered, de-duplicated checklist for shipping in `modes` on `platform`. Unknown platform
 * or mode ids contribute nothing (never throws). The print-component step links to the
 * platform's own component.
 * @example
 * readiness('douyin', ['print-software']).map((s) => s.id);
 * // ['ewaybill-account', 'print-component', 'waybill-template']
 * readiness('douyin', ['manual-tracking']); // [] (unaffected)
 */
export function readiness(platform: PlatformRef, modes: readonly string[]): readonly ReadinessStep[] {
  const p = resolvePlatform(platform);
  if (!p || !Array.isArray(modes)) return [];
  const wanted = new Set<ReadinessStepId>();
  for (const m of modes) {
    if (douyinShippingModes.some((d) => d.id === m)) {
      for (const s of needsOf(p.id, m as ShippingModeId)) wanted.add(s);
    }
  }
  return readinessSteps
    .filter((s) => wanted.has(s.id))
    .map((s) =>
      s.link !== undefined && s.id.endsWith('print-component') && p.printComponent.download !== s.link
        ? withoutLink(s, p.printComponent.download)
        : s,
    );
}

function withoutLink(step: ReadinessStep, link: string | undefined): ReadinessStep {
  const { link: _drop, ...rest } = step;
  return link === undefined ? rest : { ...rest, link };
}
