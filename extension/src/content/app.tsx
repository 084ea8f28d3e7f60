import {
  DEFAULT_DUE_WITHIN_HOURS,
  keyedHasher,
  type InterceptReason,
  type KeyedHasher,
  type OrderView,
} from '@shipmask/core';
import { readFacts } from '../adapters/facts';
import type { GateOverview, OrderFacts } from '../messages/gate';
import { gateBadges, indexOverview, type GateIndex } from '../gate/badges';
import { GateSection } from '../gate/GateSection';
import { render } from 'preact';
import { deriveTaught, type TeachPicks } from '../adapters/taught/derive';
import {
  TAUGHT_LIMITS,
  taughtFileText,
  taughtSiteAdapter,
  type TaughtAdapter,
} from '../adapters/taught/record';
import { readCounter, readRow, readShopId, readShopName, type RowRead } from '../adapters/read';
import type { SiteAdapter } from '../adapters/types';
import { anyOf, queryFirst, rowOf, rowScope } from '../adapters/select';
import { watchOrderList, type PageSnapshot } from '../adapters/watch';
import type { ContentRequest } from '../messages/index';
import type { QuotaView } from '../messages/quota';
import type { Reply, ShopRef } from '../messages/shared';
import { Panel, type PanelActions } from '../ui/Panel';
import { RevealWarning } from '../ui/RevealWarning';
import { badgesFor } from './badges';
import type { Badge } from '../ui/badge';
import { strings as stringsFor, type Lang } from '../ui/i18n';
import type { AdapterImportResult } from '../messages/adapter';
import type { BatchReminder } from '../messages/handoff';
import type { TeachView } from '../ui/TeachBar';
import { batchDraws } from './draw-batch';
import { idleSlices } from './idle-slices';
import { createRowOverlay, NEAR_MARGIN } from './overlay';
import { createRowSource, taughtRows } from './row-source';
import type { RowSourceKind } from '../ui/row-source-kind';
import { pickClicks, rowFromClick } from './teach';
import { TEACH_STEPS, type TeachStep } from '../ui/teach-steps';
import { guardReveals } from './reveal-guard';
import { anchorWarning } from './warning-anchor';
import { followPlatformSelection } from './row-select';

/** The open shadow roots of a document, nested ones included (a `<micro-app>` back-office). */
function openShadowRoots(doc: Document): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (root: Document | ShadowRoot): void => {
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const sr = (n as Element).shadowRoot;
      if (sr && !(n as Element).hasAttribute('data-shipmask')) {
        out.push(sr);
        visit(sr);
      }
    }
  };
  visit(doc);
  return out;
}

/** How the content script talks to the background. */
export type Send = <T>(request: ContentRequest) => Promise<Reply<T>>;

/** Main-thread time the overlay spends per page read (the `pnpm bench` figure). */
export interface CostMeter {
  /** `ms` for the whole read; `phases` splits it (read rows, badges, draw, messages). */
  record(ms: number, phases?: Readonly<Record<string, number>>): void;
  /**
   * `ms` of the same read spent later: reading the rows near the viewport when the observer
   * reports them, and idle slices (gate facts; the other rows while the panel is open), and in
   * how many callbacks.
   */
  idle?(ms: number, slices: number): void;
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
  /** Rows found on the page and not read yet (read near the viewport, or at once when needed). */
  unread: number;
  badges: readonly (readonly Badge[])[];
  quota: QuotaView | null;
  selected: Set<string>;
  lang: Lang;
  collapsed: boolean;
  offline: boolean;
  source: RowSourceKind;
  teach: TeachView | null;
  notice?: string;
  /** The exception gate's overview of this shop (issue 18), and its per-order index. */
  gate: GateOverview | null;
  gateIndex: GateIndex | undefined;
  /** Hand-off batches of this shop near expiry (issue 17). */
  reminders?: readonly BatchReminder[];
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
  // The document and the open shadow roots the watcher last searched (micro-app pages).
  let roots: readonly ParentNode[] = [doc];
  const shop = (): ShopRef => ({ platform: adapter.platform, shopId: readShopId(doc, adapter, roots) });
  // Issue 21: the shop's name as the page shows it, so every page says 山茶小铺, not an id.
  const shopNameField = (): { shopName?: string } => {
    const name = readShopName(doc, adapter, roots);
    return name === undefined ? {} : { shopName: name };
  };
  const state: State = {
    rows: [],
    unread: 0,
    badges: [],
    quota: null,
    selected: new Set(),
    lang: doc.documentElement.lang.startsWith('en') ? 'en' : 'zh',
    // A side tab until the merchant opens it (issue 21 item 10): the page's action column stays free.
    collapsed: true,
    offline: false,
    source: 'adapter',
    teach: null,
    gate: null,
    gateIndex: undefined,
  };
  // Rows come from the built-in adapter, content-based detection or a taught adapter
  // (row-source.ts); `reader` is the adapter that read the current rows, `blocksOf` the sibling
  // blocks of a detected row that spans several.
  const source = createRowSource(doc, adapter);
  let reader: SiteAdapter = adapter;
  let blocksOf = new WeakMap<Element, readonly Element[]>();
  let adapterRows: readonly Element[] = [];
  const host = win.location.hostname;
  const overlay = createRowOverlay(mounts.rows, win, () => queryFirst(roots, adapter.list));
  let lastCounter: number | undefined;
  let stopped = false;

  // Replies from the background are drawn together (content/draw-batch.ts).
  const replies = batchDraws(win, () => draw());
  const call = async <T,>(req: ContentRequest): Promise<T | undefined> => {
    try {
      const reply = await send<T>(req);
      if (reply.ok) return reply.value;
    } catch {
      // The extension was reloaded or updated: this content script is orphaned.
      state.offline = true;
      replies.soon();
    }
    return undefined;
  };

  const refreshQuota = async (): Promise<void> => {
    const q = await call<QuotaView>({ type: 'quota/status', shop: shop() });
    if (q) {
      state.quota = q;
      replies.soon();
    }
    // Issue 17: batches of this shop about to expire with orders not returned.
    const due = await call<readonly BatchReminder[]>({ type: 'handoff/reminders', shop: shop() });
    if (due && (due.length > 0 || (state.reminders?.length ?? 0) > 0)) {
      state.reminders = due;
      replies.soon();
    }
  };

  /** One row's marks: its own badges and the gate's. */
  const badgesOfRow = (r: RowRead, t: number, strings: ReturnType<typeof stringsFor>): Badge[] => [
    ...badgesFor(r.order, r.revealed, t, strings),
    ...gateBadges(r.order.orderId, state.gateIndex, t, state.lang, DEFAULT_DUE_WITHIN_HOURS),
  ];
  /** Every read row's marks again (the language or the gate changed). */
  const recomputeBadges = (t: number): void => {
    const strings = stringsFor(state.lang);
    const u = unread;
    if (!u) return;
    u.reads.forEach((r, i) => {
      if (r) u.badges[i] = badgesOfRow(r, t, strings);
    });
    publish();
  };

  // ---- exception gate (issue 18) ----
  // The gate key hashes the address as shown, here in page memory; only the hash is sent.
  let hasher: KeyedHasher | undefined;
  // Told to the background this page's life: a re-render of the same rows sends nothing again.
  /** Order id → the status last told in `orders/seen` (a reveal on the page changes nothing stored). */
  const toldSeen = new Map<string, string>();
  /** Order id → the facts last sent. */
  const toldFacts = new Map<string, string>();
  const TOLD_LIMIT = 5_000;
  /** Per order, the fingerprint of the address as shown unrevealed (page memory; hashes only). */
  const shownAddress = new Map<string, NonNullable<OrderFacts['address']>>();
  const gateKey = async (): Promise<KeyedHasher | undefined> => {
    if (hasher || !adapter.gate?.address) return hasher;
    const r = await call<{ key: string }>({ type: 'gate/key' });
    const hex = r?.key ?? '';
    if (/^[0-9a-f]{64}$/u.test(hex))
      hasher = keyedHasher(new Uint8Array((hex.match(/../gu) ?? []).map((h) => parseInt(h, 16))));
    return hasher;
  };
  const showGate = (o: GateOverview): void => {
    state.gate = o;
    state.gateIndex = indexOverview(o, state.lang);
    recomputeBadges(now());
    replies.soon();
  };
  const refreshGate = async (): Promise<void> => {
    const o = await call<GateOverview>({ type: 'gate/overview', shop: shop() });
    if (o) showGate(o);
  };
  /** One row's facts; the address fingerprint is the one of the address as shown unrevealed. */
  const factsOf = (
    r: RowRead,
    gate: NonNullable<SiteAdapter['gate']>,
    h: KeyedHasher | undefined,
    t: number,
  ) => {
    const f = readFacts(r.parts ?? rowScope(r.element, adapter.rowGroup, adapter.row), r.order, gate, h, t);
    // A revealed row shows the plaintext address for a moment: the fingerprint stays the one
    // of the address as the page shows it unrevealed, so a reveal (and hiding it again)
    // changes nothing the gate keeps and sends nothing.
    if (!f.address) return f;
    if (!r.revealed) {
      shownAddress.set(f.orderId, f.address);
      return f;
    }
    const before = shownAddress.get(f.orderId);
    const { address: _address, ...rest } = f;
    void _address;
    return before ? { ...rest, address: before } : rest;
  };
  /** Read the rows' facts in idle slices and send them; false when a newer page read made them stale. */
  const sendFacts = async (
    reads: readonly RowRead[],
    t: number,
    my: number,
    meter: { ms: number; slices: number },
  ): Promise<boolean> => {
    // The gate rules are the built-in adapter's: rows found by detection or a taught adapter send
    // no facts (their status still reaches the gate through orders/seen).
    const gate = adapter.gate;
    if (!gate || reads.length === 0 || reader !== adapter) return true;
    const h = await gateKey();
    const facts: OrderFacts[] = [];
    let until = -Infinity;
    let s0 = 0;
    for (const r of reads) {
      const at = performance.now();
      if (at >= until) {
        if (s0) meter.ms += at - s0;
        const next = await slice(my);
        if (next === undefined) return false;
        until = next;
        s0 = performance.now();
        meter.slices++;
      }
      if (r.element.isConnected) facts.push(factsOf(r, gate, h, t));
    }
    if (s0) meter.ms += performance.now() - s0;
    // Only the facts that changed since this page last sent them (a re-render sends nothing).
    if (toldFacts.size > TOLD_LIMIT) toldFacts.clear();
    const changed = facts.filter((f) => {
      const key = JSON.stringify([
        f.flags,
        f.shipBy !== undefined ? Math.round(f.shipBy / 60_000) : 0,
        f.mergeKey,
        f.address?.hash,
      ]);
      if (toldFacts.get(f.orderId) === key) return false;
      toldFacts.set(f.orderId, key);
      return true;
    });
    if (!changed.length) return true;
    // The reply carries the overview the new facts make.
    const r = await call<{ overview: GateOverview }>({ type: 'gate/facts', shop: shop(), facts: changed });
    if (r) showGate(r.overview);
    return true;
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
      const full = readRow(r.element, reader, shopRef.shopId, t, true, blocksOf.get(r.element));
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

  // One checkbox per row (issue 21 item 10): the page's own where it has one (its ticks are the
  // selection), ours elsewhere. Only rows the built-in adapter read have the page's box.
  const platformSel = followPlatformSelection(
    doc,
    adapter,
    () => {
      // After a tick on the page: every row's order id.
      readAll();
      return reader === adapter
        ? state.rows.map((r) => ({ element: r.element, orderId: r.order.orderId }))
        : [];
    },
    (ticks) => {
      const added = new Set<string>();
      let changed = false;
      for (const [id, on] of ticks) {
        if (on && !state.selected.has(id)) {
          state.selected.add(id);
          added.add(id);
        } else if (!on && state.selected.delete(id)) changed = true;
      }
      if (added.size) void sendDetail(added);
      if (added.size || changed) draw();
    },
  );
  const ownBox = (row: Element): boolean => reader !== adapter || !platformSel.boxOf(row);

  const toggle = (orderId: string): void => {
    if (state.selected.has(orderId)) state.selected.delete(orderId);
    else {
      state.selected.add(orderId);
      void sendDetail(new Set([orderId]));
    }
    draw();
  };

  const setLang = (l: Lang): void => {
    state.lang = l;
    recomputeBadges(now());
    draw();
  };

  // One set of handlers for the page's life: unchanged props let the panel skip its controls.
  const panelActions: PanelActions = {
    onLang() {
      setLang(state.lang === 'zh' ? 'en' : 'zh');
      // One language for every page (issue 21 item 9).
      void call({ type: 'ui/language/set', language: state.lang });
    },
    onCollapse() {
      state.collapsed = !state.collapsed;
      // The open panel's summary counts every row: the rest are read on the click (about 0.1 ms
      // a row once warm), so it opens complete.
      if (!state.collapsed) readAll();
      draw();
    },
    onSelectAll() {
      readAll();
      // The page's boxes are ticked by clicking them (their clicks update the selection).
      platformSel.set(
        state.rows.filter((r) => !ownBox(r.element)).map((r) => r.element),
        true,
      );
      for (const r of state.rows) if (ownBox(r.element)) state.selected.add(r.order.orderId);
      void sendDetail(state.selected);
      draw();
    },
    onClear() {
      readAll();
      platformSel.set(
        state.rows.filter((r) => !ownBox(r.element)).map((r) => r.element),
        false,
      );
      state.selected.clear();
      draw();
    },
    onTeach() {
      picks = {};
      preview = undefined;
      state.notice = undefined;
      state.teach = { step: 'row' };
      stopPicking?.();
      stopPicking = pickClicks(doc, pick);
      draw();
    },
    onTeachSkip() {
      if (state.teach && state.teach.step !== 'preview') advance(state.teach.step);
    },
    onTeachCancel() {
      endTeach();
    },
    onTeachSave() {
      const taught = preview;
      if (!taught) return;
      void call<TaughtAdapter>({ type: 'adapters/save', adapter: taught }).then((saved) => {
        if (saved) source.setTaught(saved, true);
        endTeach();
      });
    },
    onExport() {
      const taught = source.taught();
      if (!taught) return;
      const url = URL.createObjectURL(new Blob([taughtFileText(taught)], { type: 'application/json' }));
      const a = doc.createElement('a');
      a.href = url;
      a.download = `shipmask-adapter-${taught.host}.json`;
      a.click();
      win.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    onImport(file) {
      const t = stringsFor(state.lang);
      // Limits before reading: a file far too large is refused without reading it.
      if (file.size > TAUGHT_LIMITS.file * 4) {
        state.notice = t.importFailed(t.importErrors['too-large'] ?? 'too-large');
        draw();
        return;
      }
      void file
        .text()
        .then((text) => call<AdapterImportResult>({ type: 'adapters/import', text }))
        .then((r) => {
          if (!r) return;
          if (r.ok) {
            source.setTaught(r.adapter, true);
            state.notice = t.importDone;
          } else state.notice = t.importFailed(`${t.importErrors[r.code] ?? r.code}（${r.message}）`);
          onRows();
        });
    },
    onAction(purpose) {
      readAll();
      const orderIds = state.rows.map((r) => r.order.orderId).filter((id) => state.selected.has(id));
      if (!orderIds.length) return;
      // The selection's detail, and the page's orders and gate facts, are stored before the page
      // that prints or hands it off reads them.
      void Promise.all([sendDetail(state.selected), hurry()]).then(() =>
        call({ type: 'selection/open', shop: shop(), orderIds, purpose }),
      );
    },
  };

  function endTeach(): void {
    stopPicking?.();
    stopPicking = undefined;
    picks = {};
    preview = undefined;
    state.teach = null;
    onRows();
  }

  /** Go past `step` (picked or skipped): the next step, or the preview of what was taught. */
  function advance(step: TeachStep): void {
    const next = TEACH_STEPS[TEACH_STEPS.indexOf(step) + 1];
    if (next) {
      state.teach = { step: next };
      draw();
      return;
    }
    stopPicking?.();
    stopPicking = undefined;
    const row = picks.row;
    const orderId = picks.orderId;
    if (!row || !orderId) return endTeach();
    const teachPicks: { -readonly [K in keyof TeachPicks]: TeachPicks[K] } = { row, orderId };
    if (picks.receiverPhone) teachPicks.receiverPhone = picks.receiverPhone;
    if (picks.receiverName) teachPicks.receiverName = picks.receiverName;
    if (picks.receiverAddress) teachPicks.receiverAddress = picks.receiverAddress;
    const derived = deriveTaught(teachPicks, {
      host,
      path: win.location.pathname,
      platform: adapter.platform,
      now: now(),
    });
    if (!derived.ok) {
      picks = {};
      state.teach = { step: 'row', problem: derived.problem.reason };
      stopPicking = pickClicks(doc, pick);
      draw();
      return;
    }
    preview = derived.adapter;
    state.teach = { step: 'preview', count: 0 };
    onRows();
  }

  /** One click of the merchant in teach mode. */
  function pick(el: Element): void {
    const teach = state.teach;
    if (!teach || teach.step === 'preview') return;
    if (teach.step === 'row') {
      const row = rowFromClick(el);
      if (!row) {
        state.teach = { step: 'row', problem: 'no-row' };
        draw();
        return;
      }
      picks.row = row;
    } else {
      if (!(picks.row === el || picks.row?.contains(el))) {
        state.teach = { step: teach.step, problem: 'outside-row' };
        draw();
        return;
      }
      picks[teach.step] = el;
    }
    advance(teach.step);
  }

  /** When the last draw finished its row marks (for the cost meter's phases). */
  /**
   * A page read found rows and the near-rows observer has not reported them yet: the panel is
   * drawn in that report, with the marks (one repaint of the page instead of two).
   */
  let panelWaits = false;
  /** Boxes of the rows the near-rows observer just reported, for the marks (while it draws). */
  let nearBoxes: ReadonlyMap<Element, DOMRectReadOnly> | undefined;
  let marksDone = 0;
  function draw(): void {
    if (stopped) return;
    replies.drawn();
    overlay.update({
      rows: state.rows,
      badges: state.badges,
      selected: state.selected,
      lang: state.lang,
      onToggle: toggle,
      ownBox,
      ...(nearBoxes ? { boxes: nearBoxes } : {}),
    });
    marksDone = performance.now();
    if (panelWaits) return;
    render(
      <Panel
        platform={adapter.platform}
        orderCount={state.rows.length + state.unread}
        badges={state.badges}
        quota={state.quota}
        selected={state.selected.size}
        lang={state.lang}
        collapsed={state.collapsed}
        offline={state.offline}
        source={state.source}
        teach={state.teach}
        hasTaught={source.taught() !== undefined}
        {...(state.notice ? { notice: state.notice } : {})}
        {...(state.reminders ? { reminders: state.reminders } : {})}
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

  // Teach mode: the merchant's picks so far, and the adapter previewed before it is saved.
  let picks: Partial<Record<TeachStep, Element>> = {};
  let preview: TaughtAdapter | undefined;
  let stopPicking: (() => void) | undefined;

  // Rows drawn inside open shadow roots (a micro-app) change where a MutationObserver on the
  // document does not see: each such root is observed too, unless the page watcher observes it.
  const observedRoots = new Set<Node>();
  const ROOT_CHANGES: MutationObserverInit = { childList: true, subtree: true, characterData: true };
  let rootTimer: ReturnType<typeof setTimeout> | undefined;
  const rootObserver = new MutationObserver(() => {
    if (rootTimer === undefined)
      rootTimer = setTimeout(() => {
        rootTimer = undefined;
        onRows();
      }, 80);
  });

  // ---- page reads ----
  // A read counts the rows at once and reads those near the viewport when an IntersectionObserver
  // reports them (`nearRows`: after the browser's own layout, so nothing forces one; the marks
  // wait for that layout anyway). Other rows are read as the merchant scrolls to them, or all at
  // once when something needs every row (select all, the page's own ticks, a reveal on an unread
  // row, print, hand-off: `readAll`); from then on, and once the panel was opened (its summary
  // counts every row), each read reads every row in idle slices (`everyRow`). A page of 200
  // orders the merchant only looks at costs what its first screenful costs (issue 15). What has
  // been read is told to the background in idle slices (orders seen, then the rows' gate facts);
  // an action hurries that, so the gate has it before the print page asks.
  const idle = idleSlices(win, () => performance.now());
  /** The page read under way; a newer read makes older slices stale. */
  let gen = 0;
  /** The rows found by the current read: which are read, and which reads are not told yet. */
  let unread:
    | {
        rows: readonly Element[];
        index: ReadonlyMap<Element, number>;
        /** Per row: read yet (rows are read in any order: near the viewport first). */
        done: Uint8Array;
        /** Per row: its read and badges (none for a row that holds no order). */
        reads: (RowRead | undefined)[];
        badges: (readonly Badge[] | undefined)[];
        /** Rows not read yet, and the lowest index that may be one. */
        left: number;
        next: number;
        t: number;
        shop: ShopRef;
        /** Reads not told to the background yet (orders seen, gate facts). */
        untold: RowRead[];
        /** Idle work of this read so far (the bench's figure), and whether it was reported. */
        meter: { ms: number; slices: number };
        reported: boolean;
      }
    | undefined;
  /** Settles when everything read so far has been told. */
  let settled: Promise<void> = Promise.resolve();
  const slice = async (my: number): Promise<number | undefined> => {
    const until = await idle.next();
    return my === gen && !stopped ? until : undefined;
  };

  /** Read row `i` of the current read (once). */
  const readAt = (i: number): void => {
    const u = unread;
    if (!u || u.done[i]) return;
    u.done[i] = 1;
    u.left--;
    // Not unobserved: the observer's list is scanned per call (one disconnect at the next read
    // instead), and a read row's later reports are skipped.
    const el = u.rows[i]!;
    const r = readRow(el, reader, u.shop.shopId, u.t, false, blocksOf.get(el));
    if (!r) return;
    u.reads[i] = r;
    u.badges[i] = badgesOfRow(r, u.t, stringsFor(state.lang));
    u.untold.push(r);
  };
  /** The rows read so far, in page order, with their badges, into the state the overlay draws. */
  const publish = (): void => {
    const u = unread;
    if (!u) return;
    const rows: RowRead[] = [];
    const badges: (readonly Badge[])[] = [];
    for (let i = 0; i < u.rows.length; i++) {
      const r = u.reads[i];
      if (!r) continue;
      rows.push(r);
      badges.push(u.badges[i] ?? []);
    }
    state.rows = rows;
    state.badges = badges;
    state.unread = u.left;
    if (state.teach?.step === 'preview') state.teach = { step: 'preview', count: rows.length };
  };

  // Unread rows near the viewport (half a screen ahead) are read as the merchant scrolls to them.
  const nearRows = new IntersectionObserver(
    (entries) => {
      const u = unread;
      if (!u) return;
      const s0 = performance.now();
      const boxes = new Map<Element, DOMRectReadOnly>();
      for (const e of entries) {
        const i = e.isIntersecting ? u.index.get(e.target) : undefined;
        if (i === undefined || u.done[i]) continue;
        readAt(i);
        boxes.set(e.target, e.boundingClientRect);
      }
      const panelWaited = panelWaits;
      panelWaits = false;
      if (boxes.size) {
        publish();
        // The marks of these rows are drawn now, from the boxes just reported (overlay.ts).
        nearBoxes = boxes;
        draw();
        nearBoxes = undefined;
      } else if (panelWaited) draw();
      // The first report covers every row: after it, what was read is told (and the read's
      // later work is reported to the cost meter once told).
      tell();
      u.meter.ms += performance.now() - s0;
      u.meter.slices++;
    },
    { rootMargin: NEAR_MARGIN },
  );

  /** Read unread rows in page order until the clock passes `until`. */
  const readRows = (until: number): void => {
    const u = unread;
    if (!u) return;
    while (u.next < u.rows.length) {
      readAt(u.next++);
      if (performance.now() >= until) break;
    }
    publish();
  };
  /**
   * Once something on this page needed every row (select all, a tick on the page, a reveal on an
   * unread row, print, hand-off, the panel opened), the merchant is working this list: later reads
   * read every row too (in idle slices), so the overlay follows every row's status after the
   * platform's own print or a refresh.
   */
  let everyRow = false;
  /** Every row of the page read, now (an action or a getter needs them all). */
  const readAll = (): void => {
    everyRow = true;
    // An action needs every row (and shows the panel) now, not after the observer's report.
    panelWaits = false;
    if (!unread || unread.left === 0) return;
    readRows(Infinity);
    draw();
    tell();
  };
  /** Everything of the current read read and told, at once (print, hand off). */
  const hurry = (): Promise<void> => {
    readAll();
    idle.hurry();
    return settled;
  };
  /**
   * The rest of the rows in idle slices (the panel is open: its summary counts every row). Queued
   * behind what is being told: one idle wait at a time (a second would cancel the first).
   */
  const readRest = (): void => {
    const my = gen;
    settled = settled.then(() => readRestNow(my));
  };
  const readRestNow = async (my: number): Promise<void> => {
    while (unread && unread.left > 0) {
      const until = await slice(my);
      if (until === undefined) return;
      const s0 = performance.now();
      readRows(until);
      // Drawn once all are read: a draw per slice would diff every row each time.
      if (unread.left === 0) {
        draw();
        tell();
      }
      unread.meter.ms += performance.now() - s0;
      unread.meter.slices++;
    }
  };

  /** Tell the background what the current read has read and not told yet, in idle slices. */
  const tell = (): void => {
    const my = gen;
    settled = settled.then(async () => {
      const u = unread;
      while (u && my === gen && u.untold.length) {
        const batch = u.untold;
        u.untold = [];
        if (toldSeen.size > TOLD_LIMIT) toldSeen.clear();
        const fresh = batch.filter((r) => toldSeen.get(r.order.orderId) !== r.order.status);
        if (fresh.length) {
          for (const r of fresh) toldSeen.set(r.order.orderId, r.order.status);
          await call({
            type: 'orders/seen',
            shop: u.shop,
            ...shopNameField(),
            orders: fresh.map((r) => r.order),
            summary: true,
          });
        }
        if (my !== gen || !(await sendFacts(batch, u.t, my, u.meter))) return;
      }
      if (u && my === gen && !u.reported) {
        u.reported = true;
        cost.idle?.(u.meter.ms, u.meter.slices);
      }
    });
  };

  /** Read the page's rows; true when some were found (by the adapter, detection or a taught one). */
  function onRows(snapshot?: PageSnapshot): boolean {
    if (stopped) return false;
    const started = performance.now();
    if (snapshot) {
      adapterRows = snapshot.rows;
      roots = snapshot.roots;
    }
    const t = now();
    const shopRef = shop();
    const found = preview
      ? {
          kind: 'taught' as const,
          adapter: taughtSiteAdapter(adapter, preview),
          rows: taughtRows(doc, preview),
        }
      : source.find(adapterRows);
    reader = found.adapter;
    state.source = found.kind;
    blocksOf = new WeakMap();
    const rows = found.rows.map(({ element, blocks }) => {
      if (found.kind !== 'adapter' && blocks.length > 1) blocksOf.set(element, blocks);
      return element;
    });
    // Until rows are found, every open shadow root may be where they will be drawn.
    const rowRoots = found.rows.length ? [found.rows[0]!.element.getRootNode()] : openShadowRoots(doc);
    // The page watcher (adapters/watch.ts) observes the roots it searched: a root it observes
    // needs no observer here too, or each swap inside it would be read twice (微信小店's micro-app).
    const watched = new Set<Node>(roots);
    let dropped = false;
    for (const root of observedRoots) {
      if (!watched.has(root)) continue;
      observedRoots.delete(root);
      dropped = true;
    }
    if (dropped) {
      rootObserver.disconnect();
      for (const root of observedRoots) rootObserver.observe(root, ROOT_CHANGES);
    }
    for (const root of rowRoots) {
      if (root === doc || observedRoots.has(root) || watched.has(root)) continue;
      observedRoots.add(root);
      rootObserver.observe(root, ROOT_CHANGES);
    }
    // A new read: the slices of the one before are stale.
    ++gen;
    idle.reset();
    nearRows.disconnect();
    const index = new Map<Element, number>();
    rows.forEach((el, i) => index.set(el, i));
    unread = {
      rows,
      index,
      done: new Uint8Array(rows.length),
      reads: [],
      badges: [],
      left: rows.length,
      next: 0,
      t,
      shop: shopRef,
      untold: [],
      meter: { ms: 0, slices: 0 },
      reported: false,
    };
    // The rows near the viewport are read when the observer reports them, after the browser's
    // next layout (the marks wait for that layout anyway: overlay.ts); all rows at once when
    // previewing a taught adapter (its count is the point).
    if (state.teach?.step === 'preview') {
      // Drawn now (the observer was disconnected above: a report it still owed will not come).
      panelWaits = false;
      readRows(Infinity);
      tell();
    } else {
      publish();
      for (const el of rows) nearRows.observe(el);
      // The panel's new count is drawn with the rows near the viewport, in the observer's first
      // report a frame from now: drawn now, it would cost the page one more repaint.
      panelWaits = rows.length > 0;
    }
    const readMs = performance.now();
    const badgeMs = performance.now();
    draw();
    const drawMs = performance.now();
    const counter = readCounter(doc, adapter, roots);
    if (counter !== undefined && counter !== lastCounter) {
      lastCounter = counter;
      void call({ type: 'counter/observed', shop: shopRef, remaining: counter, at: t }).then(refreshQuota);
    }
    if (everyRow) readRest();
    const end = performance.now();
    cost.record(end - started, {
      read: readMs - started,
      badges: badgeMs - readMs,
      marks: marksDone - badgeMs,
      panel: drawMs - marksDone,
      send: end - drawMs,
    });
    return rows.length > 0;
  }
  const stopWatch = watchOrderList(doc, adapter, (snapshot) => onRows(snapshot));

  const orderIdOf = (el: Element): string | undefined => {
    const row = reader === adapter ? rowOf(el, adapter) : el.closest(anyOf(reader.row));
    if (!row) return undefined;
    const known = state.rows.find((r) => r.element === row);
    if (known) return known.order.orderId;
    readAll();
    return state.rows.find((r) => r.element === row)?.order.orderId;
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
      showWarning(quota, control, proceed);
    },
  });

  // The reveal warning (issue 21 item 6): against the order's row (all its parts), following
  // scrolls while open, closed by Esc, 取消 or proceeding; it never blocks the reveal.
  let unanchor: (() => void) | undefined;
  function closeWarning(): void {
    unanchor?.();
    unanchor = undefined;
    render(null, mounts.dialogs);
  }
  function showWarning(quota: QuotaView, control: Element, proceed: () => void): void {
    closeWarning();
    render(
      <RevealWarning
        quota={quota}
        lang={state.lang}
        control={adapter.revealLabel ?? stringsFor(state.lang).revealControl}
        onProceed={() => {
          closeWarning();
          proceed();
        }}
        onDismiss={closeWarning}
      />,
      mounts.dialogs,
    );
    const box = mounts.dialogs.querySelector<HTMLElement>('.sm-warning');
    const row = rowOf(control, adapter);
    const parts = row ? rowScope(row, adapter.rowGroup, adapter.row) : [control];
    if (box) unanchor = anchorWarning(win, parts, control, box, closeWarning);
  }

  // A taught adapter of this host, if the merchant saved or imported one.
  void call<TaughtAdapter | null>({ type: 'adapters/get', host }).then((taught) => {
    if (!taught) return;
    source.setTaught(taught, false);
    onRows();
  });

  // The language every shipmask page shares (issue 21 item 9).
  void call<Lang>({ type: 'ui/language' }).then((l) => {
    if (l && l !== state.lang) setLang(l);
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
    platformSel.stop();
    closeWarning();
    stopPicking?.();
    rootObserver.disconnect();
    nearRows.disconnect();
    if (rootTimer !== undefined) clearTimeout(rootTimer);
    win.clearInterval(timer);
    overlay.destroy();
    render(null, mounts.panel);
    render(null, mounts.dialogs);
  };
}
