/**
 * JD's own print-component protocol (京东打印组件, `ws://localhost:9113`, protocol version "2").
 *
 * Requests are `{ orderType, version, key, parameters }` with `orderType` `GET_Printers`, `PRINT`
 * or `PRE_View` (preview); `key` is the caller's request id and comes back on the reply. A print
 * carries `parameters { printName, tempUrl, printData: [encrypted waybill, …], customTempUrl?,
 * customData?: [{…}, …] }`: one template for every waybill of the request, one `printData`
 * entry (and one `customData` entry when a custom area is used) per waybill. Replies say which
 * request they answer by `code`: `"2"` print, `"6"` printer list (`detailinfo.printers`),
 * `"8"` preview (`content`), with `success` `"true"`/`"false"` and `message`; some component
 * versions answer `"6"` with the printers as one comma-separated `content` string instead of
 * `detailinfo.printers` (gavin-hao/ec-print `src/providers/jingdong.ts` maps `code` 2/6/8 to
 * print/getPrinters/preview and reads `detailinfo.printers`; `src/interfaces.ts` types `content`).
 * JD's print data (`printData`) is the 无界电子面单 API's per-waybill string; it has no separate
 * signature.
 * Field names follow JD's published integration examples; JD has no task or document ids, so a
 * print result is keyed by `key` (the request id).
 * @module
 */
import { arr, bool, compact, obj, readObject, str, list } from './read.js';
import type {
  BuildResult,
  JsonObject,
  PrintDocument,
  PrintMessage,
  PrintRequest,
  RequestParse,
} from './types.js';

/** Protocol version JD's component speaks. */
export const JD_PROTOCOL_VERSION = '2';

const bad = (message: string): BuildResult => ({ ok: false, error: { code: 'bad-field', message } });
const nonEmpty = (s: unknown): s is string => typeof s === 'string' && s.length > 0;

/**
 * Builds the JSON text of a request for JD's print component. Every document must hold exactly
 * one encrypted waybill, all on the same template (split jobs by template first), and at most
 * one custom-area `data` content on one shared custom template. Never throws.
 * @example
 * buildJdRequest({ kind: 'getPrinters', requestID: 'r1' });
 * // { ok: true, json: '{"orderType":"GET_Printers","version":"2","key":"r1","parameters":{}}' }
 */
export function buildJdRequest(request: PrintRequest): BuildResult {
  if (!request || typeof request !== 'object') return bad('Missing request.');
  if (!nonEmpty(request.requestID)) return bad('A request needs a requestID.');
  const head = { orderType: '', version: JD_PROTOCOL_VERSION, key: request.requestID };
  if (request.kind === 'getPrinters') {
    return { ok: true, json: JSON.stringify({ ...head, orderType: 'GET_Printers', parameters: {} }) };
  }
  if (request.kind !== 'print') {
    return {
      ok: false,
      error: { code: 'unsupported', message: 'JD print component has no task-status command.' },
    };
  }
  const task = request.task;
  const docs: readonly PrintDocument[] = list(task?.documents);
  if (docs.length === 0) return bad('A print needs at least one document.');
  let tempUrl: string | undefined;
  let customTempUrl: string | undefined;
  const printData: string[] = [];
  const customData: JsonObject[] = [];
  for (const d of docs) {
    const contents = list(d?.contents);
    const enc = contents.filter((c) => c?.kind === 'encrypted');
    const data = contents.filter((c) => c?.kind === 'data');
    if (enc.length !== 1 || data.length > 1 || enc.length + data.length !== contents.length) {
      return bad('A JD document holds one encrypted waybill and at most one custom area.');
    }
    const e = enc[0]!;
    if (!nonEmpty(e.encryptedData) || !nonEmpty(e.templateURL)) {
      return bad('An encrypted content needs encryptedData and templateURL.');
    }
    if (tempUrl !== undefined && tempUrl !== e.templateURL) {
      return bad('All waybills of one JD print share one template; split by template.');
    }
    tempUrl = e.templateURL;
    printData.push(e.encryptedData);
    const c = data[0];
    if (c) {
      if (customTempUrl !== undefined && customTempUrl !== c.templateURL) {
        return bad('All custom areas of one JD print share one template.');
      }
      customTempUrl = c.templateURL;
      customData.push(c.data);
    }
  }
  if (customData.length > 0 && customData.length !== printData.length) {
    return bad('Either every waybill has a custom area or none has.');
  }
  const parameters = compact({
    printName: typeof task.printer === 'string' ? task.printer : '',
    tempUrl,
    customTempUrl,
    customData: customData.length > 0 ? customData : undefined,
    printData,
  });
  const orderType = task.preview === true ? 'PRE_View' : 'PRINT';
  return { ok: true, json: JSON.stringify({ ...head, orderType, parameters }) };
}

/**
 * Reads a JD request back (fake component, print log). Documents get ids `1`, `2`, … in order
 * (JD carries none); the task id is the request `key`. Never throws.
 * @example
 * parseJdRequest('{"orderType":"GET_Printers","version":"2","key":"r1","parameters":{}}');
 * // { ok: true, request: { kind: 'getPrinters', requestID: 'r1' } }
 */
export function parseJdRequest(raw: unknown): RequestParse {
  const r = readObject(raw);
  if (!r.ok) return r;
  const m = r.value;
  const orderType = str(m, 'orderType');
  const key = str(m, 'key');
  if (orderType === undefined) {
    return { ok: false, error: { code: 'missing-command', message: 'No orderType.' } };
  }
  if (key === undefined) return { ok: false, error: { code: 'bad-field', message: 'No key.' } };
  if (orderType === 'GET_Printers') return { ok: true, request: { kind: 'getPrinters', requestID: key } };
  if (orderType !== 'PRINT' && orderType !== 'PRE_View') {
    return { ok: false, error: { code: 'unsupported', message: `orderType ${orderType} is not modelled.` } };
  }
  const p = obj(m, 'parameters');
  const tempUrl = str(p, 'tempUrl') ?? '';
  const customTempUrl = str(p, 'customTempUrl') ?? '';
  const custom = arr(p, 'customData');
  const documents: PrintDocument[] = arr(p, 'printData').map((encryptedData, i) => {
    const data = custom[i];
    return {
      documentID: String(i + 1),
      contents: [
        {
          kind: 'encrypted',
          encryptedData: typeof encryptedData === 'string' ? encryptedData : JSON.stringify(encryptedData),
          signature: '',
          templateURL: tempUrl,
        },
        ...(data !== null && typeof data === 'object' && !Array.isArray(data)
          ? [{ kind: 'data' as const, data: data as JsonObject, templateURL: customTempUrl }]
          : []),
      ],
    };
  });
  return {
    ok: true,
    request: {
      kind: 'print',
      requestID: key,
      task: {
        taskID: key,
        preview: orderType === 'PRE_View',
        printer: str(p, 'printName') ?? '',
        documents,
      },
    },
  };
}

/** Splits JD's comma-separated printer list (ASCII or full-width commas), trimming blanks. */
function splitPrinterList(text: string): string[] {
  return text
    .split(/[,，]/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * Parses any JD component reply into the one {@link PrintMessage} union, by its `code`.
 * Never throws.
 * @example
 * parseJdMessage('{"code":"6","key":"r1","success":"true","detailinfo":{"printers":["KM-118"]}}');
 * // { kind: 'printers', component: 'jd', requestID: 'r1', printers: [{ name: 'KM-118' }] }
 */
export function parseJdMessage(raw: unknown): PrintMessage {
  const component = 'jd';
  const r = readObject(raw);
  if (!r.ok) return { kind: 'error', component, error: r.error };
  const m = r.value;
  const code = str(m, 'code');
  const key = str(m, 'key');
  const rid = key !== undefined ? { requestID: key } : {};
  const success = bool(m, 'success');
  const message = str(m, 'message', 'msg');
  const msg = message ? { message } : {};
  if (code === undefined) {
    return { kind: 'error', component, error: { code: 'missing-command', message: 'No code.' } };
  }
  if (code === '6') {
    let names = arr(obj(m, 'detailinfo'), 'printers').flatMap((p) => (typeof p === 'string' ? [p] : []));
    // Some component versions list the printers as one comma-separated `content` string instead.
    if (names.length === 0) names = splitPrinterList(str(m, 'content') ?? '');
    return { kind: 'printers', component, ...rid, printers: names.map((name) => ({ name })) };
  }
  if (code === '2') {
    return {
      kind: 'print-result',
      component,
      ...rid,
      tasks: [
        {
          taskID: key ?? '',
          status: success === true ? 'printed' : success === false ? 'failed' : 'unknown',
          documents: [],
          ...msg,
        },
      ],
    };
  }
  if (code === '8') {
    const content = str(m, 'content');
    return {
      kind: 'print-ack',
      component,
      ...rid,
      ok: success !== false,
      ...msg,
      ...(content ? { preview: { data: content } } : {}),
    };
  }
  return {
    kind: 'other',
    component,
    command: `code:${code}`,
    ...rid,
    ...(success !== undefined ? { ok: success } : {}),
    ...msg,
  };
}
