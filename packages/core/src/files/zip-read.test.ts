import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateZipEntry, readZipDirectory } from './zip-read.js';

describe('readZipDirectory / inflateZipEntry', { timeout: 120_000 }, () => {
  it('lists entries with declared sizes and inflates stored and deflated parts exactly', () => {
    const files = {
      'a.xml': strToU8('<a>'.repeat(1000)),
      'b/c.txt': strToU8('订单'),
      'e.txt': new Uint8Array(),
    };
    for (const level of [0, 6] as const) {
      const zip = zipSync(files, { level });
      const d = readZipDirectory(zip);
      expect(d.ok).toBe(true);
      if (!d.ok) return;
      expect(d.entries.map((e) => [e.name, e.size])).toEqual([
        ['a.xml', 3000],
        ['b/c.txt', 6],
        ['e.txt', 0],
      ]);
      for (const e of d.entries) {
        const r = inflateZipEntry(zip, e, 1 << 20);
        expect(r.ok && [...r.bytes]).toEqual([...files[e.name as keyof typeof files]]);
      }
    }
  });

  it('refuses a declared size above the limit before inflating, and output past the declared size', () => {
    const zip = zipSync({ 'a.xml': strToU8('x'.repeat(100_000)) });
    const d = readZipDirectory(zip);
    const e = d.ok ? d.entries[0] : undefined;
    if (!e) throw new Error('no entry');
    expect(inflateZipEntry(zip, e, 99_999)).toMatchObject({ ok: false, code: 'over-size' });
    expect(inflateZipEntry(zip, { ...e, size: 50_000 }, 1 << 20)).toMatchObject({
      ok: false,
      code: 'over-size',
    });
    expect(inflateZipEntry(zip, { ...e, method: 12 }, 1 << 20)).toMatchObject({ ok: false, code: 'damaged' });
    expect(inflateZipEntry(zip, { ...e, unreadable: true }, 1 << 20)).toMatchObject({
      ok: false,
      code: 'damaged',
    });
    expect(inflateZipEntry(zip, { ...e, localOffset: 5 }, 1 << 20)).toMatchObject({
      ok: false,
      code: 'damaged',
    });
    const stored = zipSync({ 'a.xml': strToU8('abc') }, { level: 0 });
    const s = readZipDirectory(stored);
    const se = s.ok ? s.entries[0] : undefined;
    if (!se) throw new Error('no entry');
    expect(inflateZipEntry(stored, { ...se, size: 2 }, 100)).toMatchObject({ ok: false, code: 'damaged' });
  });

  it('property: never throws on arbitrary or mutated archives', () => {
    const zip = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'.repeat(50)), 'x.txt': strToU8('x') });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc
            .array(fc.tuple(fc.nat(zip.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 })
            .map((edits) => {
              const b = zip.slice();
              for (const [i, v] of edits) b[i] = v;
              return b;
            }),
        ),
        (bytes) => {
          const d = readZipDirectory(bytes);
          if (d.ok) for (const e of d.entries) expect(() => inflateZipEntry(bytes, e, 1 << 16)).not.toThrow();
        },
      ),
      { numRuns: 1000 },
    );
  });
});
