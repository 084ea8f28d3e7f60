/**
 * Supplier hand-off (厂商代发): sealed batch links the supplier opens without an install, and
 * sealed return codes bringing waybill numbers back. Zero-knowledge: the key lives only in the
 * link's fragment (or comes from a passphrase); no server sees it.
 * @module
 */
export type {
  HandoffBatch,
  HandoffOrder,
  HandoffItem,
  HandoffReceiver,
  HandoffRoute,
  BatchKeyMaterial,
  RandomBytes,
} from './types.js';
export type { HandoffError, HandoffResult, SealErrorCode, OpenErrorCode, ReturnErrorCode } from './errors.js';
export { checkBatch, containsMobile, isPlaceholderName, isDetailedAddress, BATCH_LIMITS } from './check.js';
export {
  sealBatch,
  openBatch,
  newBatchId,
  HANDOFF_FORMAT_VERSION,
  MAX_LINK_CHARS,
  MAX_PAYLOAD_BYTES,
  MAX_BODY_BYTES,
  type SealOptions,
  type SealedBatch,
  type OpenOptions,
  type OpenedBatch,
} from './seal.js';
export { PASSPHRASE_KDF } from './crypto.js';
export {
  passphraseStrength,
  MIN_PASSPHRASE_BITS,
  STRONG_PASSPHRASE_BITS,
  PASSPHRASE_SCAN_LIMIT,
  type PassphraseStrength,
  type PassphraseProblem,
} from './passphrase-strength.js';
export { handoffOrderFromView, type FromViewOptions } from './from-view.js';
export {
  sealReturn,
  openReturn,
  RETURN_FORMAT_VERSION,
  type ReturnResult,
  type OpenedReturn,
  type SealReturnOptions,
  type OpenReturnOptions,
} from './return-code.js';
export { checkReturnResult, normalizeReturnResult, RETURN_LIMITS } from './result-check.js';
export { sealedAtProblem, RETURN_CLOCK_SKEW_MS } from './sealed-at.js';
export {
  mergeReturnResults,
  compareStoredResults,
  type StoredReturnResult,
  type ReturnChange,
  type ReturnMerge,
} from './replay.js';
export { shipFromReturn, type ReturnShipping } from './ship.js';
export { planHandoffOrder, type HandoffPlan } from './plan.js';
export {
  checkSupplierRules,
  parseSupplierRules,
  serializeSupplierRules,
  splitBySupplier,
  supplierLookup,
  SUPPLIER_RULE_LIMITS,
  type SupplierRule,
  type SupplierRuleSet,
  type SupplierRulesError,
  type SplittableOrder,
  type SupplierSplit,
} from './supplier-rules.js';
export {
  planSupplierParcels,
  type ParcelOf,
  type SupplierParcelPlan,
  type SupplierPlanOptions,
  type UnassignedReason,
} from './supplier-plan.js';
export { mergeParcelShipments, type MergedShipping, type ParcelResult } from './parcel-ship.js';
