/**
 * Times in export cells: back-office text (`2026-11-03 12:34:56`, read as China time), ISO-8601
 * with an offset, or an Excel date serial (days since 1899-12-30, as XLSX stores dates; read as
 * China wall time, which is what the back-office wrote).
 * @module
 */
import { CHINA_OFFSET_MS, DAY_MS, parseChinaDateTime } from '../time/china-time.js';
import type { Instant } from '../types.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/u;
const SERIAL = /^\d{1,7}(?:\.\d{1,12})?$/u;
/** 1899-12-30 (Excel's day 0 in the 1900 date system) as a UTC epoch offset in days. */
const EXCEL_EPOCH_DAYS = 25_569;
/** 9999-12-31 in Excel's 1900 date system. */
const EXCEL_MAX_SERIAL = 2_958_465;

/**
 * Read a time cell into a UTC instant; `undefined` when it is not a time.
 * @example
 * readExportTime('2026-11-03 12:34:56') === Date.parse('2026-11-03T04:34:56Z'); // true
 * readExportTime('46000.5') === Date.parse('2025-12-09T04:00:00Z'); // true (Excel serial, China noon)
 * readExportTime('昨天'); // undefined
 */
export function readExportTime(text: string): Instant | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  if (t === '' || t.length > 64) return undefined;
  const china = parseChinaDateTime(t);
  if (china !== undefined) return china;
  if (ISO.test(t)) {
    const v = Date.parse(t);
    return Number.isFinite(v) ? v : undefined;
  }
  if (SERIAL.test(t)) {
    const serial = Number(t);
    if (serial < 1 || serial > EXCEL_MAX_SERIAL) return undefined;
    const wall = Math.round(((serial - EXCEL_EPOCH_DAYS) * DAY_MS) / 1000) * 1000;
    return wall - CHINA_OFFSET_MS;
  }
  return undefined;
}
