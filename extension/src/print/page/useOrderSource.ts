/**
 * The page's orders: loaded once from the address (a selection, a job, a shop: load-state.ts),
 * and from a dropped export file (source-state.ts), whose detailed addresses stay in this hook's
 * memory only (never sent to the background, stored or logged).
 * @module
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { parseOrderFile, type OrderView } from '@shipmask/core';
import { send } from '../../client';
import type { PrintJobView } from '../../messages/print';
import type { ShopRef } from '../../messages/shared';
import { addressesFromExport } from '../addresses';
import { loadRequest } from './load-state';
import { fileShop, mergeFileOrders } from './source-state';

/** The page's orders and where they came from. */
export interface OrderSourceState {
  readonly orders: readonly OrderView[];
  /** Selected ids no longer stored. */
  readonly missing: number;
  readonly fileNote: { readonly orders: number; readonly addresses: number } | undefined;
  /** Detailed addresses from the dropped file, for this print only. */
  readonly addresses: ReadonlyMap<string, string>;
  readonly onFile: (file: File) => Promise<void>;
}

/**
 * Load the page's orders. `onShop` / `onJob` hand the shop and a loaded job to the page.
 * @example
 * const source = useOrderSource(params, shop, setShop, adoptJob, setError);
 */
export function useOrderSource(
  params: URLSearchParams,
  shop: ShopRef | undefined,
  onShop: (shop: ShopRef) => void,
  onJob: (job: PrintJobView) => void,
  setError: (message: string) => void,
): OrderSourceState {
  const [orders, setOrders] = useState<readonly OrderView[]>([]);
  const [missing, setMissing] = useState(0);
  const [fileNote, setFileNote] = useState<OrderSourceState['fileNote']>();
  const [addresses, setAddresses] = useState<ReadonlyMap<string, string>>(new Map());
  /** Orders that came only from the dropped file (not the selection): a new file replaces them. */
  const fileOnly = useRef<ReadonlySet<string>>(new Set());

  useEffect(() => {
    void (async () => {
      const req = loadRequest(params);
      if (req.kind === 'selection') {
        const r = await send({ type: 'selection/get', selectionId: req.selectionId });
        if (!r.ok) return setError(r.error.message);
        onShop(r.value.shop);
        setOrders(r.value.orders);
        setMissing(r.value.missing.length);
      } else if (req.kind === 'job') {
        const r = await send({ type: 'print/job-get', jobId: req.jobId });
        if (!r.ok) return setError(r.error.message);
        onShop(r.value.job.shop);
        setOrders(r.value.orders);
        onJob(r.value.job);
      } else if (req.kind === 'shop') {
        onShop(req.shop);
      }
    })();
  }, [params]);

  const onFile = async (file: File): Promise<void> => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const r = parseOrderFile(bytes, {
      ...(shop ? { platform: shop.platform, shopId: shop.shopId } : { shopId: 'default' }),
    });
    const target = fileShop(shop, r.platform);
    if (!target) return setError('unknown platform');
    const found = addressesFromExport(bytes, target.platform);
    onShop(target);
    const fromFile = r.orders.map((o) => o.order);
    // Selection orders first (stored views), then orders only in the file. A second file
    // REPLACES the first (issue 21 item 7): the first file's own orders and addresses go.
    setOrders((prev) => {
      const next = mergeFileOrders(prev, fileOnly.current, fromFile);
      fileOnly.current = next.fileOnly;
      return next.orders;
    });
    setAddresses(new Map(found));
    setFileNote({ orders: fromFile.length, addresses: found.size });
  };

  return { orders, missing, fileNote, addresses, onFile };
}
