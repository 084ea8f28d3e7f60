// Order files (issue 9, item 4): rows per second reading a 100,000-row Douyin order export
// (demo headers, ciphertext receiver, clear region, quoted remarks with commas and line breaks,
// ="…" guarded ids), streamed as bytes in 64 KB chunks through sniffing, tokenising, masking and
// grouping; the peak heap growth while streaming; side by side with papaparse (issue 19: the
// parser a JavaScript developer picks; parsing only) and a naive loop
// (`text.split('\n').map((l) => l.split(','))`) that does no decoding work beyond one
// TextDecoder call and is WRONG on quoted fields (it splits inside quotes and across lines);
// the same rows as an XLSX workbook (zipped here with node:zlib, read by core's fflate reader).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { crc32, deflateRawSync } from 'node:zlib';
import {
  createByteDecoder,
  createCsvParser,
  createOrderFileReader,
  parseCsv,
  parseOrderFile,
} from '../../packages/core/src/index.ts';
import Papa from 'papaparse';
import type { BenchRow, BenchSuite } from './types.ts';
import { mulberry32 as rng } from '../demo/data.ts';

const ROWS = 100_000;
const CHUNK = 64 * 1024;
const HEADER =
  '主订单编号,子订单编号,选购商品,商品规格,商品数量,商家编码,商品单价,订单应付金额,收件人,收件人手机号,省,市,区,街道,详细地址,买家留言,订单提交时间,订单状态,商品一级类目,快递公司,快递单号';

export function makeExport(): { bytes: Uint8Array; orders: number; quotedRows: number } {
  const rand = rng(20261123);
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const cipher = (n: number): string =>
    Array.from({ length: n }, () => b64[Math.floor(rand() * 64)]).join('');
  const regions = [
    ['广东省', '广州市', '天河区', '珠江新城街道'],
    ['浙江省', '杭州市', '西湖区', '北山街道'],
    ['北京市', '北京市', '朝阳区', '建外街道'],
    ['四川省', '成都市', '武侯区', '玉林街道'],
  ] as const;
  const goods = [
    ['保温杯', '500ml 白色', 'BWB-500', '59.00'],
    ['杯套', '蓝色', 'BT-1', '9.90'],
    ['"限定" 马克杯', '350ml', 'MKB-350', '39.00'],
    ['茶叶, 明前龙井', '250g', 'LJ-250', '128.00'],
  ] as const;
  const lines = ['\uFEFF' + HEADER];
  let order = 6921000000000000;
  let orders = 0;
  let quotedRows = 0;
  for (let i = 0; i < ROWS; i++) {
    // About one order in four has two sub-orders (two rows).
    if (i === 0 || rand() < 0.75) {
      order++;
      orders++;
    }
    const [name, spec, sku, price] = goods[Math.floor(rand() * goods.length)] ?? goods[0];
    const [p, c, d, s] = regions[Math.floor(rand() * regions.length)] ?? regions[0];
    const remark = rand() < 0.2 ? '"请发中通,谢谢\n周末不在家"' : rand() < 0.5 ? '尽快发货' : '';
    const quotedName = name.includes('"') || name.includes(',');
    if (quotedName || remark.startsWith('"')) quotedRows++;
    const cell = quotedName ? `"${name.replaceAll('"', '""')}"` : name;
    lines.push(
      [
        `="${order}"`,
        `="${order}${i % 10}"`,
        cell,
        spec,
        String(1 + Math.floor(rand() * 3)),
        sku,
        price,
        price,
        `#${cipher(4)}#${cipher(24)}=#1##`,
        `$$${cipher(24)}==$1$$`,
        p,
        c,
        d,
        s,
        `#${cipher(4)}#${cipher(40)}=#1##`,
        remark,
        `2026-11-${String(1 + (i % 28)).padStart(2, '0')} 12:${String(i % 60).padStart(2, '0')}:00`,
        '待发货',
        '家居用品',
        '',
        '',
      ].join(','),
    );
  }
  return { bytes: new TextEncoder().encode(lines.join('\r\n') + '\r\n'), orders, quotedRows };
}

/** The same rows as an XLSX workbook (inline strings, deflated), as a spreadsheet export would be. */
function makeXlsx(csvBytes: Uint8Array): Uint8Array {
  const rows = parseCsv(new TextDecoder().decode(csvBytes));
  const esc = (v: string): string =>
    v.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const col = (i: number): string =>
    i < 26 ? String.fromCharCode(65 + i) : 'A' + String.fromCharCode(65 + i - 26);
  const body = rows
    .map(
      (r, n) =>
        `<row r="${n + 1}">${r.fields
          .map((v, i) => `<c r="${col(i)}${n + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)
          .join('')}</row>`,
    )
    .join('');
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
  const enc = new TextEncoder();
  return zipParts([
    [
      'xl/workbook.xml',
      enc.encode(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="订单" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    ],
    [
      'xl/_rels/workbook.xml.rels',
      enc.encode(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    ],
    ['xl/worksheets/sheet1.xml', enc.encode(sheet)],
  ]);
}

/** A ZIP archive of deflated entries (local headers and data, central directory, end record). */
function zipParts(parts: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBytes = Buffer.from(new TextEncoder().encode(name));
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cdSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

function heapUsed(): number {
  return process.memoryUsage().heapUsed;
}

/** A full GC, so heapUsed is live memory (the flag is set at run time, tsx cannot pass it). */
function collect(): () => void {
  setFlagsFromString('--expose_gc');
  const gc = runInNewContext('gc') as () => void;
  return gc;
}

/**
 * Live heap while streaming (a full GC before each sample, every 1 MB): what the reader keeps,
 * not the garbage it makes. Against the live heap of reading the whole file at once.
 */
function memoryPass(bytes: Uint8Array): { streamPeak: number; wholeLive: number } {
  const gc = collect();
  gc();
  const base = heapUsed();
  let streamPeak = 0;
  const r = createOrderFileReader({ platform: 'douyin' });
  for (let o = 0; o < bytes.length; o += CHUNK) {
    r.push(bytes.subarray(o, o + CHUNK));
    if ((o / CHUNK) % 16 === 0) {
      gc();
      streamPeak = Math.max(streamPeak, heapUsed() - base);
    }
  }
  r.end();
  gc();
  const before = heapUsed();
  const whole = parseOrderFile(bytes, { platform: 'douyin' });
  gc();
  const wholeLive = heapUsed() - before;
  if (whole.orders.length === 0) throw new Error('no orders');
  return { streamPeak, wholeLive };
}

/** Stream the bytes in 64 KB chunks; orders are counted and dropped, as a consumer that saves them would. */
/** CPU milliseconds this process has used (all its threads, the collector's included). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function streamOnce(bytes: Uint8Array): {
  ms: number;
  cpu: number;
  orders: number;
  errors: number;
  peak: number;
} {
  const base = heapUsed();
  let peak = 0;
  const cpu0 = cpuMs();
  const start = performance.now();
  const r = createOrderFileReader({ platform: 'douyin', shopId: 'bench' });
  let orders = 0;
  let errors = 0;
  for (let o = 0; o < bytes.length; o += CHUNK) {
    const b = r.push(bytes.subarray(o, o + CHUNK));
    orders += b.orders.length;
    errors += b.problems.filter((p) => p.severity === 'error').length;
    if ((o / CHUNK) % 16 === 0) peak = Math.max(peak, heapUsed() - base);
  }
  const e = r.end();
  orders += e.orders.length;
  errors += e.problems.filter((p) => p.severity === 'error').length;
  const ms = performance.now() - start;
  const cpu = cpuMs() - cpu0;
  peak = Math.max(peak, heapUsed() - base);
  return { ms, cpu, orders, errors, peak };
}

/** The first two stages of `streamOnce` alone (decode and tokenise the chunks; no orders). */
function decodeTokenizeOnce(bytes: Uint8Array): { cpu: number; records: number } {
  const cpu0 = cpuMs();
  const d = createByteDecoder();
  const p = createCsvParser();
  let records = 0;
  for (let o = 0; o < bytes.length; o += CHUNK)
    records += p.push(d.push(bytes.subarray(o, o + CHUNK))).length;
  records += p.push(d.end()).length + p.end().length;
  return { cpu: cpuMs() - cpu0, records };
}

function naiveOnce(bytes: Uint8Array): { ms: number; rows: number; wrongRows: number } {
  const start = performance.now();
  const text = new TextDecoder().decode(bytes);
  const rows = text.split('\n').map((l) => l.split(','));
  const ms = performance.now() - start;
  const width = rows[0]?.length ?? 0;
  const wrongRows = rows.filter((r) => r.length !== width && !(r.length === 1 && r[0] === '')).length;
  return { ms, rows: rows.length, wrongRows };
}

/**
 * The peer a JavaScript developer would pick (issue 19): papaparse, the most used CSV parser, on
 * the same decoded text (parsing only: no masking, dates or grouping), in its fast mode (no
 * header objects, no type guessing) and correct on quoted commas and line breaks.
 */
function papaOnce(bytes: Uint8Array): { ms: number; cpu: number; rows: number; wrongRows: number } {
  const cpu0 = cpuMs();
  const start = performance.now();
  const text = new TextDecoder().decode(bytes);
  const out = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const ms = performance.now() - start;
  const cpu = cpuMs() - cpu0;
  const width = out.data[0]?.length ?? 0;
  return { ms, cpu, rows: out.data.length, wrongRows: out.data.filter((r) => r.length !== width).length };
}

const suite: BenchSuite = {
  name: 'files',
  async run(): Promise<BenchRow[]> {
    const { bytes, orders, quotedRows } = makeExport();
    const mb = bytes.length / 1024 / 1024;
    // Warm-up, then best of three (the machine is shared).
    streamOnce(bytes);
    const runs = [streamOnce(bytes), streamOnce(bytes), streamOnce(bytes)];
    const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const peak = Math.min(...runs.map((r) => r.peak));
    naiveOnce(bytes);
    const naive = [naiveOnce(bytes), naiveOnce(bytes), naiveOnce(bytes)].reduce((a, b) =>
      b.ms < a.ms ? b : a,
    );
    papaOnce(bytes);
    const papaRuns = [papaOnce(bytes), papaOnce(bytes), papaOnce(bytes)];
    const papa = papaRuns.reduce((a, b) => (b.ms < a.ms ? b : a));
    // CPU time moves less than wall time with other people's load on a shared machine.
    const cpuRatio = Math.min(...papaRuns.map((r) => r.cpu)) / Math.min(...runs.map((r) => r.cpu));
    const papaPerSec = ROWS / (papa.ms / 1000);
    // The tokenizer alone (no masking / grouping), on the decoded text, for the breakdown.
    const text = new TextDecoder().decode(bytes);
    const tokStart = performance.now();
    const recs = parseCsv(text).length;
    const tokMs = performance.now() - tokStart;

    decodeTokenizeOnce(bytes);
    const stages = [decodeTokenizeOnce(bytes), decodeTokenizeOnce(bytes), decodeTokenizeOnce(bytes)];
    const stagesCpu = Math.min(...stages.map((r) => r.cpu));
    const oursCpu = Math.min(...runs.map((r) => r.cpu));

    const mem = memoryPass(bytes);
    const xlsx = makeXlsx(bytes);
    parseOrderFile(xlsx, { platform: 'douyin' });
    const xStart = performance.now();
    const xr = parseOrderFile(xlsx, { platform: 'douyin' });
    const xMs = performance.now() - xStart;
    const rowsPerSec = ROWS / (best.ms / 1000);
    const naivePerSec = ROWS / (naive.ms / 1000);
    await Promise.resolve();
    return [
      {
        name: `read ${ROWS.toLocaleString('en-US')}-row Douyin CSV (${mb.toFixed(1)} MB), 64 KB chunks → OrderViews`,
        value: rowsPerSec,
        unit: 'rows/s',
        // A merchant's biggest export (100,000 rows) read in 5 s on a shared machine, every order.
        target: '>= 20,000 rows/s, every order read',
        ok: rowsPerSec >= 20_000 && best.orders === orders && best.errors === 0,
        note: `${best.orders.toLocaleString('en-US')} orders, ${best.errors} errors; ${(best.ms / 1000).toFixed(2)} s; ${(rowsPerSec / naivePerSec).toFixed(2)}x the naive peer's rows/s`,
      },
      {
        name: 'papaparse 5 (peer): TextDecoder + Papa.parse, parsing only',
        value: papaPerSec,
        unit: 'rows/s',
        target: "ours (decode + mask + classify + group) >= papaparse's parse alone",
        ok: rowsPerSec >= papaPerSec,
        note: `ours ${(rowsPerSec / papaPerSec).toFixed(2)}x papaparse's rows/s (by CPU time: ${cpuRatio.toFixed(2)}x); ${papa.wrongRows} of ${papa.rows.toLocaleString('en-US')} records with a wrong field count`,
      },
      {
        name: "naive peer: TextDecoder + split('\\n') + split(',')",
        value: naivePerSec,
        unit: 'rows/s',
        note: `WRONG: ${naive.wrongRows.toLocaleString('en-US')} of ${(naive.rows - 1).toLocaleString('en-US')} lines have the wrong field count (${quotedRows.toLocaleString('en-US')} rows hold quoted commas/line breaks); no BOM, ="…", masking, dates or grouping`,
      },
      {
        name: 'tokenizer only (parseCsv on the decoded text)',
        value: ROWS / (tokMs / 1000),
        unit: 'rows/s',
        note: `${recs.toLocaleString('en-US')} records`,
      },
      {
        name: 'breakdown: decode + tokenise the 64 KB chunks only (no orders), by CPU time',
        value: ROWS / (stagesCpu / 1000),
        unit: 'rows/s',
        note: `${stagesCpu.toFixed(0)} ms of the full read's ${oursCpu.toFixed(0)} ms CPU; the rest (${(oursCpu - stagesCpu).toFixed(0)} ms) is cleaning, checking, masking, dates and grouping; ${(stages[0]?.records ?? 0).toLocaleString('en-US')} records`,
      },
      {
        name: `read the same rows as XLSX (${(xlsx.length / 1024 / 1024).toFixed(1)} MB zipped, inline strings)`,
        value: ROWS / (xMs / 1000),
        unit: 'rows/s',
        note: `${xr.orders.length.toLocaleString('en-US')} orders, ${xr.errorCount} errors; buffered (a ZIP's directory is at its end); ${(xMs / 1000).toFixed(2)} s`,
      },
      {
        name: 'live heap while streaming (peak, full GC before each sample)',
        value: mem.streamPeak / 1024 / 1024,
        unit: 'MB',
        note: `reading the whole file at once keeps ${(mem.wholeLive / 1024 / 1024).toFixed(0)} MB live (all OrderViews); the file is ${mb.toFixed(1)} MB of bytes, ~${((text.length * 2) / 1024 / 1024).toFixed(0)} MB as one JS string. Streaming keeps the chunk, the open row, the current order and the set of order ids seen (for order-split warnings; held as bytes in typed arrays, outside the JS heap, so not in this figure: about 4 MB for 75,000 ids)`,
      },
      {
        name: 'heap growth while streaming (no GC; includes garbage)',
        value: peak / 1024 / 1024,
        unit: 'MB',
      },
    ];
  },
};

export default suite;
