/**
 * Platform policies as data: one record per platform (`douyin`, `wechat`, `jd`), the print
 * components and their default ports, exempt categories, and the shipping-readiness checklist.
 * @module
 */
export type * from './types.js';
export { douyin } from './douyin.js';
export { wechat } from './wechat.js';
export { jd } from './jd.js';
export { platforms, getPlatform, resolvePlatform, type PlatformRef } from './registry.js';
export { printComponents, getPrintComponent, type PrintComponentId } from './print-components.js';
export { carrierNames, type KnownCarrierCode } from './carriers.js';
export { isExemptCategory } from './exempt.js';
export {
  douyinShippingModes,
  readinessSteps,
  shippingFallback,
  type ShippingMode,
  type ShippingModeId,
  type ReadinessStep,
  type ReadinessStepId,
} from './shipping-modes.js';
export { readiness } from './readiness.js';
