/**
 * One entry point per direction for every known print component: build a request, parse a
 * request back, parse a reply or pushed notification, and split a job to the component's
 * per-task limits. The component's protocol family comes from its platform record
 * (`getPrintComponent(id).family`, src/platform).
 * @module
 */
import { getPrintComponent } from '../platform/index.js';
import {
  buildCainiaoRequest,
  CAINIAO_FAMILY,
  KUAISHOU_MAX_DOCUMENTS,
  parseCainiaoMessage,
  parseCainiaoRequest,
  type CainiaoComponentId,
} from './cainiao.js';
import { list } from './read.js';
import { buildJdRequest, parseJdMessage, parseJdRequest } from './jd.js';
import type {
  BuildResult,
  PrintCodecError,
  PrintDocument,
  PrintMessage,
  PrintRequest,
  PrintTask,
  RequestParse,
} from './types.js';
import { buildWechatRequest, parseWechatMessage, parseWechatRequest } from './wechat.js';

const unknown = (id: unknown): PrintCodecError => ({
  code: 'unknown-component',
  message: `Unknown print component ${JSON.stringify(String(id))}.`,
});

const isCainiao = (id: string): id is CainiaoComponentId =>
  (CAINIAO_FAMILY as readonly string[]).includes(id);

function family(id: unknown): 'cainiao' | 'jd' | 'wechat' | undefined {
  if (typeof id !== 'string') return undefined;
  const c = getPrintComponent(id);
  if (!c) return undefined;
  if (c.family === 'cainiao' && !isCainiao(id)) return undefined;
  return c.family;
}

/**
 * Builds the JSON text to send to component `id` (`cainiao`, `douyin`, `pdd`, `kuaishou`,
 * `xiaohongshu`, `jd`, `wechat`). Pure: request and task ids are arguments. Never throws.
 * @example
 * buildPrintRequest('jd', { kind: 'getPrinters', requestID: 'r1' });
 * // { ok: true, json: '{"orderType":"GET_Printers","version":"2","key":"r1","parameters":{}}' }
 */
export function buildPrintRequest(id: string, request: PrintRequest): BuildResult {
  const f = family(id);
  if (f === 'cainiao') return buildCainiaoRequest(id as CainiaoComponentId, request);
  if (f === 'jd') return buildJdRequest(request);
  if (f === 'wechat') return buildWechatRequest(request);
  return { ok: false, error: unknown(id) };
}

/**
 * Reads a request for component `id` back into a {@link PrintRequest} (fake components, logs).
 * Never throws.
 * @example
 * parsePrintRequest('douyin', '{"cmd":"getPrinters","requestID":"r1","version":"1.0"}');
 * // { ok: true, request: { kind: 'getPrinters', requestID: 'r1' } }
 */
export function parsePrintRequest(id: string, raw: unknown): RequestParse {
  const f = family(id);
  if (f === 'cainiao') return parseCainiaoRequest(raw);
  if (f === 'jd') return parseJdRequest(raw);
  if (f === 'wechat') return parseWechatRequest(raw);
  return { ok: false, error: unknown(id) };
}

/**
 * Parses any reply or pushed notification from component `id` into the one
 * {@link PrintMessage} union. Never throws, whatever `raw` is.
 * @example
 * parsePrintMessage('kuaishou', 'not json'); // { kind: 'error', component: 'kuaishou', error: { code: 'malformed-json', … } }
 */
export function parsePrintMessage(id: string, raw: unknown): PrintMessage {
  const f = family(id);
  if (f === 'cainiao') return parseCainiaoMessage(id as CainiaoComponentId, raw);
  if (f === 'jd') return parseJdMessage(raw);
  if (f === 'wechat') return parseWechatMessage(raw);
  return { kind: 'error', component: String(id), error: unknown(id) };
}

/** Documents per task for a component: a hard maximum where documented, and our default. */
export interface TaskLimits {
  /** Hard limit from the component's documentation (Kuaishou: 10). */
  readonly max?: number;
  /** Default chunk size when splitting. */
  readonly recommended: number;
  /** Where the number comes from. */
  readonly source: string;
}

/**
 * Per-task document limits of each component.
 * - Cainiao standard: "建议 1 个 task 使用一个 document,可以有效避免重打问题" → 1 (Douyin, PDD and
 *   Xiaohongshu speak the same protocol; same advice).
 * - Kuaishou: "一个任务最多只能10个文档" → at most 10, and 10 is the recommended batch.
 * - JD and WeChat: no documented limit; shipmask sends 10 per request.
 * @example
 * taskLimits('kuaishou'); // { max: 10, recommended: 10, source: … }
 */
export function taskLimits(id: string): TaskLimits | undefined {
  const f = family(id);
  if (f === undefined) return undefined;
  if (id === 'kuaishou') {
    return {
      max: KUAISHOU_MAX_DOCUMENTS,
      recommended: KUAISHOU_MAX_DOCUMENTS,
      source: '快手打印组件: 一个任务最多只能10个文档',
    };
  }
  if (f === 'cainiao') return { recommended: 1, source: '菜鸟打印组件: 建议 1 个 task 使用一个 document' };
  return { recommended: 10, source: 'no documented limit; shipmask default' };
}

/** Result of {@link splitPrintTask}. */
export type SplitResult =
  | { readonly ok: true; readonly tasks: readonly PrintTask[] }
  | { readonly ok: false; readonly error: PrintCodecError };

/** Options of {@link splitPrintTask}. */
export interface SplitOptions {
  /** Documents per task; capped by the component's hard maximum. Default: recommended size. */
  readonly perTask?: number;
}

/** JD prints one template per request: group documents by their templates, keeping order. */
function templateKey(d: PrintDocument): string {
  const urls = list(d?.contents).map((c) =>
    c && c.kind !== 'printInfo' ? `${c.kind}:${c.templateURL}` : '',
  );
  return urls.join('\n');
}

/**
 * Splits one logical print job into tasks the component accepts: at most `perTask` documents
 * (never above the documented maximum), JD additionally one template per task. Each task gets
 * `taskIdFor(i)` as id (i = 0, 1, …; a job that needs no split keeps its id) and Cainiao-style
 * numbering (`firstDocumentNumber`, `totalDocumentCount`) so page counters stay right. Pure;
 * never throws (a throwing or duplicate `taskIdFor` is a typed error).
 * @example
 * splitPrintTask('kuaishou', task25, (i) => `job7-${i}`).ok; // tasks of 10, 10 and 5 documents
 */
export function splitPrintTask(
  id: string,
  task: PrintTask,
  taskIdFor: (index: number) => string,
  options: SplitOptions = {},
): SplitResult {
  const limits = taskLimits(id);
  if (!limits) return { ok: false, error: unknown(id) };
  const docs: readonly PrintDocument[] = list(task?.documents);
  const wanted =
    options.perTask !== undefined && Number.isInteger(options.perTask) && options.perTask > 0
      ? options.perTask
      : limits.recommended;
  const size = Math.max(1, Math.min(wanted, limits.max ?? wanted));
  const groups: PrintDocument[][] = [];
  if (id === 'jd') {
    const byKey = new Map<string, PrintDocument[]>();
    for (const d of docs) {
      const k = templateKey(d);
      const g = byKey.get(k) ?? [];
      if (g.length === 0) byKey.set(k, g);
      g.push(d);
    }
    groups.push(...byKey.values());
  } else groups.push([...docs]);
  const chunks: PrintDocument[][] = [];
  for (const g of groups) for (let i = 0; i < g.length; i += size) chunks.push(g.slice(i, i + size));
  const base = Number.isInteger(task?.firstDocumentNumber) ? task.firstDocumentNumber! : 1;
  const total = Number.isInteger(task?.totalDocumentCount) ? task.totalDocumentCount! : docs.length;
  if (chunks.length <= 1) {
    return { ok: true, tasks: chunks.length === 0 ? [] : [{ ...task, documents: chunks[0]! }] };
  }
  const seen = new Set<string>();
  const tasks: PrintTask[] = [];
  let offset = 0;
  for (const [i, documents] of chunks.entries()) {
    let taskID: unknown;
    try {
      taskID = taskIdFor(i);
    } catch {
      taskID = undefined;
    }
    if (typeof taskID !== 'string' || taskID === '' || seen.has(taskID)) {
      return {
        ok: false,
        error: { code: 'bad-field', message: `taskIdFor(${i}) gave an empty or repeated id.` },
      };
    }
    seen.add(taskID);
    tasks.push({
      ...task,
      taskID,
      documents,
      firstDocumentNumber: base + offset,
      totalDocumentCount: total,
    });
    offset += documents.length;
  }
  return { ok: true, tasks };
}
