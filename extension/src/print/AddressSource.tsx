/**
 * The address-source section of the print and hand-off pages (issue 21 item 1, issue 17 item 1):
 * for every selected order that needs a detailed address, which source applies (the order page,
 * the export file) or, in a plain sentence, why there is none and what to do; and the
 * 「从订单页获取地址」 button that asks the order page again after the merchant revealed there (an
 * address seen once stays for this page, mergeOrderPageAddresses).
 * The order page is asked once by itself when the selection is loaded. Addresses stay in the
 * page's memory (this hook's state) and are never sent to the background, stored or logged.
 * @module
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { OrderView, PlatformId } from '@shipmask/core';
import type { ShopRef } from '../messages/shared';
import { ADDRESS_FACTS } from './address-facts';
import { addressStrings, type AddressLang } from './address-i18n';
import { needsDetailedAddress } from './address-need';
import { groupBySource } from './address-sources';
import { askOrderPages, mergeOrderPageAddresses, type OrderPageAddresses } from './order-page-addresses';

/** The order-page addresses of a page: the orders that need one, the last answer, asking. */
export interface OrderPageAddressState {
  readonly need: readonly OrderView[];
  readonly result: OrderPageAddresses | undefined;
  readonly busy: boolean;
  ask(): Promise<void>;
  /** Forget the addresses (a hand-off sealed them: they leave the page's memory). */
  clear(): void;
}

/**
 * Ask the order page for the detailed addresses of `orders` that need one: once by itself when
 * they are loaded, again on `ask()`. `sourceTab`: the tab the selection came from (asked first).
 * @example
 * const page = useOrderPageAddresses(shop, orders, sourceTab);
 * page.result?.found.get('3718…')?.address;
 */
export function useOrderPageAddresses(
  shop: ShopRef | undefined,
  orders: readonly OrderView[],
  sourceTab: number | undefined,
): OrderPageAddressState {
  const need = useMemo(() => orders.filter(needsDetailedAddress), [orders]);
  const [result, setResult] = useState<OrderPageAddresses | undefined>();
  const [busy, setBusy] = useState(false);
  const ask = async (): Promise<void> => {
    if (!shop || need.length === 0) return;
    setBusy(true);
    try {
      const next = await askOrderPages(shop, need, sourceTab);
      setResult((before) => mergeOrderPageAddresses(before, next));
    } finally {
      setBusy(false);
    }
  };
  const askedFor = useRef('');
  useEffect(() => {
    const key = need.map((o) => o.orderId).join(',');
    if (!shop || !key || askedFor.current === key) return;
    askedFor.current = key;
    void ask();
  }, [shop, need]);
  return { need, result, busy, ask, clear: () => setResult(undefined) };
}

/** Order ids listed per group before "… +N". */
const LISTED = 50;

/**
 * The section: counts per source, the platform's sentence when an order has no source, one group
 * per source or gap with its sentence and its order ids, and the ask-again button.
 * @example
 * <AddressSource lang="zh" platform="wechat" state={page} file={fileAddresses} />
 */
export function AddressSource(props: {
  readonly lang: AddressLang;
  readonly platform: PlatformId | undefined;
  readonly state: OrderPageAddressState;
  readonly file: ReadonlyMap<string, string>;
}) {
  const { lang, platform, state, file } = props;
  if (!platform || state.need.length === 0) return null;
  const s = addressStrings(lang);
  const facts = ADDRESS_FACTS[platform];
  const ids = state.need.map((o) => o.orderId);
  const groups = groupBySource(ids, state.result, file);
  const size = (k: string): number => groups.find((g) => g[0] === k)?.[1].length ?? 0;
  const page = size('page');
  const fromFile = size('file');
  const none = ids.length - page - fromFile;
  return (
    <section
      class="address-source"
      data-page={page}
      data-file={fromFile}
      data-none={none}
      data-tab={state.result?.tab ?? 'not-asked'}
      data-busy={String(state.busy)}
    >
      <h2>{s.title}</h2>
      <p class="note">{s.intro}</p>
      <p class="address-counts">{s.counts(page, fromFile, none)}</p>
      {none > 0 && size('not-asked') === 0 ? (
        <p class="address-platform">{s.gap('not-asked', facts)}</p>
      ) : null}
      <button type="button" class="ask-order-page" disabled={state.busy} onClick={() => void state.ask()}>
        {state.busy ? s.asking : s.ask}
      </button>
      {groups.map(([kind, members]) => (
        <div class="address-group" key={kind} data-source={kind} data-count={members.length}>
          <h3 class={kind === 'page' || kind === 'file' ? '' : 'warn'}>
            {kind === 'page' ? s.fromPage : kind === 'file' ? s.fromFile : s.gap(kind, facts)}
            {lang === 'zh' ? `（${members.length}）` : ` (${members.length})`}
          </h3>
          <ul class="address-orders">
            {members.slice(0, LISTED).map((id) => (
              <li key={id} data-order={id}>
                <code>{id}</code>
              </li>
            ))}
            {members.length > LISTED ? <li class="more">{`… +${members.length - LISTED}`}</li> : null}
          </ul>
        </div>
      ))}
    </section>
  );
}
