import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRequest } from '../validate';

const shop = { platform: 'douyin', shopId: '68923417' };
const seal = (extra: Record<string, unknown>) => ({
  type: 'handoff/seal',
  shop,
  orderIds: ['6920000000000000001'],
  supplier: { name: '义乌杯厂' },
  expiresInDays: 7,
  ...extra,
});

describe('hand-off message validation', () => {
  it('keeps only ciphertext and 11+4 numbers from an export; refuses plaintext', () => {
    const ok = validateRequest(
      seal({
        extras: [
          {
            orderId: '6920000000000000001',
            cipher: { phone: '$ML3B$0BB1W4Xn5A=$1$$' },
            virtual: { main: '13476567876', ext: '3639' },
            junk: 'dropped',
          },
        ],
      }),
    );
    expect(ok).toEqual({
      ok: true,
      value: {
        ...seal({}),
        extras: [
          {
            orderId: '6920000000000000001',
            cipher: { phone: '$ML3B$0BB1W4Xn5A=$1$$' },
            virtual: { main: '13476567876', ext: '3639' },
          },
        ],
      },
    });
    for (const cipher of [
      { phone: '13812345678' },
      { name: '张三' },
      { address: '广东省广州市天河区花城大道1号' },
    ]) {
      expect(validateRequest(seal({ extras: [{ orderId: '1', cipher }] }))).toMatchObject({
        ok: false,
        code: 'invalid-message',
      });
    }
  });

  it('takes detailed delivery addresses (issue 17); refuses masked ones, mobiles and duplicates', () => {
    const a = { orderId: '6920000000000000001', address: ' 广东省广州市天河区花城广场888号 ' };
    expect(validateRequest(seal({ addresses: [a] }))).toEqual({
      ok: true,
      value: { ...seal({}), addresses: [{ orderId: a.orderId, address: '广东省广州市天河区花城广场888号' }] },
    });
    for (const addresses of [
      [{ orderId: '1', address: '广东省广州市天河区****' }],
      [{ orderId: '1', address: '广东省广州市天河区花城广场888号 13812345678' }],
      [{ orderId: '1', address: 'x'.repeat(301) }],
      [a, a],
      'x',
    ])
      expect(validateRequest(seal({ addresses })), JSON.stringify(addresses)).toMatchObject({
        ok: false,
        code: 'invalid-message',
      });
    expect(validateRequest({ type: 'handoff/revoke', batchId: 'q3Zk8Jd0WcLm' })).toMatchObject({ ok: true });
    expect(validateRequest({ type: 'handoff/revoke', batchId: 'a b' })).toMatchObject({ ok: false });
  });

  it('refuses a guessable passphrase, accepts a strong one and none', () => {
    const withPass = (passphrase?: string) =>
      validateRequest(seal(passphrase === undefined ? {} : { passphrase }));
    for (const weak of ['123456', '茶杯-42', '13812345678', 'aaaaaaaaaaaaaaaaaaaa'])
      expect(withPass(weak), weak).toMatchObject({
        ok: false,
        code: 'invalid-message',
        message: expect.stringContaining('passphrase'),
      });
    expect(withPass('4821-0937-5562-1048-7390')).toMatchObject({
      ok: true,
      value: { passphrase: '4821-0937-5562-1048-7390' },
    });
    expect(withPass()).toMatchObject({ ok: true });
    expect(withPass('')).toMatchObject({ ok: true });
  });

  it('refuses a base URL with a fragment, other schemes, credentials', () => {
    for (const baseUrl of [
      'https://x.test/s.html#a',
      'javascript:alert(1)',
      'https://u:p@x.test/',
      'ftp://x.test/',
    ]) {
      expect(
        validateRequest({ type: 'handoff/config/set', config: { baseUrl, suppliers: [] } }),
      ).toMatchObject({ ok: false, code: 'invalid-message' });
    }
    expect(
      validateRequest({
        type: 'handoff/config/set',
        config: { baseUrl: ' http://127.0.0.1:8/s.html ', suppliers: [] },
      }),
    ).toMatchObject({ ok: true, value: { config: { baseUrl: 'http://127.0.0.1:8/s.html' } } });
  });

  it('property: any value for a hand-off type is a typed result, never a throw', () => {
    const types = [
      'handoff/orders',
      'handoff/seal',
      'handoff/batches',
      'handoff/batch',
      'handoff/import',
      'handoff/config/get',
      'handoff/config/set',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.dictionary(fc.string(), fc.anything()), (type, rest) => {
        const r = validateRequest({ ...rest, type });
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});
