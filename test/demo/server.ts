// The demo back-offices: a small node:http server on 127.0.0.1 serving an order-management page
// for 抖店 (/ffa/morder/order/list), 微信小店 (/shop/order/list) and 京东商家
// (/jdm/trade/orders/order-list), at the real back-offices' paths, with the JSON API their page
// scripts call. Page scripts are TypeScript, bundled on the fly by esbuild.
//
//   npx tsx test/demo/server.ts [--port 8790] [--seed 20261123]
//
// State (remaining views, reveals, shipments) lives here, per platform, shared by all tabs;
// `POST /api/<platform>/reset` (or `handle.state.reset()`) restores it for tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import {
  changedAddress,
  DEFAULT_COUNT,
  DEFAULT_SEED,
  demoOrders,
  demoPlatforms,
  demoShop,
  type DemoOrder,
  type DemoPlatform,
} from './data.ts';
import { parseCsv } from './csv.ts';
import { classNamer, rewriteClasses, skinOf } from './pages/skin.ts';
import { exportCsv } from './export.ts';
import {
  pageSizes,
  shipHeaders,
  type ApiError,
  type DemoControlInput,
  type OrderRow,
  type OrdersResponse,
  type RevealResponse,
  type RowStatus,
  type ShipResponse,
  type ShipRowInput,
} from './api.ts';

export interface DemoServerOptions {
  /** 0 (default) = a random free port. */
  readonly port?: number;
  readonly seed?: number;
  /** Orders per platform when the page URL has no `?count=` (default 64). */
  readonly count?: number;
  /** Server-side delay of a reveal, like the real decrypt call (default 150 ms). */
  readonly revealDelayMs?: number;
  /** Starting remaining-views counters (default douyin 120, wechat 500, jd 200). */
  readonly quota?: Partial<Record<DemoPlatform, number>>;
}

export interface DemoReveal {
  readonly platform: DemoPlatform;
  readonly orderId: string;
  /** Server time (epoch ms) of the reveal. */
  readonly at: number;
  readonly remainingAfter: number;
}

export interface DemoShipment {
  readonly platform: DemoPlatform;
  readonly orderId: string;
  readonly carrier: string;
  readonly trackingNo: string;
  readonly at: number;
  readonly source: 'csv' | 'form';
}

export interface DemoExport {
  readonly platform: DemoPlatform;
  readonly at: number;
  readonly lines: number;
}

export interface DemoServerState {
  /** The pages' own remaining-views counters. */
  readonly remaining: Record<DemoPlatform, number>;
  /** Every reveal, in order. */
  readonly reveals: DemoReveal[];
  /** Every accepted bulk-ship row, in order. */
  readonly shipments: DemoShipment[];
  readonly exports: DemoExport[];
  /** Restore the initial state of one platform, or of all. */
  reset(platform?: DemoPlatform): void;
}

export interface DemoServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly seed: number;
  /** Order-list page URLs per platform. */
  readonly pages: Record<DemoPlatform, string>;
  readonly state: DemoServerState;
  close(): Promise<void>;
}

export const defaultQuota: Readonly<Record<DemoPlatform, number>> = { douyin: 120, wechat: 500, jd: 200 };

const quotaExhausted: Record<DemoPlatform, string> = {
  douyin: '解密次数已用完，可前往自助提额',
  wechat: '本月查看次数已用完',
  jd: '今日查看次数已用完',
};

/** Each platform's order-list path, as on the real back-office. */
export const pagePath: Readonly<Record<DemoPlatform, string>> = {
  douyin: '/ffa/morder/order/list',
  wechat: '/shop/order/list',
  jd: '/jdm/trade/orders/order-list',
};

const realPaths = new Map<string, { platform: DemoPlatform; listOnly: boolean }>([
  ['/ffa/morder/order/list', { platform: 'douyin', listOnly: false }],
  ['/shop/order/list', { platform: 'wechat', listOnly: false }],
  ['/jdm/trade/orders/order-list', { platform: 'jd', listOnly: false }],
  ['/jdm/trade/order/orderList', { platform: 'jd', listOnly: false }],
  ['/orderList', { platform: 'jd', listOnly: true }],
]);

const pagesDir = fileURLToPath(new URL('./pages/', import.meta.url));
// The machine may have no CJK font: the pages carry their own (Noto Sans SC, SIL OFL, split by
// unicode-range so a page loads only the slices it uses). Served from @fontsource-variable.
const fontDir = fileURLToPath(new URL('../node_modules/@fontsource-variable/noto-sans-sc/', import.meta.url));

const bundles = new Map<string, Promise<string>>();

/** Bundle a page script (TypeScript) with esbuild, once per process. */
function bundle(name: string): Promise<string> {
  let p = bundles.get(name);
  if (!p) {
    p = build({
      entryPoints: [`${pagesDir}${name}.ts`],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      charset: 'utf8',
      logLevel: 'silent',
    }).then((r) => r.outputFiles[0]!.text);
    p.catch(() => bundles.delete(name));
    bundles.set(name, p);
  }
  return p;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

function isPlatform(s: string | undefined): s is DemoPlatform {
  return s === 'douyin' || s === 'wechat' || s === 'jd';
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function apiError(res: ServerResponse, status: number, code: string, message: string): void {
  const body: ApiError = { ok: false, code, message };
  sendJson(res, status, body);
}

async function readBody(req: IncomingMessage, limit = 2_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Start the demo back-offices on 127.0.0.1. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const seed = options.seed ?? DEFAULT_SEED;
  const defaultCount = options.count ?? DEFAULT_COUNT;
  const revealDelayMs = options.revealDelayMs ?? 150;
  const initialQuota = { ...defaultQuota, ...options.quota };

  // Orders per (platform, count); ids are unique per platform across counts (prefix-stable sets).
  const datasets = new Map<string, DemoOrder[]>();
  const byId = new Map<string, DemoOrder>();
  const ordersOf = (platform: DemoPlatform, count: number): DemoOrder[] => {
    const key = `${platform}:${count}`;
    let set = datasets.get(key);
    if (!set) {
      set = demoOrders(platform, { count, seed });
      datasets.set(key, set);
      for (const o of set) byId.set(`${platform}:${o.orderId}`, o);
    }
    return set;
  };
  for (const p of demoPlatforms) ordersOf(p, defaultCount);

  const shipped = new Map<string, DemoShipment>();
  // Orders the page's own 批量打印 printed (the platform's print: 已打待发货 until shipped).
  const printed = new Set<string>();
  // Demo controls (issue 18): buyers who asked for a refund, and buyers who changed the address.
  const refunds = new Set<string>();
  const moved = new Set<string>();
  const state: DemoServerState = {
    remaining: { ...initialQuota },
    reveals: [],
    shipments: [],
    exports: [],
    reset(platform?: DemoPlatform) {
      for (const p of platform ? [platform] : demoPlatforms) {
        state.remaining[p] = initialQuota[p];
        for (const key of [...shipped.keys()]) if (key.startsWith(`${p}:`)) shipped.delete(key);
        for (const key of [...printed]) if (key.startsWith(`${p}:`)) printed.delete(key);
        for (const set of [refunds, moved])
          for (const key of [...set]) if (key.startsWith(`${p}:`)) set.delete(key);
        const keep = <T extends { platform: DemoPlatform }>(xs: T[]): void => {
          const rest = xs.filter((x) => x.platform !== p);
          xs.length = 0;
          xs.push(...rest);
        };
        keep(state.reveals);
        keep(state.shipments);
        keep(state.exports);
      }
    },
  };

  const statusOf = (o: DemoOrder): RowStatus =>
    shipped.has(`${o.platform}:${o.orderId}`)
      ? '已发货'
      : o.status === '待发货' && printed.has(`${o.platform}:${o.orderId}`)
        ? '已打待发货'
        : o.status;

  /** The status tab an order is listed under: 已打待发货 stays under 待发货, as on the platforms. */
  const tab = (o: DemoOrder): string => (statusOf(o) === '已打待发货' ? '待发货' : statusOf(o));

  /** The platform's own 批量打印 (打单): prints the ticked 待发货 orders; they show 已打待发货. */
  const printOrders = async (
    platform: DemoPlatform,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> => {
    let ids: unknown;
    try {
      ids = (JSON.parse(await readBody(req)) as { orderIds?: unknown }).orderIds;
    } catch {
      return apiError(res, 400, 'BAD_REQUEST', '请求格式错误');
    }
    if (!Array.isArray(ids) || ids.length === 0) return apiError(res, 400, 'BAD_REQUEST', '请先勾选订单');
    if (ids.length > 1000) return apiError(res, 400, 'TOO_MANY', '一次最多打印 1000 单');
    const done: string[] = [];
    const skipped: string[] = [];
    for (const id of ids) {
      const o = typeof id === 'string' ? byId.get(`${platform}:${id}`) : undefined;
      if (o && statusOf(o) === '待发货') {
        printed.add(`${platform}:${o.orderId}`);
        done.push(o.orderId);
      } else skipped.push(String(id));
    }
    sendJson(res, 200, { ok: true, printed: done, skipped });
  };

  /** The buyer's receiver as it is now (after an address change, the new one). */
  const plainOf = (o: DemoOrder): DemoOrder['plain'] =>
    moved.has(`${o.platform}:${o.orderId}`) ? changedAddress(o).plain : o.plain;
  const maskedAddressOf = (o: DemoOrder): string =>
    moved.has(`${o.platform}:${o.orderId}`) ? changedAddress(o).masked : o.masked.address;

  /**
   * The demo controls (issue 18): `refund` puts a refund request on an order (the row shows
   * 退款中 beside its status, which stays as it was until the merchant acts, as on the platforms);
   * `address` changes an order's address (another region and detail; the row shows 修改地址).
   * Both take `{ orderId }` and apply from the next list load.
   */
  const demoControl = async (
    platform: DemoPlatform,
    control: 'refund' | 'address',
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> => {
    let orderId: unknown;
    try {
      orderId = (JSON.parse(await readBody(req)) as Partial<DemoControlInput>).orderId;
    } catch {
      return apiError(res, 400, 'BAD_REQUEST', '请求格式错误');
    }
    const o = typeof orderId === 'string' ? byId.get(`${platform}:${orderId}`) : undefined;
    if (!o) return apiError(res, 404, 'NOT_FOUND', '订单不存在');
    if (control === 'address' && o.plain.fullAddress === '')
      return apiError(res, 400, 'NO_ADDRESS', '该订单没有收货地址');
    (control === 'refund' ? refunds : moved).add(`${platform}:${o.orderId}`);
    sendJson(res, 200, { ok: true, orderId: o.orderId, control });
  };

  const toRow = (o: DemoOrder): OrderRow => {
    const s = shipped.get(`${o.platform}:${o.orderId}`);
    const carrier = s?.carrier ?? o.carrier;
    const trackingNo = s?.trackingNo ?? o.trackingNo;
    const shippedAt = s?.at ?? o.shippedAt;
    const clear = o.exempt;
    const showVirtual = o.platform === 'wechat' || (o.platform === 'jd' && o.virtualListed === true);
    return {
      orderId: o.orderId,
      status: statusOf(o),
      category: o.category,
      createdAt: o.createdAt,
      ...(o.paidAt !== undefined ? { paidAt: o.paidAt } : {}),
      ...(shippedAt !== undefined ? { shippedAt } : {}),
      ...(o.receivedAt !== undefined ? { receivedAt: o.receivedAt } : {}),
      ...(o.completedAt !== undefined ? { completedAt: o.completedAt } : {}),
      items: o.items,
      total: o.total,
      freight: o.freight,
      remark: o.remark,
      ...(carrier !== undefined ? { carrier } : {}),
      ...(trackingNo !== undefined ? { trackingNo } : {}),
      ...(o.shipBy !== undefined && (statusOf(o) === '待发货' || statusOf(o) === '已打待发货')
        ? { shipBy: o.shipBy }
        : {}),
      ...(refunds.has(`${o.platform}:${o.orderId}`) ? { refund: '退款中' as const } : {}),
      ...(moved.has(`${o.platform}:${o.orderId}`) ? { addressChanged: true } : {}),
      receiver: {
        name: clear ? o.plain.name : o.masked.name,
        phone: clear ? o.plain.phone : o.masked.phone,
        address: clear ? plainOf(o).fullAddress : maskedAddressOf(o),
        ...(showVirtual && o.virtualNumber ? { virtual: o.virtualNumber } : {}),
        ...(o.plain.phone.length !== 11 ? { phoneInvalid: true } : {}),
        ...(clear ? { clear: true } : {}),
      },
    };
  };

  const filtered = (platform: DemoPlatform, q: URLSearchParams): { all: DemoOrder[]; rows: DemoOrder[] } => {
    const count = Math.max(1, Math.min(2000, Number(q.get('count')) || defaultCount));
    const text = (q.get('q') ?? '').trim();
    const status = q.get('status') ?? '';
    const all = ordersOf(platform, count).filter(
      (o) =>
        text === '' ||
        o.orderId.includes(text) ||
        (o.trackingNo ?? '').includes(text) ||
        (shipped.get(`${platform}:${o.orderId}`)?.trackingNo ?? '').includes(text) ||
        o.items.some((it) => it.name.includes(text) || it.sku.includes(text)),
    );
    const rows = status === '' || status === '全部' ? all : all.filter((o) => tab(o) === status);
    return { all, rows };
  };

  const listOrders = (platform: DemoPlatform, q: URLSearchParams): OrdersResponse => {
    const { all, rows } = filtered(platform, q);
    const sizeParam = Number(q.get('pageSize'));
    const pageSize = (pageSizes as readonly number[]).includes(sizeParam) ? sizeParam : 20;
    const pages = Math.max(1, Math.ceil(rows.length / pageSize));
    const page = Math.min(pages, Math.max(1, Math.floor(Number(q.get('page')) || 1)));
    const counts: Record<string, number> = { 全部: all.length };
    for (const o of all) counts[tab(o)] = (counts[tab(o)] ?? 0) + 1;
    return {
      orders: rows.slice((page - 1) * pageSize, page * pageSize).map(toRow),
      total: rows.length,
      page,
      pageSize,
      counts,
      remaining: state.remaining[platform],
    };
  };

  const reveal = async (platform: DemoPlatform, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let orderId: string;
    try {
      orderId = String((JSON.parse(await readBody(req)) as { orderId?: unknown }).orderId ?? '');
    } catch {
      return apiError(res, 400, 'BAD_REQUEST', '请求格式错误');
    }
    const o = byId.get(`${platform}:${orderId}`);
    if (!o) return apiError(res, 404, 'NOT_FOUND', '订单不存在');
    await sleep(revealDelayMs);
    if (state.remaining[platform] <= 0)
      return apiError(res, 403, 'QUOTA_EXHAUSTED', quotaExhausted[platform]);
    state.remaining[platform] -= 1;
    state.reveals.push({ platform, orderId, at: Date.now(), remainingAfter: state.remaining[platform] });
    const vn = o.virtualNumber;
    const body: RevealResponse = {
      ok: true,
      orderId,
      name: o.plain.name,
      // JD shows the real name and address but a virtual number, never the real phone (seed 001).
      phone: platform === 'jd' ? (vn ? `${vn.main}-${vn.ext}` : o.masked.phone) : o.plain.phone,
      address: plainOf(o).fullAddress,
      ...(vn && platform !== 'douyin' ? { virtual: vn } : {}),
      remaining: state.remaining[platform],
    };
    sendJson(res, 200, body);
  };

  const ship = async (platform: DemoPlatform, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let input: { csv?: unknown; rows?: unknown };
    try {
      input = JSON.parse(await readBody(req)) as { csv?: unknown; rows?: unknown };
    } catch {
      return apiError(res, 400, 'BAD_REQUEST', '请求格式错误');
    }
    const headers = shipHeaders[platform];
    let rows: { line: number; row: ShipRowInput }[];
    let source: DemoShipment['source'] = 'form';
    if (typeof input.csv === 'string') {
      source = 'csv';
      const table = parseCsv(input.csv);
      const head = (table[0] ?? []).map((h) => h.trim());
      const idx = headers.map((h) => head.indexOf(h));
      if (idx.some((i) => i < 0)) {
        return apiError(res, 400, 'BAD_HEADER', `文件表头应包含：${headers.join('，')}`);
      }
      rows = table.slice(1).map((r, k) => ({
        line: k + 2,
        row: {
          orderId: (r[idx[0]!] ?? '').trim(),
          carrier: (r[idx[1]!] ?? '').trim(),
          trackingNo: (r[idx[2]!] ?? '').trim(),
        },
      }));
    } else if (Array.isArray(input.rows)) {
      rows = (input.rows as Partial<ShipRowInput>[]).map((r, k) => ({
        line: k + 1,
        row: {
          orderId: String(r?.orderId ?? '').trim(),
          carrier: String(r?.carrier ?? '').trim(),
          trackingNo: String(r?.trackingNo ?? '').trim(),
        },
      }));
    } else {
      return apiError(res, 400, 'BAD_REQUEST', '请上传文件或填写发货信息');
    }
    if (rows.length === 0) return apiError(res, 400, 'EMPTY', '没有可发货的数据');
    const failed: { line: number; orderId: string; reason: string }[] = [];
    let succeeded = 0;
    for (const { line, row } of rows) {
      const o = byId.get(`${platform}:${row.orderId}`);
      let reason = '';
      if (!o) reason = '订单不存在';
      else if (statusOf(o) !== '待发货') reason = `订单状态为「${statusOf(o)}」，不可发货`;
      else if (row.carrier === '') reason = `${headers[1]}不能为空`;
      else if (!/^[A-Za-z0-9]{8,32}$/u.test(row.trackingNo)) reason = `${headers[2]}格式错误`;
      if (reason) {
        failed.push({ line, orderId: row.orderId, reason });
        continue;
      }
      const s: DemoShipment = {
        platform,
        orderId: row.orderId,
        carrier: row.carrier,
        trackingNo: row.trackingNo,
        at: Date.now(),
        source,
      };
      shipped.set(`${platform}:${row.orderId}`, s);
      state.shipments.push(s);
      succeeded++;
    }
    const body: ShipResponse = { ok: true, succeeded, failed };
    sendJson(res, 200, body);
  };

  const exportOrders = (platform: DemoPlatform, q: URLSearchParams, res: ServerResponse): void => {
    const { rows } = filtered(platform, q);
    const csv = exportCsv(
      platform,
      rows.map((o) => {
        const s = shipped.get(`${platform}:${o.orderId}`);
        return {
          order: o,
          status: statusOf(o),
          carrier: s?.carrier ?? o.carrier ?? '',
          trackingNo: s?.trackingNo ?? o.trackingNo ?? '',
        };
      }),
    );
    state.exports.push({ platform, at: Date.now(), lines: rows.length });
    const stamp = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19).replace(/[-:T]/gu, '');
    const names: Record<DemoPlatform, string> = { douyin: '订单导出', wechat: '订单列表', jd: '订单明细' };
    const filename = `${names[platform]}_${stamp}.csv`;
    send(res, 200, 'text/csv; charset=utf-8', csv, {
      'content-disposition': `attachment; filename="${platform}-orders-${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    });
  };

  /**
   * An order-list page: `?skin=2` serves the redesign (re-hashed class names, other row layout);
   * JD `?frame=1` draws the list in a same-origin child frame (`/orderList`) instead of the
   * shell's micro-app container. `listOnly`: the JD list app without the shell (the frame).
   */
  const page = async (
    platform: DemoPlatform,
    url: URL,
    res: ServerResponse,
    listOnly = false,
  ): Promise<void> => {
    const shop = demoShop(platform);
    const skin = skinOf(url.search);
    const cx = classNamer(platform, skin, seed);
    const file = listOnly ? 'jd-frame' : platform;
    let html = await readFile(`${pagesDir}${file}.html`, 'utf8');
    if (platform === 'jd') {
      const list = await readFile(`${pagesDir}jd-list.html`, 'utf8');
      const framed = !listOnly && url.searchParams.get('frame') === '1';
      const query = new URLSearchParams(url.searchParams);
      query.delete('frame');
      const src = `/orderList${query.size ? `?${query.toString()}` : ''}`;
      html = html.replace(
        '{{list}}',
        framed
          ? `<iframe class="@@jdm-frame" title="订单列表" src="${escapeHtml(src)}"></iframe>`
          : listOnly
            ? list
            : `<micro-app name="jdm-trade-orders" url="/orderList">${list}</micro-app>`,
      );
      if (framed) html = html.replace(/<script type="module"[^>]*><\/script>/u, '');
    }
    html = rewriteClasses(
      html
        .replaceAll('{{shopName}}', escapeHtml(shop.name))
        .replaceAll('{{shopId}}', escapeHtml(shop.id))
        .replaceAll('{{account}}', escapeHtml(shop.account))
        .replaceAll('{{build}}', `${seed} ${skin}`)
        .replaceAll('{{skin}}', String(skin)),
      cx,
    );
    send(res, 200, 'text/html; charset=utf-8', html);
  };

  const index = (res: ServerResponse): void => {
    const names: Record<DemoPlatform, string> = {
      douyin: '抖店 · 订单管理',
      wechat: '视频号小店 · 订单管理',
      jd: '京东商家 · 订单查询',
    };
    const links = demoPlatforms
      .map(
        (p) =>
          `<li><a href="${pagePath[p]}">${escapeHtml(names[p])}</a> (${escapeHtml(demoShop(p).name)})</li>`,
      )
      .join('');
    send(
      res,
      200,
      'text/html; charset=utf-8',
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>shipmask 演示后台</title></head><body><h1>shipmask 演示后台</h1><p>虚构的店铺与买家，仅供测试。</p><ul>${links}</ul></body></html>`,
    );
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').filter(Boolean);
    const method = req.method ?? 'GET';
    if (method === 'GET' && parts.length === 0) return index(res);
    // The real order-list paths (fxg.jinritemai.com/ffa/morder/order/list,
    // store.weixin.qq.com/shop/order/list, shop.jd.com/jdm/trade/orders/order-list and
    // /jdm/trade/order/orderList, trade-order-jdm.jd.com/orderList); the old demo paths redirect.
    const real = realPaths.get(url.pathname);
    if (method === 'GET' && real) return page(real.platform, url, res, real.listOnly);
    if (method === 'GET' && parts.length === 2 && isPlatform(parts[0]) && parts[1] === 'orders') {
      res.writeHead(302, { location: `${pagePath[parts[0]]}${url.search}` });
      res.end();
      return;
    }
    if (method === 'GET' && parts[0] === 'assets' && parts.length === 2) {
      const m = /^(douyin|wechat|jd|common)\.(js|css)$/u.exec(parts[1] ?? '');
      if (m) {
        if (m[2] === 'js') return send(res, 200, 'text/javascript; charset=utf-8', await bundle(m[1]!));
        const css = await readFile(`${pagesDir}${m[1]!}.css`, 'utf8');
        const platform = m[1]!;
        if (!isPlatform(platform)) return send(res, 200, 'text/css; charset=utf-8', css);
        const cx = classNamer(platform, skinOf(url.search), seed);
        return send(res, 200, 'text/css; charset=utf-8', rewriteClasses(css, cx));
      }
    }
    if (method === 'GET' && url.pathname === '/assets/fonts/noto-sans-sc.css') {
      const css = (await readFile(`${fontDir}index.css`, 'utf8')).replaceAll(
        'url(./files/',
        'url(/assets/fonts/files/',
      );
      return send(res, 200, 'text/css; charset=utf-8', css, { 'cache-control': 'max-age=86400' });
    }
    const font = /^\/assets\/fonts\/files\/([a-z0-9-]+\.woff2?)$/u.exec(url.pathname);
    if (method === 'GET' && font) {
      const data = await readFile(`${fontDir}files/${font[1]!}`).catch(() => null);
      if (!data) return apiError(res, 404, 'NOT_FOUND', '字体不存在');
      return send(res, 200, 'font/woff2', data, { 'cache-control': 'max-age=86400' });
    }
    if (method === 'GET' && url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (parts[0] === 'api' && method === 'POST' && parts[1] === 'reset' && parts.length === 2) {
      state.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (
      parts[0] === 'api' &&
      isPlatform(parts[1]) &&
      parts.length === 4 &&
      parts[2] === 'demo' &&
      method === 'POST' &&
      (parts[3] === 'refund' || parts[3] === 'address')
    )
      return demoControl(parts[1], parts[3], req, res);
    if (parts[0] === 'api' && isPlatform(parts[1]) && parts.length === 3) {
      const platform = parts[1];
      const action = `${method} ${parts[2]}`;
      switch (action) {
        case 'GET orders':
          return sendJson(res, 200, listOrders(platform, url.searchParams));
        case 'POST reveal':
          return reveal(platform, req, res);
        case 'GET export':
          return exportOrders(platform, url.searchParams, res);
        case 'POST ship':
          return ship(platform, req, res);
        case 'POST print':
          return printOrders(platform, req, res);
        case 'POST reset':
          state.reset(platform);
          return sendJson(res, 200, { ok: true });
        case 'GET state':
          return sendJson(res, 200, {
            remaining: state.remaining[platform],
            reveals: state.reveals.filter((r) => r.platform === platform).length,
            shipments: state.shipments.filter((s) => s.platform === platform),
            printed: [...printed]
              .filter((k) => k.startsWith(`${platform}:`))
              .map((k) => k.slice(platform.length + 1)),
            refunds: [...refunds]
              .filter((k) => k.startsWith(`${platform}:`))
              .map((k) => k.slice(platform.length + 1)),
            addressChanged: [...moved]
              .filter((k) => k.startsWith(`${platform}:`))
              .map((k) => k.slice(platform.length + 1)),
          });
      }
    }
    apiError(res, 404, 'NOT_FOUND', '页面不存在');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) apiError(res, 500, 'INTERNAL', String(e));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    seed,
    pages: {
      douyin: `${url}${pagePath.douyin}`,
      wechat: `${url}${pagePath.wechat}`,
      jd: `${url}${pagePath.jd}`,
    },
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

// CLI: `npx tsx test/demo/server.ts [--port N] [--seed N]`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const demo = await startDemoServer({
    port: Number(arg('port') ?? process.env.PORT ?? 8790),
    seed: Number(arg('seed') ?? DEFAULT_SEED),
  });
  console.log(`shipmask demo back-offices (seed ${demo.seed}):`);
  console.log(`  抖店        ${demo.pages.douyin}`);
  console.log(`  视频号小店  ${demo.pages.wechat}`);
  console.log(`  京东商家    ${demo.pages.jd}`);
  console.log('Ctrl-C to stop.');
  process.on('SIGINT', () => void demo.close().then(() => process.exit(0)));
}
