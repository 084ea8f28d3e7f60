/**
 * Shipping deadlines: the ship-by instant from the page or the platform policy, time left, the
 * "due within N hours" and overdue lists, and counts per China day.
 * @module
 */
export {
  shipByPolicies,
  shipByPolicy,
  DEFAULT_DUE_WITHIN_HOURS,
  MAX_POLICY_HOURS,
  type ShipByPolicy,
  type DeadlineSettings,
} from './policy.js';
export { shipBy, timeLeft, dueWithin, type DeadlineOrder, type ShipBy, type TimeLeft } from './ship-by.js';
export { dueLists, deadlinesPerDay, type Deadline, type DueLists, type DayCount } from './due.js';
export { parseShipByText, MAX_SHIP_BY_TEXT } from './parse-ship-by.js';
