/**
 * A small Code 128 encoder and decoder (ISO/IEC 15417), written for waybill numbers.
 *
 * Why hand-written (see README "Waybills and labels"): bwip-js (~1 MB of PostScript-derived code)
 * and JsBarcode (needs a DOM or canvas to draw, ~60 KB) do far more than a label needs. This file
 * is one table and two short functions: it picks code sets with a shortest-symbol search, returns
 * the symbol values, the checksum and the bar/space widths, and decodes widths back to text, so
 * tests can prove every barcode reads back.
 * @module
 */

/**
 * Code 128 bar/space widths per symbol value 0..106 (ISO/IEC 15417 table 1): six digits = bar,
 * space, bar, space, bar, space, in modules, 11 modules per symbol; 106 (STOP) has 7 elements,
 * 13 modules (with the final bar).
 */
export const CODE128_PATTERNS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
]; // prettier-ignore

/** The patterns as numbers, computed once. */
const PATTERN_WIDTHS: readonly (readonly number[])[] = CODE128_PATTERNS.map((p) =>
  [...p].map((ch) => ch.charCodeAt(0) - 48),
);

const START_A = 103;
const START_B = 104;
const START_C = 105;
const STOP = 106;
const CODE_A = 101; // in sets B and C
const CODE_B = 100; // in sets A and C
const CODE_C = 99; // in sets A and B

/** A Code 128 code set. */
export type Code128Set = 'A' | 'B' | 'C';

/** A Code 128 symbol ready to draw. */
export interface Code128Symbol {
  /** The encoded text. */
  readonly text: string;
  /** Symbol values from START to the checksum (STOP not included). */
  readonly values: readonly number[];
  /** The modulo-103 checksum value (last entry of `values`). */
  readonly checksum: number;
  /** Bar/space widths in modules, bar first, START to STOP (final bar included). */
  readonly widths: readonly number[];
  /** Total modules without quiet zones (11 per symbol + 13 for STOP). */
  readonly modules: number;
}

/** Why a text cannot be encoded or widths cannot be decoded. */
export interface Code128Error {
  readonly code: 'empty' | 'unsupported-char' | 'too-long' | 'bad-widths' | 'bad-checksum';
  readonly message: string;
}

/** Result of {@link encodeCode128} / {@link decodeCode128}. */
export type Code128Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Code128Error };

/** Longest text accepted: a waybill number is ~10–20 characters; 80 keeps a label bar code sane. */
export const CODE128_MAX_LENGTH = 80;

const inA = (c: number): boolean => c >= 0 && c <= 95;
const inB = (c: number): boolean => c >= 32 && c <= 127;
const valueA = (c: number): number => (c >= 32 ? c - 32 : c + 64);
const valueB = (c: number): number => c - 32;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Encodes ASCII text (0..127) as Code 128, choosing code sets A/B/C with a shortest-path search
 * (fewest symbols: digit pairs go to set C when that saves symbols, control characters to A).
 * Never throws: empty, non-ASCII or over-long text returns a typed error.
 * @example
 * const r = encodeCode128('PJJ123C');
 * // r.ok && r.value.values: [104 START B, 48 P, 42 J, 42 J, 17 1, 18 2, 19 3, 35 C, 55 checksum]
 */
export function encodeCode128(text: string): Code128Result<Code128Symbol> {
  if (typeof text !== 'string' || text.length === 0) {
    return { ok: false, error: { code: 'empty', message: 'Nothing to encode.' } };
  }
  if (text.length > CODE128_MAX_LENGTH) {
    return {
      ok: false,
      error: { code: 'too-long', message: `More than ${CODE128_MAX_LENGTH} characters.` },
    };
  }
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) {
      return {
        ok: false,
        error: { code: 'unsupported-char', message: `Character ${i + 1} is not ASCII.` },
      };
    }
    codes.push(c);
  }
  const values = chooseValues(codes);
  let sum = values[0] ?? 0;
  for (let i = 1; i < values.length; i++) sum += (values[i] ?? 0) * i;
  const checksum = sum % 103;
  const all = [...values, checksum];
  const widths: number[] = [];
  for (const v of all) for (const w of PATTERN_WIDTHS[v]!) widths.push(w);
  for (const w of PATTERN_WIDTHS[STOP]!) widths.push(w);
  return {
    ok: true,
    value: { text, values: all, checksum, widths, modules: all.length * 11 + 13 },
  };
}

/**
 * Shortest symbol sequence by dynamic programming over (position, current set). Cost of a state =
 * symbols emitted so far (an odd digit run therefore keeps its first digit in A/B and switches to
 * C after it, as ISO/IEC 15417 annex E advises). Transitions: stay in the set (1 symbol per char, 1 per digit pair in C)
 * or switch (1 extra symbol: START at the beginning, CODE x later).
 */
const SCRATCH_BEST = new Float64Array((CODE128_MAX_LENGTH + 1) * 3);
const SCRATCH_PREV = new Int8Array((CODE128_MAX_LENGTH + 1) * 3);
const SCRATCH_STEP = new Int8Array((CODE128_MAX_LENGTH + 1) * 3);
const STARTS = [START_A, START_B, START_C] as const;
const SWITCHES = [CODE_A, CODE_B, CODE_C] as const;

/** Tie-break: between equally short encodings prefer set B over A (the usual choice). */
const A_PENALTY = 1e-3;

function chooseValues(codes: readonly number[]): number[] {
  const n = codes.length;
  // best[i * 3 + s] = fewest symbols to have encoded codes[0..i) and be in set s (0 A, 1 B, 2 C);
  // prev / step record the transition into that state.
  // Scratch tables sized for the longest text, reused: encoding is synchronous and never
  // re-entered, so sharing them cannot mix two calls.
  const best = SCRATCH_BEST.fill(Infinity, 0, (n + 1) * 3);
  const prev = SCRATCH_PREV;
  const stepOf = SCRATCH_STEP;
  const canStep = (i: number, s: number): number => {
    const c = codes[i] ?? -1;
    if (s === 0) return inA(c) ? 1 : 0;
    if (s === 1) return inB(c) ? 1 : 0;
    return i + 1 < n && isDigit(c) && isDigit(codes[i + 1] ?? -1) ? 2 : 0;
  };
  for (let s = 0; s < 3; s++) {
    const step = canStep(0, s);
    if (step > 0) {
      best[step * 3 + s] = 2 + (s === 0 ? A_PENALTY : 0); // START + first symbol
      stepOf[step * 3 + s] = step;
    }
  }
  for (let i = 1; i < n; i++) {
    for (let s = 0; s < 3; s++) {
      const step = canStep(i, s);
      if (step === 0) continue;
      const to = (i + step) * 3 + s;
      for (let p = 0; p < 3; p++) {
        const base = best[i * 3 + p]!;
        if (base === Infinity) continue;
        const cost = base + 1 + (p === s ? 0 : 1) + (s === 0 ? A_PENALTY : 0);
        if (cost < best[to]!) {
          best[to] = cost;
          prev[to] = p;
          stepOf[to] = step;
        }
      }
    }
  }
  let end = 0;
  for (let s = 1; s < 3; s++) if (best[n * 3 + s]! < best[n * 3 + end]!) end = s;
  // Walk back to collect (set, position) per symbol.
  const setAt: number[] = [];
  const posAt: number[] = [];
  let i = n;
  let s = end;
  while (i > 0) {
    const k = i * 3 + s;
    const step = stepOf[k]!;
    setAt.push(s);
    posAt.push(i - step);
    i -= step;
    s = prev[k]!;
  }
  const out: number[] = [];
  let cur = -1;
  for (let j = setAt.length - 1; j >= 0; j--) {
    const set = setAt[j]!;
    const at = posAt[j]!;
    if (set !== cur) {
      out.push(cur === -1 ? STARTS[set]! : SWITCHES[set]!);
      cur = set;
    }
    const c = codes[at]!;
    if (set === 0) out.push(valueA(c));
    else if (set === 1) out.push(valueB(c));
    else out.push((c - 48) * 10 + (codes[at + 1]! - 48));
  }
  return out;
}

const PATTERN_INDEX: ReadonlyMap<string, number> = new Map(CODE128_PATTERNS.map((p, i) => [p, i] as const));

/**
 * Decodes bar/space widths (START to STOP, as {@link encodeCode128} returns, or as measured off a
 * label) back to text, checking the modulo-103 checksum. Used to prove labels read back.
 * @example
 * const enc = encodeCode128('SF1234567890');
 * if (enc.ok) decodeCode128(enc.value.widths); // { ok: true, value: 'SF1234567890' }
 */
export function decodeCode128(widths: readonly number[]): Code128Result<string> {
  const bad = (message: string): Code128Result<string> => ({
    ok: false,
    error: { code: 'bad-widths', message },
  });
  if (!Array.isArray(widths) || widths.length < 6 * 3 + 7 || (widths.length - 7) % 6 !== 0) {
    return bad('Width count does not match START, data, checksum and STOP.');
  }
  const values: number[] = [];
  for (let i = 0; i < widths.length - 7; i += 6) {
    const key = widths.slice(i, i + 6).join('');
    const v = PATTERN_INDEX.get(key);
    if (v === undefined || v === STOP) return bad(`Unknown symbol at element ${i}.`);
    values.push(v);
  }
  if (widths.slice(widths.length - 7).join('') !== CODE128_PATTERNS[STOP]) {
    return bad('No STOP pattern at the end.');
  }
  const first = values[0];
  if (first !== START_A && first !== START_B && first !== START_C) {
    return bad('No START symbol.');
  }
  const check = values[values.length - 1]!;
  let sum = first;
  for (let i = 1; i < values.length - 1; i++) sum += values[i]! * i;
  if (sum % 103 !== check) {
    return { ok: false, error: { code: 'bad-checksum', message: 'Checksum does not match.' } };
  }
  let set: Code128Set = first === START_A ? 'A' : first === START_B ? 'B' : 'C';
  let text = '';
  for (let i = 1; i < values.length - 1; i++) {
    const v = values[i]!;
    if (set === 'C') {
      if (v < 100) text += String(v).padStart(2, '0');
      else if (v === CODE_A) set = 'A';
      else if (v === CODE_B) set = 'B';
      else return bad(`Unsupported function symbol ${v} in set C.`);
    } else if (v < 96) {
      text += String.fromCharCode(set === 'A' ? (v < 64 ? v + 32 : v - 64) : v + 32);
    } else if (v === CODE_C) set = 'C';
    else if (set === 'A' && v === CODE_B) set = 'B';
    else if (set === 'B' && v === CODE_A) set = 'A';
    else return bad(`Unsupported function symbol ${v} in set ${set}.`);
  }
  return { ok: true, value: text };
}
