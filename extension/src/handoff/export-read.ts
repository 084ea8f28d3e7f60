/**
 * What the hand-off page takes from a dropped platform export (issues 8 and 17), as plain data
 * for the page's memory:
 * - `extras`: ciphertext and virtual numbers of the selected orders (core's `parseOrderFile`,
 *   which masks every plaintext field on the way in);
 * - `addresses`: the detailed delivery address of each selected order that has a virtual number
 *   (the print page's reader, `addressesFromExport`). Orders without a virtual number get none:
 *   their address is never read into the page (DESIGN.md invariant 1).
 * Nothing here is stored, logged or sent anywhere but the one seal request.
 * @module
 */
import {
  classifyField,
  isDetailedAddress,
  parseOrderFile,
  type OrderView,
  type PlatformId,
} from '@shipmask/core';
import type { HandoffExtra } from '../messages/handoff';
import { addressesFromExport } from '../print/addresses';

/** The page-memory result of reading one export. */
export interface ExportRead {
  readonly extras: readonly HandoffExtra[];
  /** Order id → detailed delivery address, virtual-number orders of the selection only. */
  readonly addresses: ReadonlyMap<string, string>;
}

/**
 * Read an export for the selected orders.
 * @example
 * const r = readHandoffExport(bytes, 'wechat', orders);
 * r.addresses.get('3718000000000001'); // '广东省广州市天河区花城广场888号'
 */
export function readHandoffExport(
  bytes: Uint8Array,
  platform: PlatformId,
  selected: readonly OrderView[],
): ExportRead {
  const byId = new Map(selected.map((o) => [o.orderId, o]));
  const extras: HandoffExtra[] = [];
  const parsed = parseOrderFile(bytes, { platform });
  for (const { order } of parsed.orders) {
    if (!byId.has(order.orderId)) continue;
    const cipher: { name?: string; phone?: string; address?: string } = {};
    for (const k of ['name', 'phone', 'address'] as const) {
      const c = order.receiver.cipher?.[k];
      if (c && classifyField(c, k).form === 'ciphertext') cipher[k] = c;
    }
    const e: HandoffExtra = {
      orderId: order.orderId,
      ...(Object.keys(cipher).length > 0 ? { cipher } : {}),
      ...(order.receiver.virtual ? { virtual: order.receiver.virtual } : {}),
    };
    if (e.cipher || e.virtual) extras.push(e);
  }
  const virtual = new Set([
    ...selected.filter((o) => o.receiver.virtual).map((o) => o.orderId),
    ...extras.filter((e) => e.virtual).map((e) => e.orderId),
  ]);
  const addresses = new Map<string, string>();
  for (const [orderId, address] of addressesFromExport(bytes, platform))
    if (virtual.has(orderId) && isDetailedAddress(address)) addresses.set(orderId, address);
  return { extras, addresses };
}
