/**
 * The steps of teach mode (issue 15, item 5), as the teach bar walks the merchant through them and
 * the content script records the picks (`content/teach.ts` finds what was clicked).
 * @module
 */

/** The steps of teach mode: the merchant clicks a row, then its order number and receiver fields. */
export const TEACH_STEPS = ['row', 'orderId', 'receiverPhone', 'receiverName', 'receiverAddress'] as const;
export type TeachStep = (typeof TEACH_STEPS)[number];

/** Steps the merchant may skip (the order number and the row are required). */
export const OPTIONAL_STEPS: ReadonlySet<TeachStep> = new Set([
  'receiverPhone',
  'receiverName',
  'receiverAddress',
]);
