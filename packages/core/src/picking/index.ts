/**
 * Picking lists (备货单) and packing slips for a selection, as data and as CSV/XLSX.
 * @module
 */
export {
  pickingList,
  MAX_ITEM_QUANTITY,
  MAX_ORDER_ITEMS,
  type PickOrder,
  type PickLine,
  type PickProblem,
  type PickingList,
} from './picking-list.js';
export { packingSlips, type PackingSlip } from './packing-slip.js';
export { pickingTable, packingTable, tableFile, PICKING_HEADERS, PACKING_HEADERS } from './export.js';
