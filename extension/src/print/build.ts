/**
 * The print page's model (issues 7 and 16), pure: which orders print on shipmask's own label
 * (browser path: virtual-number labels laid out by core), which go to the platform's print
 * component (only with real print data: a print-data file from the e-waybill API, passed through
 * untouched), which go through the platform's own print (平台打单: ciphertext orders without print
 * data; shipmask ticks them in the platform's list and follows their status), and which cannot be
 * printed compliantly, with why. Nothing here makes print data up (DESIGN invariant 7).
 * @module
 */
import {
  layoutLabel,
  mergedLabelOrder,
  renderLabelSvg,
  shipCarrierNames,
  shippable,
  type Instant,
  type Label,
  type LabelSender,
  type OrderView,
  type PrintContent,
  type PrintDataEntry,
  type ShipCarrierCode,
} from '@shipmask/core';
import type { LabelSizeId } from '../messages/print';

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
  /** Real print data per order (a print-data file, core `parsePrintDataFile`); page memory only. */
  readonly printData?: ReadonlyMap<string, PrintDataEntry>;
  /**
   * Merge groups to print as one parcel each (issue 18, 可合并): order ids of one buyer and
   * address. A group whose selected orders (two or more) all get shipmask's label prints ONE label
   * (core `mergedLabelOrder`: every order id in the custom area) with one waybill number, which
   * every order of the group carries in the job and the bulk-ship file.
   */
  readonly merge?: readonly (readonly string[])[];
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

/**
 * The plan: labels for the browser, documents for the component (each with its real print data;
 * the waybill number is the one the platform issued with it), orders for the platform's own print
 * (no waybill number: the platform takes it), refusals.
 */
export interface PrintPlan {
  readonly browser: readonly {
    readonly orderId: string;
    readonly trackingNumber: string;
    readonly label: Label;
    /** In a merged parcel, the order whose entry prints the one label (absent: prints its own). */
    readonly mergedInto?: string;
  }[];
  readonly component: readonly {
    readonly order: OrderView;
    readonly trackingNumber: string;
    readonly printData: PrintDataEntry;
  }[];
  readonly platform: readonly { readonly order: OrderView }[];
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
 * Orders shipmask cannot label itself but the platform's own print can: ciphertext orders
 * (`component-required`), and orders whose receiver shipmask holds only masked (`masked-only`,
 * or a virtual number with a masked address and no export dropped in, `address-masked`): the
 * platform prints its own orders from the data it holds.
 */
const PLATFORM_PRINTS: ReadonlySet<string> = new Set(['component-required', 'masked-only', 'address-masked']);

/**
 * Plan a bulk print. Orders with a virtual number get shipmask's label (the detailed address
 * from `addresses` when the stored one is masked); orders only the platform can print
 * (ciphertext; masked only) go to the component when `printData` holds their real print data,
 * else to the platform's own print (平台打单); everything else (malformed phone, no address,
 * expired virtual number, plaintext phone) is refused with core's reason. Only 待发货 orders are
 * considered (core `shippable`): a closed, after-sale, shipped or completed order is listed with
 * its status (`not-awaiting-shipment`), a service order says 无需发货 (`no-shipment-needed`), and
 * neither uses a waybill number. Waybill numbers from the range are handed out in order to
 * browser labels only; when they run out the rest are refused (`no-tracking-number`).
 * @example
 * planPrint(orders, { carrier: 'ZTO', labelSize: '76x130', trackingNumbers, addresses: new Map(), now });
 */
export function planPrint(orders: readonly OrderView[], options: PrintOptions): PrintPlan {
  const merged = planMerged(orders, options);
  const browser: { orderId: string; trackingNumber: string; label: Label; mergedInto?: string }[] = [];
  const component: { order: OrderView; trackingNumber: string; printData: PrintDataEntry }[] = [];
  const platform: { order: OrderView }[] = [];
  const refused: Refusal[] = [];
  let next = 0;
  const name = carrierName(options.carrier);
  for (const order of orders) {
    const group = merged.get(order.orderId);
    if (group) {
      // One parcel: the first order of the group prints the one label; the others ride along.
      if (group.ids[0] !== order.orderId) continue;
      const given = options.trackingByOrder?.get(order.orderId);
      const trackingNumber = given ?? options.trackingNumbers[next];
      if (trackingNumber === undefined) {
        for (const id of group.ids)
          refused.push({ orderId: id, code: 'no-tracking-number', message: 'no waybill number left' });
        continue;
      }
      const laid = layoutLabel(group.order, options.labelSize, {
        trackingNumber,
        carrierName: name,
        ...(options.sender ? { sender: options.sender } : {}),
        recipient: { now: options.now, ...addressOf(group, options) },
        printedAt: options.now,
      });
      if (!laid.ok) {
        for (const id of group.ids)
          refused.push({ orderId: id, code: laid.error.code, message: laid.error.message });
        continue;
      }
      const label = laid.label;
      for (const id of group.ids)
        browser.push({
          orderId: id,
          trackingNumber,
          label,
          ...(id === order.orderId ? {} : { mergedInto: order.orderId }),
        });
      if (given === undefined) next++;
      continue;
    }
    const ship = shippable(order);
    if (!ship.ok) {
      refused.push({ orderId: order.orderId, code: ship.code, message: ship.message, status: ship.status });
      continue;
    }
    const given = options.trackingByOrder?.get(order.orderId);
    const trackingNumber = given ?? options.trackingNumbers[next];
    const address = options.addresses.get(order.orderId);
    // The recipient decides first (core checks it before the waybill number), so a ciphertext
    // order is routed whether or not a number is left.
    const r = layoutLabel(order, options.labelSize, {
      trackingNumber: trackingNumber ?? '',
      carrierName: name,
      ...(options.sender ? { sender: options.sender } : {}),
      recipient: { now: options.now, ...(address ? { address } : {}) },
      printedAt: options.now,
    });
    if (r.ok) {
      if (trackingNumber === undefined) {
        refused.push({
          orderId: order.orderId,
          code: 'no-tracking-number',
          message: 'no waybill number left',
        });
        continue;
      }
      browser.push({ orderId: order.orderId, trackingNumber, label: r.label });
      if (given === undefined) next++;
    } else if (PLATFORM_PRINTS.has(r.error.code)) {
      const data = options.printData?.get(order.orderId);
      if (data) component.push({ order, trackingNumber: data.waybillCode, printData: data });
      else platform.push({ order });
    } else if (r.error.code === 'no-tracking-number' && trackingNumber === undefined) {
      refused.push({ orderId: order.orderId, code: 'no-tracking-number', message: 'no waybill number left' });
    } else {
      refused.push({ orderId: order.orderId, code: r.error.code, message: r.error.message });
    }
  }
  return { browser, component, platform, refused };
}

interface MergedParcel {
  /** Order ids of the parcel, ascending (the first prints the label). */
  readonly ids: readonly string[];
  readonly order: OrderView;
}

/**
 * The merge groups that print as one parcel: the selected, shippable orders of each group (two or
 * more) whose merged order (core `mergedLabelOrder`) gets shipmask's own label. A group that
 * cannot (a member needs the platform's print, or its receivers differ) prints order by order.
 */
function planMerged(orders: readonly OrderView[], options: PrintOptions): Map<string, MergedParcel> {
  const out = new Map<string, MergedParcel>();
  if (!options.merge?.length) return out;
  const byId = new Map(orders.map((o) => [o.orderId, o]));
  const name = carrierName(options.carrier);
  for (const ids of options.merge) {
    const members = [...new Set(ids)]
      .map((id) => byId.get(id))
      .filter((o): o is OrderView => o !== undefined && shippable(o).ok && !out.has(o.orderId));
    const order = mergedLabelOrder(members);
    if (!order) continue;
    const parcel: MergedParcel = { ids: members.map((o) => o.orderId).sort(), order };
    // Only when the merged order gets a label here (the waybill number is not the question yet).
    const probe = layoutLabel(order, options.labelSize, {
      trackingNumber: 'TEST00000000',
      carrierName: name,
      recipient: { now: options.now, ...addressOf(parcel, options) },
      printedAt: options.now,
    });
    if (!probe.ok) continue;
    for (const id of parcel.ids) out.set(id, parcel);
  }
  return out;
}

/** The detailed address of a parcel from any of its orders (they share the receiver). */
function addressOf(parcel: MergedParcel, options: PrintOptions): { address?: string } {
  for (const id of parcel.ids) {
    const a = options.addresses.get(id);
    if (a) return { address: a };
  }
  return {};
}

/** `data:` URL of a label's SVG (an <img> source: the SVG is never parsed into the page). */
export function labelImageUrl(label: Label): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderLabelSvg(label))}`;
}

/**
 * The contents of one component document: the platform's print data exactly as its e-waybill
 * API returned it (core `parsePrintDataFile` checked it is complete: signature, Douyin `params`,
 * Kuaishou `key`, WeChat `print_info`), nothing else. No custom area: its template would have to
 * be one the merchant set up on the platform, and shipmask makes none up.
 * @example
 * componentContents(entry); // [{ kind: 'encrypted', encryptedData: 'AES:…', signature: '…', … }]
 */
export function componentContents(entry: PrintDataEntry): PrintContent[] {
  return [entry.content];
}
