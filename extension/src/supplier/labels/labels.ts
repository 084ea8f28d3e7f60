/**
 * Labels on the supplier page with the same core code as the merchant's bulk print: a hand-off
 * order becomes the `OrderView` core's `layoutLabel` reads, rendered to SVG and shown as an
 * `<img>` with a `data:` URL (the page's CSP allows images from `data:` only; an SVG in an image
 * runs no script).
 * @module
 */
import {
  layoutLabel,
  renderLabelSvg,
  shipCarrierNames,
  type HandoffBatch,
  type HandoffOrder,
  type LabelTemplateId,
  type OrderView,
  type ShipCarrierCode,
} from '@shipmask/core';

/** A printable label, or why the browser cannot print it. */
export type SupplierLabel =
  | { readonly ok: true; readonly orderId: string; readonly src: string; readonly size: LabelTemplateId }
  | { readonly ok: false; readonly orderId: string; readonly code: string; readonly message: string };

/** A hand-off order as the `OrderView` the label layout reads (masked: it came sealed). */
export function viewOfHandoffOrder(batch: HandoffBatch, order: HandoffOrder): OrderView {
  const r = order.receiver;
  return {
    platform: batch.platform,
    shopId: batch.shop,
    orderId: order.orderId,
    status: 'awaiting_shipment',
    createdAt: batch.createdAt,
    items: order.items.map((i) => ({ ...i })),
    ...(order.remark ? { remark: order.remark } : {}),
    receiver: {
      ...(r.name ? { name: r.name } : {}),
      ...(r.phone ? { phone: r.phone } : {}),
      ...(r.address ? { address: r.address } : {}),
      ...(r.virtual ? { virtual: r.virtual } : {}),
      ...(r.cipher ? { cipher: r.cipher } : {}),
    },
    ...(order.carrier ? { carrier: order.carrier } : {}),
  };
}

/** `data:` URL of an SVG document. */
export const svgDataUrl = (svg: string): string =>
  `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/**
 * Lay out one label for an order with its waybill number and carrier code, at the label size the
 * supplier chose (default 100×150 mm).
 * @example
 * supplierLabel(batch, order, 'ZT78901234567890', 'ZTO', Date.now(), '76x130'); // { ok: true, src: 'data:image/svg+xml;…' }
 */
export function supplierLabel(
  batch: HandoffBatch,
  order: HandoffOrder,
  waybill: string,
  carrier: string,
  now: number,
  size: LabelTemplateId = '100x150',
): SupplierLabel {
  const names = shipCarrierNames[batch.platform] as Record<ShipCarrierCode, string> | undefined;
  const carrierName = names?.[carrier as ShipCarrierCode] ?? carrier;
  const r = layoutLabel(viewOfHandoffOrder(batch, order), size, {
    trackingNumber: waybill,
    carrierName,
    printedAt: now,
  });
  if (!r.ok) return { ok: false, orderId: order.orderId, code: r.error.code, message: r.error.message };
  return { ok: true, orderId: order.orderId, src: svgDataUrl(renderLabelSvg(r.label)), size };
}
