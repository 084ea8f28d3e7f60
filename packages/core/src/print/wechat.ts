/**
 * The WeChat shop (视频号小店 / 微信小店) print component (`ws://127.0.0.1:12705`), per the
 * 微信小店 developer docs (电子面单打印组件, 打印面单, 获取打印机列表):
 * - `{ command: "getPrinterList", requestID }` → `{ command, requestID, printerList: [{ name,
 *   displayName, status }] }`;
 * - `{ command: "print", version: "2.0", requestID, printType: 1, printer, taskList: [{ taskID,
 *   printInfo, printNum: { curNum, sumNum }, customInfo?: { templateUrl, data } }] }`,
 *   `printInfo` being the opaque `print_info` the 获取打印报文 / 电子面单取号 API returned (passed
 *   through untouched), `customInfo` an optional per-task custom area
 *   (developers.weixin.qq.com/doc/store/API/ewaybill/print_order.html) → a reply
 *   `{ command, requestID, results: [{ taskID, ewaybillOrderID, success, failureReason }] }`
 *   (older builds answered `taskList` with the same members; both are read).
 * Each waybill is its own WeChat task: a document's `documentID` is sent as the WeChat `taskID`.
 * After printing, the platform requires the print-success notice (打印成功通知
 * `ewaybill_printorder` / 批量打印通知 `ewaybill_batchprintorder`, server-side with the shop's
 * access token) and shipping is a separate call (订单发货); {@link wechatPrintNotice} builds the
 * notice body from the results, ready for an integrator to send.
 * @module
 */
import { arr, bool, field, obj, readObject, str, list } from './read.js';
import type {
  BuildResult,
  PrintDocument,
  PrintMessage,
  PrintRequest,
  RequestParse,
  TaskResult,
} from './types.js';

/** Print protocol version the WeChat component requires. */
export const WECHAT_PRINT_VERSION = '2.0';

const bad = (message: string): BuildResult => ({ ok: false, error: { code: 'bad-field', message } });
const nonEmpty = (s: unknown): s is string => typeof s === 'string' && s.length > 0;

/**
 * Builds the JSON text of a request for the WeChat shop print component. Every document holds
 * exactly one `printInfo` content. Preview and task status are not part of this codec.
 * Never throws.
 * @example
 * buildWechatRequest({ kind: 'getPrinters', requestID: 'r1' });
 * // { ok: true, json: '{"command":"getPrinterList","requestID":"r1"}' }
 */
export function buildWechatRequest(request: PrintRequest): BuildResult {
  if (!request || typeof request !== 'object') return bad('Missing request.');
  if (!nonEmpty(request.requestID)) return bad('A request needs a requestID.');
  if (request.kind === 'getPrinters') {
    return { ok: true, json: JSON.stringify({ command: 'getPrinterList', requestID: request.requestID }) };
  }
  if (request.kind !== 'print') {
    return { ok: false, error: { code: 'unsupported', message: 'No task-status command.' } };
  }
  const task = request.task;
  if (task?.preview === true) {
    return { ok: false, error: { code: 'unsupported', message: 'Preview is not modelled for WeChat.' } };
  }
  const docs = list(task?.documents);
  if (docs.length === 0) return bad('A print needs at least one document.');
  const first = Number.isInteger(task.firstDocumentNumber) ? task.firstDocumentNumber! : 1;
  const sum = Number.isInteger(task.totalDocumentCount) ? task.totalDocumentCount! : docs.length;
  const taskList = [];
  for (const [i, d] of docs.entries()) {
    const cs = list(d?.contents);
    const c = cs.length === 1 ? cs[0] : undefined;
    if (!d || !nonEmpty(d.documentID) || c?.kind !== 'printInfo' || !nonEmpty(c.printInfo)) {
      return bad('A WeChat document needs a documentID and exactly one printInfo content.');
    }
    const custom = c.customInfo;
    if (
      custom !== undefined &&
      (custom === null || !nonEmpty(custom.templateUrl) || !custom.data || typeof custom.data !== 'object')
    ) {
      return bad('A WeChat customInfo needs templateUrl and data.');
    }
    taskList.push({
      taskID: d.documentID,
      printInfo: c.printInfo,
      printNum: { curNum: first + i, sumNum: sum },
      ...(custom ? { customInfo: { templateUrl: custom.templateUrl, data: custom.data } } : {}),
    });
  }
  return {
    ok: true,
    json: JSON.stringify({
      command: 'print',
      version: WECHAT_PRINT_VERSION,
      requestID: request.requestID,
      taskList,
      printType: 1,
      printer: typeof task.printer === 'string' ? task.printer : '',
    }),
  };
}

/**
 * Reads a WeChat request back (fake component, print log). The task id is the request id.
 * Never throws.
 * @example
 * parseWechatRequest('{"command":"getPrinterList","requestID":"r1"}');
 * // { ok: true, request: { kind: 'getPrinters', requestID: 'r1' } }
 */
export function parseWechatRequest(raw: unknown): RequestParse {
  const r = readObject(raw);
  if (!r.ok) return r;
  const m = r.value;
  const command = str(m, 'command');
  const requestID = str(m, 'requestID');
  if (command === undefined) {
    return { ok: false, error: { code: 'missing-command', message: 'No command.' } };
  }
  if (requestID === undefined) return { ok: false, error: { code: 'bad-field', message: 'No requestID.' } };
  if (command === 'getPrinterList') return { ok: true, request: { kind: 'getPrinters', requestID } };
  if (command !== 'print') {
    return { ok: false, error: { code: 'unsupported', message: `Command ${command} is not modelled.` } };
  }
  const list = arr(m, 'taskList');
  const documents = list.flatMap((t): PrintDocument[] => {
    const documentID = str(t, 'taskID');
    const printInfo = str(t, 'printInfo');
    if (documentID === undefined || printInfo === undefined) return [];
    const ci = obj(t, 'customInfo');
    const templateUrl = str(ci, 'templateUrl');
    const data = obj(ci, 'data');
    const customInfo =
      templateUrl !== undefined && data !== undefined ? { customInfo: { templateUrl, data } } : {};
    return [{ documentID, contents: [{ kind: 'printInfo', printInfo, ...customInfo }] }];
  });
  const num = field(list[0], 'printNum');
  const cur = field(num, 'curNum');
  const sum = field(num, 'sumNum');
  return {
    ok: true,
    request: {
      kind: 'print',
      requestID,
      task: {
        taskID: requestID,
        preview: false,
        printer: str(m, 'printer') ?? '',
        documents,
        // Numbering is only part of the request when it is not the default 1..n.
        ...(typeof cur === 'number' && cur !== 1 ? { firstDocumentNumber: cur } : {}),
        ...(typeof sum === 'number' && sum !== documents.length ? { totalDocumentCount: sum } : {}),
      },
    },
  };
}

/**
 * Parses any WeChat component reply into the one {@link PrintMessage} union. A print reply
 * (`results[]`, or `taskList[]` from older builds) becomes a `print-result` with one task per
 * waybill, each document carrying its `ewaybillOrderID` when the component names it. Never throws.
 * @example
 * parseWechatMessage('{"command":"print","requestID":"r1","results":[{"taskID":"d1","ewaybillOrderID":"9","success":true}]}');
 * // { kind: 'print-result', component: 'wechat', requestID: 'r1', tasks: [{ taskID: 'd1', status: 'printed', documents: [{ documentID: 'd1', status: 'printed', ewaybillOrderID: '9' }] }] }
 */
export function parseWechatMessage(raw: unknown): PrintMessage {
  const component = 'wechat';
  const r = readObject(raw);
  if (!r.ok) return { kind: 'error', component, error: r.error };
  const m = r.value;
  const command = str(m, 'command');
  const requestID = str(m, 'requestID');
  const rid = requestID !== undefined ? { requestID } : {};
  if (command === undefined) {
    return { kind: 'error', component, error: { code: 'missing-command', message: 'No command.' } };
  }
  if (command === 'getPrinterList') {
    const printers = arr(m, 'printerList').flatMap((p) => {
      const name = str(p, 'name');
      if (name === undefined) return [];
      const displayName = str(p, 'displayName');
      const status = field(p, 'status');
      return [
        {
          name,
          ...(displayName !== undefined ? { displayName } : {}),
          ...(typeof status === 'number' || typeof status === 'string' ? { status } : {}),
        },
      ];
    });
    return { kind: 'printers', component, ...rid, printers };
  }
  if (command === 'print') {
    const tasks: TaskResult[] = arr(m, 'results', 'taskList').flatMap((t) => {
      const taskID = str(t, 'taskID');
      if (taskID === undefined) return [];
      const success = bool(t, 'success');
      const status = success === true ? 'printed' : success === false ? 'failed' : 'unknown';
      const reason = str(t, 'failureReason');
      const message = reason ? { message: reason } : {};
      const ewaybillOrderID = str(t, 'ewaybillOrderID');
      const eid = ewaybillOrderID ? { ewaybillOrderID } : {};
      return [
        { taskID, status, documents: [{ documentID: taskID, status, ...message, ...eid }], ...message },
      ];
    });
    return { kind: 'print-result', component, ...rid, tasks };
  }
  const message = str(m, 'msg', 'message', 'errmsg');
  return { kind: 'other', component, command, ...rid, ...(message ? { message } : {}) };
}

/** One printed WeChat waybill as the platform knows it (from 电子面单取号). */
export interface WechatWaybill {
  /** The document id sent as the component's `taskID`. */
  readonly documentID: string;
  /** `ewaybill_order_id` of 电子面单取号 (a Uint64 as a string). */
  readonly ewaybillOrderId: string;
  /** `delivery_id`: the carrier code (e.g. `ZTO`). */
  readonly deliveryId: string;
  /** `waybill_id`: the tracking number. */
  readonly waybillId: string;
}

/** Body of 批量打印通知 (`ewaybill_batchprintorder`), one entry per printed waybill. */
export interface WechatPrintNotice {
  readonly req_list: readonly {
    readonly ewaybill_order_id: string;
    readonly delivery_id: string;
    readonly waybill_id: string;
    /** 1 = 补打单成功 (a reprint), 0 = 首次打单成功. */
    readonly re_print: 0 | 1;
  }[];
}

/**
 * The print-success notice the WeChat shop platform requires after the component printed
 * (批量打印通知 `POST /channels/ec/logistics/ewaybill/biz/order/batchprint`, body `req_list[{
 * ewaybill_order_id, delivery_id, waybill_id, re_print }]`; the single 打印成功通知 takes one such
 * entry). Only documents the component reported printed are listed; a reported `ewaybillOrderID`
 * must match the waybill's (a mismatch is left out: it would notify the wrong e-waybill). Sending
 * it needs the shop's access token (server-side); shipping the order is a separate 订单发货 call.
 * Pure; never throws.
 * @example
 * wechatPrintNotice(tasks, [{ documentID: 'd1', ewaybillOrderId: '9', deliveryId: 'ZTO', waybillId: '78' }], new Set());
 * // { req_list: [{ ewaybill_order_id: '9', delivery_id: 'ZTO', waybill_id: '78', re_print: 0 }] }
 */
export function wechatPrintNotice(
  results: readonly TaskResult[],
  waybills: readonly WechatWaybill[],
  reprinted: ReadonlySet<string> = new Set(),
): WechatPrintNotice {
  const byDoc = new Map(list(waybills).map((w) => [w?.documentID, w] as const));
  const seen = new Set<string>();
  const req_list: WechatPrintNotice['req_list'][number][] = [];
  for (const t of list(results)) {
    for (const d of list(t?.documents)) {
      if (d?.status !== 'printed' || seen.has(d.documentID)) continue;
      const w = byDoc.get(d.documentID);
      if (!w || !nonEmpty(w.ewaybillOrderId) || !nonEmpty(w.deliveryId) || !nonEmpty(w.waybillId)) continue;
      if (d.ewaybillOrderID !== undefined && d.ewaybillOrderID !== w.ewaybillOrderId) continue;
      seen.add(d.documentID);
      req_list.push({
        ewaybill_order_id: w.ewaybillOrderId,
        delivery_id: w.deliveryId,
        waybill_id: w.waybillId,
        re_print: reprinted.has(d.documentID) ? 1 : 0,
      });
    }
  }
  return { req_list };
}
