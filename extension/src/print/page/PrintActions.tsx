/**
 * The print buttons: browser print (with why it is disabled and the sender warning), 合并打印 of
 * 可合并 groups, and the component's print / resume. browser-state.ts decides what is enabled.
 * @module
 */
import type { PrintPlan } from '../build';
import type { PrintStrings } from '../i18n';
import { mergeSummary, parcelLabels, type PrintButtons } from './browser-state';

/** The actions section. */
export function PrintActions(p: {
  readonly t: PrintStrings;
  readonly plan: PrintPlan;
  readonly buttons: PrintButtons;
  readonly why: string | undefined;
  readonly senderMissing: boolean;
  /** The shop has 可合并 groups (the merge box is offered). */
  readonly hasGroups: boolean;
  readonly mergeOn: boolean;
  readonly mergeLocked: boolean;
  readonly onMerge: () => void;
  readonly onBrowser: () => void;
  readonly onComponent: () => void;
}) {
  const { t, plan, buttons, why } = p;
  const labels = parcelLabels(plan.browser).length;
  const merged = mergeSummary(plan.browser);
  return (
    <section class="actions">
      {why ? <small class="why-disabled">{why}</small> : null}
      {p.senderMissing ? <p class="warn sender-missing">{t.senderMissing}</p> : null}
      <button
        type="button"
        class="print-browser"
        title={why ?? ''}
        disabled={!buttons.browser}
        onClick={p.onBrowser}
      >
        {t.printBrowser(labels)}
      </button>
      {p.hasGroups ? (
        <label class="merge-print" data-parcels={String(labels)} data-merged={String(merged.mergedOrders)}>
          <input type="checkbox" checked={p.mergeOn} disabled={p.mergeLocked} onChange={p.onMerge} />
          {t.mergePrint(merged.mergedParcels, merged.mergedOrders + merged.mergedParcels)}
        </label>
      ) : null}
      <button type="button" class="print-component" disabled={!buttons.component} onClick={p.onComponent}>
        {buttons.componentResumes ? t.resume : t.printComponent(plan.component.length)}
      </button>
      <small>{t.browserNote}</small>
    </section>
  );
}
