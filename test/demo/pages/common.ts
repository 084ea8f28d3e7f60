// Shared behaviour of the three demo order pages (an SPA shell: fetch JSON, swap rows in place).
// Every text reaches the DOM through textContent / DOM APIs; nothing is parsed as markup.
import type {
  ApiError,
  DemoPlatform,
  OrderRow,
  OrdersResponse,
  RevealResponse,
  ShipResponse,
  ShipRowInput,
} from '../api.ts';
import { pageSizes } from '../api.ts';
import { classNamer, type Skin } from './skin.ts';

type Child = Node | string | null | undefined | false;

/** Create an element with classes, attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; text?: string; attrs?: Record<string, string> } = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.attrs) for (const [k, v] of Object.entries(props.attrs)) el.setAttribute(k, v);
  if (props.text !== undefined) el.textContent = props.text;
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** An SVG icon from path data (the eye icon, arrows). */
export function icon(paths: readonly string[], cls: string, viewBox = '0 0 24 24'): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', viewBox);
  svg.setAttribute('class', cls);
  svg.setAttribute('aria-hidden', 'true');
  for (const d of paths) {
    const p = document.createElementNS(ns, 'path');
    p.setAttribute('d', d);
    svg.append(p);
  }
  return svg;
}

export const EYE_ICON = [
  'M12 5C6.5 5 2.7 9.3 1.5 12c1.2 2.7 5 7 10.5 7s9.3-4.3 10.5-7C21.3 9.3 17.5 5 12 5zm0 11.5A4.5 4.5 0 1 1 12 7.5a4.5 4.5 0 0 1 0 9zm0-7a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
];

const $ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document): T => {
  const el = root.querySelector<T>(sel);
  if (!el) throw new Error(`demo page: missing ${sel}`);
  return el;
};

export function toast(message: string, kind: 'info' | 'error' = 'info'): void {
  const el = h('div', { class: `demo-toast demo-toast-${kind}`, text: message, attrs: { role: 'status' } });
  document.body.append(el);
  setTimeout(() => el.remove(), 2500);
}

export interface RowContext {
  /** Ask the server to reveal; resolves with the plaintext, or shows the error and resolves null. */
  reveal(orderId: string): Promise<RevealResponse | null>;
}

export interface PagerState {
  readonly page: number;
  readonly pages: number;
  readonly total: number;
  readonly pageSize: number;
}

/** What a platform page supplies: its selectors and how its rows and pager look. */
export interface PageConfig {
  readonly platform: DemoPlatform;
  /** Where the page's app lives: the document, or a micro-app's shadow root. */
  readonly root?: Document | ShadowRoot;
  /** The tab's count element, inside a tab. */
  readonly tabCount?: string;
  /** The element whose children are the order rows (replaced on every swap). */
  readonly list: string;
  /** Status tabs: each has `data-status` ('全部' for all) and a `.tab-count` child. */
  readonly tabs: string;
  readonly tabActive: string;
  readonly search: { readonly input: string; readonly submit: string; readonly reset?: string };
  readonly pageSize: string;
  readonly pager: string;
  readonly counter: string;
  readonly counterText: (n: number) => string;
  readonly exportButton: string;
  readonly ship: {
    readonly open: string;
    readonly modal: string;
    readonly close: string;
    readonly file: string;
    readonly textarea: string;
    readonly submit: string;
    readonly result: string;
  };
  /** Shown while a page of rows is loading. */
  readonly loadingClass: string;
  readonly loadingTarget: string;
  readonly empty: (ctx: { total: number }) => HTMLElement;
  /** One order's element, or its elements (a table order spans several rows). */
  renderRow(order: OrderRow, ctx: RowContext): HTMLElement | readonly HTMLElement[];
  renderPager(container: HTMLElement, state: PagerState, go: (page: number) => void): void;
}

async function json<T>(res: Response): Promise<T | ApiError> {
  try {
    return (await res.json()) as T | ApiError;
  } catch {
    return { ok: false, code: 'BAD_RESPONSE', message: `服务异常（${res.status}）` };
  }
}

const isError = (x: unknown): x is ApiError =>
  typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;

/** Parse typed bulk-ship lines: `订单号,快递公司,快递单号` (comma, tab, or spaces). */
export function parseShipLines(text: string): ShipRowInput[] {
  return text
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const [orderId = '', carrier = '', trackingNo = ''] = l.split(/\s*[,，\t]\s*|\s+/u);
      return { orderId, carrier, trackingNo };
    });
}

/** Start the page: read the query, load rows, wire tabs, search, pager, export, reveal, bulk ship. */
export function startPage(cfg: PageConfig): void {
  const api = `/api/${cfg.platform}`;
  const params = new URLSearchParams(location.search);
  const state = {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: (pageSizes as readonly number[]).includes(Number(params.get('pageSize')))
      ? Number(params.get('pageSize'))
      : 20,
    status: params.get('status') ?? '全部',
    q: params.get('q') ?? '',
    count: params.get('count') ?? '',
  };
  const root = cfg.root ?? document;
  const list = $(cfg.list, root);
  const counter = $(cfg.counter, root);
  const pager = $(cfg.pager, root);
  const sizeSelect = $<HTMLSelectElement>(cfg.pageSize, root);
  const searchInput = $<HTMLInputElement>(cfg.search.input, root);
  const tabCount = cfg.tabCount ?? '.tab-count';
  sizeSelect.value = String(state.pageSize);
  searchInput.value = state.q;

  const setRemaining = (n: number): void => {
    counter.textContent = cfg.counterText(n);
  };

  const ctx: RowContext = {
    async reveal(orderId) {
      const res = await fetch(`${api}/reveal`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orderId }),
      });
      const body = await json<RevealResponse>(res);
      if (isError(body)) {
        toast(body.message, 'error');
        if (body.code === 'QUOTA_EXHAUSTED') setRemaining(0);
        return null;
      }
      setRemaining(body.remaining);
      return body;
    },
  };

  let seq = 0;
  const load = async (): Promise<void> => {
    const mine = ++seq;
    const q = new URLSearchParams({
      page: String(state.page),
      pageSize: String(state.pageSize),
      status: state.status,
    });
    if (state.q) q.set('q', state.q);
    if (state.count) q.set('count', state.count);
    // Like the real SPAs: the address bar follows the filters, without a page load.
    const shown = new URLSearchParams(q);
    if (state.page === 1) shown.delete('page');
    if (state.pageSize === 20) shown.delete('pageSize');
    if (state.status === '全部') shown.delete('status');
    history.replaceState(null, '', `${location.pathname}${shown.size ? `?${shown.toString()}` : ''}`);
    const target = $(cfg.loadingTarget, root);
    target.classList.add(cfg.loadingClass);
    try {
      const res = await fetch(`${api}/orders?${q.toString()}`);
      const body = await json<OrdersResponse>(res);
      if (mine !== seq) return;
      if (isError(body)) {
        toast(body.message, 'error');
        return;
      }
      state.page = body.page;
      const rows = body.orders.flatMap((o) => cfg.renderRow(o, ctx));
      list.replaceChildren(...(rows.length ? rows : [cfg.empty({ total: body.total })]));
      for (const tab of root.querySelectorAll<HTMLElement>(cfg.tabs)) {
        const s = tab.dataset.status ?? '';
        tab.classList.toggle(cfg.tabActive, s === state.status);
        const count = tab.querySelector(tabCount);
        if (count) count.textContent = `(${body.counts[s] ?? 0})`;
      }
      setRemaining(body.remaining);
      cfg.renderPager(
        pager,
        {
          page: body.page,
          pages: Math.max(1, Math.ceil(body.total / body.pageSize)),
          total: body.total,
          pageSize: body.pageSize,
        },
        (p) => {
          state.page = p;
          void load();
        },
      );
      document.dispatchEvent(new CustomEvent('demo:rows', { detail: { count: body.orders.length } }));
    } finally {
      if (mine === seq) target.classList.remove(cfg.loadingClass);
    }
  };

  for (const tab of root.querySelectorAll<HTMLElement>(cfg.tabs)) {
    tab.addEventListener('click', (e) => {
      e.preventDefault();
      state.status = tab.dataset.status ?? '全部';
      state.page = 1;
      void load();
    });
  }
  const search = (): void => {
    state.q = searchInput.value.trim();
    state.page = 1;
    void load();
  };
  $(cfg.search.submit, root).addEventListener('click', (e) => {
    e.preventDefault();
    search();
  });
  searchInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') search();
  });
  if (cfg.search.reset) {
    $(cfg.search.reset, root).addEventListener('click', (e) => {
      e.preventDefault();
      searchInput.value = '';
      state.status = '全部';
      search();
    });
  }
  sizeSelect.addEventListener('change', () => {
    state.pageSize = Number(sizeSelect.value) || 20;
    state.page = 1;
    void load();
  });

  $(cfg.exportButton, root).addEventListener('click', (e) => {
    e.preventDefault();
    const q = new URLSearchParams({ status: state.status });
    if (state.q) q.set('q', state.q);
    if (state.count) q.set('count', state.count);
    const a = h('a', { attrs: { href: `${api}/export?${q.toString()}`, download: '' } });
    document.body.append(a);
    a.click();
    a.remove();
    toast('导出任务已创建，文件开始下载');
  });

  wireShip(cfg, root, api, () => void load());
  void load();
}

function wireShip(cfg: PageConfig, root: ParentNode, api: string, reload: () => void): void {
  const modal = $(cfg.ship.modal, root);
  const file = $<HTMLInputElement>(cfg.ship.file, modal);
  const textarea = $<HTMLTextAreaElement>(cfg.ship.textarea, modal);
  const result = $(cfg.ship.result, modal);
  const open = (): void => {
    modal.hidden = false;
    result.replaceChildren();
  };
  $(cfg.ship.open, root).addEventListener('click', (e) => {
    e.preventDefault();
    open();
  });
  for (const close of modal.querySelectorAll(cfg.ship.close)) {
    close.addEventListener('click', (e) => {
      e.preventDefault();
      modal.hidden = true;
    });
  }
  $(cfg.ship.submit, modal).addEventListener('click', (e) => {
    e.preventDefault();
    void (async () => {
      const f = file.files?.[0];
      let body: { csv: string } | { rows: ShipRowInput[] };
      if (f) body = { csv: await f.text() };
      else {
        const rows = parseShipLines(textarea.value);
        if (rows.length === 0) {
          toast('请上传文件或填写发货信息', 'error');
          return;
        }
        body = { rows };
      }
      const res = await fetch(`${api}/ship`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const out = await json<ShipResponse>(res);
      if (isError(out)) {
        result.replaceChildren(
          h('div', { class: 'ship-result-summary ship-result-error', text: out.message }),
        );
        return;
      }
      const summary = h('div', {
        class: 'ship-result-summary',
        text: `发货完成：成功 ${out.succeeded} 条，失败 ${out.failed.length} 条`,
      });
      const failures = h(
        'table',
        { class: 'ship-result-failures' },
        out.failed.length
          ? [
              h('tr', {}, [
                h('th', { text: '行号' }),
                h('th', { text: '订单号' }),
                h('th', { text: '失败原因' }),
              ]),
              ...out.failed.map((f) =>
                h('tr', { class: 'ship-result-failure' }, [
                  h('td', { text: String(f.line) }),
                  h('td', { text: f.orderId }),
                  h('td', { text: f.reason }),
                ]),
              ),
            ]
          : [],
      );
      result.replaceChildren(summary, failures);
      file.value = '';
      textarea.value = '';
      if (out.succeeded > 0) reload();
    })();
  });
}

/** Standard page numbers with ellipses: 1 … 4 5 [6] 7 8 … 20. */
export function pageNumbers(page: number, pages: number): (number | '…')[] {
  if (pages <= 7) return Array.from({ length: pages }, (_, i) => i + 1);
  const out: (number | '…')[] = [1];
  const lo = Math.max(2, page - 2);
  const hi = Math.min(pages - 1, page + 2);
  if (lo > 2) out.push('…');
  for (let i = lo; i <= hi; i++) out.push(i);
  if (hi < pages - 1) out.push('…');
  out.push(pages);
  return out;
}

/** The page build the server rendered (seed and skin, from `<meta name="demo-build">`) and its class names. */
export function pageBuild(platform: DemoPlatform): {
  seed: number;
  skin: Skin;
  cx: (name: string) => string;
} {
  const meta = document.querySelector('meta[name="demo-build"]')?.getAttribute('content') ?? '';
  const [seedText = '', skinText = ''] = meta.split(/\s+/u);
  const seed = Number(seedText) || 0;
  const skin: Skin = skinText === '2' ? 2 : 1;
  return { seed, skin, cx: classNamer(platform, skin, seed) };
}
