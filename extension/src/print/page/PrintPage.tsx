/**
 * The bulk-print page (issues 7 and 16): orders from the overlay's selection (masked views from
 * the background) or a dropped export file; carrier, size, sender, waybill numbers; a preview of
 * every label; the orders that cannot be printed compliantly and why; browser print at exact size;
 * 平台打单 for ciphertext orders (rows ticked in the platform's own list, status followed there);
 * the platform print component over WebSocket only with a print-data file (real, signed print
 * data); persisted, resumable jobs; the bulk-ship file; WeChat's print-success notice data.
 *
 * This file only composes the features of the folder (see ../README.md, "Where things live"):
 * each section is a component, each feature's rules a plain `*-state.ts` module tested without a
 * DOM, each feature's messages a `use*.ts` hook.
 *
 * Plaintext rule: a detailed address (the order page's answer or a dropped file) lives only in
 * this page's memory and in the label document handed to the browser's print; it is never sent
 * to the background, stored or logged.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { GateOverride } from '@shipmask/core';
import type { PrintJobView } from '../../messages/print';
import type { ShopRef } from '../../messages/shared';
import { HeldOrders } from '../../gate/HeldOrders';
import { PickingSheet } from '../../gate/PickingSheet';
import { useLanguage } from '../../ui/language';
import { useShopNames } from '../../ui/shop-names';
import { AddressSource, useOrderPageAddresses } from '../AddressSource';
import { addressesForPrint } from '../address-sources';
import { printStrings } from '../i18n';
import { sourceTabOf } from '../order-page-addresses';
import { browserWhy, printButtons, readyMark, senderMissing } from './browser-state';
import { unfinishedJobs } from './load-state';
import { ComponentSection } from './ComponentSection';
import { JobSection } from './JobSection';
import { LabelOptions } from './LabelOptions';
import { LabelPreview } from './LabelPreview';
import { OrderSource } from './OrderSource';
import { PageHeader } from './PageHeader';
import { PlatformPrint } from './PlatformPrint';
import { PrintActions } from './PrintActions';
import { PrintLog } from './PrintLog';
import { Refusals } from './Refusals';
import { UnfinishedJobs } from './UnfinishedJobs';
import { useComponentConnection } from './useComponentConnection';
import { useLabelOptions } from './useLabelOptions';
import { useOrderSource } from './useOrderSource';
import { usePrintData } from './usePrintData';
import { usePrintJob, type HeldList } from './usePrintJob';
import { usePrintPaths } from './usePrintPaths';
import { useMergeGroups, useNumberInputs, usePrintPlan } from './usePrintPlan';

/** The print page. */
export function PrintPage() {
  const params = useMemo(() => new URLSearchParams(location.search), []);
  // The order tab the selection came from: asked for detailed addresses at print time (memory only).
  const sourceTab = useMemo(() => sourceTabOf(location.search), []);
  const [lang, setLang] = useLanguage();
  const t = printStrings(lang);
  const shopName = useShopNames();
  const [shop, setShop] = useState<ShopRef | undefined>();
  const [job, setJob] = useState<PrintJobView | undefined>();
  const [error, setError] = useState('');
  // Exception gate (issue 18): orders held before print / bulk-ship, and the merchant's overrides.
  const [held, setHeld] = useState<HeldList>([]);
  const [overrides, setOverrides] = useState<readonly GateOverride[]>([]);

  const options = useLabelOptions(shop, job);
  const adoptJob = (j: PrintJobView): void => {
    setJob(j);
    options.adopt(j);
  };
  const source = useOrderSource(params, shop, setShop, adoptJob, setError);
  const orderPage = useOrderPageAddresses(shop, source.orders, sourceTab);
  const labelAddresses = useMemo(
    () => addressesForPrint(orderPage.result, source.addresses),
    [orderPage.result, source.addresses],
  );
  const data = usePrintData(shop, job, setError);
  const link = useComponentConnection(data.component);
  const inputs = useNumberInputs();
  const merge = useMergeGroups(shop);
  const { printable, printableIds, numbers, plan, refusals, images, docUrl } = usePrintPlan({
    orders: source.orders,
    pageFound: orderPage.result?.found,
    addresses: labelAddresses,
    job,
    options,
    inputs,
    printData: data.printData,
    merge,
  });
  const jobs = usePrintJob({
    shop,
    job,
    setJob,
    carrier: options.carrier,
    size: options.size,
    component: data.component,
    overrides,
    setHeld,
    setError,
    sourceTab,
  });
  const frame = useRef<HTMLIFrameElement>(null);
  const paths = usePrintPaths({
    t,
    shop,
    job,
    setJob,
    plan,
    printData: data.printData,
    link,
    jobs,
    setError,
    frame,
  });

  const counts = {
    browser: plan.browser.length,
    component: plan.component.length,
    platform: plan.platform.length,
  };
  const buttons = printButtons(counts, job, jobs.running);
  const why = browserWhy(t, {
    job: job !== undefined,
    labels: plan.browser.length,
    printable: printable.length,
    needsNumber: refusals.needsNumber.length,
  });

  return (
    <main lang={lang === 'zh' ? 'zh-CN' : 'en'} data-ready={readyMark(docUrl, counts)}>
      <PageHeader t={t} lang={lang} shop={shop} shopName={shopName} onLang={setLang} />
      {error ? <p class="error">{t.error(error)}</p> : null}
      <HeldOrders held={held} overrides={overrides} lang={lang} onChange={setOverrides} />
      <UnfinishedJobs t={t} jobs={unfinishedJobs(jobs.jobs, job?.id)} />
      <OrderSource t={t} fromSelection={!!params.get('sel')} source={source} />
      <AddressSource lang={lang} platform={shop?.platform} state={orderPage} file={source.addresses} />
      <LabelOptions
        t={t}
        lang={lang}
        locked={!!job}
        options={options}
        inputs={inputs}
        numbers={numbers}
        orderIds={printableIds}
      />
      <Refusals t={t} summary={refusals} />
      <PlatformPrint
        t={t}
        count={plan.platform.length}
        shown={plan.platform.length > 0 || job?.path === 'platform'}
        enabled={buttons.platform}
        tick={paths.tick}
        onTick={() => void paths.tickPlatform()}
      />
      <ComponentSection
        t={t}
        lang={lang}
        link={link}
        note={data.note}
        orders={plan.component.length}
        onDataFile={(f) => void data.onFile(f)}
      />
      <PrintActions
        t={t}
        plan={plan}
        buttons={buttons}
        why={why}
        senderMissing={senderMissing(job !== undefined, plan.browser.length, options.sender)}
        hasGroups={merge.groups.length > 0}
        mergeOn={merge.mergeOn}
        mergeLocked={job !== undefined}
        onMerge={() => merge.setMergeOn(!merge.mergeOn)}
        onBrowser={() => void paths.printBrowser()}
        onComponent={() => void (job?.path === 'component' ? paths.run(job) : paths.printComponent())}
      />
      {job ? (
        <JobSection
          t={t}
          job={job}
          running={jobs.running}
          actions={{
            pause: () => void jobs.pause(),
            resume: () => void paths.run(job),
            cancel: () => void jobs.cancel(),
            wechatNotice: paths.wechatNotice,
            shipFile: () => void jobs.shipFile(),
            resolveInFlight: (outcome, reason) => void jobs.resolveInFlight(outcome, reason),
            reprint: jobs.reprint,
          }}
        />
      ) : null}
      <PrintLog t={t} shop={shop} />
      <LabelPreview t={t} size={options.size} images={images} docUrl={docUrl} frame={frame} />
      <PickingSheet orders={source.orders} lang={lang} />
    </main>
  );
}
