/**
 * The print page's model (issue 7), pure: which orders print on shipmask's own label (browser
 * path: virtual-number labels laid out by core), which go to the platform's print component
 * (ciphertext passes through untouched), and which cannot be printed compliantly, with why.
 * @module
 */
import {
  layoutLabel,
  renderLabelSvg,
  shipCarrierNames,
  shippable,
  type Instant,
  type Label,
  type LabelSender,
  type OrderView,
  type PrintContent,
  type ShipCarrierCode,
} from '@shipmask/core';
import type { LabelSizeId } from '../messages';

/** Carriers offered (codes of core's bulk-ship names). */
export const CARRIERS: readonly ShipCarrierCode[] = [
  'ZTO',
  'YTO',
  'YUNDA',
  'JTSD',
  'STO',
  'SF',
  'JD',
  'EMS',
  'DBKD',
];

/** Print options chosen on the page. */
export interface PrintOptions {
  readonly carrier: ShipCarrierCode;
  readonly labelSize: LabelSizeId;
  readonly sender?: LabelSender;
  /** Waybill numbers in order (the carrier's 号段 / e-waybill numbers). */
  readonly trackingNumbers: readonly string[];
  /** Waybill numbers already given per order (a job's): these win over `trackingNumbers`. */
  readonly trackingByOrder?: ReadonlyMap<string, string>;
  /** Detailed addresses for this print only (addresses.ts); never stored. */
  readonly addresses: ReadonlyMap<string, string>;
  readonly now: Instant;
}

/** A refused order and why (a core error code and message). */
export interface Refusal {
  readonly orderId: string;
  readonly code: string;
  readonly message: string;
  /** The order's status, for `not-awaiting-shipment` (the reason line names it). */
  readonly status?: string;
}

/** The plan: labels for the browser, documents for the component, refusals. */
export interface PrintPlan {
  readonly browser: readonly {
    readonly orderId: string;
    readonly trackingNumber: string;
    readonly label: Label;
  }[];
  readonly component: readonly { readonly order: OrderView; readonly trackingNumber: string }[];
  readonly refused: readonly Refusal[];
}

/**
 * The next `count` waybill numbers after `start` (same width, digits only; a letter prefix is
 * kept: `JDVA000001` → `JDVA000002`). Empty when `start` has no trailing digits.
 * @example
 * numberRange('78900000000098', 3); // ['78900000000098', '78900000000099', '78900000000100']
 */
export function numberRange(start: string, count: number): string[] {
  const m = /^([A-Za-z]*)(\d{1,30})$/u.exec(start.trim());
  if (!m || count <= 0) return [];
  const prefix = m[1]!;
  const digits = m[2]!;
  let n = BigInt(digits);
  const out: string[] = [];
  for (let i = 0; i < count; i++, n++) out.push(prefix + n.toString().padStart(digits.length, '0'));
  return out;
}

/** Carrier name as the label shows it. */
export function carrierName(code: ShipCarrierCode): string {
  return shipCarrierNames.douyin[code];
}

/**
 * Plan a bulk print. Orders with a virtual number get shipmask's label (the detailed address
 * from `addresses` when the stored one is masked); orders with ciphertext only go to the
 * component; everything else is refused with core's reason. Only 待发货 orders are considered (core
 * `shippable`): a closed, after-sale, shipped or completed order is listed with its status
 * (`not-awaiting-shipment`), a service order says 无需发货 (`no-shipment-needed`), and neither uses a
 * waybill number. Waybill numbers are handed out in order to printable orders; when they run out
 * the rest are refused (`no-tracking-number`).
 * @example
 * planPrint(orders, { carrier: 'ZTO', labelSize: '76x130', trackingNumbers, addresses: new Map(), now });
 */
export function planPrint(orders: readonly OrderView[], options: PrintOptions): PrintPlan {
  const browser: { orderId: string; trackingNumber: string; label: Label }[] = [];
  const component: { order: OrderView; trackingNumber: string }[] = [];
  const refused: Refusal[] = [];
  let next = 0;
  const name = carrierName(options.carrier);
  for (const order of orders) {
    const ship = shippable(order);
    if (!ship.ok) {
      refused.push({ orderId: order.orderId, code: ship.code, message: ship.message, status: ship.status });
      continue;
    }
    const given = options.trackingByOrder?.get(order.orderId);
    const trackingNumber = given ?? options.trackingNumbers[next];
    if (trackingNumber === undefined) {
      refused.push({ orderId: order.orderId, code: 'no-tracking-number', message: 'no waybill number left' });
      continue;
    }
    const address = options.addresses.get(order.orderId);
    const r = layoutLabel(order, options.labelSize, {
      trackingNumber,
      carrierName: name,
      ...(options.sender ? { sender: options.sender } : {}),
      recipient: { now: options.now, ...(address ? { address } : {}) },
      printedAt: options.now,
    });
    if (r.ok) {
      browser.push({ orderId: order.orderId, trackingNumber, label: r.label });
      if (given === undefined) next++;
    } else if (r.error.code === 'component-required') {
      component.push({ order, trackingNumber });
      if (given === undefined) next++;
    } else {
      refused.push({ orderId: order.orderId, code: r.error.code, message: r.error.message });
    }
  }
  return { browser, component, refused };
}

/** `data:` URL of a label's SVG (an <img> source: the SVG is never parsed into the page). */
export function labelImageUrl(label: Label): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderLabelSvg(label))}`;
}

/** Cainiao's standard template URL per carrier (the component fetches it; public ids). */
const TEMPLATE = 'http://cloudprint.cainiao.com/template/standard/101/';

/**
 * The contents of one component document: the order's platform ciphertext passed through
 * untouched (the component decrypts it; shipmask never does), plus a custom area with shipmask's
 * own data (order id, items, waybill number: no buyer data).
 *
 * Limitation (documented): a production integration sends the print data the platform's
 * e-waybill API returns (`encryptedData` + `signature`, 电子面单取号), which needs the merchant's
 * platform API app; the extension has no such credentials, so the ciphertext held in the order
 * stands in for it here.
 * @example
 * componentContents(order, '78900000000001', 'ZTO');
 */
export function componentContents(
  order: OrderView,
  trackingNumber: string,
  carrier: ShipCarrierCode,
): PrintContent[] {
  const c = order.receiver.cipher ?? {};
  const encryptedData = JSON.stringify({
    name: c.name ?? '',
    phone: c.phone ?? '',
    address: c.address ?? '',
  });
  return [
    {
      kind: 'encrypted',
      encryptedData,
      signature: '',
      templateURL: `${TEMPLATE}${carrier}`,
      ver: 'waybill_print_secret_version_1',
    },
    {
      kind: 'data',
      templateURL: `${TEMPLATE}custom`,
      data: {
        orderId: order.orderId,
        waybillCode: trackingNumber,
        items: order.items
          .map((i) => `${i.name} x${i.quantity}`)
          .join('; ')
          .slice(0, 200),
      },
    },
  ];
}
