import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adapterFor } from '../../adapters';
import { startOverlay, type CostMeter, type Send } from '../../content/app';
import { answersTick, deferToFrame } from '../../content/list-frame';
import { handleTick, isTickRequest } from '../../content/platform-tick';
import { answerAddressRequest } from '../../content/address-reply';
import { loadDivisions } from '../../content/divisions-load';
import { divisionsProvided } from '../../content/divisions-late';
import { isAddressRequest } from '../../messages/address';
import { dockSideTab, type PlaceStore } from '../../content/side-tab';
import { allBackOfficeMatches } from '../../origins';
// The overlay's styles as a string in the bundle (1.8 KB gzipped): each shadow root gets them
// without a fetch (WXT's 'ui' mode fetched the stylesheet once per root, three times per page),
// and no web-accessible resource a page could probe for.
import panelCss from '../../ui/panel.css?inline';

/** The part of the Navigation API used here (Chromium 102+; TypeScript's DOM types lack it). */
interface NavigationLike {
  readonly currentEntry: { readonly url: string | null } | null;
  addEventListener(
    type: 'currententrychange',
    listener: () => void,
    options: { readonly signal: AbortSignal },
  ): void;
}

/**
 * Where the side tab was left on this host (issue 21 item 10): a UI position in extension storage,
 * no buyer data. A failed read or write keeps the default place.
 */
function placeStore(host: string): PlaceStore {
  const key = `panel-top:${host}`;
  return {
    async load() {
      const v: unknown = (await browser.storage.local.get(key))[key];
      return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
    },
    save(top) {
      void browser.storage.local.set({ [key]: top }).catch(() => undefined);
    },
  };
}

/** A closed shadow-root host of ours, styled from outside so the page's layout is untouched. */
async function mountHost(ctx: ContentScriptContext, name: string, style: Partial<CSSStyleDeclaration>) {
  const ui = await createShadowRootUi(ctx, {
    name,
    // Closed: the page's scripts cannot reach into the overlay (host.shadowRoot is null), so the
    // page can neither read the merchant's selection nor press our buttons from script.
    mode: 'closed',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Our own `:host { all: initial }` (panel.css) resets inherited page styles without
    // `!important`, so the inline position below still applies.
    inheritStyles: true,
    css: panelCss,
    onMount: (container) => container,
  });
  ui.mount();
  ui.shadowHost.setAttribute('data-shipmask', '');
  Object.assign(ui.shadowHost.style, style);
  return ui;
}

/**
 * Test and dev builds publish the overlay's own main-thread time on the panel host
 * (`data-sm-cost`: mount, first read, last read and its phases, reads, the last read's idle slices) for `pnpm bench`; production
 * builds do not.
 */
function costMeter(host: HTMLElement, mountMs: number): CostMeter {
  if (import.meta.env.MODE === 'production') return { record: () => undefined };
  const cost: {
    mount: number;
    first: number;
    last: number;
    reads: number;
    total: number;
    lastPhases?: Readonly<Record<string, number>>;
    /** The last read's work in idle slices (rows past the first screenful, gate facts). */
    lastIdle?: number;
    idleSlices?: number;
    /** Reads whose idle part has finished. */
    idles: number;
  } = { mount: mountMs, first: -1, last: 0, reads: 0, total: 0, idles: 0 };
  return {
    record(ms, phases) {
      if (cost.first < 0) cost.first = ms;
      cost.last = ms;
      if (phases) cost.lastPhases = phases;
      cost.reads++;
      cost.total += ms;
      host.dataset.smCost = JSON.stringify(cost);
    },
    idle(ms, slices) {
      cost.lastIdle = ms;
      cost.idleSlices = slices;
      cost.idles++;
      host.dataset.smCost = JSON.stringify(cost);
    },
  };
}

export default defineContentScript({
  matches: allBackOfficeMatches,
  // 京东 may draw the order list in a child frame (trade-order-jdm.jd.com/orderList): run there
  // too. A frame whose URL no adapter claims starts nothing.
  allFrames: true,
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  // WXT tells an older copy of this script (after an update) to stop through a DOM event on the
  // document; its legacy window.postMessage copy is off: it reached every window-message listener
  // of the page, and the back-offices' micro-app frameworks listen to window messages.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const send: Send = async (request) => browser.runtime.sendMessage(request);
    let stop: (() => void) | undefined;
    const uis: { remove(): void }[] = [];
    // Core's division tables, which this script's bundle leaves out (content/divisions-late.ts):
    // read from extension storage on a page that shows orders; any message wakes the background
    // that publishes them.
    const divisions = () => loadDivisions(browser.storage.local, () => send({ type: 'gate/key' }));

    const start = async (url: string): Promise<void> => {
      const started = performance.now();
      const adapter = adapterFor(url);
      if (!adapter || stop || deferToFrame(document)) return;
      const [tables, panel, rows, dialogs] = await Promise.all([
        divisions(),
        // On the right edge as a side tab; content/side-tab.ts sets its top (remembered per host).
        mountHost(ctx, 'shipmask-panel', { position: 'fixed', right: '0px', zIndex: '2147483000' }),
        mountHost(ctx, 'shipmask-rows', {
          position: 'absolute',
          top: '0',
          left: '0',
          width: '0',
          height: '0',
          zIndex: '2147482999',
          pointerEvents: 'none',
        }),
        mountHost(ctx, 'shipmask-dialogs', { position: 'fixed', top: '0', left: '0', zIndex: '2147483001' }),
      ]);
      uis.push(panel, rows, dialogs);
      if (!tables.ok) {
        // Without the tables core cannot tell a region from the rest of an address: read nothing.
        console.warn(`shipmask: division tables unavailable (${tables.reason})`);
        for (const ui of [panel, rows, dialogs]) ui.remove();
        return;
      }
      const stopOverlay = startOverlay(
        document,
        adapter,
        { panel: panel.uiContainer, rows: rows.uiContainer, dialogs: dialogs.uiContainer },
        send,
        costMeter(panel.shadowHost, performance.now() - started),
      );
      const undock = dockSideTab(panel.shadowHost, panel.uiContainer, window, placeStore(location.host));
      stop = () => {
        undock();
        stopOverlay();
      };
    };
    const halt = (): void => {
      stop?.();
      stop = undefined;
      for (const ui of uis.splice(0)) ui.remove();
    };

    // 平台打单: the print page (our own extension page, never a web page) asks this tab to tick rows.
    const onMessage = (
      message: unknown,
      sender: { id?: string; tab?: unknown },
      sendResponse: (reply: unknown) => void,
    ): true | undefined => {
      const tick = isTickRequest(message);
      // Print-time addresses (messages/address.ts): read now, answered to the asking page only.
      const addresses = !tick && isAddressRequest(message);
      if ((!tick && !addresses) || sender.id !== browser.runtime.id || sender.tab !== undefined) return;
      // The message reaches every frame of the tab and the first answer wins: only the frame
      // holding the rows answers (content/list-frame.ts).
      if (!answersTick(document, location.href, window === window.top)) return;
      // Answered synchronously: ticking and reading rows are plain DOM work.
      if (tick) sendResponse(handleTick(message, document, location.href));
      else if (divisionsProvided())
        sendResponse(answerAddressRequest(message, document, location.href, Date.now()));
      else {
        // Reading addresses needs the division tables: answered once they are loaded.
        void divisions().then((r) =>
          sendResponse(r.ok ? answerAddressRequest(message, document, location.href, Date.now()) : undefined),
        );
        return true;
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    await start(location.href);
    // SPA navigation: stop cleanly when the page leaves the order list, start when it returns.
    // Adapters match origin + path, so a change of query or hash alone (`?page=2`, which list
    // pages make on every swap) decides nothing and costs one string comparison.
    const pathOf = (href: string): string => {
      const end = href.search(/[?#]/u);
      return end < 0 ? href : href.slice(0, end);
    };
    let lastPath = pathOf(location.href);
    const onUrl = (href: string): void => {
      const path = pathOf(href);
      if (path === lastPath) return;
      lastPath = path;
      if (adapterFor(href)) void start(href);
      else halt();
    };
    const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
    // `currententrychange`, not `navigate` (issue 21 item 5): it fires once a same-document
    // navigation (pushState, replaceState, a hash, an intercepted navigation) has committed. A
    // navigation that leaves the document never commits here (the page and this script go), and
    // one that turns into a download (the page's own 导出订单 sending the window to a file URL)
    // commits nothing: the page stays, and so does the overlay. `navigate` fired for both with
    // the file URL and stopped the overlay on a page that never left.
    if (navigation)
      navigation.addEventListener(
        'currententrychange',
        () => {
          const url = navigation.currentEntry?.url;
          if (url) onUrl(url);
        },
        { signal: ctx.signal },
      );
    else ctx.setInterval(() => onUrl(location.href), 1000);
    ctx.onInvalidated(halt);
  },
});
