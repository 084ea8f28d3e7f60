/** @module */
export type * from './rule.js';
export type * from './events.js';
export type { Hamt, HamtEntry, HamtNode, HamtLeaf, HamtCollision } from './hamt.js';
export type { QuotaLedger, QuotaBucket, QuotaObservation, QuotaLogEntry, RuleKey } from './ledger.js';
export type {
  QuotaLevel,
  QuotaOverview,
  QuotaStatus,
  QuotaStatusError,
  QuotaStatusResult,
} from './status.js';
export * from './default-rules.js';
export { checkQuotaEvent, MAX_EVENT_AMOUNT } from './events.js';
export { orderKey } from './order-key.js';
export { emptyLedger, applyEvent, applyEvents, ledgerFromEvents, hasEvent } from './ledger.js';
export { quotaStatus, quotaStatuses, quotaRuleProblem, ratioLimit } from './status.js';
export {
  pageCounterPeriods,
  counterRule,
  daysLeft,
  dailyAllowance,
  type CounterPeriod,
} from './page-counter.js';
