/**
 * Waybill numbers as they really come (issue 21 item 3): e-waybill numbers are issued per parcel
 * and are not consecutive, so the print page takes them per order, as a pasted list, or as a CSV
 * (order id → number) exported by the carrier's or platform's 电子面单 tool; the paper 号段
 * (a start number counted up) is one option among them. Every number goes through core's
 * `checkWaybillNumber` (shape, no mobile number); problems are reported per line, never dropped.
 * @module
 */
import { checkWaybillNumber, type WaybillNumberCheck } from '@shipmask/core';

/** How the merchant gives the numbers. */
export type WaybillEntryMode = 'range' | 'list' | 'each';

/** Lines read from a pasted list (a limit before work: a job has at most a few thousand orders). */
export const MAX_LIST_LINES = 5000;
/** Characters read per line. */
const MAX_LINE = 300;

/** Why a line or an order's number was not used (the page words it in its language). */
export type WaybillEntryProblemCode =
  | 'too-many-lines'
  | 'no-number'
  | 'shape'
  | 'mobile'
  | 'unknown-order'
  | 'number-twice'
  | 'order-twice'
  | 'left-over'
  | 'unreadable';

/** A line or an order the merchant should look at. */
export interface WaybillEntryProblem {
  readonly code: WaybillEntryProblemCode;
  /** 1-based line of the pasted text (list mode), absent for per-order entry. */
  readonly line?: number;
  readonly orderId?: string;
  /** The number or text concerned. */
  readonly value?: string;
  /** The other order, for `number-twice`; the number it already has, for `order-twice`. */
  readonly other?: string;
}

/** Numbers per order, and what could not be used. */
export interface WaybillEntry {
  readonly byOrder: ReadonlyMap<string, string>;
  readonly problems: readonly WaybillEntryProblem[];
}

/** A CSV cell as exports write it: quotes and the `="…"` guard removed. */
function cell(raw: string): string {
  let t = raw.trim();
  if (t.startsWith('="') && t.endsWith('"')) t = t.slice(2, -1);
  else if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) t = t.slice(1, -1).replaceAll('""', '"');
  return t.trim();
}

function codeOf(c: WaybillNumberCheck | undefined): WaybillEntryProblemCode {
  if (!c || c.ok || c.problem === 'empty') return 'no-number';
  return c.problem;
}

const FIELDS = /[,\t;，；]|\s+/u;

/** Numbers given so far, each number to one order and each order one number. */
class Assignments {
  readonly byOrder = new Map<string, string>();
  readonly problems: WaybillEntryProblem[] = [];
  private readonly used = new Map<string, string>();

  take(orderId: string, value: string, line?: number): void {
    const at = line === undefined ? {} : { line };
    const other = this.used.get(value);
    if (other !== undefined && other !== orderId) {
      this.problems.push({ code: 'number-twice', ...at, orderId, value, other });
      return;
    }
    const had = this.byOrder.get(orderId);
    if (had !== undefined && had !== value) {
      this.problems.push({ code: 'order-twice', ...at, orderId, value, other: had });
      return;
    }
    this.byOrder.set(orderId, value);
    this.used.set(value, orderId);
  }
}

/**
 * Read a pasted list or CSV. A line `order id, number` (comma, tab, semicolon or spaces between,
 * either order) gives that order's number; a line with a number alone gives the next order, in
 * page order, that has none yet; a first line without any number (a CSV header) is skipped.
 * Unknown order ids, refused numbers and a number given twice are problems.
 * @example
 * numbersFromList('6920001,78412345678901\n6920002,SF1234567890123', ['6920001', '6920002']).byOrder;
 * // Map { '6920001' => '78412345678901', '6920002' => 'SF1234567890123' }
 * numbersFromList('JT0001234567890\nJT0001234567777', ['a', 'b']).byOrder.get('b'); // 'JT0001234567777'
 */
export function numbersFromList(text: string, orderIds: readonly string[]): WaybillEntry {
  const known = new Set(orderIds);
  const a = new Assignments();
  const bare: { line: number; value: string }[] = [];
  const lines = text.split(/\r?\n/u, MAX_LIST_LINES + 1);
  if (lines.length > MAX_LIST_LINES) a.problems.push({ code: 'too-many-lines', line: MAX_LIST_LINES + 1 });
  for (let i = 0; i < Math.min(lines.length, MAX_LIST_LINES); i++) {
    const line = i + 1;
    const fields = lines[i]!.slice(0, MAX_LINE).split(FIELDS).map(cell).filter(Boolean);
    if (fields.length === 0) continue;
    const orderId = fields.find((f) => known.has(f));
    const rest = fields.filter((f) => f !== orderId);
    const checks = rest.map((f) => checkWaybillNumber(f));
    const good = checks.find((c) => c.ok);
    if (orderId !== undefined) {
      if (good?.ok) a.take(orderId, good.value, line);
      else
        a.problems.push({ code: codeOf(checks[0]), line, orderId, ...(rest[0] ? { value: rest[0] } : {}) });
    } else if (fields.length === 1 && good?.ok) bare.push({ line, value: good.value });
    else if (good?.ok) {
      // A number beside an id that is not in this print.
      a.problems.push({ code: 'unknown-order', line, value: fields.find((f) => f !== good.value) ?? '' });
    } else if (line !== 1) {
      // A first line without a number is a CSV header; later ones are reported.
      a.problems.push({
        code: fields.length === 1 ? codeOf(checks[0]) : 'unreadable',
        line,
        value: fields[0]!,
      });
    }
  }
  const waiting = orderIds.filter((id) => !a.byOrder.has(id));
  for (const [k, b] of bare.entries()) {
    const orderId = waiting[k];
    if (orderId === undefined) a.problems.push({ code: 'left-over', line: b.line, value: b.value });
    else a.take(orderId, b.value, b.line);
  }
  return { byOrder: a.byOrder, problems: a.problems };
}

/**
 * Check numbers typed per order (empty boxes are simply not given yet).
 * @example
 * numbersPerOrder(new Map([['a', ' 7841234 '], ['b', '13812345678']])).problems[0]?.code; // 'mobile'
 */
export function numbersPerOrder(typed: ReadonlyMap<string, string>): WaybillEntry {
  const a = new Assignments();
  for (const [orderId, raw] of typed) {
    if (raw.trim() === '') continue;
    const c = checkWaybillNumber(raw);
    if (c.ok) a.take(orderId, c.value);
    else a.problems.push({ code: codeOf(c), orderId, value: raw.trim().slice(0, 64) });
  }
  return { byOrder: a.byOrder, problems: a.problems };
}
