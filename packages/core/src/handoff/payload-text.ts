/**
 * Finding a sealed payload in pasted text. A link is `<base>#<payload>`; chat apps add text
 * around it, trackers append `&utm_source=…`, long messages get line breaks and zero-width
 * characters. The payload is base64url and its header states its own length, so the reader
 * collects base64url characters after a `#` (skipping whitespace), takes exactly the stated
 * length and ignores whatever follows. A bare payload or a sealed file (no `#`) is found by
 * trying each run of base64url characters.
 * @module
 */
import { decodeBase64url, isBase64urlCode } from './base64url.js';

/** What a header reader says about the first bytes of a candidate. */
export type HeaderProbe =
  | { readonly kind: 'ok'; readonly total: number }
  | { readonly kind: 'unknown-version' | 'too-large' | 'not-mine' };

/** Outcome of `findPayload`. */
export type FoundPayload =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | {
      readonly ok: false;
      readonly code: 'not-a-link' | 'truncated' | 'too-large' | 'unknown-version' | 'corrupt';
    };

/** Longest text searched (a 16 MiB payload is ~22.4 M characters). */
export const MAX_TEXT_CHARS = 24_000_000;
/** Characters decoded to read a header (at most 144 bytes). */
const HEADER_CHARS = 192;
/** Runs shorter than this after a `#` are not taken for a damaged payload. */
const PLAUSIBLE_CHARS = 60;
const MAX_CANDIDATES = 100_000;

/** Whitespace and invisible characters copy/paste adds inside long text. */
function isSkippable(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x2060 ||
    c === 0xfeff
  );
}

/** Base64url characters from `start`, skipping whitespace, up to `max` characters. */
function collect(text: string, start: number, max: number): string {
  const parts: string[] = [];
  let have = 0;
  let runStart = start;
  let i = start;
  for (; i < text.length && have < max; i++) {
    const c = text.charCodeAt(i);
    if (isBase64urlCode(c)) {
      have++;
      continue;
    }
    if (i > runStart) parts.push(text.slice(runStart, i));
    if (!isSkippable(c)) return parts.join('');
    runStart = i + 1;
  }
  if (i > runStart) parts.push(text.slice(runStart, i));
  return parts.join('');
}

function charsFor(bytes: number): number {
  return Math.ceil((bytes * 4) / 3);
}

function tryAt(
  text: string,
  start: number,
  probe: (head: Uint8Array) => HeaderProbe,
  maxBytes: number,
): FoundPayload | { ok: false; code: 'skip' } {
  const head = collect(text, start, HEADER_CHARS);
  if (head.length < 4) return { ok: false, code: 'skip' };
  const headBytes = decodeBase64url(head.slice(0, head.length - (head.length % 4)));
  if (!headBytes) return { ok: false, code: 'skip' };
  const p = probe(headBytes);
  if (p.kind === 'not-mine') return { ok: false, code: 'skip' };
  if (p.kind !== 'ok') return { ok: false, code: p.kind };
  if (p.total > maxBytes) return { ok: false, code: 'too-large' };
  const need = charsFor(p.total);
  const all = collect(text, start, need);
  if (all.length < need) return { ok: false, code: 'truncated' };
  const bytes = decodeBase64url(all);
  return bytes ? { ok: true, bytes } : { ok: false, code: 'corrupt' };
}

/**
 * Find the payload in a link, a bare payload or a sealed file's text. `probe` reads the first
 * bytes and says whether they start a payload of this kind and how long it is. With `afterHash`
 * false (return codes), a `#` is not an anchor and only runs are tried. Never throws.
 * @example
 * findPayload('打开 https://s.example/h#AQA… &utm_source=wechat', probeBatchHeader, MAX_PAYLOAD_BYTES);
 */
export function findPayload(
  text: string,
  probe: (head: Uint8Array) => HeaderProbe,
  maxBytes: number,
  afterHash = true,
): FoundPayload {
  if (typeof text !== 'string') return { ok: false, code: 'not-a-link' };
  if (text.length > MAX_TEXT_CHARS) return { ok: false, code: 'too-large' };
  let best: FoundPayload | undefined;
  const rank = (code: string): number =>
    code === 'truncated' || code === 'too-large'
      ? 3
      : code === 'corrupt'
        ? 2
        : code === 'unknown-version'
          ? 1
          : 0;
  const consider = (
    found: FoundPayload | { ok: false; code: 'skip' },
    plausible: boolean,
  ): FoundPayload | undefined => {
    let r = found;
    if (r.ok) return r;
    if (!plausible && (r.code === 'skip' || r.code === 'unknown-version')) return undefined;
    // A long run after `#` whose header does not parse is a damaged payload, not chat text.
    if (r.code === 'skip') r = { ok: false, code: 'corrupt' };
    if (!best || (!best.ok && rank(r.code) > rank(best.code))) best = r;
    return undefined;
  };
  // 1. After each `#` (links, and sealed files, which put the payload after a `#` line).
  let tried = 0;
  for (
    let i = afterHash ? text.indexOf('#') : -1;
    i >= 0 && tried < MAX_CANDIDATES;
    i = text.indexOf('#', i + 1), tried++
  ) {
    const plausible = collect(text, i + 1, PLAUSIBLE_CHARS).length >= PLAUSIBLE_CHARS;
    const hit = consider(tryAt(text, i + 1, probe, maxBytes), plausible);
    if (hit) return hit;
  }
  // 2. A bare payload: each run of base64url characters.
  tried = 0;
  for (let i = 0; i < text.length && tried < MAX_CANDIDATES; i++) {
    const c = text.charCodeAt(i);
    if (!isBase64urlCode(c)) continue;
    if (i > 0 && isBase64urlCode(text.charCodeAt(i - 1))) continue;
    if (afterHash && i > 0 && text.charCodeAt(i - 1) === 35) continue; // already tried after `#`
    tried++;
    const hit = consider(tryAt(text, i, probe, maxBytes), false);
    if (hit) return hit;
  }
  return best ?? { ok: false, code: 'not-a-link' };
}
