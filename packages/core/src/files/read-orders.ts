/**
 * Reading a platform order export (CSV or XLSX) into `OrderView`s, whole or streamed.
 *
 * CSV is streamed: bytes (or text) go through the encoding sniffer (`createByteDecoder`), the
 * incremental tokenizer (`createCsvParser`) and the order reader (`createOrderReader`), so
 * memory stays bounded by the chunk size and the longest row. XLSX is a ZIP archive whose
 * directory sits at its end, so it is buffered and read when the input ends.
 * @module
 */
import type { PlatformId } from '../types.js';
import { createCsvParser, type CsvParseOptions } from './csv-parse.js';
import { createByteDecoder, type TextEncodingName } from './decode.js';
import {
  createOrderReader,
  type HeaderInfo,
  type OrderBatch,
  type OrderReaderOptions,
  type OrderRecord,
} from './order-reader.js';
import { problem, type FileProblem } from './problems.js';
import { isZip, readXlsxRows, type XlsxOptions } from './xlsx.js';

/** Options for reading an order file. */
export interface OrderFileOptions extends OrderReaderOptions, CsvParseOptions, XlsxOptions {
  /** Force the text encoding of a CSV instead of sniffing it. */
  readonly encoding?: TextEncodingName;
}

/** What a whole read found, besides the orders and problems. */
export interface OrderFileSummary {
  readonly format: 'csv' | 'xlsx' | undefined;
  readonly platform: PlatformId | undefined;
  /** The text encoding of a CSV read from bytes. */
  readonly encoding: TextEncodingName | undefined;
  readonly header: HeaderInfo | undefined;
  /** The file held buyer plaintext (masked on the way in; see the `plaintext` problems). */
  readonly containsPlaintext: boolean;
  readonly orderCount: number;
  /** Errors and warnings found, listed or not (see `problemsOmitted`). */
  readonly errorCount: number;
  readonly warningCount: number;
  /** Problems counted but not listed because the list reached `maxProblems` (default 1,000). */
  readonly problemsOmitted: number;
}

/** A whole file's orders and problems. */
export interface OrderFileResult extends OrderFileSummary {
  readonly orders: OrderRecord[];
  readonly problems: FileProblem[];
}

/** A streaming order-file reader: `push` chunks, then `end` once. */
export interface OrderFileReader {
  push(chunk: Uint8Array | string): OrderBatch;
  end(): OrderBatch;
  summary(): OrderFileSummary;
}

/**
 * Create a streaming reader for one order file. Chunks may be bytes (`Uint8Array`, encoding
 * sniffed) or already-decoded text; do not mix the two. Never throws.
 * @example
 * const r = createOrderFileReader({ platform: 'douyin' });
 * const a = r.push(new TextEncoder().encode('\uFEFF主订单编号,选购商品,商品数量,订单提交时间,订单状态\r\n'));
 * const b = r.push(new TextEncoder().encode('6921000000000001,保温杯,1,2026-11-03 12:00:00,待发货\r\n'));
 * const c = r.end();
 * c.orders[0]?.order.orderId; // '6921000000000001'
 */
export function createOrderFileReader(options: OrderFileOptions = {}): OrderFileReader {
  const csv = createCsvParser(options);
  const orders = createOrderReader(options);
  const decoder = createByteDecoder(options.encoding !== undefined ? { encoding: options.encoding } : {});
  let format: 'csv' | 'xlsx' | undefined;
  let usedBytes = false;
  let zip: Uint8Array[] = [];
  let zipLength = 0;
  let orderCount = 0;
  let errorCount = 0;
  let warningCount = 0;

  function count(b: OrderBatch): OrderBatch {
    orderCount += b.orders.length;
    for (const p of b.problems) {
      if (p.code === 'problems-omitted') continue;
      if (p.severity === 'error') errorCount++;
      else if (p.severity === 'warning') warningCount++;
    }
    return b;
  }

  function merge(a: OrderBatch, b: OrderBatch): OrderBatch {
    return { orders: a.orders.concat(b.orders), problems: a.problems.concat(b.problems) };
  }

  /** Decide CSV or XLSX from the buffered first bytes; a CSV's buffered bytes are read now. */
  function decide(): OrderBatch {
    const first = new Uint8Array(4);
    let o = 0;
    for (const z of zip) {
      if (o >= 4) break;
      const part = z.subarray(0, 4 - o);
      first.set(part, o);
      o += part.length;
    }
    format = o >= 4 && isZip(first) ? 'xlsx' : 'csv';
    if (format === 'xlsx') return { orders: [], problems: [] };
    const buffered = zip;
    zip = [];
    zipLength = 0;
    let b: OrderBatch = { orders: [], problems: [] };
    for (const z of buffered) b = merge(b, orders.push(csv.push(decoder.push(z))));
    return b;
  }

  function readZip(): OrderBatch {
    const all = new Uint8Array(zipLength);
    let o = 0;
    for (const z of zip) {
      all.set(z, o);
      o += z.length;
    }
    zip = [];
    const r = readXlsxRows(all, options);
    if (!r.ok) return { orders: [], problems: [problem(r.error.code, 0, 0, r.error.message)] };
    return merge(orders.push(r.records), orders.end());
  }

  return {
    push(chunk: Uint8Array | string): OrderBatch {
      if (typeof chunk === 'string') {
        format ??= 'csv';
        if (format !== 'csv') return { orders: [], problems: [] };
        return count(orders.push(csv.push(chunk)));
      }
      if (!(chunk instanceof Uint8Array) || chunk.length === 0) return { orders: [], problems: [] };
      usedBytes = true;
      if (format === 'csv') return count(orders.push(csv.push(decoder.push(chunk))));
      // XLSX, or the first bytes while fewer than 4 have come to tell a ZIP from a CSV.
      zip.push(chunk);
      zipLength += chunk.length;
      if (format === undefined && zipLength >= 4) return count(decide());
      return { orders: [], problems: [] };
    },
    end(): OrderBatch {
      const head = format === undefined && usedBytes ? decide() : { orders: [], problems: [] };
      if (format === 'xlsx') return count(readZip());
      let b = merge(head, orders.push(csv.push(usedBytes ? decoder.end() : '')));
      b = merge(b, orders.push(csv.end()));
      b = merge(b, orders.end());
      if (decoder.replaced > 0)
        b.problems.push(
          problem(
            'decode-replaced',
            0,
            0,
            `${decoder.replaced} byte sequence(s) did not fit the ${decoder.encoding ?? 'utf-8'} encoding and became U+FFFD`,
          ),
        );
      return count(b);
    },
    summary(): OrderFileSummary {
      const h = orders.header;
      const left = orders.omitted;
      return {
        format,
        platform: h?.platform,
        encoding: usedBytes && format === 'csv' ? decoder.encoding : undefined,
        header: h,
        containsPlaintext: orders.containsPlaintext,
        orderCount,
        errorCount: errorCount + left.error,
        warningCount: warningCount + left.warning,
        problemsOmitted: left.error + left.warning + left.info,
      };
    },
  };
}

/**
 * Read a whole order file (CSV text, CSV bytes or XLSX bytes). Never throws. At most
 * `maxProblems` (default 1,000) problems are listed; the rest are counted (`problemsOmitted`,
 * and a final `problems-omitted` problem).
 * @example
 * const r = parseOrderFile('订单号,商品名称,商品数量,下单时间,订单状态\n3718000000000001,保温杯,2,2026-11-03 12:00:00,待发货\n', { platform: 'wechat' });
 * r.orders[0]?.order.items; // [{ name: '保温杯', quantity: 2 }]
 * r.problems; // []
 */
export function parseOrderFile(input: string | Uint8Array, options: OrderFileOptions = {}): OrderFileResult {
  const reader = createOrderFileReader(options);
  const a = reader.push(typeof input === 'string' || input instanceof Uint8Array ? input : '');
  const b = reader.end();
  return {
    ...reader.summary(),
    orders: a.orders.concat(b.orders),
    problems: a.problems.concat(b.problems),
  };
}

/** A stream's reader, as `ReadableStream.getReader()` returns it. */
export interface ChunkStreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array | string }>;
  releaseLock(): void;
}

/** Where `readOrderStream` takes chunks from. */
export type ChunkSource =
  AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | { getReader(): ChunkStreamReader };

async function* chunksOf(source: ChunkSource): AsyncGenerator<Uint8Array | string> {
  if (Symbol.asyncIterator in source || Symbol.iterator in source) {
    yield* source as AsyncIterable<Uint8Array | string>;
    return;
  }
  // A ReadableStream in a runtime without async iteration of streams.
  const reader = source.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value !== undefined) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Read an order file from a stream of chunks (a `ReadableStream<Uint8Array>` such as
 * `file.stream()`, or any async or sync iterable of chunks), yielding orders and problems as
 * they complete. The generator's return value is the summary. Never throws on bad content (a
 * failing source still rejects).
 * @example
 * for await (const batch of readOrderStream(file.stream(), { platform: 'douyin' })) {
 *   for (const { order } of batch.orders) save(order);
 *   for (const p of batch.problems) show(p);
 * }
 */
export async function* readOrderStream(
  source: ChunkSource,
  options: OrderFileOptions = {},
): AsyncGenerator<OrderBatch, OrderFileSummary> {
  const reader = createOrderFileReader(options);
  for await (const chunk of chunksOf(source)) {
    const b = reader.push(chunk);
    if (b.orders.length > 0 || b.problems.length > 0) yield b;
  }
  const last = reader.end();
  if (last.orders.length > 0 || last.problems.length > 0) yield last;
  return reader.summary();
}
