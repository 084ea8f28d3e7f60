/**
 * Carrier, label size and sender: the shop's settings apply once the shop is known
 * (options-state.ts); a loaded job brings its own carrier and size.
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import type { ShipCarrierCode } from '@shipmask/core';
import { send } from '../../client';
import type { LabelSizeId, PrintJobView } from '../../messages/print';
import type { ShopRef } from '../../messages/shared';
import { optionsFromSettings } from './options-state';

/** A sender block (the merchant's own data). */
export interface Sender {
  readonly name: string;
  readonly phone: string;
  readonly address: string;
}

/** The label options and their setters. */
export interface LabelOptionsState {
  readonly carrier: ShipCarrierCode;
  readonly setCarrier: (c: ShipCarrierCode) => void;
  readonly size: LabelSizeId;
  readonly setSize: (s: LabelSizeId) => void;
  readonly sender: Sender;
  readonly setSender: (s: Sender) => void;
  /** A loaded job's carrier and size. */
  readonly adopt: (job: PrintJobView) => void;
}

/**
 * The label options of the page.
 * @example
 * const options = useLabelOptions(shop, job);
 */
export function useLabelOptions(shop: ShopRef | undefined, job: PrintJobView | undefined): LabelOptionsState {
  const [carrier, setCarrier] = useState<ShipCarrierCode>('ZTO');
  const [size, setSize] = useState<LabelSizeId>('76x130');
  const [sender, setSender] = useState<Sender>({ name: '', phone: '', address: '' });

  useEffect(() => {
    if (!shop) return;
    void send({ type: 'settings/get', shop }).then((s) => {
      if (!s.ok) return;
      const o = optionsFromSettings(s.value.settings, shop.platform, job !== undefined);
      if (o.sender) setSender(o.sender);
      if (o.size) setSize(o.size);
      if (o.carrier) setCarrier(o.carrier);
    });
  }, [shop]);

  const adopt = (j: PrintJobView): void => {
    setCarrier(j.carrier as ShipCarrierCode);
    setSize(j.labelSize);
  };
  return { carrier, setCarrier, size, setSize, sender, setSender, adopt };
}
