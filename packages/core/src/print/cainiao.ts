/**
 * The Cainiao-standard print-component protocol (菜鸟打印组件 / 云打印客户端), spoken by the
 * Cainiao, Douyin (抖音电商), PDD (拼多多), Kuaishou (快手) and Xiaohongshu (小红书) components.
 *
 * Protocol (Cainiao 云打印 WebSocket doc, docId 107014, protocol version "1.0"):
 * - request header `{ cmd, requestID, version: "1.0" }`; replies echo `cmd` and `requestID`;
 * - `getPrinters` → `{ defaultPrinter, printers: [{ name }] }`;
 * - `print` with `task { taskID, preview, printer, previewType?, firstDocumentNumber?,
 *   totalDocumentCount?, documents: [{ documentID, contents: [...] }] }`, a content being the
 *   standard waybill `{ encryptedData, signature, templateURL, ver, addData? }` or a custom area
 *   `{ data, templateURL }`; the reply `{ taskID, status: success|failed, msg, previewURL?,
 *   previewImage? }`;
 * - pushed `notifyPrintResult { taskID, printer, taskStatus, printStatus: [{ documentID, status,
 *   msg, detail }] }`; newer components also push `notifyDocResult` / `notifyTaskResult`
 *   (`taskId`, `documentId`, `status`, `code`);
 * - `getTaskStatus { taskID: [...] }` → `printStatus: [{ taskID, documentID?, status|printed }]`.
 *
 * The standard waybill is print data the platform's e-waybill API returned when the number was
 * taken; the component verifies `signature` against `encryptedData`, so a content without one is
 * refused here (`incomplete-print-data`) before anything is sent.
 *
 * Variants (checked against public code: gavin-hao/ec-print `src/interfaces.ts` and
 * `src/providers/*.ts`, and open-source ERP print helpers):
 * - Douyin (13888 / wss 13999): every encrypted content carries `params`, the signed query string
 *   of `logistics.getShopKey` (`access_token=…&app_key=…&method=logistics.getShopKey&
 *   param_json={}&timestamp=…&v=2&sign=…`); without it the component cannot fetch the shop key.
 * - PDD pushes the result as `PrintResultNotify` (matched by `taskID`).
 * - Kuaishou (`ws://localhost:16888/ks/printer`, wss 16889): each document carries
 *   `waybillCode` and `ksOrderFlag: true`; the encrypted content the `key` its 取号 API returned;
 *   the custom area is `customData` (not `data`); `notifyPrintResult` may report
 *   `taskStatus: "partPrinted"` with per-document `waybillCode`; at most 10 documents per task
 *   ("一个任务最多只能10个文档,大于10个,请分批请求").
 * - Xiaohongshu: the new-version component listens on 10818 (an open-source ERP's print helper:
 *   `billVersion == 2` → `ws://localhost:10818`, else the Cainiao port); print data from its
 *   e-waybill API is the same `{ encryptedData, signature, templateURL, ver }`.
 * @module
 */
import { arr, bool, compact, field, obj, printStatus, readObject, str, list } from './read.js';
import type {
  BuildResult,
  DocumentResult,
  JsonObject,
  JsonValue,
  PrintContent,
  PrintMessage,
  PrintRequest,
  PrintTask,
  RequestParse,
  TaskResult,
} from './types.js';

/** Protocol version of the Cainiao-standard header. */
export const CAINIAO_PROTOCOL_VERSION = '1.0';

/** Components speaking this protocol, and their per-task document limits where documented. */
export const CAINIAO_FAMILY = ['cainiao', 'douyin', 'pdd', 'kuaishou', 'xiaohongshu'] as const;

/** A component of the Cainiao-standard family. */
export type CainiaoComponentId = (typeof CAINIAO_FAMILY)[number];

/** Kuaishou's hard limit: at most 10 documents in one task. */
export const KUAISHOU_MAX_DOCUMENTS = 10;

const bad = (message: string): BuildResult => ({ ok: false, error: { code: 'bad-field', message } });
const nonEmpty = (s: unknown): s is string => typeof s === 'string' && s.length > 0;

/** A content the component would refuse: `incomplete:` prefix marks the typed code. */
const incomplete = (message: string): string => `incomplete:${message}`;

function contentJson(component: CainiaoComponentId, c: PrintContent): JsonObject | string {
  if (c.kind === 'encrypted') {
    if (!nonEmpty(c.encryptedData) || !nonEmpty(c.templateURL)) {
      return 'An encrypted content needs encryptedData and templateURL.';
    }
    if (!nonEmpty(c.signature)) {
      return incomplete(
        'An encrypted waybill needs the signature its e-waybill API returned (电子面单取号); ' +
          'an order ciphertext is not print data.',
      );
    }
    if (component === 'douyin' && !nonEmpty(c.params)) {
      return incomplete('Douyin print data needs params (the signed logistics.getShopKey query string).');
    }
    if (component === 'kuaishou' && !nonEmpty(c.key)) {
      return incomplete('Kuaishou print data needs the key its e-waybill API returned.');
    }
    return compact({
      encryptedData: c.encryptedData,
      signature: c.signature,
      templateURL: c.templateURL,
      ver: c.ver,
      addData: c.addData,
      params: c.params,
      key: c.key,
    }) as JsonObject;
  }
  if (c.kind === 'data') {
    if (!nonEmpty(c.templateURL) || c.data === null || typeof c.data !== 'object') {
      return 'A data content needs data and templateURL.';
    }
    return component === 'kuaishou'
      ? { customData: c.data, templateURL: c.templateURL }
      : { data: c.data, templateURL: c.templateURL };
  }
  return 'printInfo contents are WeChat shop only.';
}

function taskJson(component: CainiaoComponentId, task: PrintTask): JsonObject | string {
  if (!task || typeof task !== 'object') return 'Missing task.';
  if (!nonEmpty(task.taskID)) return 'A task needs a taskID.';
  const docs = list(task.documents);
  if (docs.length === 0) return 'A task needs at least one document.';
  if (component === 'kuaishou' && docs.length > KUAISHOU_MAX_DOCUMENTS) {
    return `too-many:Kuaishou takes at most ${KUAISHOU_MAX_DOCUMENTS} documents per task; split the job first.`;
  }
  const documents: JsonObject[] = [];
  for (const d of docs) {
    if (!d || !nonEmpty(d.documentID)) return 'Every document needs a documentID.';
    const contents: JsonObject[] = [];
    for (const c of list(d.contents)) {
      const j = c && typeof c === 'object' ? contentJson(component, c) : 'Bad content.';
      if (typeof j === 'string') return j;
      contents.push(j);
    }
    if (contents.length === 0) return 'Every document needs at least one content.';
    if (component === 'kuaishou') {
      if (!nonEmpty(d.waybillCode)) {
        return incomplete('A Kuaishou document needs its waybillCode.');
      }
      documents.push({ documentID: d.documentID, waybillCode: d.waybillCode, ksOrderFlag: true, contents });
    } else {
      documents.push(
        compact({
          documentID: d.documentID,
          waybillCode: nonEmpty(d.waybillCode) ? d.waybillCode : undefined,
          contents,
        }) as JsonObject,
      );
    }
  }
  return compact({
    taskID: task.taskID,
    preview: task.preview === true,
    printer: typeof task.printer === 'string' ? task.printer : '',
    previewType: task.preview === true ? task.previewType : undefined,
    firstDocumentNumber: task.firstDocumentNumber,
    totalDocumentCount: task.totalDocumentCount,
    documents,
  }) as JsonObject;
}

/**
 * Builds the JSON text of a request for a Cainiao-standard component. Never throws; a bad request
 * (missing ids, Kuaishou over 10 documents, a WeChat-only content) is a typed error, and so is
 * print data the real component refuses (`incomplete-print-data`: no `signature`; Douyin without
 * `params`; Kuaishou without `key` or `waybillCode`).
 * @example
 * buildCainiaoRequest('douyin', { kind: 'getPrinters', requestID: 'r1' });
 * // { ok: true, json: '{"cmd":"getPrinters","requestID":"r1","version":"1.0"}' }
 */
export function buildCainiaoRequest(component: CainiaoComponentId, request: PrintRequest): BuildResult {
  if (!request || typeof request !== 'object') return bad('Missing request.');
  if (!nonEmpty(request.requestID)) return bad('A request needs a requestID.');
  const head = { cmd: '', requestID: request.requestID, version: CAINIAO_PROTOCOL_VERSION };
  switch (request.kind) {
    case 'getPrinters':
      return { ok: true, json: JSON.stringify({ ...head, cmd: 'getPrinters' }) };
    case 'getTaskStatus': {
      const ids = list(request.taskIDs).filter(nonEmpty);
      if (ids.length === 0) return bad('getTaskStatus needs task ids.');
      return { ok: true, json: JSON.stringify({ ...head, cmd: 'getTaskStatus', taskID: ids }) };
    }
    case 'print': {
      const task = taskJson(component, request.task);
      if (typeof task === 'string') {
        if (task.startsWith('too-many:'))
          return { ok: false, error: { code: 'too-many-documents', message: task.slice(9) } };
        if (task.startsWith('incomplete:'))
          return { ok: false, error: { code: 'incomplete-print-data', message: task.slice(11) } };
        return bad(task);
      }
      return { ok: true, json: JSON.stringify({ ...head, cmd: 'print', task }) };
    }
    default:
      return { ok: false, error: { code: 'unsupported', message: 'Unknown request kind.' } };
  }
}

function readContent(c: JsonValue): PrintContent | undefined {
  const encryptedData = str(c, 'encryptedData');
  const templateURL = str(c, 'templateURL');
  if (encryptedData !== undefined && templateURL !== undefined) {
    const ver = str(c, 'ver');
    const addData = obj(c, 'addData');
    const params = str(c, 'params');
    const key = str(c, 'key');
    return {
      kind: 'encrypted',
      encryptedData,
      signature: str(c, 'signature') ?? '',
      templateURL,
      ...(ver !== undefined ? { ver } : {}),
      ...(addData !== undefined ? { addData } : {}),
      ...(params !== undefined ? { params } : {}),
      ...(key !== undefined ? { key } : {}),
    };
  }
  // Kuaishou names the custom area `customData`.
  const data = obj(c, 'data') ?? obj(c, 'customData');
  if (data !== undefined && templateURL !== undefined) return { kind: 'data', data, templateURL };
  return undefined;
}

/**
 * Reads a Cainiao-standard request back (for a fake component in tests, or a print log).
 * Never throws.
 * @example
 * parseCainiaoRequest('{"cmd":"getPrinters","requestID":"r1","version":"1.0"}');
 * // { ok: true, request: { kind: 'getPrinters', requestID: 'r1' } }
 */
export function parseCainiaoRequest(raw: unknown): RequestParse {
  const r = readObject(raw);
  if (!r.ok) return r;
  const m = r.value;
  const cmd = str(m, 'cmd');
  const requestID = str(m, 'requestID');
  const fail = (message: string): RequestParse => ({ ok: false, error: { code: 'bad-field', message } });
  if (cmd === undefined) return { ok: false, error: { code: 'missing-command', message: 'No cmd.' } };
  if (requestID === undefined) return fail('No requestID.');
  if (cmd === 'getPrinters') return { ok: true, request: { kind: 'getPrinters', requestID } };
  if (cmd === 'getTaskStatus') {
    const taskIDs = arr(m, 'taskID').filter((x): x is string => typeof x === 'string');
    return { ok: true, request: { kind: 'getTaskStatus', requestID, taskIDs } };
  }
  if (cmd !== 'print') {
    return { ok: false, error: { code: 'unsupported', message: `Command ${cmd} is not modelled.` } };
  }
  const t = obj(m, 'task');
  const taskID = str(t, 'taskID');
  if (t === undefined || taskID === undefined) return fail('No task.');
  const documents = [];
  for (const d of arr(t, 'documents')) {
    const documentID = str(d, 'documentID');
    if (documentID === undefined) return fail('A document has no documentID.');
    const contents: PrintContent[] = [];
    for (const c of arr(d, 'contents')) {
      const content = readContent(c);
      if (!content) return fail('A content is neither encrypted nor data.');
      contents.push(content);
    }
    const waybillCode = str(d, 'waybillCode');
    documents.push({ documentID, contents, ...(waybillCode !== undefined ? { waybillCode } : {}) });
  }
  const previewType = str(t, 'previewType');
  const first = field(t, 'firstDocumentNumber');
  const total = field(t, 'totalDocumentCount');
  const task: PrintTask = {
    taskID,
    preview: bool(t, 'preview') === true,
    printer: str(t, 'printer') ?? '',
    documents,
    ...(previewType === 'pdf' || previewType === 'image' ? { previewType } : {}),
    ...(typeof first === 'number' ? { firstDocumentNumber: first } : {}),
    ...(typeof total === 'number' ? { totalDocumentCount: total } : {}),
  };
  return { ok: true, request: { kind: 'print', requestID, task } };
}

function docResults(list: readonly JsonValue[]): DocumentResult[] {
  const out: DocumentResult[] = [];
  for (const e of list) {
    const documentID = str(e, 'documentID', 'documentId');
    if (documentID === undefined) continue;
    const message = str(e, 'msg', 'detail', 'message');
    const waybillCode = str(e, 'waybillCode');
    out.push({
      documentID,
      status: printStatus(field(e, 'status') ?? field(e, 'printed')),
      ...(message ? { message } : {}),
      ...(waybillCode ? { waybillCode } : {}),
    });
  }
  return out;
}

/**
 * Parses any reply or pushed notification of a Cainiao-standard component into the one
 * {@link PrintMessage} union. Never throws; malformed input is `{ kind: 'error' }`.
 * @example
 * parseCainiaoMessage('pdd', '{"cmd":"PrintResultNotify","taskID":"t1","taskStatus":"printed","printStatus":[{"documentID":"d1","status":"success"}]}');
 * // { kind: 'print-result', component: 'pdd', tasks: [{ taskID: 't1', status: 'printed', documents: [{ documentID: 'd1', status: 'printed' }] }] }
 */
export function parseCainiaoMessage(component: CainiaoComponentId, raw: unknown): PrintMessage {
  const r = readObject(raw);
  if (!r.ok) return { kind: 'error', component, error: r.error };
  const m = r.value;
  const cmd = str(m, 'cmd');
  const requestID = str(m, 'requestID');
  const rid = requestID !== undefined ? { requestID } : {};
  if (cmd === undefined) {
    return { kind: 'error', component, error: { code: 'missing-command', message: 'No cmd.' } };
  }
  const msg = str(m, 'msg', 'message');
  switch (cmd) {
    case 'getPrinters': {
      const printers = arr(m, 'printers').flatMap((p) => {
        const name = str(p, 'name');
        const status = str(p, 'status');
        return name === undefined ? [] : [{ name, ...(status !== undefined ? { status } : {}) }];
      });
      const def = str(m, 'defaultPrinter');
      return {
        kind: 'printers',
        component,
        ...rid,
        printers,
        ...(def !== undefined ? { defaultPrinter: def } : {}),
      };
    }
    case 'print': {
      const status = str(m, 'status');
      const taskID = str(m, 'taskID');
      const url = str(m, 'previewURL');
      const images = arr(m, 'previewImage').filter((x): x is string => typeof x === 'string');
      const preview = url !== undefined || images.length > 0;
      return {
        kind: 'print-ack',
        component,
        ...rid,
        ...(taskID !== undefined ? { taskID } : {}),
        ok: status === undefined ? true : printStatus(status) === 'printed',
        ...(msg ? { message: msg } : {}),
        ...(preview ? { preview: { ...(url ? { url } : {}), ...(images.length ? { images } : {}) } } : {}),
      };
    }
    case 'notifyPrintResult':
    case 'PrintResultNotify': {
      const taskID = str(m, 'taskID', 'taskId');
      if (taskID === undefined) {
        return { kind: 'error', component, error: { code: 'bad-field', message: 'Result without taskID.' } };
      }
      const printer = str(m, 'printer');
      const documents = docResults(arr(m, 'printStatus'));
      const taskStatus = printStatus(field(m, 'taskStatus'));
      const status =
        taskStatus !== 'unknown'
          ? taskStatus
          : documents.length > 0 && documents.every((d) => d.status === 'printed')
            ? 'printed'
            : documents.some((d) => d.status === 'failed')
              ? 'failed'
              : 'unknown';
      const task: TaskResult = {
        taskID,
        status,
        ...(printer !== undefined ? { printer } : {}),
        documents,
        ...(msg ? { message: msg } : {}),
      };
      return { kind: 'print-result', component, ...rid, tasks: [task] };
    }
    case 'notifyDocResult':
    case 'notifyTaskResult': {
      const taskID = str(m, 'taskID', 'taskId');
      if (taskID === undefined) {
        return { kind: 'error', component, error: { code: 'bad-field', message: 'Result without taskId.' } };
      }
      const code = field(m, 'code');
      const failed = typeof code === 'number' ? code !== 0 : false;
      const status = failed ? 'failed' : printStatus(field(m, 'status'));
      const documentID = str(m, 'documentID', 'documentId');
      const printer = str(m, 'printer');
      const detail = str(m, 'detail', 'msg');
      const documents: DocumentResult[] =
        cmd === 'notifyDocResult' && documentID !== undefined
          ? [{ documentID, status, ...(detail ? { message: detail } : {}) }]
          : [];
      const task: TaskResult = {
        taskID,
        status,
        ...(printer !== undefined ? { printer } : {}),
        documents,
        ...(detail && cmd === 'notifyTaskResult' ? { message: detail } : {}),
      };
      return { kind: 'print-result', component, ...rid, tasks: [task] };
    }
    case 'getTaskStatus': {
      const byTask = new Map<string, { docs: DocumentResult[]; statuses: string[] }>();
      for (const e of arr(m, 'printStatus')) {
        const taskID = str(e, 'taskID', 'taskId');
        if (taskID === undefined) continue;
        const entry = byTask.get(taskID) ?? { docs: [], statuses: [] };
        const st = printStatus(field(e, 'status') ?? field(e, 'printed'));
        const documentID = str(e, 'documentID', 'documentId');
        if (documentID !== undefined) entry.docs.push({ documentID, status: st });
        entry.statuses.push(st);
        byTask.set(taskID, entry);
      }
      const tasks: TaskResult[] = [...byTask].map(([taskID, e]) => ({
        taskID,
        status: e.statuses.every((s) => s === 'printed')
          ? 'printed'
          : e.statuses.some((s) => s === 'failed')
            ? 'failed'
            : e.statuses.some((s) => s === 'pending' || s === 'rendered')
              ? 'pending'
              : 'unknown',
        documents: e.docs,
      }));
      return { kind: 'task-status', component, ...rid, tasks };
    }
    default: {
      const status = str(m, 'status');
      return {
        kind: 'other',
        component,
        command: cmd,
        ...rid,
        ...(status !== undefined ? { ok: printStatus(status) === 'printed' } : {}),
        ...(msg ? { message: msg } : {}),
      };
    }
  }
}
