import {
  DEFAULT_DUE_WITHIN_HOURS,
  keyedHasher,
  type InterceptReason,
  type KeyedHasher,
  type OrderView,
} from '@shipmask/core';
import { readFacts } from '../adapters/facts';
import type { GateOverview } from '../gate-messages';
import { gateBadges, indexOverview, type GateIndex } from '../gate/badges';
import { GateSection } from '../gate/GateSection';
import { render } from 'preact';
import { readCounter, readRow, readShopId, type RowRead } from '../adapters/read';
import type { SiteAdapter } from '../adapters/types';
import { watchOrderList } from '../adapters/watch';
import type { ContentRequest, QuotaView, Reply, ShopRef } from '../messages';
import { Panel, type PanelActions } from '../ui/Panel';
import { RevealWarning } from '../ui/RevealWarning';
import { badgesFor, type Badge } from './badges';
import { strings as stringsFor, type Lang } from './i18n';
import { createRowOverlay } from './overlay';
import { guardReveals } from './reveal-guard';

/** How the content script talks to the background. */
export type Send = <T>(request: ContentRequest) => Promise<Reply<T>>;

/** Main-thread time the overlay spends per page read (the `pnpm bench` figure). */
export interface CostMeter {
  /** `ms` for the whole read; `phases` splits it (read rows, badges, draw, messages). */
  record(ms: number, phases?: Readonly<Record<string, number>>): void;
}

export interface Mounts {
  /** Container for the docked panel (inside a shadow root). */
  readonly panel: HTMLElement;
  /** Container for the row layer (inside a shadow root positioned at document 0,0). */
  readonly rows: HTMLElement;
  /** Container for transient dialogs (fixed-position, inside a shadow root). */
  readonly dialogs: HTMLElement;
}

interface State {
  rows: readonly RowRead[];
  badges: readonly (readonly Badge[])[];
  quota: QuotaView | null;
  selected: Set<string>;
  lang: Lang;
  collapsed: boolean;
  offline: boolean;
  /** The exception gate's overview of this shop (issue 18), and its per-order index. */
  gate: GateOverview | null;
  gateIndex: GateIndex | undefined;
}

const QUOTA_REFRESH_MS = 60_000;

/**
 * The overlay on one order-list page: reads rows through the adapter, draws badges and checkboxes,
 * the docked panel with the quota meter, records trusted reveals and the page's own counter.
 * Returns a stop function (page left the order list, or the extension context went away).
 */
export function startOverlay(
  doc: Document,
  adapter: SiteAdapter,
  mounts: Mounts,
  send: Send,
  cost: CostMeter = { record: () => undefined },
): () => void {
  const win = doc.defaultView ?? window;
  const now = (): number => Date.now();
  const shop = (): ShopRef => ({ platform: adapter.platform, shopId: readShopId(doc, adapter) });
  const state: State = {
    rows: [],
    badges: [],
    quota: null,
    selected: new Set(),
    lang: doc.documentElement.lang.startsWith('en') ? 'en' : 'zh',
    collapsed: false,
    offline: false,
    gate: null,
    gateIndex: undefined,
  };
  const overlay = createRowOverlay(mounts.rows, win, adapter.list);
  let lastSeen = '';
  let lastCounter: number | undefined;
  let stopped = false;

  const call = async <T,>(req: ContentRequest): Promise<T | undefined> => {
    try {
      const reply = await send<T>(req);
      if (reply.ok) return reply.value;
    } catch {
      // The extension was reloaded or updated: this content script is orphaned.
      state.offline = true;
      draw();
    }
    return undefined;
  };

  const refreshQuota = async (): Promise<void> => {
    const q = await call<QuotaView>({ type: 'quota/status', shop: shop() });
    if (q) {
      state.quota = q;
      draw();
    }
  };

  const recomputeBadges = (t: number): void => {
    const strings = stringsFor(state.lang);
    state.badges = state.rows.map((r) => [
      ...badgesFor(r.order, r.revealed, t, strings),
      ...gateBadges(r.order.orderId, state.gateIndex, t, state.lang, DEFAULT_DUE_WITHIN_HOURS),
    ]);
  };

  // ---- exception gate (issue 18) ----
  // The gate key hashes the address as shown, here in page memory; only the hash is sent.
  let hasher: KeyedHasher | undefined;
  let lastFacts = '';
  const gateKey = async (): Promise<KeyedHasher | undefined> => {
    if (hasher || !adapter.gate?.address) return hasher;
    const r = await call<{ key: string }>({ type: 'gate/key' });
    const hex = r?.key ?? '';
    if (/^[0-9a-f]{64}$/u.test(hex))
      hasher = keyedHasher(new Uint8Array((hex.match(/../gu) ?? []).map((h) => parseInt(h, 16))));
    return hasher;
  };
  const refreshGate = async (): Promise<void> => {
    const o = await call<GateOverview>({ type: 'gate/overview', shop: shop() });
    if (!o) return;
    state.gate = o;
    state.gateIndex = indexOverview(o, state.lang);
    recomputeBadges(now());
    draw();
  };
  const sendFacts = async (reads: readonly RowRead[], t: number): Promise<void> => {
    if (!adapter.gate || reads.length === 0) return;
    const h = await gateKey();
    const facts = reads
      .filter((r) => r.element.isConnected)
      .map((r) => readFacts(r.element, r.order, adapter.gate, h, t));
    const key = JSON.stringify(
      facts.map((f) => [
        f.orderId,
        f.flags,
        f.shipBy !== undefined ? Math.round(f.shipBy / 60_000) : 0,
        f.mergeKey,
        f.address?.hash,
      ]),
    );
    if (key === lastFacts) return;
    lastFacts = key;
    await call({ type: 'gate/facts', shop: shop(), facts });
    await refreshGate();
  };
  const onHandled = (orderId: string, reasons: readonly InterceptReason[]): void => {
    void call({ type: 'gate/handled', shop: shop(), orderId, reasons }).then(refreshGate);
  };

  // A swap stores summaries; an order's items and remark are read and sent when it is selected,
  // while its row is on the page. `detailed`: orders whose detail this page has sent.
  const detailed = new Set<string>();
  let detailSent: Promise<unknown> = Promise.resolve();
  const sendDetail = (orderIds: ReadonlySet<string>): Promise<unknown> => {
    const shopRef = shop();
    const t = now();
    const orders: OrderView[] = [];
    for (const r of state.rows) {
      const id = r.order.orderId;
      if (!orderIds.has(id) || detailed.has(id) || !r.element.isConnected) continue;
      const full = readRow(r.element, adapter, shopRef.shopId, t);
      if (full?.order.orderId !== id) continue;
      detailed.add(id);
      orders.push(full.order);
    }
    if (orders.length) {
      const sent = call({ type: 'orders/seen', shop: shopRef, orders });
      detailSent = Promise.all([detailSent, sent]);
    }
    return detailSent;
  };

  const toggle = (orderId: string): void => {
    if (state.selected.has(orderId)) state.selected.delete(orderId);
    else {
      state.selected.add(orderId);
      void sendDetail(new Set([orderId]));
    }
    draw();
  };

  // One set of handlers for the page's life: unchanged props let the panel skip its controls.
  const panelActions: PanelActions = {
    onLang() {
      state.lang = state.lang === 'zh' ? 'en' : 'zh';
      recomputeBadges(now());
      draw();
    },
    onCollapse() {
      state.collapsed = !state.collapsed;
      draw();
    },
    onSelectAll() {
      for (const r of state.rows) state.selected.add(r.order.orderId);
      void sendDetail(state.selected);
      draw();
    },
    onClear() {
      state.selected.clear();
      draw();
    },
    onAction(purpose) {
      const orderIds = state.rows.map((r) => r.order.orderId).filter((id) => state.selected.has(id));
      if (!orderIds.length) return;
      // The selection's detail is stored before the page that prints or hands it off reads it.
      void sendDetail(state.selected).then(() =>
        call({ type: 'selection/open', shop: shop(), orderIds, purpose }),
      );
    },
  };

  /** When the last draw finished its row marks (for the cost meter's phases). */
  let marksDone = 0;
  function draw(): void {
    if (stopped) return;
    overlay.update({
      rows: state.rows,
      badges: state.badges,
      selected: state.selected,
      lang: state.lang,
      onToggle: toggle,
    });
    marksDone = performance.now();
    render(
      <Panel
        platform={adapter.platform}
        orderCount={state.rows.length}
        badges={state.badges}
        quota={state.quota}
        selected={state.selected.size}
        lang={state.lang}
        collapsed={state.collapsed}
        offline={state.offline}
        {...panelActions}
        gate={
          <GateSection
            overview={state.gate}
            lang={state.lang}
            now={now()}
            dueWithinHours={DEFAULT_DUE_WITHIN_HOURS}
            onHandled={onHandled}
          />
        }
      />,
      mounts.panel,
    );
  }

  const stopWatch = watchOrderList(doc, adapter, ({ rows }) => {
    const started = performance.now();
    const t = now();
    const shopRef = shop();
    const reads: RowRead[] = [];
    for (const el of rows) {
      const r = readRow(el, adapter, shopRef.shopId, t, false);
      if (r) reads.push(r);
    }
    const readMs = performance.now();
    state.rows = reads;
    recomputeBadges(t);
    const badgeMs = performance.now();
    draw();
    const drawMs = performance.now();

    // Only what changes the stored (masked) view: a reveal on the page changes nothing stored.
    const key = reads.map((r) => `${r.order.orderId}:${r.order.status}`).join(',');
    if (key !== lastSeen && reads.length) {
      lastSeen = key;
      void call({
        type: 'orders/seen',
        shop: shopRef,
        orders: reads.map((r) => r.order),
        summary: true,
      }).then(() => sendFacts(reads, t));
    } else void sendFacts(reads, t);
    const counter = readCounter(doc, adapter);
    if (counter !== undefined && counter !== lastCounter) {
      lastCounter = counter;
      void call({ type: 'counter/observed', shop: shopRef, remaining: counter, at: t }).then(refreshQuota);
    }
    const end = performance.now();
    cost.record(end - started, {
      read: readMs - started,
      badges: badgeMs - readMs,
      marks: marksDone - badgeMs,
      panel: drawMs - marksDone,
      send: end - drawMs,
    });
  });

  const orderIdOf = (el: Element): string | undefined => {
    const row = el.closest(adapter.row);
    return row ? state.rows.find((r) => r.element === row)?.order.orderId : undefined;
  };
  const stopGuard = guardReveals(doc, adapter, {
    level: () => state.quota?.level ?? 'ok',
    orderIdOf,
    record(orderId) {
      const clickId = crypto.randomUUID();
      void call({ type: 'reveal/recorded', shop: shop(), orderId, field: 'all', at: now(), clickId }).then(
        refreshQuota,
      );
    },
    warn(_orderId, control, proceed) {
      const quota = state.quota;
      if (!quota) return proceed();
      const rect = control.getBoundingClientRect();
      const close = (): void => render(null, mounts.dialogs);
      render(
        <RevealWarning
          quota={quota}
          lang={state.lang}
          at={{ top: Math.max(8, rect.bottom + 6), left: Math.max(8, rect.left - 120) }}
          onProceed={() => {
            close();
            proceed();
          }}
          onDismiss={close}
        />,
        mounts.dialogs,
      );
    },
  });

  void refreshQuota();
  const timer = win.setInterval(() => {
    void refreshQuota();
    void refreshGate();
  }, QUOTA_REFRESH_MS);

  return () => {
    stopped = true;
    stopWatch();
    stopGuard();
    win.clearInterval(timer);
    overlay.destroy();
    render(null, mounts.panel);
    render(null, mounts.dialogs);
  };
}
