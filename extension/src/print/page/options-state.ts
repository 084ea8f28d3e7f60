/**
 * The label options (carrier, size, sender) from the shop's settings (issue 7, issue 21 item 3):
 * a loaded job keeps its own carrier and size; the sender is always the shop's. Pure.
 * @module
 */
import type { ShipCarrierCode } from '@shipmask/core';
import type { LabelSizeId } from '../../messages/print';
import type { ShopRef } from '../../messages/shared';
import type { ShopSettings } from '../../messages/shops';
import { CARRIERS } from '../build';

/** Label sizes offered (core templates). */
export const SIZES: readonly LabelSizeId[] = ['76x130', '100x150', '100x180'];

/**
 * The carrier a platform's merchants use unless the shop set another (issue 21 item 3): 京东
 * orders ship with 京东快递 (JD's own logistics); elsewhere there is no platform default.
 */
export const PLATFORM_CARRIER: Partial<Record<ShopRef['platform'], ShipCarrierCode>> = { jd: 'JD' };

/** The options the settings change (absent: keep what the page has). */
export interface OptionsFromSettings {
  readonly sender?: { readonly name: string; readonly phone: string; readonly address: string };
  readonly size?: LabelSizeId;
  readonly carrier?: ShipCarrierCode;
}

/**
 * What the shop's settings change. Rules: the saved sender always applies; without a job, the
 * saved label size, and the saved default carrier when it is one shipmask prints, else the
 * platform's usual carrier (京东快递 for 京东); with a job, the job's carrier and size stay.
 * @example
 * optionsFromSettings({ platform: 'jd' }, 'jd', false); // { carrier: 'JD' }
 */
export function optionsFromSettings(
  settings: Pick<ShopSettings, 'sender' | 'labelSize' | 'defaultCarrier'>,
  platform: ShopRef['platform'],
  hasJob: boolean,
): OptionsFromSettings {
  const carrier = settings.defaultCarrier;
  const known = CARRIERS.find((c) => c === carrier);
  const fallback = PLATFORM_CARRIER[platform];
  return {
    ...(settings.sender ? { sender: settings.sender } : {}),
    ...(settings.labelSize && !hasJob ? { size: settings.labelSize } : {}),
    ...(hasJob ? {} : known ? { carrier: known } : fallback ? { carrier: fallback } : {}),
  };
}
