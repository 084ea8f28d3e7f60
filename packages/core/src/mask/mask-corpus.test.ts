// Issue 20, item 4: maskAddress and maskText on real-world addresses from a public test set
// (corpus/README.md). Thresholds are the targets; `pnpm bench` prints the figures.
import { describe, expect, it } from 'vitest';
import { addressCorpus, measureAddresses, measureText, plainTexts } from './corpus/measure.test-helper.js';

const rows = addressCorpus();

describe('address corpus (issue 20)', () => {
  it('holds at least 2,000 real-world addresses', () => {
    expect(rows.length).toBeGreaterThanOrEqual(2000);
  });
  it('maskAddress: region kept ≥ 97%, wrong region ≤ 0.1%, detail leaked 0', () => {
    const f = measureAddresses(rows);
    expect(f.leakExamples).toEqual([]);
    expect(f.leaked).toBe(0);
    expect(f.wrong / f.total, f.wrongExamples.join('\n')).toBeLessThanOrEqual(0.001);
    expect(f.exact / f.total).toBeGreaterThanOrEqual(0.97);
  });
  it('maskText: pasted recipients lose 100% of phones and details, ≥ 99% of names; plain text untouched', () => {
    const f = measureText(rows, 1000, plainTexts());
    expect(f.phoneMasked).toBe(f.recipients);
    expect(f.detailMasked / f.recipients, f.examples.join('\n')).toBeGreaterThanOrEqual(0.99);
    expect(f.nameMasked / f.recipients, f.examples.join('\n')).toBeGreaterThanOrEqual(0.99);
    expect(f.overMasked, f.examples.join('\n')).toBe(0);
  });
});
