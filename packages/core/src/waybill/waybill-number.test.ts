import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWaybillNumber } from './waybill-number.js';

describe('checkWaybillNumber', () => {
  it('accepts the carriers’ shapes, trimmed and folded to ASCII', () => {
    expect(checkWaybillNumber(' 78412345678901 ')).toEqual({ ok: true, value: '78412345678901' });
    expect(checkWaybillNumber('SF1234567890123')).toEqual({ ok: true, value: 'SF1234567890123' });
    expect(checkWaybillNumber('JDVA01234567890-1-1-')).toEqual({ ok: true, value: 'JDVA01234567890-1-1-' });
    expect(checkWaybillNumber('ＪＤＶＡ０１２３４５６７８９')).toEqual({ ok: true, value: 'JDVA0123456789' });
  });

  it('refuses empty input, formulas, spaces inside, and over-long numbers', () => {
    for (const bad of ['', '   ', '=1+1', '-123', '7841 2345', 'a'.repeat(65), '单号123']) {
      const r = checkWaybillNumber(bad);
      expect(r.ok, bad).toBe(false);
    }
    expect(checkWaybillNumber(undefined)).toMatchObject({ ok: false, problem: 'empty' });
    expect(checkWaybillNumber('=1+1')).toMatchObject({ ok: false, problem: 'shape' });
  });

  it('refuses a mobile number typed into the waybill box, with or without +86', () => {
    expect(checkWaybillNumber('13812345678')).toMatchObject({ ok: false, problem: 'mobile' });
    expect(checkWaybillNumber('8613812345678')).toMatchObject({ ok: false, problem: 'mobile' });
  });

  it('never throws and only returns values it would accept again (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = checkWaybillNumber(s);
        if (r.ok) expect(checkWaybillNumber(r.value)).toEqual(r);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles 100,000 characters quickly and refuses them', () => {
    expect(checkWaybillNumber('7'.repeat(100_000)).ok).toBe(false);
  });
});
