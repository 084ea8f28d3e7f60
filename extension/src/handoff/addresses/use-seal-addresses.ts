/**
 * Where the seal's detailed addresses and extras come from (issue 17): the order tab (what it
 * shows after the merchant's reveal, asked at hand-off time) first, then the platform export.
 * Page memory only; `clear()` once sealed.
 * @module
 */
import { useMemo, useReducer } from 'preact/hooks';
import type { OrderView } from '@shipmask/core';
import type { ShopRef } from '../../messages/shared';
import { useOrderPageAddresses } from '../../print/AddressSource';
import { pageVirtualExtras } from '../../print/address-reply-check';
import { addressesForPrint } from '../../print/address-sources';
import { sourceTabOf } from '../../print/order-page-addresses';
import { readHandoffExport } from '../export-read';
import type { Lang } from '../words';
import { EXPORT_START, exportReducer } from './export-state';

/**
 * The addresses and extras to seal with.
 * @example
 * const a = useSealAddresses(shop, orders, location.search);
 */
export function useSealAddresses(shop: ShopRef | undefined, orders: readonly OrderView[], search: string) {
  const [fromExport, dispatch] = useReducer(exportReducer, EXPORT_START);
  const orderPage = useOrderPageAddresses(
    shop,
    orders,
    useMemo(() => sourceTabOf(search), []),
  );
  const found = orderPage.result;
  const addresses = useMemo(
    () => addressesForPrint(found, fromExport.addresses),
    [found, fromExport.addresses],
  );
  const extras = useMemo(
    () => pageVirtualExtras(orders, fromExport.extras, found?.found ?? new Map()),
    [orders, fromExport.extras, found],
  );
  /** Ciphertext, virtual numbers and addresses of the selected orders from the platform's export. */
  const readExport = async (file: File | undefined, lang: Lang): Promise<void> => {
    if (!file || !shop) return;
    const r = readHandoffExport(new Uint8Array(await file.arrayBuffer()), shop.platform, orders);
    dispatch({ type: 'read', extras: r.extras, addresses: r.addresses, lang });
  };
  return {
    orderPage,
    fromExport,
    addresses,
    extras,
    readExport,
    /** Sealed: the addresses are in the link(s) now and leave the page's memory. */
    clear: (): void => {
      dispatch({ type: 'sealed' });
      orderPage.clear();
    },
  };
}
