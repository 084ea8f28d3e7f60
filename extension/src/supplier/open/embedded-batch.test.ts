// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { supplierFileWithBatch } from '../../handoff/supplier-file';
import { embeddedBatch } from './embedded-batch';

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<title>厂家发货页</title></head><body><div id="app"></div></body></html>`;

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('embeddedBatch', () => {
  it('reads back what supplierFileWithBatch wrote, as #payload', () => {
    const r = supplierFileWithBatch(PAGE, 'https://x.example/supplier.html#AQABAAAAAAAAAAAAAAAAAAAA');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(embeddedBatch(parse(r.html))).toBe('#AQABAAAAAAAAAAAAAAAAAAAA');
  });

  it('a page without a batch, or with anything but base64url in it, has none', () => {
    expect(embeddedBatch(parse(PAGE))).toBeUndefined();
    for (const content of [
      '',
      'short',
      'AQAB AQAB AQAB AQAB',
      'AQABAAAAAAAAAAAA"><script>',
      'AQABAAAAAAAAAAAA#x',
    ])
      expect(embeddedBatch({ querySelector: () => ({ getAttribute: () => content }) })).toBeUndefined();
  });

  it('property: every base64url payload round-trips through the file, nothing else gets in', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.stringMatching(/^[A-Za-z0-9_-]{10,300}$/u)),
        (text) => {
          const r = supplierFileWithBatch(PAGE, `#${text}`);
          const ok = !text.includes('#') && /^[A-Za-z0-9_-]{16,}$/u.test(text.trimEnd());
          expect(r.ok).toBe(ok);
          if (r.ok) {
            expect(embeddedBatch(parse(r.html))).toBe(`#${text.trimEnd()}`);
            // The page around it is unchanged.
            expect(r.html.replace(/<meta name="shipmask-batch" content="[^"]*">\n/u, '')).toBe(PAGE);
          }
        },
      ),
    );
  });
});
