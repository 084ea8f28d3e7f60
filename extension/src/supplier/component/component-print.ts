/**
 * The supplier page's print-component path (issues 8 and 16): orders that carry platform
 * ciphertext are printed by the supplier's OWN local print component (打印组件) over a WebSocket to
 * 127.0.0.1, and only with real print data: a print-data file (core `parsePrintDataFile`: the
 * e-waybill API's signed print data per waybill, from the merchant's authorised 打单 software)
 * passed through untouched. An order's own receiver ciphertext is not print data (a real
 * component refuses it: no signature), so an order without print data is not sent; it prints
 * through the platform's own print (the supplier hand-off issue routes it).
 *
 * Rule (issue 8: "nothing the page does leaves the machine: its only connection is to the
 * supplier's own print component on 127.0.0.1"): the only socket this page opens goes through
 * {@link localSocket}, which refuses every URL but `ws://127.0.0.1:<port>/`; the page's CSP says
 * the same (`connect-src ws://127.0.0.1:*`), so the browser enforces it a second time.
 *
 * The WebSocket client and the document contents are the merchant print page's own
 * (`../print/component-client`, `../print/build`: no extension API), tasks are split with core's
 * `splitPrintTask` (Cainiao family: one document per task, as Cainiao advises; Kuaishou ≤ 10).
 * @module
 */
import {
  buildPrintRequest,
  componentEndpoint,
  getPrintComponent,
  printComponents,
  splitPrintTask,
  type HandoffBatch,
  type HandoffOrder,
  type PrintDataEntry,
  type PrintTask,
  type TaskResult,
} from '@shipmask/core';
import { componentContents } from '../../print/build';
import { ComponentClient, ComponentError } from '../../print/component-client';

/** The one host the page may contact. */
export const LOCAL_HOST = '127.0.0.1';

/** Components offered (those with a known default port), in the order the menu shows them. */
export const COMPONENT_IDS = ['douyin', 'cainiao', 'pdd', 'kuaishou', 'jd', 'wechat'] as const;

/** Default component per hand-off platform. */
export const COMPONENT_OF_PLATFORM: Record<HandoffBatch['platform'], (typeof COMPONENT_IDS)[number]> = {
  douyin: 'douyin',
  wechat: 'wechat',
  jd: 'jd',
};

/**
 * The default port of a component (its first documented port).
 * @example
 * defaultPort('douyin'); // 13888
 */
export function defaultPort(component: string): number {
  return getPrintComponent(component)?.defaultPorts[0] ?? printComponents.cainiao.defaultPorts[0];
}

/**
 * The component URL for a port typed by the supplier: `ws://127.0.0.1:<port>` plus the
 * component's own path from its record (Kuaishou `/ks/printer`, core `componentEndpoint`), or
 * `undefined` when the port is not an integer 1–65535. Only the port is user input; the host and
 * path are fixed.
 * @example
 * componentUrl('13888'); // 'ws://127.0.0.1:13888'
 * componentUrl('16888', 'kuaishou'); // 'ws://127.0.0.1:16888/ks/printer'
 * componentUrl('80; evil.example'); // undefined
 */
export function componentUrl(port: string | number, component = 'douyin'): string | undefined {
  const text = String(port).trim();
  if (!/^\d{1,5}$/u.test(text)) return undefined;
  const r = componentEndpoint(component, { port: text, host: LOCAL_HOST });
  if (!r.ok) return undefined;
  return r.path === '/' ? `ws://${LOCAL_HOST}:${r.port}` : r.url;
}

/** Paths a component serves (from the records), besides `/`. */
const COMPONENT_PATHS = new Set<string>(
  Object.values(printComponents).flatMap((c) => ('path' in c && typeof c.path === 'string' ? [c.path] : [])),
);

/**
 * True only for `ws://127.0.0.1:<port>` (optionally with a trailing `/`, or a component's own
 * path from its record: Kuaishou `/ks/printer`): no other host, scheme, path, query, fragment or
 * user info. `localhost`, `[::1]`, `127.0.0.2`, `wss:` are all refused
 * (one exact address is what the CSP allows too).
 * @example
 * isLocalComponentUrl('ws://127.0.0.1:13888'); // true
 * isLocalComponentUrl('ws://evil.example:13888'); // false
 */
export function isLocalComponentUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // The port as written (the URL parser drops ws's default port 80, so `u.port` may be empty).
  const written = /^ws:\/\/127\.0\.0\.1:(\d{1,5})(?:\/|\/ks\/printer)?$/u.exec(url);
  const port = written ? Number(written[1]) : 0;
  return (
    u.protocol === 'ws:' &&
    u.hostname === LOCAL_HOST &&
    port >= 1 &&
    port <= 65535 &&
    u.username === '' &&
    u.password === '' &&
    (u.pathname === '/' || COMPONENT_PATHS.has(u.pathname)) &&
    u.search === '' &&
    u.hash === '' &&
    // The parsed URL must be the text given (no host hidden by parser quirks).
    /^ws:\/\/127\.0\.0\.1:\d{1,5}(\/|\/ks\/printer)?$/u.test(url)
  );
}

/**
 * The socket factory of the page: opens a WebSocket to the local component, throws
 * `ComponentError` for any other URL (no socket is created).
 * @example
 * ComponentClient.connect({ component: 'douyin', url, socket: localSocket });
 */
export function localSocket(
  url: string,
  make: (url: string) => WebSocket = (u) => new WebSocket(u),
): WebSocket {
  if (!isLocalComponentUrl(url))
    throw new ComponentError(`refused: only ws://${LOCAL_HOST} may be contacted`);
  return make(url);
}

/**
 * Connect to the supplier's component on `port`; rejects with `ComponentError` when the port is
 * invalid or nothing listens (the component is not running).
 * @example
 * const client = await connectLocalComponent('douyin', 13888, { onResult });
 */
export function connectLocalComponent(
  component: string,
  port: string | number,
  options: {
    onResult?: (tasks: readonly TaskResult[]) => void;
    onClose?: () => void;
    timeoutMs?: number;
  } = {},
): Promise<ComponentClient> {
  const url = componentUrl(port, component);
  if (!url) return Promise.reject(new ComponentError('bad port'));
  return ComponentClient.connect({ component, url, socket: (u) => localSocket(u), ...options });
}

/** One order to print through the component, with its real print data. */
export interface ComponentOrder {
  readonly order: HandoffOrder;
  readonly printData: PrintDataEntry;
}

/** What happened to one order. */
export type OrderPrintState = 'sent' | 'printed' | 'failed' | 'unknown';

/**
 * The tasks for a component: one document per order (`documentID` = order id, `waybillCode` =
 * the waybill the print data was issued for) whose contents are the order's print data untouched
 * (`componentContents`), split by core's `splitPrintTask` into tasks the component accepts. A
 * print-data entry for another order is refused (typed message), and so is anything core's codec
 * would not send (checked here, before any socket is used).
 * @example
 * componentTasks('douyin', [{ order, printData }], '', 'sp-abc');
 */
export function componentTasks(
  component: string,
  orders: readonly ComponentOrder[],
  printer: string,
  jobId: string,
): { ok: true; tasks: readonly PrintTask[] } | { ok: false; message: string } {
  for (const o of orders) {
    if (o.printData.orderId !== o.order.orderId) {
      return { ok: false, message: `print data of ${o.printData.orderId} is not for ${o.order.orderId}` };
    }
  }
  const task: PrintTask = {
    taskID: `${jobId}-0`,
    preview: false,
    printer,
    documents: orders.map((o) => ({
      documentID: o.order.orderId,
      waybillCode: o.printData.waybillCode,
      contents: componentContents(o.printData),
    })),
  };
  const r = splitPrintTask(component, task, (i) => `${jobId}-${i}`);
  if (!r.ok) return { ok: false, message: r.error.message };
  for (const t of r.tasks) {
    const built = buildPrintRequest(component, { kind: 'print', requestID: t.taskID, task: t });
    if (!built.ok) return { ok: false, message: built.error.message };
  }
  return { ok: true, tasks: r.tasks };
}

/**
 * Per-order states from results (pushed `notifyPrintResult`, or task status): a document's own
 * status when listed, else its task's. Final states are never overwritten.
 * @example
 * applyResults(states, tasks, results); // Map { '6920…' => 'printed' }
 */
export function applyResults(
  states: ReadonlyMap<string, OrderPrintState>,
  tasks: readonly PrintTask[],
  results: readonly TaskResult[],
): Map<string, OrderPrintState> {
  const next = new Map(states);
  const byTask = new Map(tasks.map((t) => [t.taskID, t]));
  for (const r of results) {
    const task = byTask.get(r.taskID);
    if (!task) continue;
    for (const d of task.documents) {
      const cur = next.get(d.documentID);
      if (cur === 'printed' || cur === 'failed') continue;
      const status = r.documents.find((x) => x.documentID === d.documentID)?.status ?? r.status;
      if (status === 'printed') next.set(d.documentID, 'printed');
      else if (status === 'failed' || status === 'canceled') next.set(d.documentID, 'failed');
    }
  }
  return next;
}

/**
 * Send the tasks one after another and collect per-order states until every order is final or
 * `waitMs` passes after the last send (then the component is asked for the status of what is
 * left; what it cannot tell stays `unknown`: the supplier checks the printer — nothing is resent
 * blindly, so no label prints twice). `onChange` gets every new state map.
 * @example
 * await printTasks(client, tasks, subscribe, (s) => render(s));
 */
export async function printTasks(
  client: Pick<ComponentClient, 'print' | 'taskStatus'>,
  tasks: readonly PrintTask[],
  subscribe: (listener: (results: readonly TaskResult[]) => void) => () => void,
  onChange: (states: ReadonlyMap<string, OrderPrintState>) => void,
  options: { waitMs?: number } = {},
): Promise<ReadonlyMap<string, OrderPrintState>> {
  let states = new Map<string, OrderPrintState>();
  const done = (): boolean => [...states.values()].every((s) => s === 'printed' || s === 'failed');
  let wake = (): void => undefined;
  const update = (next: Map<string, OrderPrintState>): void => {
    states = next;
    onChange(states);
    wake();
  };
  const unsubscribe = subscribe((results) => update(applyResults(states, tasks, results)));
  try {
    for (const task of tasks) {
      const next = new Map(states);
      for (const d of task.documents) if (!next.has(d.documentID)) next.set(d.documentID, 'sent');
      update(next);
      let ack: { ok: boolean; message?: string };
      try {
        ack = await client.print(task);
      } catch {
        ack = { ok: false, message: 'connection lost' };
      }
      if (!ack.ok) {
        update(applyResults(states, tasks, [{ taskID: task.taskID, status: 'failed', documents: [] }]));
      }
    }
    if (tasks.length === 0) return states;
    // Wait for the pushed results (woken by each one; a timer bounds every wait).
    const deadline = Date.now() + (options.waitMs ?? 15_000);
    while (!done() && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 250);
      });
    }
    const open = tasks.filter((t) => t.documents.some((d) => states.get(d.documentID) === 'sent'));
    if (open.length > 0) {
      try {
        update(applyResults(states, tasks, await client.taskStatus(open.map((t) => t.taskID))));
      } catch {
        // No task status (JD, WeChat) or the socket closed: what is left stays unknown.
      }
      const left = new Map(states);
      for (const [id, s] of left) if (s === 'sent') left.set(id, 'unknown');
      if ([...left].some(([id, s]) => states.get(id) !== s)) update(left);
    }
    return states;
  } finally {
    unsubscribe();
  }
}
