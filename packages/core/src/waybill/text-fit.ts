/**
 * Text measuring and fitting for labels, without a DOM. Widths are estimated from character
 * classes, on the safe side: CJK and full-width characters are 1 em (exact for CJK fonts), ASCII
 * upper case 0.7 em, other printable ASCII 0.6 em (wider than real sans-serif digits, ~0.55 em).
 *
 * Wrap rule: CJK text breaks between any two characters; an ASCII letter/digit run stays whole
 * unless it is longer than a line; a `转NNNN` / `请转NNNN#` extension token is never split; closing
 * punctuation never starts a line. Fit rule: shrink the font down to `minFontMm`, then trim the
 * body (never the protected suffix) at its end with `…`. The suffix is kept whole, so the `转NNNN`
 * extension is never dropped.
 * @module
 */

/** Estimated width of one character, in em. */
export function charWidthEm(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x20) return 0;
  if (c < 0x7f) return c === 0x20 ? 0.35 : c >= 0x41 && c <= 0x5a ? 0.7 : 0.6;
  // Latin-1 and general punctuation that render half-width.
  if (c < 0x2e80 && !(c >= 0x2010 && c <= 0x2027)) return 0.6;
  return 1;
}

/**
 * Estimated width of `text` in em (sum of {@link charWidthEm}).
 * @example
 * textWidthEm('转3639'); // 1 + 4 × 0.6 = 3.4
 */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidthEm(ch);
  return w;
}

// Tokens: an extension (转 + digits, optional #, with a leading 请 kept on it), an ASCII alphanumeric run, or one character.
// Linear: alternatives are disjoint on their first character class; no nested quantifiers.
const TOKEN = /请?转\d{1,8}#?|[A-Za-z0-9]+|[\s\S]/gu;
const NO_LINE_START = new Set([...')）,，.。、;；:：!！?？]】」』》>”’']);
const NO_LINE_END = new Set([...'(（[【「『《<“‘']);

function tokens(text: string): string[] {
  const out: string[] = [];
  let open = '';
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const last = out.length - 1;
    if (NO_LINE_END.has(t)) open += t;
    else if (open === '' && last >= 0 && NO_LINE_START.has(t)) out[last] += t;
    else {
      out.push(open + t);
      open = '';
    }
  }
  if (open !== '') out.push(open);
  return out;
}

const PROTECTED = /请?转\d{1,8}#?/gu;

/**
 * Wraps `text` into lines no wider than `widthEm` (see the module rule). Never returns an empty
 * array for non-empty text; a token wider than a line is split by character (a protected token is
 * only split when it alone is wider than the whole line).
 * @example
 * wrapText('广东省广州市天河区花城广场888号', 8); // ['广东省广州市天河', '区花城广场888号']
 */
export function wrapText(text: string, widthEm: number): string[] {
  return wrapTokens(tokens(text.replace(/[\r\n\t]+/gu, ' ')), widthEm);
}

/** {@link wrapText} over pre-computed tokens (a fit tries several widths on one tokenization). */
function wrapTokens(toks: readonly string[], widthEm: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  const push = (): void => {
    if (line.length > 0) lines.push(line.replace(/\s+$/u, ''));
    line = '';
    w = 0;
  };
  for (const tok of toks) {
    const tw = textWidthEm(tok);
    if (w + tw <= widthEm + 1e-9) {
      if (!(w === 0 && tok === ' ')) {
        line += tok;
        w += tw;
      }
      continue;
    }
    if (tw <= widthEm + 1e-9) {
      push();
      if (tok !== ' ') {
        line = tok;
        w = tw;
      }
      continue;
    }
    // Token wider than a line: split by character.
    for (const ch of tok) {
      const cw = charWidthEm(ch);
      if (w + cw > widthEm + 1e-9 && line.length > 0) push();
      line += ch;
      w += cw;
    }
  }
  push();
  return lines;
}

/** A box to fit text into. */
export interface FitBox {
  /** Line width in millimetres. */
  readonly widthMm: number;
  /** Preferred font size (em box height) in millimetres. */
  readonly fontMm: number;
  /** Smallest font size allowed before trimming; defaults to `fontMm`. */
  readonly minFontMm?: number;
  /** Most lines allowed. */
  readonly maxLines: number;
  /**
   * Height available, in mm: at font size f at most `floor(heightMm / (f × lineHeight))` lines
   * (and never more than `maxLines`), so a smaller font may buy an extra line.
   */
  readonly heightMm?: number;
  /** Line height as a multiple of the font size; default 1.22. */
  readonly lineHeight?: number;
}

/** Text fitted into a box. */
export interface FittedText {
  readonly lines: readonly string[];
  readonly fontMm: number;
  /** True when the body was shortened (the suffix never is). */
  readonly trimmed: boolean;
  /** True when even the suffix alone does not fit (it is still printed whole). */
  readonly overflow: boolean;
}

const ELLIPSIS = '…';

/**
 * Fits `body + suffix` into `box`: shrink the font in 0.2 mm steps down to `minFontMm`, then trim
 * the body from its end (with `…`). The suffix (e.g. `(转3639)` or `如需联系用户,请转3639`) is never
 * shortened or dropped.
 * @example
 * fitText('很长的名字很长的名字', '(转3639)', { widthMm: 30, fontMm: 4, maxLines: 1 }).lines;
 * // ['很长的名…(转3639)']
 */
export function fitText(body: string, suffix: string, box: FitBox): FittedText {
  const minFont = Math.min(box.fontMm, box.minFontMm ?? box.fontMm);
  const linesAt = (f: number): number => {
    const byCount = Math.max(1, Math.floor(box.maxLines));
    if (box.heightMm === undefined) return byCount;
    const byHeight = Math.floor(box.heightMm / (f * (box.lineHeight ?? 1.22)) + 1e-9);
    return Math.max(1, Math.min(byCount, byHeight));
  };
  // Extension tokens of the suffix must each end up whole on one line.
  const guarded = [...suffix.matchAll(PROTECTED)].map((m) => m[0]);
  const whole = (lines: readonly string[]): boolean => guarded.every((g) => lines.some((l) => l.includes(g)));
  const fits = (t: string, f: number): string[] | null => {
    const lines = wrapText(t, box.widthMm / f);
    return lines.length <= linesAt(f) && whole(lines) ? lines : null;
  };
  const full = body + suffix;
  const fullTokens = tokens(full.replace(/[\r\n\t]+/gu, ' '));
  for (let f = box.fontMm; f >= minFont - 1e-9; f = Math.round((f - 0.2) * 100) / 100) {
    const lines = wrapTokens(fullTokens, box.widthMm / f);
    if (lines.length <= linesAt(f) && whole(lines)) {
      return { lines, fontMm: f, trimmed: false, overflow: false };
    }
  }
  // Trim the body at the smallest font: binary search on the number of body characters kept.
  const chars = [...body];
  let lo = 0;
  let hi = chars.length - 1;
  let best: string[] | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const lines = fits(chars.slice(0, mid).join('') + ELLIPSIS + suffix, minFont);
    if (lines) {
      best = lines;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best) return { lines: best, fontMm: minFont, trimmed: true, overflow: false };
  // Not even the suffix fits: print it whole anyway, flagged, at a font small enough for the
  // widest extension token to stay on one line.
  const widest = Math.max(0, ...guarded.map(textWidthEm));
  const f = widest > 0 ? Math.min(minFont, (box.widthMm / widest) * (1 - 1e-9)) : minFont;
  const lines = wrapText(suffix.length > 0 ? suffix : full, box.widthMm / f);
  return { lines, fontMm: f, trimmed: body.length > 0, overflow: true };
}
