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
/** Characters decoded to probe a header (18 bytes: version, flags, length, id length). */
const HEADER_CHARS = 24;
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

/**
 * The segment starting at `start`: its base64url characters joined (whitespace and invisible
 * characters skipped), where each run of them starts in that string, and where the segment ends
 * (the first character that is neither base64url nor skippable, or the end of the text). A
 * segment is read once, so finding a payload is linear in the text's length (issue 14 item 3:
 * re-reading the rest of the text from every run made 400k characters take 30 s).
 */
function segmentAt(
  text: string,
  start: number,
  maxChars: number,
  runStartOk: (i: number) => boolean = () => true,
): { chars: string; starts: number[]; end: number } {
  const parts: string[] = [];
  const starts: number[] = [];
  let have = 0;
  let runStart = -1;
  let i = start;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isBase64urlCode(c)) {
      if (runStart < 0) {
        runStart = i;
        if (runStartOk(i)) starts.push(have);
      }
      have++;
      if (have >= maxChars) {
        i++;
        break;
      }
      continue;
    }
    if (runStart >= 0) parts.push(text.slice(runStart, i));
    runStart = -1;
    if (!isSkippable(c)) break;
  }
  if (runStart >= 0) parts.push(text.slice(runStart, i));
  return { chars: parts.join(''), starts, end: i };
}

function charsFor(bytes: number): number {
  return Math.ceil((bytes * 4) / 3);
}

/**
 * Try the candidate starting at `pos` of a segment's characters. Constant work unless it
 * succeeds: the header is at most `HEADER_CHARS`, the length check is arithmetic, and strict
 * base64url can only fail on the last partial group (every character is in the alphabet), so
 * only a payload that will decode is decoded.
 */
function tryAt(
  chars: string,
  pos: number,
  probe: (head: Uint8Array) => HeaderProbe,
  maxBytes: number,
): FoundPayload | { ok: false; code: 'skip' } {
  const head = chars.slice(pos, pos + HEADER_CHARS);
  if (head.length < 4) return { ok: false, code: 'skip' };
  const headBytes = decodeBase64url(head.slice(0, head.length - (head.length % 4)));
  if (!headBytes) return { ok: false, code: 'skip' };
  const p = probe(headBytes);
  if (p.kind === 'not-mine') return { ok: false, code: 'skip' };
  if (p.kind !== 'ok') return { ok: false, code: p.kind };
  if (p.total > maxBytes) return { ok: false, code: 'too-large' };
  const need = charsFor(p.total);
  if (chars.length - pos < need) return { ok: false, code: 'truncated' };
  const tail = need % 4;
  if (tail !== 0 && !decodeBase64url(chars.slice(pos + need - tail, pos + need)))
    return { ok: false, code: 'corrupt' };
  const bytes = decodeBase64url(chars.slice(pos, pos + need));
  return bytes ? { ok: true, bytes } : { ok: false, code: 'corrupt' };
}

/**
 * Find the payload in a link, a bare payload or a sealed file's text. `probe` reads the first
 * bytes and says whether they start a payload of this kind and how long it is. With `afterHash`
 * false (return codes), a `#` is not an anchor and only runs are tried. Linear in the text's
 * length: each segment (base64url characters and whitespace between other characters) is read
 * once, and each candidate costs a constant until one decodes. Never throws.
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
  const maxChars = charsFor(maxBytes) + 1;
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
  // 1. After each `#` (links, and sealed files, which put the payload after a `#` line). A `#`
  // ends a segment, so the segments read here do not overlap.
  let tried = 0;
  for (
    let i = afterHash ? text.indexOf('#') : -1;
    i >= 0 && tried < MAX_CANDIDATES;
    i = text.indexOf('#', i + 1), tried++
  ) {
    const seg = segmentAt(text, i + 1, maxChars);
    const hit = consider(tryAt(seg.chars, 0, probe, maxBytes), seg.chars.length >= PLAUSIBLE_CHARS);
    if (hit) return hit;
  }
  // 2. A bare payload: each run of base64url characters, segment by segment.
  tried = 0;
  // A run right after `#` was tried above.
  const notAfterHash = (i: number): boolean => !(afterHash && i > 0 && text.charCodeAt(i - 1) === 35);
  for (let i = 0; i < text.length && tried < MAX_CANDIDATES;) {
    const c = text.charCodeAt(i);
    if (!isBase64urlCode(c) && !isSkippable(c)) {
      i++;
      continue;
    }
    const seg = segmentAt(text, i, Infinity, notAfterHash);
    for (const pos of seg.starts) {
      if (tried++ >= MAX_CANDIDATES) break;
      const hit = consider(tryAt(seg.chars, pos, probe, maxBytes), false);
      if (hit) return hit;
    }
    i = Math.max(seg.end, i + 1);
  }
  return best ?? { ok: false, code: 'not-a-link' };
}
