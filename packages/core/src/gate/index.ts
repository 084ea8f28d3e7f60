/**
 * The exception gate: typed holds before print, seal and bulk-ship; the post-print intercept
 * notice; keyed address fingerprints; exception words read off a row.
 * @module
 */
export { keyedHasher, type KeyedHasher } from './keyed-hash.js';
export { readOrderFlags, flagsWithStatus, type OrderFlags } from './order-flags.js';
export {
  addressFingerprint,
  addressChange,
  recordAddress,
  MAX_SHOWN_ADDRESS,
  type ShownAddress,
  type AddressFingerprint,
  type AddressBaseline,
} from './address-fingerprint.js';
export {
  checkOrder,
  gateOrders,
  defaultHoldOn,
  HOLD_REASONS,
  type HoldReason,
  type GateAction,
  type GateOrder,
  type Hold,
  type GateSettings,
  type GateOverride,
  type GateRun,
  type GateResult,
} from './check.js';
export {
  interceptNotice,
  markHandled,
  INTERCEPT_LABEL,
  type InterceptReason,
  type InterceptNotice,
  type PrintedRecord,
} from './intercept.js';
