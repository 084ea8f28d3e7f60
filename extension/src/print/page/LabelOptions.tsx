/**
 * Carrier, label size, waybill numbers (WaybillNumbers.tsx) and sender. A loaded job locks
 * carrier, size and numbers (it keeps its own).
 * @module
 */
import { carrierNames, type ShipCarrierCode } from '@shipmask/core';
import type { LabelSizeId } from '../../messages/print';
import { CARRIERS, carrierName } from '../build';
import type { Lang, PrintStrings } from '../i18n';
import { WaybillNumbers } from '../WaybillNumbers';
import type { WaybillNumbersState } from './numbers-state';
import { SIZES } from './options-state';
import type { LabelOptionsState } from './useLabelOptions';
import type { NumberInputsState } from './usePrintPlan';

/** The options section. */
export function LabelOptions(p: {
  readonly t: PrintStrings;
  readonly lang: Lang;
  readonly locked: boolean;
  readonly options: LabelOptionsState;
  readonly inputs: NumberInputsState;
  readonly numbers: WaybillNumbersState;
  readonly orderIds: readonly string[];
}) {
  const { t, lang, locked, options, inputs, numbers } = p;
  const { sender, setSender } = options;
  return (
    <section class="options">
      <label>
        {t.carrier}
        <select
          class="carrier"
          value={options.carrier}
          disabled={locked}
          onChange={(e) => options.setCarrier(e.currentTarget.value as ShipCarrierCode)}
        >
          {CARRIERS.map((c) => (
            <option key={c} value={c}>
              {lang === 'en' ? carrierNames[c].en : carrierName(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.size}
        <select
          class="label-size"
          value={options.size}
          disabled={locked}
          onChange={(e) => options.setSize(e.currentTarget.value as LabelSizeId)}
        >
          {SIZES.map((s) => (
            <option key={s} value={s}>
              {s.replace('x', ' × ')} mm
            </option>
          ))}
        </select>
      </label>
      <WaybillNumbers
        t={t}
        mode={numbers.mode}
        onMode={inputs.setMode}
        orderIds={p.orderIds}
        start={inputs.start}
        onStart={inputs.setStart}
        list={inputs.list}
        onList={inputs.setList}
        each={inputs.each}
        onEach={inputs.setEach}
        entry={numbers.entry}
        given={numbers.given}
        disabled={locked}
        {...(numbers.jobFirst !== undefined ? { jobFirst: numbers.jobFirst } : {})}
      />
      <fieldset class="sender">
        <legend>{t.sender}</legend>
        <input
          aria-label={t.senderName}
          placeholder={t.senderName}
          value={sender.name}
          onInput={(e) => setSender({ ...sender, name: e.currentTarget.value })}
        />
        <input
          aria-label={t.senderPhone}
          placeholder={t.senderPhone}
          value={sender.phone}
          onInput={(e) => setSender({ ...sender, phone: e.currentTarget.value })}
        />
        <input
          aria-label={t.senderAddress}
          placeholder={t.senderAddress}
          class="wide"
          value={sender.address}
          onInput={(e) => setSender({ ...sender, address: e.currentTarget.value })}
        />
      </fieldset>
    </section>
  );
}
