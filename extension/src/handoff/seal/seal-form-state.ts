/**
 * The one-supplier seal form of the hand-off page: several suppliers or one, the supplier
 * (remembered or new, with a note), validity, carrier, passphrase; and the seal request built
 * from it. Pure: the page sends the request (`handoff/seal`).
 * @module
 */
import type { GateOverride, OrderView, PassphraseStrength } from '@shipmask/core';
import type { HandoffConfig, HandoffExtra, HandoffSupplier } from '../../messages/handoff';
import type { ShopRef } from '../../messages/shared';
import { sealOrderIds } from '../selection/selection-state';

/** The form. */
export interface SealForm {
  /** Several suppliers by SKU (issue 17 item 4) instead of this form's one supplier. */
  readonly multi: boolean;
  /** A remembered supplier's name; `''`: a new one (name and note typed). */
  readonly supplierPick: string;
  readonly name: string;
  readonly note: string;
  readonly days: number;
  /** Carrier code the merchant asks for; `''`: the supplier's choice. */
  readonly carrier: string;
  readonly passphrase: string;
  readonly showPass: boolean;
}

/** A fresh form: one supplier, 7 days, no passphrase. */
export const SEAL_FORM_START: SealForm = {
  multi: false,
  supplierPick: '',
  name: '',
  note: '',
  days: 7,
  carrier: '',
  passphrase: '',
  showPass: false,
};

/** What happens to the form. */
export type SealFormAction =
  | { readonly type: 'multi'; readonly on: boolean }
  | { readonly type: 'pick'; readonly name: string }
  | { readonly type: 'name'; readonly text: string }
  | { readonly type: 'note'; readonly text: string }
  | { readonly type: 'days'; readonly text: string }
  | { readonly type: 'carrier'; readonly code: string }
  | { readonly type: 'passphrase'; readonly text: string }
  | { readonly type: 'generated'; readonly passphrase: string }
  | { readonly type: 'toggle-show' }
  | { readonly type: 'sealed' };

/**
 * Days typed into the validity field. Rule: 1 to 90 days; anything that is not a number (or 0)
 * is the default 7.
 * @example
 * clampDays('120'); // 90
 * clampDays('abc'); // 7
 */
export function clampDays(text: string): number {
  return Math.min(90, Math.max(1, Number(text) || 7));
}

/**
 * The form after an action. Rules: a generated passphrase is shown in clear (the merchant reads
 * it out to the supplier); once sealed, the passphrase leaves the page's memory and is hidden.
 * @example
 * sealFormReducer(SEAL_FORM_START, { type: 'generated', passphrase: '1234-…' }).showPass; // true
 */
export function sealFormReducer(s: SealForm, a: SealFormAction): SealForm {
  switch (a.type) {
    case 'multi':
      return { ...s, multi: a.on };
    case 'pick':
      return { ...s, supplierPick: a.name };
    case 'name':
      return { ...s, name: a.text };
    case 'note':
      return { ...s, note: a.text };
    case 'days':
      return { ...s, days: clampDays(a.text) };
    case 'carrier':
      return { ...s, carrier: a.code };
    case 'passphrase':
      return { ...s, passphrase: a.text };
    case 'generated':
      return { ...s, passphrase: a.passphrase, showPass: true };
    case 'toggle-show':
      return { ...s, showPass: !s.showPass };
    case 'sealed':
      return { ...s, passphrase: '', showPass: false };
  }
}

/**
 * The supplier the form names. Rule: a remembered supplier picked by name (with its stored note),
 * else the typed name, trimmed (`''`: none yet).
 * @example
 * chosenSupplier({ baseUrl: '', suppliers: [{ name: '义乌杯厂' }] }, { ...SEAL_FORM_START, supplierPick: '义乌杯厂' }).name; // '义乌杯厂'
 */
export function chosenSupplier(
  config: HandoffConfig,
  form: SealForm,
): { readonly supplier?: HandoffSupplier | undefined; readonly name: string } {
  const supplier = form.supplierPick ? config.suppliers.find((s) => s.name === form.supplierPick) : undefined;
  return { supplier, name: supplier ? supplier.name : form.name.trim() };
}

/**
 * Whether the passphrase typed is too weak. Rule: no passphrase is allowed (the key is in the
 * link); a passphrase must reach core's acceptable strength.
 * @example
 * weakPassphrase('1234', passphraseStrength('1234')); // true
 */
export function weakPassphrase(passphrase: string, strength: PassphraseStrength): boolean {
  return passphrase !== '' && !strength.acceptable;
}

/**
 * Whether 封装并生成链接 works: a shop, a sealable selection, a supplier name and no weak
 * passphrase, and no seal under way.
 * @example
 * canSeal({ shop, sealable: true, supplierName: '杯厂', weak: false, busy: false }); // true
 */
export function canSeal(p: {
  readonly shop: ShopRef | undefined;
  readonly sealable: boolean;
  readonly supplierName: string;
  readonly weak: boolean;
  readonly busy: boolean;
}): boolean {
  return p.shop !== undefined && !p.busy && p.sealable && p.supplierName !== '' && !p.weak;
}

/**
 * The `handoff/seal` request of the form. Rules: orders assigned through the platform are left
 * out; a new supplier's note is sent only when not blank; optional parts (passphrase, carrier,
 * export extras, gate overrides, addresses of virtual-number orders in selection order) only
 * when present.
 * @example
 * sealRequest({ shop, orders, form, supplier: undefined, supplierName: '杯厂', extras: [], overrides: [], addresses: new Map() }).supplier; // { name: '杯厂' }
 */
export function sealRequest(p: {
  readonly shop: ShopRef;
  readonly orders: readonly OrderView[];
  readonly form: SealForm;
  readonly supplier: HandoffSupplier | undefined;
  readonly supplierName: string;
  readonly extras: readonly HandoffExtra[];
  readonly overrides: readonly GateOverride[];
  readonly addresses: ReadonlyMap<string, string>;
}) {
  const { form, orders } = p;
  return {
    type: 'handoff/seal' as const,
    shop: p.shop,
    orderIds: sealOrderIds(orders),
    supplier:
      p.supplier ??
      (form.note.trim() ? { name: p.supplierName, note: form.note.trim() } : { name: p.supplierName }),
    expiresInDays: form.days,
    ...(form.passphrase ? { passphrase: form.passphrase } : {}),
    ...(form.carrier ? { carrier: form.carrier } : {}),
    ...(p.extras.length > 0 ? { extras: p.extras } : {}),
    ...(p.overrides.length > 0 ? { overrides: p.overrides } : {}),
    ...(p.addresses.size > 0
      ? {
          addresses: orders
            .filter((o) => p.addresses.has(o.orderId))
            .map((o) => ({ orderId: o.orderId, address: p.addresses.get(o.orderId)! })),
        }
      : {}),
  };
}
