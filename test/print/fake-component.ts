// A fake local print component speaking the Cainiao-standard protocol over WebSocket on
// 127.0.0.1, as its public documentation describes it: `getPrinters`, `print` (a task of
// documents, each with encrypted or plain contents), `getTaskStatus`, and the pushed
// `notifyPrintResult`. It records everything it receives, so tests can assert that every label
// was printed exactly once. Written from the protocol description, independent of core's codec.
//
// It refuses what the real components refuse (issue 16), so a test that sends stand-in data
// fails: an encrypted content without `signature` (the component verifies the e-waybill API's
// signature; an order's receiver ciphertext has none), a Douyin content without `params` (the
// signed logistics.getShopKey query string), a Kuaishou document without `waybillCode` /
// `ksOrderFlag: true` or a content without `key`, and a Kuaishou connection on any path but
// `/ks/printer` (gavin-hao/ec-print src/interfaces.ts and src/providers/kuaishou.ts).
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';

export interface FakePrintedDocument {
  readonly taskID: string;
  readonly documentID: string;
  readonly printer: string;
  readonly contents: unknown[];
  readonly at: number;
}

/** Which real component the fake behaves like. */
export type FakeFlavour = 'cainiao' | 'douyin' | 'pdd' | 'kuaishou' | 'xiaohongshu';

export interface FakeComponentOptions {
  /** Default `cainiao`. */
  readonly flavour?: FakeFlavour;
  /** 0 = random free port (default). The real Cainiao component listens on 13528 (ws) / 13529 (wss). */
  readonly port?: number;
  readonly printers?: readonly string[];
  /** Milliseconds the fake "printer" takes per document before notifying (default 0). */
  readonly msPerDocument?: number;
}

export interface FakeComponent {
  readonly url: string;
  readonly port: number;
  /** Every message received, parsed (or the raw text when it was not JSON). */
  readonly received: unknown[];
  /** Every document printed, in order. */
  readonly printed: FakePrintedDocument[];
  /** Print requests refused, with the component's message. */
  readonly refused: { readonly taskID: string; readonly msg: string }[];
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Why the real component would refuse this document, or undefined. */
function refusal(flavour: FakeFlavour, doc: Json): string | undefined {
  if (!text(doc.documentID)) return 'documentID is required';
  const contents = Array.isArray(doc.contents) ? doc.contents : [];
  if (contents.length === 0) return 'contents are required';
  if (flavour === 'kuaishou') {
    if (doc.ksOrderFlag !== true) return 'ksOrderFlag must be true';
    if (!text(doc.waybillCode)) return 'waybillCode is required';
  }
  for (const c of contents) {
    if (!isObject(c) || !text(c.templateURL)) return 'templateURL is required';
    if ('encryptedData' in c) {
      if (!text(c.encryptedData)) return 'encryptedData is empty';
      if (!text(c.signature)) return '签名校验失败: signature is required';
      if (flavour === 'douyin' && !text(c.params)) return 'params is required (logistics.getShopKey)';
      if (flavour === 'kuaishou' && !text(c.key)) return 'key is required';
    } else if (flavour === 'kuaishou' ? !isObject(c.customData) : !isObject(c.data)) {
      return flavour === 'kuaishou' ? 'customData is required' : 'data is required';
    }
  }
  return undefined;
}

/** Start the fake component. */
export async function startFakePrintComponent(options: FakeComponentOptions = {}): Promise<FakeComponent> {
  const printers = options.printers ?? ['Fake Thermal 76x130', 'Fake Thermal 100x150'];
  const flavour = options.flavour ?? 'cainiao';
  const received: unknown[] = [];
  const printed: FakePrintedDocument[] = [];
  const refused: { taskID: string; msg: string }[] = [];
  const taskStatus = new Map<string, { documentID: string; status: string }[]>();
  /** Document ids of every task received. */
  const tasks = new Map<string, string[]>();
  // Kuaishou serves one path; the `ws` server refuses the upgrade on any other.
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    ...(flavour === 'kuaishou' ? { path: '/ks/printer' } : {}),
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const port = (wss.address() as AddressInfo).port;

  const send = (ws: WebSocket, msg: Json): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };

  wss.on('connection', (ws) => {
    ws.on('message', (data) => {
      const text = data.toString();
      let msg: unknown;
      try {
        msg = JSON.parse(text);
      } catch {
        received.push(text);
        send(ws, { cmd: 'error', status: 'failed', msg: 'invalid json' });
        return;
      }
      received.push(msg);
      if (!isObject(msg)) return;
      const requestID = msg.requestID;
      switch (msg.cmd) {
        case 'getPrinters':
          send(ws, {
            cmd: 'getPrinters',
            requestID,
            status: 'success',
            defaultPrinter: printers[0],
            printers: printers.map((name) => ({ name })),
          });
          return;
        case 'print': {
          const task = isObject(msg.task) ? msg.task : undefined;
          const taskID = typeof task?.taskID === 'string' ? task.taskID : '';
          const documents = Array.isArray(task?.documents) ? task.documents.filter(isObject) : [];
          const printer =
            typeof task?.printer === 'string' && task.printer ? task.printer : (printers[0] ?? '');
          const problem =
            !taskID || documents.length === 0
              ? 'task.taskID and task.documents are required'
              : documents.map((d) => refusal(flavour, d)).find((m) => m !== undefined);
          if (problem) {
            refused.push({ taskID, msg: problem });
            send(ws, { cmd: 'print', requestID, taskID, status: 'failed', msg: problem });
            return;
          }
          send(ws, { cmd: 'print', requestID, taskID, status: 'success' });
          const statuses: { documentID: string; status: string }[] = [];
          taskStatus.set(taskID, statuses);
          tasks.set(
            taskID,
            documents.map((d) => String(d.documentID ?? '')),
          );
          void (async () => {
            for (const doc of documents) {
              if (options.msPerDocument) await new Promise((r) => setTimeout(r, options.msPerDocument));
              const documentID = String(doc.documentID ?? '');
              printed.push({
                taskID,
                documentID,
                printer,
                contents: Array.isArray(doc.contents) ? doc.contents : [],
                at: Date.now(),
              });
              statuses.push({ documentID, status: 'success' });
            }
            send(ws, {
              cmd: 'notifyPrintResult',
              taskID,
              printer,
              taskStatus: 'printed',
              printStatus: statuses.map((s) => ({
                documentID: s.documentID,
                status: s.status,
                msg: '',
                detail: '',
              })),
            });
          })();
          return;
        }
        case 'getTaskStatus': {
          // One entry per document of each known task (`success` once printed, else `pending`);
          // a task this component never received is listed with status `unknown`.
          const ids = Array.isArray(msg.taskID) ? msg.taskID.map(String) : [];
          send(ws, {
            cmd: 'getTaskStatus',
            requestID,
            status: 'success',
            printStatus: ids.flatMap((taskID) => {
              const task = tasks.get(taskID);
              if (!task) return [{ taskID, status: 'unknown' }];
              const done = new Map((taskStatus.get(taskID) ?? []).map((s) => [s.documentID, s.status]));
              return task.map((documentID) => ({
                taskID,
                documentID,
                status: done.get(documentID) ?? 'pending',
              }));
            }),
          });
          return;
        }
        default:
          send(ws, { cmd: String(msg.cmd ?? ''), requestID, status: 'failed', msg: 'unknown cmd' });
      }
    });
  });

  return {
    url: `ws://127.0.0.1:${port}${flavour === 'kuaishou' ? '/ks/printer' : ''}`,
    port,
    received,
    printed,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}

export interface FakeWechatComponent {
  readonly url: string;
  readonly port: number;
  readonly received: unknown[];
  /** Every task printed: the WeChat taskID and its printInfo. */
  readonly printed: { readonly taskID: string; readonly printInfo: string; readonly customInfo?: unknown }[];
  close(): Promise<void>;
}

/**
 * A fake WeChat shop print component (12705 protocol, developers.weixin.qq.com
 * /doc/store/API/ewaybill/print_order.html): `getPrinterList`, and `print` with version "2.0" and
 * `taskList[{ taskID, printInfo, printNum }]`, answered with `results[{ taskID, ewaybillOrderID,
 * success, failureReason }]`. A task without `printInfo`, or a request without version 2.0, fails.
 * `ewaybillOrderIdOf(printInfo)` plays the platform (the id the print message encodes).
 */
export async function startFakeWechatComponent(
  options: { port?: number; ewaybillOrderIdOf?: (printInfo: string) => string | undefined } = {},
): Promise<FakeWechatComponent> {
  const received: unknown[] = [];
  const printed: { taskID: string; printInfo: string; customInfo?: unknown }[] = [];
  const wss = new WebSocketServer({ host: '127.0.0.1', port: options.port ?? 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const port = (wss.address() as AddressInfo).port;
  wss.on('connection', (ws) => {
    const send = (msg: Json): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
    };
    ws.on('message', (data) => {
      let msg: unknown;
      try {
        msg = JSON.parse(data.toString());
      } catch {
        return;
      }
      received.push(msg);
      if (!isObject(msg)) return;
      const { command, requestID } = msg;
      if (command === 'getPrinterList') {
        send({
          command,
          requestID,
          printerList: [{ name: '_KM_202_NEW_', displayName: 'KM-202(NEW)', status: 3 }],
        });
        return;
      }
      if (command !== 'print') return;
      const tasks = Array.isArray(msg.taskList) ? msg.taskList.filter(isObject) : [];
      const results = tasks.map((t) => {
        const taskID = typeof t.taskID === 'string' ? t.taskID : '';
        const info = typeof t.printInfo === 'string' ? t.printInfo : '';
        const ewaybillOrderID = info ? options.ewaybillOrderIdOf?.(info) : undefined;
        const failure =
          msg.version !== '2.0'
            ? 'version 2.0 is required'
            : !info
              ? 'printInfo is required'
              : ewaybillOrderID === undefined
                ? '打印报文无效'
                : '';
        if (!failure)
          printed.push({ taskID, printInfo: info, ...(t.customInfo ? { customInfo: t.customInfo } : {}) });
        return { taskID, ewaybillOrderID: ewaybillOrderID ?? '', success: !failure, failureReason: failure };
      });
      send({ command, requestID, results });
    });
  });
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    received,
    printed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}

export interface FakeJdComponent {
  readonly url: string;
  readonly port: number;
  /** Every message received, parsed (or the raw text when it was not JSON). */
  readonly received: unknown[];
  /** Every waybill printed: the request `key`, its position, the printer and its print data. */
  readonly printed: {
    readonly key: string;
    readonly index: number;
    readonly printer: string;
    readonly printData: string;
    readonly tempUrl: string;
  }[];
  /** Requests refused, with the component's message. */
  readonly refused: { readonly key: string; readonly message: string }[];
  close(): Promise<void>;
}

/**
 * A fake JD print component (京东打印组件, ws://localhost:9113, protocol version "2"), as
 * gavin-hao/ec-print `src/providers/jingdong.ts` and `src/interfaces.ts` describe it: requests
 * `{ orderType, version, key, parameters }` with `orderType` `GET_Printers`, `PRINT` or `PRE_View`;
 * replies `{ code, key, success, message }` where `code` says what they answer (`"2"` print, `"6"`
 * printer list, `"8"` preview) and `success` is the STRING `"true"` / `"false"`; printers in
 * `detailinfo.printers`, or (`printerList: 'content'`, some component versions) as one
 * comma-separated `content` string. It has no task status and no pushed notifications: the print
 * reply comes once the waybills are out.
 *
 * It refuses what the real one refuses: any other `orderType` or `version`, a request without
 * `key`, a print without `tempUrl` (the standard template) or without `printData` (one non-empty
 * 无界电子面单 print-data string per waybill: an object, an empty string or a missing entry is not
 * JD print data), `customData` not one per waybill, and a printer it does not list.
 */
export async function startFakeJdComponent(
  options: {
    port?: number;
    printers?: readonly string[];
    printerList?: 'detailinfo' | 'content';
    msPerDocument?: number;
  } = {},
): Promise<FakeJdComponent> {
  const printers = options.printers ?? ['JD KM-118', 'JD Thermal 100x113'];
  const received: unknown[] = [];
  const printed: FakeJdComponent['printed'] = [];
  const refused: { key: string; message: string }[] = [];
  const wss = new WebSocketServer({ host: '127.0.0.1', port: options.port ?? 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const port = (wss.address() as AddressInfo).port;
  wss.on('connection', (ws) => {
    const send = (msg: Json): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
    };
    ws.on('message', (data) => {
      const raw = data.toString();
      let msg: unknown;
      try {
        msg = JSON.parse(raw);
      } catch {
        received.push(raw);
        send({ code: '0', success: 'false', message: 'invalid json' });
        return;
      }
      received.push(msg);
      if (!isObject(msg)) return;
      const key = typeof msg.key === 'string' ? msg.key : '';
      const orderType = msg.orderType;
      const code = orderType === 'GET_Printers' ? '6' : orderType === 'PRE_View' ? '8' : '2';
      const refuse = (message: string): void => {
        refused.push({ key, message });
        send({ code, key, success: 'false', message });
      };
      if (orderType !== 'GET_Printers' && orderType !== 'PRINT' && orderType !== 'PRE_View') {
        return refuse(`unknown orderType ${String(orderType)}`);
      }
      if (msg.version !== '2') return refuse('protocol version 2 is required');
      if (!key) return refuse('key is required');
      if (orderType === 'GET_Printers') {
        send(
          options.printerList === 'content'
            ? { code, key, success: 'true', message: '', content: printers.join(',') }
            : { code, key, success: 'true', message: '', detailinfo: { printers: [...printers] } },
        );
        return;
      }
      const p = isObject(msg.parameters) ? msg.parameters : {};
      const printData = Array.isArray(p.printData) ? p.printData : [];
      const tempUrl = typeof p.tempUrl === 'string' ? p.tempUrl : '';
      const printer = typeof p.printName === 'string' && p.printName ? p.printName : (printers[0] ?? '');
      if (!/^https?:\/\//u.test(tempUrl)) return refuse('tempUrl is required (the standard template)');
      if (printData.length === 0) return refuse('printData is required');
      if (!printData.every(text)) return refuse('printData must be the 无界电子面单 print data strings');
      if (
        p.customData !== undefined &&
        (!Array.isArray(p.customData) || p.customData.length !== printData.length)
      ) {
        return refuse('customData must have one entry per waybill');
      }
      if (!printers.includes(printer)) return refuse(`打印机不存在: ${printer}`);
      if (orderType === 'PRE_View') {
        send({
          code,
          key,
          success: 'true',
          message: '',
          content: `data:image/png;base64,${Buffer.from(key).toString('base64')}`,
        });
        return;
      }
      void (async () => {
        for (const [index, d] of printData.entries()) {
          if (options.msPerDocument) await new Promise((r) => setTimeout(r, options.msPerDocument));
          printed.push({ key, index, printer, printData: d, tempUrl });
        }
        send({ code, key, success: 'true', message: '打印成功' });
      })();
    });
  });
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    received,
    printed,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}
