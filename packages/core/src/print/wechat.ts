/**
 * The WeChat shop (视频号小店 / 微信小店) print component (`ws://127.0.0.1:12705`), per the
 * 微信小店 developer docs (电子面单打印组件, 打印面单, 获取打印机列表):
 * - `{ command: "getPrinterList", requestID }` → `{ command, requestID, printerList: [{ name,
 *   displayName, status }] }`;
 * - `{ command: "print", version: "2.0", requestID, printType: 1, printer, taskList: [{ taskID,
 *   printInfo, printNum: { curNum, sumNum } }] }`, `printInfo` being the opaque `print_info`
 *   the 获取打印报文 / 电子面单取号 API returned (passed through untouched) → a reply listing each
 *   task's `{ taskID, success, failureReason }`.
 * Each waybill is its own WeChat task: a document's `documentID` is sent as the WeChat `taskID`.
 * After printing, the merchant's server must still call 打印成功通知 and ship the order
 * (已打待发货 → 发货); that is server-side, outside this codec.
 * @module
 */
import { arr, bool, field, readObject, str, list } from './read.js';
import type { BuildResult, PrintMessage, PrintRequest, RequestParse, TaskResult } from './types.js';

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
    taskList.push({
      taskID: d.documentID,
      printInfo: c.printInfo,
      printNum: { curNum: first + i, sumNum: sum },
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
  const documents = list.flatMap((t) => {
    const documentID = str(t, 'taskID');
    const printInfo = str(t, 'printInfo');
    return documentID === undefined || printInfo === undefined
      ? []
      : [{ documentID, contents: [{ kind: 'printInfo' as const, printInfo }] }];
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
 * becomes a `print-result` with one task per waybill. Never throws.
 * @example
 * parseWechatMessage('{"command":"print","requestID":"r1","taskList":[{"taskID":"d1","success":true}]}');
 * // { kind: 'print-result', component: 'wechat', requestID: 'r1', tasks: [{ taskID: 'd1', status: 'printed', documents: [{ documentID: 'd1', status: 'printed' }] }] }
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
    const tasks: TaskResult[] = arr(m, 'taskList', 'results').flatMap((t) => {
      const taskID = str(t, 'taskID');
      if (taskID === undefined) return [];
      const success = bool(t, 'success');
      const status = success === true ? 'printed' : success === false ? 'failed' : 'unknown';
      const reason = str(t, 'failureReason');
      const message = reason ? { message: reason } : {};
      return [{ taskID, status, documents: [{ documentID: taskID, status, ...message }], ...message }];
    });
    return { kind: 'print-result', component, ...rid, tasks };
  }
  const message = str(m, 'msg', 'message', 'errmsg');
  return { kind: 'other', component, command, ...rid, ...(message ? { message } : {}) };
}
