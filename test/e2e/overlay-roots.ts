// The overlay's shadow roots are closed (issue 14 item 7): neither the page nor playwright's CSS
// engine can enter them (`host.shadowRoot` is null). The DevTools protocol can: a test reaches the
// roots the way DevTools' Elements panel does. A watcher per page finds each shipmask host with
// `DOM.querySelectorAll` + `DOM.describeNode({ pierce: true })`, resolves its closed root to a JS
// object (`DOM.resolveNode`) and keeps a reference on the test page's main world
// (`__shipmaskClosedRoots`), refreshed as the content script remounts its hosts. A selector engine
// `smroot=<host name>` then yields the root's container, so tests keep playwright locators (auto-wait,
// real clicks) inside closed roots. Only tests do this; the product's roots stay closed to the page.
import { selectors, type CDPSession, type Frame, type Locator, type Page } from 'playwright-core';

export type OverlayHost = 'shipmask-panel' | 'shipmask-rows' | 'shipmask-dialogs';
const HOSTS: readonly OverlayHost[] = ['shipmask-panel', 'shipmask-rows', 'shipmask-dialogs'];
/** The main-world global (test pages only) holding the stashed closed roots by host name. */
export const OVERLAY_ROOTS_STASH = '__shipmaskClosedRoots';
const STASH = OVERLAY_ROOTS_STASH;

let registered: Promise<void> | undefined;

/**
 * Register the `smroot` selector engine (once per process, before any browser context exists:
 * `launchWithExtension` calls it).
 */
export function registerOverlayRootEngine(): Promise<void> {
  // A string, not a function: the runner's transpiler may add helpers (`__name`) the page lacks.
  registered ??= selectors.register(
    'smroot',
    `({
      containers(name) {
        const r = globalThis[${JSON.stringify(OVERLAY_ROOTS_STASH)}]?.[name];
        if (!r || !r.host.isConnected) return [];
        return Array.from(r.children).filter((e) => e.localName !== 'style');
      },
      query(_root, name) { return this.containers(name)[0] ?? null; },
      queryAll(_root, name) { return this.containers(name); },
    })`,
  );
  return registered;
}

interface Watch {
  readonly cdp: CDPSession;
  /** Host element (backend node id) → the closed root last stashed for it. */
  readonly known: Map<string, number>;
  timer: ReturnType<typeof setInterval> | undefined;
  busy: boolean;
}
const watches = new WeakMap<Page, Promise<Watch>>();

/** One pass: (re)stash the closed root of every shipmask host on the page. */
async function refresh(page: Page, w: Watch): Promise<void> {
  if (w.busy || page.isClosed()) return;
  w.busy = true;
  try {
    const { root } = await w.cdp.send('DOM.getDocument', { depth: 0 });
    // Same-origin child frames share this target: their documents are reached through their
    // <iframe> owners, and a root found there is stashed on that frame's own global (the node
    // resolves in its frame's main world), so `frame.locator('smroot=…')` finds it.
    const docs = [root.nodeId];
    const { nodeIds: owners } = await w.cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: 'iframe',
    });
    for (const owner of owners) {
      const { node } = await w.cdp.send('DOM.describeNode', { nodeId: owner, depth: 1, pierce: true });
      const doc = node.contentDocument;
      if (!doc) continue;
      const { nodeIds } = await w.cdp.send('DOM.pushNodesByBackendIdsToFrontend', {
        backendNodeIds: [doc.backendNodeId],
      });
      if (nodeIds[0]) docs.push(nodeIds[0]);
    }
    const hosts: number[] = [];
    for (const doc of docs) {
      const { nodeIds } = await w.cdp.send('DOM.querySelectorAll', {
        nodeId: doc,
        selector: HOSTS.join(','),
      });
      hosts.push(...nodeIds);
    }
    for (const nodeId of hosts) {
      const { node } = await w.cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
      const name = node.localName as OverlayHost;
      const shadow = node.shadowRoots?.[0];
      if (!shadow || w.known.get(`${node.backendNodeId}`) === shadow.backendNodeId) continue;
      const { object } = await w.cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      if (!object.objectId) continue;
      await w.cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function (name) { (globalThis.${STASH} ??= {})[name] = this; }`,
        arguments: [{ value: name }],
      });
      w.known.set(`${node.backendNodeId}`, shadow.backendNodeId);
    }
  } catch {
    // The page navigated or closed mid-pass: the next pass starts over.
    w.known.clear();
  } finally {
    w.busy = false;
  }
}

/**
 * Start (once per page) the watcher that keeps the page's closed overlay roots reachable, and wait
 * for one pass. Navigations are followed: a new document gets its roots stashed on the next pass.
 */
export async function watchOverlayRoots(page: Page): Promise<void> {
  let pending = watches.get(page);
  if (!pending) {
    pending = (async () => {
      const cdp = await page.context().newCDPSession(page);
      const watch: Watch = { cdp, known: new Map(), timer: undefined, busy: false };
      page.on('framenavigated', (f) => {
        if (f === page.mainFrame()) watch.known.clear();
      });
      watch.timer = setInterval(() => void refresh(page, watch), 100);
      page.once('close', () => clearInterval(watch.timer));
      return watch;
    })();
    watches.set(page, pending);
  }
  await refresh(page, await pending);
}

/**
 * A locator for the contents of one overlay host's closed shadow root (the watcher is started
 * on first use; locators auto-wait while it catches up).
 * @example
 * await overlay(page, 'shipmask-panel').locator('[data-testid="quota-used"]').textContent();
 */
export function overlay(page: Page, host: OverlayHost): Locator {
  if (!watches.has(page)) void watchOverlayRoots(page).catch(() => undefined);
  return page.locator(`smroot=${host}`);
}

/**
 * The same in a same-origin child frame (京东's list drawn in a frame): the page's watcher also
 * stashes the roots of hosts inside its frames.
 * @example
 * await overlayIn(frame, 'shipmask-rows').locator('.sm-row').count();
 */
export function overlayIn(frame: Frame, host: OverlayHost): Locator {
  const page = frame.page();
  if (!watches.has(page)) void watchOverlayRoots(page).catch(() => undefined);
  return frame.locator(`smroot=${host}`);
}
