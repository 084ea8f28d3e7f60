import { describe, expect, it } from 'vitest';
import { payloadOf, supplierFileName, supplierFileWithBatch } from './supplier-file';

const PAGE =
  '<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="x"></head><body></body></html>';
const P = 'AQAB' + 'a'.repeat(40);

describe('supplier file with the batch inside', () => {
  it('takes the payload of a link, a bare #payload, or a sealed file', () => {
    expect(payloadOf(`https://x.example/s.html#${P}`)).toBe(P);
    expect(payloadOf(`#${P}`)).toBe(P);
    expect(payloadOf(`  ${P}\n`)).toBe(P);
    expect(payloadOf('https://x.example/s.html')).toBeUndefined();
    expect(payloadOf(`#${P}"><b>`)).toBeUndefined();
  });

  it('inserts one meta before </head> and refuses a page that is not the single-file page', () => {
    const r = supplierFileWithBatch(PAGE, `#${P}`);
    expect(r).toEqual({
      ok: true,
      html: PAGE.replace('</head>', `<meta name="shipmask-batch" content="${P}">\n</head>`),
    });
    expect(supplierFileWithBatch('<html><body></body></html>', `#${P}`)).toEqual({
      ok: false,
      error: 'not-the-page',
    });
    // Twice into the same file: refused, a file carries one batch.
    if (r.ok) expect(supplierFileWithBatch(r.html, `#${P}`)).toEqual({ ok: false, error: 'not-the-page' });
    expect(supplierFileWithBatch(PAGE, 'no payload')).toEqual({ ok: false, error: 'not-a-payload' });
  });

  it('names the file after the supplier and the China-time day, without unsafe characters', () => {
    // 2026-12-06 17:00 UTC is 2026-12-07 01:00 in China.
    expect(supplierFileName('厂家A', 12, Date.UTC(2026, 11, 6, 17))).toBe('发货单-厂家A-12单-20261207.html');
    expect(supplierFileName('a/b:c*?"<>|\u0001', 1, 0)).toBe('发货单-a_b_c_-1单-19700101.html');
    expect(supplierFileName('   ', 1, 0)).toBe('发货单-supplier-1单-19700101.html');
  });
});
