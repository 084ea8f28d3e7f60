/**
 * The popup's settings form state and its conversion to and from `ShopSettings`: every input is
 * text; empty means "not set" (the platform default applies); percentages are shown as 0-100.
 * @module
 */
import type { PlatformId } from '@shipmask/core';
import type { ShopRef } from '../../messages/shared';
import type { SettingsView, ShopSettings } from '../../messages/shops';
import type { Lang } from './i18n';

/** Form state: every input as text; empty = not set (the default applies). */
export interface Draft {
  platform: PlatformId;
  shopName: string;
  ratio: string;
  allowance: string;
  packSize: string;
  warnAt: string;
  recount: boolean | null;
  senderName: string;
  senderPhone: string;
  senderAddress: string;
  carrier: string;
  labelSize: '' | NonNullable<ShopSettings['labelSize']>;
  retentionDays: string;
  language: Lang;
}

/**
 * A fraction as a percentage text (`0.05` → `'5'`), empty when unset.
 * @example
 * pctText(0.8); // '80'
 */
export const pctText = (v: number | undefined): string =>
  v === undefined ? '' : String(Math.round(v * 10000) / 100);

/**
 * The form state of a settings view (unsaved settings give an empty form: defaults apply).
 * @example
 * toDraft(view, { platform: 'wechat', shopId: 'demo' }, 'zh').allowance; // '' or '600'
 */
export function toDraft(view: SettingsView, shop: ShopRef, lang: Lang): Draft {
  const s = view.saved ? view.settings : undefined;
  return {
    platform: s?.platform ?? shop.platform,
    shopName: s?.shopName ?? '',
    ratio: pctText(s?.quota?.ratio),
    allowance: s?.quota?.allowance?.toString() ?? '',
    packSize: s?.quota?.packSize?.toString() ?? '',
    warnAt: pctText(s?.quota?.warnAt),
    recount: s?.quota?.recountSameOrder ?? null,
    senderName: s?.sender?.name ?? '',
    senderPhone: s?.sender?.phone ?? '',
    senderAddress: s?.sender?.address ?? '',
    carrier: s?.defaultCarrier ?? '',
    labelSize: s?.labelSize ?? '',
    retentionDays: s?.retentionDays?.toString() ?? '',
    language: s?.language ?? lang,
  };
}

/** Parse a number field (never negative); empty → undefined; `scale` turns percent into a fraction. */
function parseNum(text: string, scale = 1): number | undefined | 'bad' {
  const v = text.trim();
  if (v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n / scale : 'bad';
}

/**
 * The settings a form state stands for, or the name of the first field that is not a number >= 0.
 * Empty fields are left out, so the platform defaults apply.
 * @example
 * fromDraft({ ...draft, allowance: '600' }); // { platform: 'wechat', quota: { allowance: 600 }, ... }
 * fromDraft({ ...draft, ratio: 'abc' }); // 'ratio'
 */
export function fromDraft(d: Draft): ShopSettings | string {
  const ratio = parseNum(d.ratio, 100);
  const allowance = parseNum(d.allowance);
  const packSize = parseNum(d.packSize);
  const warnAt = parseNum(d.warnAt, 100);
  const retention = parseNum(d.retentionDays);
  for (const [name, v] of [
    ['ratio', ratio],
    ['allowance', allowance],
    ['packSize', packSize],
    ['warnAt', warnAt],
    ['retentionDays', retention],
  ] as const) {
    if (v === 'bad') return name;
  }
  const quota = {
    ...(typeof ratio === 'number' ? { ratio } : {}),
    ...(typeof allowance === 'number' ? { allowance: Math.round(allowance) } : {}),
    ...(typeof packSize === 'number' ? { packSize: Math.round(packSize) } : {}),
    ...(typeof warnAt === 'number' ? { warnAt } : {}),
    ...(d.recount !== null ? { recountSameOrder: d.recount } : {}),
  };
  const sender =
    d.senderName || d.senderPhone || d.senderAddress
      ? { name: d.senderName.trim(), phone: d.senderPhone.trim(), address: d.senderAddress.trim() }
      : undefined;
  return {
    platform: d.platform,
    ...(d.shopName.trim() ? { shopName: d.shopName.trim() } : {}),
    ...(Object.keys(quota).length ? { quota } : {}),
    ...(sender ? { sender } : {}),
    ...(d.carrier ? { defaultCarrier: d.carrier } : {}),
    ...(d.labelSize ? { labelSize: d.labelSize } : {}),
    ...(typeof retention === 'number' ? { retentionDays: Math.round(retention) } : {}),
    language: d.language,
  };
}
