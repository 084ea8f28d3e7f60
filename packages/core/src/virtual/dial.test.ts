import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzText, RUNS } from '../classify/fuzz.test-helper.js';
import { dialString, smsTarget } from './dial.js';

const v = { main: '13240968483', ext: '9647' };

describe('dialString', () => {
  it('main, pause, extension; JD adds # (percent-encoded)', () => {
    expect(dialString(v)).toBe('tel:13240968483,9647');
    expect(dialString(v, 'wechat')).toBe('tel:13240968483,9647');
    expect(dialString(v, 'jd')).toBe('tel:13240968483,9647%23');
    expect(dialString(v, 'wechat', { pauses: 2 })).toBe('tel:13240968483,,9647');
    expect(dialString(v, 'wechat', { pauses: 99 })).toBe('tel:13240968483,,,,,9647');
  });
});

describe('dialString (property)', () => {
  it('always main, pauses, extension; # only for JD; a URI without raw #', () => {
    const vn = fc
      .tuple(fc.stringMatching(/^1\d{10}$/u), fc.stringMatching(/^\d{4}$/u))
      .map(([main, ext]) => ({ main, ext }));
    fc.assert(
      fc.property(
        vn,
        fc.constantFrom('douyin', 'wechat', 'jd', 'nope'),
        fc.integer({ min: -3, max: 9 }),
        (x, p, pauses) => {
          const s = dialString(x, p, { pauses });
          expect(s).toMatch(/^tel:1\d{10},{1,5}\d{4}(%23)?$/u);
          expect(s.endsWith('%23')).toBe(p === 'jd');
          expect(s).not.toContain('#');
          expect(s.startsWith(`tel:${x.main},`)).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe('smsTarget', () => {
  it('JD: to the main number, body #ext#text (seed 003)', () => {
    const r = smsTarget('jd', v, '您好,您的快递已到');
    expect(r).toEqual({
      ok: true,
      value: {
        to: '13240968483',
        body: '#9647#您好,您的快递已到',
        uri: `sms:13240968483?body=${encodeURIComponent('#9647#您好,您的快递已到')}`,
      },
    });
  });
  it('keeps $ patterns in the text literally', () => {
    const r = smsTarget('jd', v, "$& $' $1");
    expect(r.ok && r.value.body).toBe("#9647#$& $' $1");
  });
  it('WeChat: typed error; unknown platform and empty text too', () => {
    expect(smsTarget('wechat', v, 'hi')).toMatchObject({ ok: false, error: { code: 'sms-not-supported' } });
    expect(smsTarget('douyin', v, 'hi')).toMatchObject({ ok: false, error: { code: 'sms-not-supported' } });
    expect(smsTarget('nope', v, 'hi')).toMatchObject({ ok: false, error: { code: 'unknown-platform' } });
    expect(smsTarget('jd', v, '  ')).toMatchObject({ ok: false, error: { code: 'empty-text' } });
  });
  it('never throws on arbitrary text, lone surrogates included (property)', () => {
    fc.assert(
      fc.property(fuzzText, (t) => {
        const r = smsTarget('jd', v, t);
        if (r.ok) expect(r.value.body.startsWith('#9647#')).toBe(true);
      }),
      RUNS,
    );
  });
  it('finishes on a 100,000-character text', () => {
    const r = smsTarget('jd', v, '\uD800'.repeat(100_000));
    expect(r.ok && r.value.uri.length).toBeGreaterThan(100_000);
  });
});
