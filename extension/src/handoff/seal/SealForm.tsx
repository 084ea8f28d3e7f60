/**
 * The form before sealing: one supplier or several by SKU, the supplier (remembered or new, with
 * a note), validity, carrier, the platform export, where addresses come from (the order page or
 * the export, issue 17), the plan summary, the passphrase and 封装并生成链接.
 * @module
 */
import type { PassphraseStrength } from '@shipmask/core';
import type { HandoffConfig } from '../../messages/handoff';
import type { ShopRef } from '../../messages/shared';
import { AddressSource, type OrderPageAddressState } from '../../print/AddressSource';
import type { PlanPreview } from '../plan-preview';
import { PlanSummary } from '../PlanSummary';
import { carrierName } from '../ship-rows';
import { pageWords, type Lang } from '../words';
import { PassphraseField } from './PassphraseField';
import type { SealForm as Form, SealFormAction } from './seal-form-state';

/** Carriers the merchant may ask for (codes; names per platform from `ship-rows`). */
const CARRIERS = ['ZTO', 'YTO', 'YUNDA', 'JTSD', 'STO', 'SF', 'JD', 'EMS', 'DBKD'] as const;

/**
 * The seal form.
 * @example
 * <SealForm lang="zh" shop={shop} config={config} form={form} dispatch={dispatch} … onSeal={seal} />
 */
export function SealForm(props: {
  lang: Lang;
  shop: ShopRef;
  config: HandoffConfig;
  form: Form;
  dispatch: (a: SealFormAction) => void;
  /** A remembered supplier is picked (no name or note fields). */
  remembered: boolean;
  exportNote: string;
  onExportFile: (file: File | undefined) => void;
  orderPage: OrderPageAddressState;
  fileAddresses: ReadonlyMap<string, string>;
  plan: PlanPreview;
  onLeaveOut: (orderIds: readonly string[]) => void;
  strength: PassphraseStrength;
  weak: boolean;
  sealDisabled: boolean;
  busy: boolean;
  onSeal: () => void;
}) {
  const { lang, shop, form, dispatch } = props;
  const w = pageWords(lang);
  const multi = form.multi;
  return (
    <div class="ho-form">
      <label class="ho-wide">
        <span>
          <input
            class="ho-multi"
            type="checkbox"
            checked={multi}
            onChange={(e) => dispatch({ type: 'multi', on: e.currentTarget.checked })}
          />{' '}
          {w.multi}
        </span>
      </label>
      <label hidden={multi}>
        {w.supplier}
        <select
          class="ho-supplier-pick"
          value={form.supplierPick}
          onChange={(e) => dispatch({ type: 'pick', name: e.currentTarget.value })}
        >
          {props.config.suppliers.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
              {s.note ? `（${s.note}）` : ''}
            </option>
          ))}
          <option value="">{w.newSupplier}</option>
        </select>
      </label>
      {!props.remembered && !multi && (
        <>
          <label>
            {w.name}
            <input
              class="ho-supplier-name"
              value={form.name}
              maxLength={100}
              onInput={(e) => dispatch({ type: 'name', text: e.currentTarget.value })}
            />
          </label>
          <label>
            {w.note}
            <input
              class="ho-supplier-note"
              value={form.note}
              maxLength={500}
              onInput={(e) => dispatch({ type: 'note', text: e.currentTarget.value })}
            />
          </label>
        </>
      )}
      <label>
        {w.expiry}
        <input
          class="ho-days"
          type="number"
          min={1}
          max={90}
          value={form.days}
          onInput={(e) => dispatch({ type: 'days', text: e.currentTarget.value })}
        />
      </label>
      <label>
        {w.carrier}
        <select
          class="ho-carrier"
          value={form.carrier}
          onChange={(e) => dispatch({ type: 'carrier', code: e.currentTarget.value })}
        >
          <option value="">{w.anyCarrier}</option>
          {CARRIERS.map((c) => (
            <option key={c} value={c}>
              {carrierName(shop.platform, c, lang)}
            </option>
          ))}
        </select>
      </label>
      <label class="ho-wide">
        {w.exportFile}
        <input
          class="ho-export-file"
          type="file"
          accept=".csv,.xlsx,text/csv"
          onChange={(e) => props.onExportFile(e.currentTarget.files?.[0])}
        />
        {props.exportNote && <span class="ho-extras-note">{props.exportNote}</span>}
      </label>
      <div class="ho-wide">
        <AddressSource
          lang={lang}
          platform={shop.platform}
          state={props.orderPage}
          file={props.fileAddresses}
        />
      </div>
      <div class="ho-wide">
        <PlanSummary lang={lang} preview={props.plan} onLeaveOut={props.onLeaveOut} />
      </div>
      <PassphraseField
        lang={lang}
        form={form}
        dispatch={dispatch}
        strength={props.strength}
        weak={props.weak}
        hidden={multi}
      />
      <button
        type="button"
        class="ho-btn ho-primary ho-seal"
        hidden={multi}
        disabled={props.sealDisabled}
        title={props.weak ? w.tooWeak : undefined}
        onClick={props.onSeal}
      >
        {props.busy ? w.sealing : w.seal}
      </button>
    </div>
  );
}
