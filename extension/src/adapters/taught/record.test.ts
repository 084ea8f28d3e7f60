import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TAUGHT_LIMITS,
  TaughtAdapterError,
  checkTaughtAdapter,
  fieldRule,
  parseTaughtFile,
  taughtFileText,
  type TaughtAdapter,
} from './record';

const sample: TaughtAdapter = {
  format: 'shipmask-adapter',
  version: 1,
  host: 'fxg.jinritemai.com',
  path: '/ffa/morder/order/list',
  platform: 'douyin',
  savedAt: Date.UTC(2026, 10, 23),
  hosts: [],
  row: 'div[class*="orderCard"]',
  fields: {
    orderId: { selector: 'span[class*="orderNo"]', read: 'orderId' },
    receiverPhone: { selector: '[class*="consPhone"]', read: { token: 1, rest: false } },
    receiverName: { selector: '[class*="consName"]', read: { token: 0, rest: false } },
    receiverAddress: { selector: '[class*="consName"]', read: { token: 1, rest: true } },
  },
};

function code(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    return e instanceof TaughtAdapterError ? `${e.code}: ${e.message}` : `other: ${String(e)}`;
  }
}

describe('taught adapter files', () => {
  it('round-trips through its file text', () => {
    expect(parseTaughtFile(taughtFileText(sample))).toEqual(sample);
  });

  it('refuses bad files with a typed error naming the problem', () => {
    expect(code(() => parseTaughtFile('x'.repeat(TAUGHT_LIMITS.file + 1)))).toMatch(/^too-large/u);
    expect(code(() => parseTaughtFile('{"format":'))).toMatch(/^not-json/u);
    expect(code(() => parseTaughtFile('[]'))).toBe('invalid: adapter: expected an object');
    expect(code(() => parseTaughtFile('{"format":"shipmask-batch"}'))).toMatch(/^wrong-format/u);
    const bad = (patch: Record<string, unknown>) => code(() => checkTaughtAdapter({ ...sample, ...patch }));
    expect(bad({ version: 2 })).toMatch(/^invalid: version/u);
    expect(bad({ host: 'evil.example/x' })).toMatch(/^invalid: host/u);
    expect(bad({ platform: 'taobao' })).toMatch(/^invalid: platform/u);
    expect(bad({ path: 'no-slash' })).toMatch(/^invalid: path/u);
    expect(bad({ row: '' })).toMatch(/^invalid: row/u);
    expect(bad({ row: 'x'.repeat(301) })).toMatch(/^invalid: row/u);
    expect(bad({ hosts: ['a', 'b', 'c', 'd', 'e'] })).toMatch(/^invalid: hosts/u);
    expect(bad({ fields: {} })).toMatch(/^invalid: fields.orderId/u);
    expect(bad({ fields: { ...sample.fields, script: { selector: 'x' } } })).toMatch(
      /^invalid: fields.script/u,
    );
    expect(bad({ fields: { orderId: { selector: 'x', read: { token: 99, rest: false } } } })).toMatch(
      /token/u,
    );
    expect(bad({ fields: { orderId: { selector: 'x', read: '(a+)+$' } } })).toMatch(/read/u);
    // A selector that carries a buyer's phone is buyer data: refused.
    expect(bad({ row: 'div[title="13812345678"]' })).toMatch(/phone or ID/u);
  });

  it('drops properties it does not know (a file cannot smuggle anything into storage)', () => {
    const withExtra = {
      ...sample,
      note: '张三 13812345678',
      fields: { ...sample.fields, orderId: { ...sample.fields.orderId, x: 1 } },
    };
    const checked = checkTaughtAdapter(withExtra);
    expect(checked).toEqual(sample);
    expect(JSON.stringify(checked)).not.toContain('13812345678');
  });

  it('property: never throws anything but TaughtAdapterError on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(code(() => parseTaughtFile(JSON.stringify(v)))).toMatch(
          /^(?:invalid|wrong-format|too-large)/u,
        );
      }),
    );
  });

  it('reads order numbers after a label or alone, and tokens', () => {
    const id = fieldRule({ selector: 'x', read: 'orderId' }).pattern!;
    expect(id.exec('订单编号 6912345678901234567')?.[1]).toBe('6912345678901234567');
    expect(id.exec(' 6912345678901234567 ')?.[0].trim()).toBe('6912345678901234567');
    expect(id.test('商家编码 6912345678901234567')).toBe(false);
    expect(
      fieldRule({ selector: 'x', read: { token: 1, rest: true } }).pattern!.exec(
        '王**，陕西安康市紫阳县****',
      )?.[1],
    ).toBe('陕西安康市紫阳县****');
  });
});
