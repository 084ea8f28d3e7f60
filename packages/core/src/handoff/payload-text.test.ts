import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url, isBase64urlCode } from './base64url.js';
import { findPayload, type FoundPayload, type HeaderProbe } from './payload-text.js';

/** A toy format for the search itself: byte 0 is 7, bytes 1–3 the whole payload's length (>= 4). */
function probe(head: Uint8Array): HeaderProbe {
  if (head.length < 4 || head[0] !== 7) return { kind: 'not-mine' };
  if (head[1]! === 255) return { kind: 'too-large' };
  if (head[1]! === 254) return { kind: 'unknown-version' };
  const total = (head[1]! << 16) | (head[2]! << 8) | head[3]!;
  return total < 4 ? { kind: 'not-mine' } : { kind: 'ok', total };
}

/**
 * The search as it was before issue 14 (quadratic: every candidate re-read the rest of the
 * text), kept as the reference the linear search must agree with.
 */
function referenceFind(text: string, maxBytes: number, afterHash: boolean): FoundPayload {
  const skippable = (c: number): boolean =>
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x2060 ||
    c === 0xfeff;
  const collect = (start: number, max: number): string => {
    let out = '';
    for (let i = start; i < text.length && out.length < max; i++) {
      const c = text.charCodeAt(i);
      if (isBase64urlCode(c)) out += text[i];
      else if (!skippable(c)) break;
    }
    return out;
  };
  const tryAt = (start: number): FoundPayload | { ok: false; code: 'skip' } => {
    const head = collect(start, 24);
    if (head.length < 4) return { ok: false, code: 'skip' };
    const hb = decodeBase64url(head.slice(0, head.length - (head.length % 4)));
    if (!hb) return { ok: false, code: 'skip' };
    const p = probe(hb);
    if (p.kind === 'not-mine') return { ok: false, code: 'skip' };
    if (p.kind !== 'ok') return { ok: false, code: p.kind };
    if (p.total > maxBytes) return { ok: false, code: 'too-large' };
    const need = Math.ceil((p.total * 4) / 3);
    const all = collect(start, need);
    if (all.length < need) return { ok: false, code: 'truncated' };
    const bytes = decodeBase64url(all);
    return bytes ? { ok: true, bytes } : { ok: false, code: 'corrupt' };
  };
  let best: FoundPayload | undefined;
  const rank = (code: string): number =>
    ({ truncated: 3, 'too-large': 3, corrupt: 2, 'unknown-version': 1 })[code] ?? 0;
  const consider = (
    found: FoundPayload | { ok: false; code: 'skip' },
    plausible: boolean,
  ): FoundPayload | undefined => {
    let r = found;
    if (r.ok) return r;
    if (!plausible && (r.code === 'skip' || r.code === 'unknown-version')) return undefined;
    if (r.code === 'skip') r = { ok: false, code: 'corrupt' };
    if (!best || (!best.ok && rank(r.code) > rank(best.code))) best = r;
    return undefined;
  };
  if (afterHash)
    for (let i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
      const hit = consider(tryAt(i + 1), collect(i + 1, 60).length >= 60);
      if (hit) return hit;
    }
  for (let i = 0; i < text.length; i++) {
    if (!isBase64urlCode(text.charCodeAt(i))) continue;
    if (i > 0 && isBase64urlCode(text.charCodeAt(i - 1))) continue;
    if (afterHash && i > 0 && text.charCodeAt(i - 1) === 35) continue;
    const hit = consider(tryAt(i), false);
    if (hit) return hit;
  }
  return best ?? { ok: false, code: 'not-a-link' };
}

const payload = (len: number, fill = 0x41): string => {
  const b = new Uint8Array(len).fill(fill);
  b.set([7, 0, len >> 8, len & 255]);
  return encodeBase64url(b);
};

describe('findPayload', () => {
  it('finds a payload after #, bare, across whitespace and with text glued on', () => {
    const p = payload(30);
    const bytes = decodeBase64url(p)!;
    for (const t of [
      `看这里 https://x.example/s#${p}&utm_source=wechat`,
      `${p.slice(0, 9)}\n${p.slice(9, 21)}\u200b${p.slice(21)}谢谢`,
      `前面 ${p} 后面`,
      `#\n${p}`,
    ])
      expect(findPayload(t, probe, 100), t).toEqual({ ok: true, bytes });
    expect(findPayload(`#${p.slice(0, 30)}`, probe, 100)).toEqual({ ok: false, code: 'truncated' });
    expect(findPayload(`#${p}`, probe, 20)).toEqual({ ok: false, code: 'too-large' });
    expect(findPayload('没有', probe, 100)).toEqual({ ok: false, code: 'not-a-link' });
  });

  it('agrees with the old (quadratic) search on random texts (property, 2,000 runs)', () => {
    const pieces = fc.oneof(
      fc.constantFrom('#', ' ', '\n', '\u200b', '好', '&', 'A', 'b', '-', '_', '9'),
      fc.integer({ min: 4, max: 40 }).map((n) => payload(n)),
      fc.integer({ min: 4, max: 40 }).map((n) => payload(n, 0x42).slice(0, n)),
      fc.constantFrom(
        payload(5, 0).replace(/A$/u, 'B'),
        encodeBase64url(new Uint8Array([7, 255, 1, 1])),
        encodeBase64url(new Uint8Array([7, 254, 1, 1])),
        encodeBase64url(new Uint8Array([7, 1, 0, 0])),
      ),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.boolean(), (parts, afterHash) => {
        const t = parts.join('');
        expect(findPayload(t, probe, 200, afterHash)).toEqual(referenceFind(t, 200, afterHash));
      }),
      { numRuns: 2000 },
    );
  });

  // Issue 14 item 3: every whitespace-separated run whose header states a large length made the
  // old search re-read the rest of the text (80,000 characters took 15 s, 400,000 minutes). No
  // timing assert here (see test/bench/handoff.bench.ts); on the old code these time out.
  it('a 400,000-character paste of header-shaped runs is rejected, and a payload after 1,000,000 is found', () => {
    const tok = encodeBase64url(new Uint8Array([7, 16, 0, 0, 0x41, 0x41])); // states 1 MiB
    const noise = `${tok} `.repeat(50_000); // 450,000 characters
    expect(findPayload(noise, probe, 1 << 20, false)).toEqual({ ok: false, code: 'truncated' });
    expect(findPayload(`#${noise}`, probe, 1 << 20)).toEqual({ ok: false, code: 'truncated' });
    const p = payload(60);
    const big = `${'好 '.repeat(250_000)}${`${tok}\n`.repeat(60_000)}#${p}`;
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(findPayload(big, probe, 1 << 20)).toEqual({ ok: true, bytes: decodeBase64url(p) });
  });
});
