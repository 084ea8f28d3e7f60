import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passphraseStrength, type OrderView } from '@shipmask/core';
import {
  canSeal,
  chosenSupplier,
  clampDays,
  SEAL_FORM_START,
  sealFormReducer,
  sealRequest,
  weakPassphrase,
  type SealFormAction,
} from './seal-form-state';

const shop = { platform: 'wechat' as const, shopId: 's' };
const view = (orderId: string, extra: Partial<OrderView> = {}): OrderView => ({
  platform: 'wechat',
  shopId: 's',
  orderId,
  status: 'awaiting_shipment',
  createdAt: 0,
  items: [],
  receiver: { name: '张*' },
  ...extra,
});

describe('sealFormReducer', () => {
  it('each field action sets its field', () => {
    const steps: [SealFormAction, Partial<typeof SEAL_FORM_START>][] = [
      [{ type: 'multi', on: true }, { multi: true }],
      [{ type: 'pick', name: '义乌杯厂' }, { supplierPick: '义乌杯厂' }],
      [{ type: 'name', text: ' 新厂 ' }, { name: ' 新厂 ' }],
      [{ type: 'note', text: '周末不发' }, { note: '周末不发' }],
      [{ type: 'days', text: '14' }, { days: 14 }],
      [{ type: 'carrier', code: 'SF' }, { carrier: 'SF' }],
      [{ type: 'passphrase', text: 'abc' }, { passphrase: 'abc' }],
    ];
    for (const [a, want] of steps) expect(sealFormReducer(SEAL_FORM_START, a)).toMatchObject(want);
  });

  it('a generated passphrase shows in clear; show toggles; sealing forgets and hides it', () => {
    const g = sealFormReducer(SEAL_FORM_START, { type: 'generated', passphrase: '1234-5678' });
    expect(g).toMatchObject({ passphrase: '1234-5678', showPass: true });
    expect(sealFormReducer(g, { type: 'toggle-show' }).showPass).toBe(false);
    expect(sealFormReducer(g, { type: 'sealed' })).toMatchObject({ passphrase: '', showPass: false });
  });

  it('days: 1 to 90, not a number or 0 is 7', () => {
    expect(clampDays('0')).toBe(7);
    expect(clampDays('')).toBe(7);
    expect(clampDays('abc')).toBe(7);
    expect(clampDays('-3')).toBe(1);
    expect(clampDays('120')).toBe(90);
    expect(clampDays('30')).toBe(30);
    fc.assert(
      fc.property(fc.string(), (t) => {
        const d = clampDays(t);
        expect(d >= 1 && d <= 90).toBe(true);
      }),
    );
  });
});

describe('supplier, passphrase and seal rules', () => {
  const config = { baseUrl: '', suppliers: [{ name: '义乌杯厂', note: '老客户' }] };

  it('a remembered supplier by name, else the typed name trimmed', () => {
    expect(chosenSupplier(config, { ...SEAL_FORM_START, supplierPick: '义乌杯厂' })).toEqual({
      supplier: { name: '义乌杯厂', note: '老客户' },
      name: '义乌杯厂',
    });
    expect(chosenSupplier(config, { ...SEAL_FORM_START, supplierPick: '', name: ' 新厂 ' })).toEqual({
      supplier: undefined,
      name: '新厂',
    });
    // A pick no longer remembered falls back to the typed name.
    expect(chosenSupplier(config, { ...SEAL_FORM_START, supplierPick: '别家', name: '' }).name).toBe('');
  });

  it('no passphrase is fine; a weak one blocks; a generated-strength one passes', () => {
    expect(weakPassphrase('', passphraseStrength(''))).toBe(false);
    expect(weakPassphrase('1234', passphraseStrength('1234'))).toBe(true);
    const strong = '4821-9930-1746-5582-3079';
    expect(weakPassphrase(strong, passphraseStrength(strong))).toBe(false);
  });

  it('seal needs a shop, a sealable selection, a name, no weak passphrase and no seal under way', () => {
    const ok = { shop, sealable: true, supplierName: '杯厂', weak: false, busy: false };
    expect(canSeal(ok)).toBe(true);
    expect(canSeal({ ...ok, shop: undefined })).toBe(false);
    expect(canSeal({ ...ok, sealable: false })).toBe(false);
    expect(canSeal({ ...ok, supplierName: '' })).toBe(false);
    expect(canSeal({ ...ok, weak: true })).toBe(false);
    expect(canSeal({ ...ok, busy: true })).toBe(false);
  });

  it('the request: drop-ship orders out, note only when not blank, optional parts only when present', () => {
    const orders = [view('1', { platformDropship: true }), view('2'), view('3')];
    const base = {
      shop,
      orders,
      form: SEAL_FORM_START,
      supplier: undefined,
      supplierName: '新厂',
      extras: [],
      overrides: [],
      addresses: new Map<string, string>(),
    };
    expect(sealRequest(base)).toEqual({
      type: 'handoff/seal',
      shop,
      orderIds: ['2', '3'],
      supplier: { name: '新厂' },
      expiresInDays: 7,
    });
    const full = sealRequest({
      ...base,
      form: { ...SEAL_FORM_START, note: ' 周末不发 ', passphrase: 'p', carrier: 'SF', days: 3 },
      extras: [{ orderId: '2', virtual: { main: '13476567876', ext: '3639' } }],
      overrides: [{ orderId: '2', reason: 'refund' } as never],
      addresses: new Map([
        ['3', '地址三'],
        ['2', '地址二'],
        ['9', '不在选择里'],
      ]),
    });
    expect(full).toMatchObject({
      supplier: { name: '新厂', note: '周末不发' },
      expiresInDays: 3,
      passphrase: 'p',
      carrier: 'SF',
      extras: [{ orderId: '2' }],
      overrides: [{ orderId: '2' }],
      addresses: [
        { orderId: '2', address: '地址二' },
        { orderId: '3', address: '地址三' },
      ],
    });
    const remembered = sealRequest({
      ...base,
      supplier: { name: '义乌杯厂' },
      form: { ...SEAL_FORM_START, note: 'x' },
    });
    expect(remembered.supplier).toEqual({ name: '义乌杯厂' });
  });
});
