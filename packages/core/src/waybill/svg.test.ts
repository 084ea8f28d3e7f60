import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { layoutLabel, type Label } from './layout.js';
import { escapeXml, renderCode128Svg, renderLabelDocument, renderLabelSvg } from './svg.js';
import { labelTemplates } from './templates.js';
import { printableOrderArb, seedOptions, seedOrder, textArb, trackingArb } from './fixtures.test-util.js';
import { decodeCode128 } from './code128.js';

// Property tests run 1,000+ cases; on a shared, loaded machine that can pass 5 s. No timing is
// asserted, so allow a minute.
vi.setConfig({ testTimeout: 60_000 });

const ids = Object.keys(labelTemplates) as Array<keyof typeof labelTemplates>;

function label(id: string, order = seedOrder, opts = seedOptions): Label {
  const r = layoutLabel(order, id, opts);
  if (!r.ok) throw new Error(r.error.code);
  return r.label;
}

/** Element names in an SVG/HTML string, and whether every `&` starts a known entity. */
function markup(s: string): { tags: Set<string>; badAmp: boolean } {
  const tags = new Set([...s.matchAll(/<\/?([A-Za-z][\w:-]*)/gu)].map((m) => m[1]!.toLowerCase()));
  const badAmp = /&(?!(?:amp|lt|gt|quot|#39);)/u.test(s);
  return { tags, badAmp };
}
const SVG_TAGS = new Set(['svg', 'title', 'rect', 'path', 'text']);

/** Reads the character data back out of the rendered <text> elements. */
const unescape = (s: string): string =>
  s
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
const textsOf = (svg: string): string[] =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/gu)].map((m) => unescape(m[1]!));

describe('renderLabelSvg', () => {
  for (const id of ids) {
    it(`${id}: snapshot at the fixed seed order`, async () => {
      const svg = renderLabelSvg(label(id));
      const t = labelTemplates[id];
      expect(svg).toContain(
        `width="${t.widthMm}mm" height="${t.heightMm}mm" viewBox="0 0 ${t.widthMm} ${t.heightMm}"`,
      );
      await expect(svg).toMatchFileSnapshot(`./__snapshots__/label-${id}.svg`);
    });
  }
  it('prints the seed lines as text', () => {
    const texts = textsOf(renderLabelSvg(label('76x130')));
    expect(texts).toContain('店小二(转3639)');
    expect(texts).toContain('13476567876');
    expect(texts).toContain('用户脱敏号码:132****3639(仅供参考)');
  });
  it('order text never becomes markup (property)', () => {
    fc.assert(
      fc.property(printableOrderArb, textArb, (order, remark) => {
        const l = label('76x130', { ...order, remark }, { ...seedOptions, carrierName: remark });
        const svg = renderLabelSvg(l);
        const m = markup(svg);
        expect([...m.tags].every((t) => SVG_TAGS.has(t))).toBe(true);
        expect(m.badAmp).toBe(false);
        // Every laid-out line comes back verbatim (minus characters XML forbids).
        expect(textsOf(svg)).toEqual(l.texts.map((t) => escapeXml(t.text)).map(unescape));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials and drops forbidden characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0007c\ud800d\uffff')).toBe('abcd');
    expect(escapeXml('😀 广州\t\n')).toBe('😀 广州\t\n');
  });
  it('finishes on a 100,000-character input', () => {
    expect(escapeXml('<&\ud800'.repeat(33_334)).length).toBeGreaterThan(100_000);
  });
});

describe('renderLabelDocument', () => {
  it('one page per label, @page sized in mm with no margin', () => {
    const html = renderLabelDocument([label('76x130'), label('76x130')]);
    expect(html).toContain('@page { size: 76mm 130mm; margin: 0 }');
    expect(html.match(/<svg /gu)).toHaveLength(2);
    expect(html.match(/class="label /gu)).toHaveLength(2);
  });
  it('mixed sizes get named pages', () => {
    const html = renderLabelDocument([label('76x130'), label('100x180')]);
    expect(html).toContain('@page label-100x180 { size: 100mm 180mm; margin: 0 }');
    expect(html).toContain('.label-100x180 { page: label-100x180;');
  });
  it('escapes the title and holds only known elements', () => {
    const html = renderLabelDocument([label('100x150')], '</title><script>x</script>');
    const m = markup(html);
    expect(m.tags.has('script')).toBe(false);
    expect([...m.tags].sort()).toEqual(
      ['body', 'div', 'head', 'html', 'meta', 'path', 'rect', 'style', 'svg', 'text', 'title'].sort(),
    );
  });
  it('an empty list is still a valid document', () => {
    expect(renderLabelDocument([])).toContain('<body>');
  });
});

describe('renderCode128Svg', () => {
  it('sizes the symbol in mm with quiet zones and refuses non-ASCII', () => {
    const r = renderCode128Svg('SF1234567890', { moduleMm: 0.5, heightMm: 10 });
    expect(r.ok).toBe(true);
    // START B, S, F, CODE C, 5 pairs, checksum = 10 symbols × 11 + STOP 13 = 123 modules;
    // + 2 × 10 quiet = 143 modules × 0.5 mm = 71.5 mm.
    expect(r.ok && r.svg).toContain('width="71.5mm" height="10mm" viewBox="0 0 71.5 10"');
    expect(renderCode128Svg('运单')).toMatchObject({ ok: false, error: { code: 'unsupported-char' } });
  });
});

/**
 * Reads the bar code back off the rendered SVG artwork: bar rectangles from the path data, the
 * module from the narrowest bar, spaces from the gaps, then our decoder. What is printed is what
 * scans, not just what the layout data says.
 */
function scanSvg(svg: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(/<path d="([^"]*)" fill="#000" shape-rendering="crispEdges"/gu)) {
    const bars = [...m[1]!.matchAll(/M([\d.]+) [\d.]+h([\d.]+)v/gu)].map((b) => ({
      x: Number(b[1]),
      w: Number(b[2]),
    }));
    const module = Math.min(...bars.map((b) => b.w));
    const widths: number[] = [];
    bars.forEach((b, i) => {
      if (i > 0) widths.push(Math.round((b.x - (bars[i - 1]!.x + bars[i - 1]!.w)) / module));
      widths.push(Math.round(b.w / module));
    });
    const d = decodeCode128(widths);
    out.push(d.ok ? d.value : `unreadable: ${d.error.code}`);
  }
  return out;
}

describe('bar code read-back from the rendered SVG', () => {
  it('every bar code on every template scans to the waybill number (property)', () => {
    fc.assert(
      fc.property(trackingArb, fc.constantFrom(...ids), (tracking, id) => {
        const svg = renderLabelSvg(label(id, seedOrder, { ...seedOptions, trackingNumber: tracking }));
        const scanned = scanSvg(svg);
        expect(scanned).toHaveLength(labelTemplates[id].parts);
        for (const s of scanned) expect(s).toBe(tracking);
      }),
      { numRuns: 1000 },
    );
  });
  it('renderCode128Svg output scans back too', () => {
    const r = renderCode128Svg('JT0012345678901');
    expect(r.ok && scanSvg(r.svg)).toEqual(['JT0012345678901']);
  });
});
