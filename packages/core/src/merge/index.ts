/**
 * Merge hints: orders to the same buyer and address grouped by a keyed hash ("可合并"), one label
 * per group, one tracking number per order of the group in the bulk-ship file.
 * @module
 */
export {
  mergeGroups,
  mergeIdentity,
  MERGE_LABEL,
  type MergeGroup,
  type MergeOrder,
  type MergeOptions,
} from './merge-groups.js';
export { groupShipRows, mergedLabelOrder, MAX_MERGED_ORDERS } from './merged-shipment.js';
