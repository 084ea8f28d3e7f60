/**
 * The bulk-print page (issues 7 and 16): orders from the overlay's selection (masked views from
 * the background) or a dropped export file; carrier, size, sender, waybill numbers; a preview of
 * every label; the orders that cannot be printed compliantly and why; browser print at exact size;
 * 平台打单 for ciphertext orders (rows ticked in the platform's own list, status followed there);
 * the platform print component over WebSocket only with a print-data file (real, signed print
 * data); persisted, resumable jobs; the bulk-ship file; WeChat's print-success notice data.
 *
 * Plaintext rule: a detailed address read from a dropped file lives only in `addresses` (memory of
 * this page) and in the label document handed to the browser's print; it is never sent to the
 * background, stored or logged.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  carrierNames,
  componentEndpoint,
  getPrintComponent,
  parseOrderFile,
  parsePrintDataFile,
  renderLabelDocument,
  wechatPrintNotice,
  writeBulkShipFile,
  type GateOverride,
  type Hold,
  type OrderView,
  type PrintDataEntry,
  type ShipCarrierCode,
  type TaskResult,
} from '@shipmask/core';
import { send } from '../client';
import type {
  LabelSizeId,
  PrintJobDocument,
  PrintJobView,
  PrintLogLine,
  PrintJobSummary,
  ShopRef,
} from '../messages';
import { HeldOrders } from '../gate/HeldOrders';
import { PickingSheet } from '../gate/PickingSheet';
import { addressesFromExport } from './addresses';
import { AddressSource, useOrderPageAddresses } from './AddressSource';
import { addressesForPrint } from './address-sources';
import { withPageVirtuals } from './address-reply-check';
import { sourceTabOf } from './order-page-addresses';
import {
  CARRIERS,
  carrierName,
  componentContents,
  labelImageUrl,
  numberRange,
  planPrint,
  type Refusal,
} from './build';
import { numbersFromList, numbersPerOrder, type WaybillEntryMode } from './waybill-entry';
import { WaybillNumbers } from './WaybillNumbers';
import { ComponentClient, type ComponentState } from './component-client';
import { printStrings } from './i18n';
import { runJob } from './runner';
import { tickOnPlatform, type PlatformTick } from './platform-tab';
import { namedComponent, routeComponent } from './component-route';
import { PLATFORM_NAMES, useShopNames } from '../ui/shop-names';
import { useLanguage } from '../ui/language';

const SIZES: readonly LabelSizeId[] = ['76x130', '100x150', '100x180'];

const portKey = (component: string): string => `shipmask.printPort.${component}`;

function counts(docs: readonly PrintJobDocument[]) {
  const c = { total: docs.length, queued: 0, sent: 0, printed: 0, failed: 0, canceled: 0 };
  for (const d of docs) c[d.state]++;
  return c;
}

function download(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The carrier a platform's merchants use unless the shop set another (issue 21 item 3): 京东
 * orders ship with 京东快递 (JD's own logistics); elsewhere there is no platform default.
 */
const PLATFORM_CARRIER: Partial<Record<string, ShipCarrierCode>> = { jd: 'JD' };

export function PrintPage() {
  const params = useMemo(() => new URLSearchParams(location.search), []);
  const [lang, setLang] = useLanguage();
  const t = printStrings(lang);
  const [shop, setShop] = useState<ShopRef | undefined>();
  const shopName = useShopNames();
  const [orders, setOrders] = useState<readonly OrderView[]>([]);
  const [missing, setMissing] = useState(0);
  const [fileNote, setFileNote] = useState<{ orders: number; addresses: number } | undefined>();
  // Detailed addresses for this print only (never leaves this page).
  const [addresses, setAddresses] = useState<ReadonlyMap<string, string>>(new Map());
  // Real print data per order from a print-data file (page memory only, never stored).
  const [printData, setPrintData] = useState<ReadonlyMap<string, PrintDataEntry>>(new Map());
  const [dataNote, setDataNote] = useState<{ read: number; refused: readonly string[] } | undefined>();
  const [tick, setTick] = useState<PlatformTick | undefined>();
  // WeChat: every component result of this page, for the print-success notice.
  const results = useRef<TaskResult[]>([]);
  // The order tab the selection came from: asked for detailed addresses at print time (memory only).
  const sourceTab = useMemo(() => sourceTabOf(location.search), []);
  const orderPage = useOrderPageAddresses(shop, orders, sourceTab);
  const pageFound = orderPage.result?.found;
  const labelAddresses = useMemo(
    () => addressesForPrint(orderPage.result, addresses),
    [orderPage.result, addresses],
  );
  const [carrier, setCarrier] = useState<ShipCarrierCode>('ZTO');
  const [size, setSize] = useState<LabelSizeId>('76x130');
  const [sender, setSender] = useState({ name: '', phone: '', address: '' });
  const [start, setStart] = useState('');
  // Waybill numbers: a pasted list by default (e-waybill numbers are not consecutive), one box
  // per order, or a 号段 start counted up (waybill-entry.ts).
  const [numberMode, setNumberMode] = useState<WaybillEntryMode>('list');
  /** Orders that came only from the dropped file (not the selection): a new file replaces them. */
  const fileOnly = useRef<ReadonlySet<string>>(new Set());
  const [numberList, setNumberList] = useState('');
  const [numberEach, setNumberEach] = useState<ReadonlyMap<string, string>>(new Map());
  const [error, setError] = useState('');
  // Exception gate (issue 18): orders held before print / bulk-ship, and the merchant's overrides.
  const [held, setHeld] = useState<readonly { orderId: string; holds: readonly Hold[] }[]>([]);
  const [overrides, setOverrides] = useState<readonly GateOverride[]>([]);
  // Merge groups of the shop (issue 18, 可合并): printed as one parcel each when `mergeOn`.
  const [groups, setGroups] = useState<readonly (readonly string[])[]>([]);
  const [mergeOn, setMergeOn] = useState(true);
  const [job, setJob] = useState<PrintJobView | undefined>();
  const [jobs, setJobs] = useState<readonly PrintJobSummary[]>([]);
  const paused = useRef(false);
  const [running, setRunning] = useState(false);

  // Component connection: the job's component, else the one a print-data file names (any of
  // core's seven: an integrator's data prints through the component it was made for), else the
  // shop platform's own (component-route.ts).
  const [fileComponent, setFileComponent] = useState<string | undefined>();
  const component = routeComponent({
    ...(shop ? { platform: shop.platform } : {}),
    ...(job?.component !== undefined ? { job: job.component } : {}),
    ...(fileComponent !== undefined ? { file: fileComponent } : {}),
  });
  const info = getPrintComponent(component);
  const [port, setPort] = useState<number>(() => 0);
  const [state, setState] = useState<ComponentState>('idle');
  const [printers, setPrinters] = useState<readonly string[]>([]);
  const [printer, setPrinter] = useState('');
  const client = useRef<ComponentClient | undefined>(undefined);
  const resultListeners = useRef(new Set<(tasks: readonly TaskResult[]) => void>());
  // Another component (a print-data file made for it): a connection to the previous one speaks
  // the wrong protocol, so it is closed and the merchant connects again.
  useEffect(() => {
    if (!client.current || client.current.component === component) return;
    client.current.close();
    client.current = undefined;
    setPrinters([]);
    setPrinter('');
    setState('idle');
  }, [component]);

  useEffect(() => {
    // The port is a user setting (components can be moved); kept in extension storage.
    void browser.storage.local
      .get(portKey(component))
      .then((got) => {
        const saved = Number(got[portKey(component)]);
        setPort(Number.isInteger(saved) && saved > 0 ? saved : (info?.defaultPorts[0] ?? 13528));
      })
      .catch(() => setPort(info?.defaultPorts[0] ?? 13528));
  }, [component, info]);

  // Load: a selection (`?sel=`), a job (`?job=`), or a shop (`?platform=&shop=`).
  useEffect(() => {
    void (async () => {
      const sel = params.get('sel');
      const jobId = params.get('job');
      if (sel) {
        const r = await send({ type: 'selection/get', selectionId: sel });
        if (!r.ok) return setError(r.error.message);
        setShop(r.value.shop);
        setOrders(r.value.orders);
        setMissing(r.value.missing.length);
      } else if (jobId) {
        const r = await send({ type: 'print/job-get', jobId });
        if (!r.ok) return setError(r.error.message);
        setShop(r.value.job.shop);
        setOrders(r.value.orders);
        setJob(r.value.job);
        setCarrier(r.value.job.carrier as ShipCarrierCode);
        setSize(r.value.job.labelSize);
      } else {
        const platform = params.get('platform');
        const shopId = params.get('shop');
        if ((platform === 'douyin' || platform === 'wechat' || platform === 'jd') && shopId) {
          setShop({ platform, shopId });
        }
      }
    })();
  }, [params]);

  // The shop's 可合并 groups (issue 18), as the gate last computed them from the pages.
  useEffect(() => {
    if (!shop) return;
    void send({ type: 'gate/overview', shop }).then((r) => {
      if (r.ok) setGroups(r.value.groups.map((g) => g.orderIds));
    });
  }, [shop]);

  // Shop settings: sender, carrier, size, language; unfinished jobs.
  useEffect(() => {
    if (!shop) return;
    void (async () => {
      const s = await send({ type: 'settings/get', shop });
      if (s.ok) {
        const v = s.value.settings;
        if (v.sender) setSender(v.sender);
        if (v.labelSize && !job) setSize(v.labelSize);
        if (v.defaultCarrier && (CARRIERS as readonly string[]).includes(v.defaultCarrier) && !job) {
          setCarrier(v.defaultCarrier as ShipCarrierCode);
        } else if (!job && PLATFORM_CARRIER[shop.platform]) setCarrier(PLATFORM_CARRIER[shop.platform]!);
      }
      const j = await send({ type: 'print/jobs', shop });
      if (j.ok) setJobs(j.value);
    })();
  }, [shop]);

  const onFile = async (file: File): Promise<void> => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const r = parseOrderFile(bytes, {
      ...(shop ? { platform: shop.platform, shopId: shop.shopId } : { shopId: 'default' }),
    });
    const fileShop: ShopRef | undefined =
      shop ?? (r.platform ? { platform: r.platform, shopId: 'default' } : undefined);
    if (!fileShop) return setError('unknown platform');
    const found = addressesFromExport(bytes, fileShop.platform);
    setShop(fileShop);
    const fromFile = r.orders.map((o) => o.order);
    // Selection orders first (stored views), then orders only in the file. A second file
    // REPLACES the first (issue 21 item 7): the first file's own orders and addresses go.
    setOrders((prev) => {
      const kept = prev.filter((o) => !fileOnly.current.has(o.orderId));
      const ids = new Set(kept.map((o) => o.orderId));
      const added = fromFile.filter((o) => !ids.has(o.orderId));
      fileOnly.current = new Set(added.map((o) => o.orderId));
      return [...kept, ...added];
    });
    setAddresses(new Map(found));
    setFileNote({ orders: fromFile.length, addresses: found.size });
  };

  const onPrintDataFile = async (file: File): Promise<void> => {
    const text = await file.text();
    // The file's own component when core knows it (a started job keeps its component).
    const named = namedComponent(text);
    const target = routeComponent({
      ...(shop ? { platform: shop.platform } : {}),
      ...(job?.component !== undefined ? { job: job.component } : {}),
      ...(named !== undefined ? { file: named } : {}),
    });
    const r = parsePrintDataFile(text, target);
    if (!r.ok) {
      setDataNote(undefined);
      return setError(r.error.message);
    }
    setError('');
    const fresh = r.entries.map((e) => [e.orderId, e] as const);
    // Print data of another component never mixes with what is loaded: the new file replaces it.
    setPrintData((prev) => new Map(r.component === component ? [...prev, ...fresh] : fresh));
    setFileComponent(r.component);
    setDataNote({
      read: r.entries.length,
      refused: r.refused.slice(0, 20).map((x) => `${x.orderId ?? `#${x.index + 1}`}: ${x.reason}`),
    });
  };

  // Virtual numbers the order page showed where the stored view has none (京东 after 查看).
  const shown = useMemo(
    () => (pageFound ? withPageVirtuals(orders, pageFound) : orders),
    [orders, pageFound],
  );
  const printable = job ? shown.filter((o) => job.documents.some((d) => d.orderId === o.orderId)) : shown;
  const now = useMemo(() => Date.now(), [shown, labelAddresses]);
  const printableIds = useMemo(() => printable.map((o) => o.orderId), [printable]);
  const numberEntry = useMemo(
    () =>
      job || numberMode === 'range'
        ? undefined
        : numberMode === 'list'
          ? numbersFromList(numberList, printableIds)
          : numbersPerOrder(numberEach),
    [job, numberMode, numberList, numberEach, printableIds],
  );
  const trackingNumbers = useMemo(
    () => (job || numberMode !== 'range' ? [] : numberRange(start, printable.length)),
    [job, numberMode, start, printable.length],
  );
  const trackingByOrder = useMemo(
    () => (job ? new Map(job.documents.map((d) => [d.orderId, d.trackingNumber])) : numberEntry?.byOrder),
    [job, numberEntry],
  );
  const plan = useMemo(
    () =>
      planPrint(printable, {
        carrier,
        labelSize: size,
        ...(sender.name ? { sender } : {}),
        trackingNumbers,
        ...(trackingByOrder ? { trackingByOrder } : {}),
        addresses: labelAddresses,
        printData,
        ...(mergeOn && groups.length > 0 ? { merge: groups } : {}),
        now,
      }),
    [
      printable,
      carrier,
      size,
      sender,
      trackingNumbers,
      trackingByOrder,
      labelAddresses,
      printData,
      mergeOn,
      groups,
      now,
    ],
  );
  // Refusals grouped by reason (one heading with a count, the orders under it); a missing
  // waybill number is listed apart as the next step (issue 21 item 7).
  // After a reload (?job=), orders this job already printed are shown as printed in the job,
  // never as refused: their in-memory addresses are gone, their labels are not (issue 21 item 7).
  const refusals = useMemo(() => {
    const done = new Set(job?.documents.filter((d) => d.state === 'printed').map((d) => d.orderId));
    return done.size === 0 ? plan.refused : plan.refused.filter((r) => !done.has(r.orderId));
  }, [plan, job]);
  const needsNumber = refusals.filter((r) => r.code === 'no-tracking-number');
  const refusedGroups = useMemo(() => {
    const groups = new Map<string, Refusal[]>();
    for (const r of refusals) {
      if (r.code === 'no-tracking-number') continue;
      // Status refusals group per status (each heading names it).
      const key = r.code === 'not-awaiting-shipment' ? `${r.code}:${r.status ?? ''}` : r.code;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    return [...groups];
  }, [refusals]);
  const refusedCount = refusals.length - needsNumber.length;
  const reasonOf = (r: Refusal): string =>
    r.code === 'not-awaiting-shipment'
      ? t.notAwaiting(t.orderStatus[r.status ?? 'unknown'] ?? r.status ?? '')
      : (t.reasons[r.code] ?? r.message);
  // A disabled print button says why; labels without a sender warn first (issue 21 item 7).
  const browserWhy =
    job || plan.browser.length > 0
      ? undefined
      : printable.length === 0
        ? t.whyNoOrders
        : needsNumber.length > 0
          ? t.whyNeedsNumber(needsNumber.length)
          : t.whyNoLabels;
  const senderMissing =
    !job &&
    plan.browser.length > 0 &&
    (!sender.name.trim() || !sender.phone.trim() || !sender.address.trim());
  // One label per parcel: the orders of a merged parcel share their first order's label.
  const labelsOf = plan.browser.filter((l) => l.mergedInto === undefined);
  const mergedOrders = plan.browser.filter((l) => l.mergedInto !== undefined).length;
  const images = useMemo(
    () =>
      plan.browser
        .filter((l) => l.mergedInto === undefined)
        .map((l) => ({ orderId: l.orderId, src: labelImageUrl(l.label) })),
    [plan],
  );
  const docUrl = useMemo(() => {
    if (plan.browser.length === 0) return '';
    const html = renderLabelDocument(
      plan.browser.filter((l) => l.mergedInto === undefined).map((l) => l.label),
      'shipmask',
    );
    return URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  }, [plan]);
  useEffect(() => () => (docUrl ? URL.revokeObjectURL(docUrl) : undefined), [docUrl]);

  const refreshJob = async (id: string): Promise<void> => {
    const r = await send({ type: 'print/job-get', jobId: id });
    if (r.ok) setJob(r.value.job);
  };

  const createJob = async (
    path: 'browser' | 'component' | 'platform',
    docs: { orderId: string; trackingNumber: string }[],
  ) => {
    if (!shop) return undefined;
    const r = await send({
      type: 'print/job-create',
      shop,
      path,
      ...(path === 'component' ? { component } : {}),
      carrier,
      labelSize: size,
      documents: docs,
      ...(overrides.length ? { overrides } : {}),
    });
    if (!r.ok) {
      setError(r.error.message);
      if (r.error.code === 'held') {
        const g = await send({
          type: 'gate/check',
          shop,
          orderIds: docs.map((d) => d.orderId),
          action: 'print',
          overrides,
        });
        if (g.ok) setHeld(g.value.held);
      }
      return undefined;
    }
    setHeld([]);
    setJob(r.value);
    history.replaceState(null, '', `?job=${r.value.id}${sourceTab !== undefined ? `&tab=${sourceTab}` : ''}`);
    return r.value;
  };

  const mark = async (
    jobId: string,
    marks: readonly { documentId: string; state: PrintJobDocument['state']; message?: string }[],
  ) => {
    for (let i = 0; i < marks.length; i += 1000) {
      const r = await send({ type: 'print/job-mark', jobId, marks: marks.slice(i, i + 1000) });
      if (!r.ok) throw new Error(r.error.message);
    }
  };

  // Browser path: one document of labels at exact size, printed from a hidden frame.
  const frame = useRef<HTMLIFrameElement>(null);
  const printBrowser = async (): Promise<void> => {
    const created =
      job?.path === 'browser'
        ? job
        : await createJob(
            'browser',
            plan.browser.map((l) => ({ orderId: l.orderId, trackingNumber: l.trackingNumber })),
          );
    if (!created || !frame.current) return;
    const open = created.documents.filter((d) => d.state === 'queued' || d.state === 'sent');
    await mark(
      created.id,
      open
        .filter((d) => d.state === 'queued')
        .map((d) => ({ documentId: d.documentId, state: 'sent' as const })),
    );
    // Only the documents still open (a reprint prints its labels alone, never the whole job).
    const openIds = new Set(open.map((d) => d.orderId));
    const labels = plan.browser
      .filter((l) => l.mergedInto === undefined && openIds.has(l.orderId))
      .map((l) => l.label);
    const f = frame.current;
    // The frame loads a document made now, from the labels still open: the page's preview URL
    // may have been replaced (and revoked) since this handler was created, and a revoked blob
    // URL loads an error page the print call cannot reach. Loading only at print time also keeps
    // 1,000 SVG pages out of the way of the preview.
    const url = URL.createObjectURL(
      new Blob([renderLabelDocument(labels, 'shipmask')], { type: 'text/html;charset=utf-8' }),
    );
    await new Promise<void>((resolve) => {
      f.addEventListener('load', () => resolve(), { once: true });
      f.src = url;
    });
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    f.contentWindow?.print();
    await mark(
      created.id,
      open.map((d) => ({ documentId: d.documentId, state: 'printed' as const, message: 'browser' })),
    );
    await refreshJob(created.id);
  };

  const connect = async (): Promise<ComponentClient | undefined> => {
    client.current?.close();
    setState('connecting');
    void browser.storage.local.set({ [portKey(component)]: port }).catch(() => undefined);
    // Host, port and path from the component record (Kuaishou serves /ks/printer), never from data.
    const endpoint = componentEndpoint(component, { port });
    if (!endpoint.ok) {
      setState('not-running');
      return undefined;
    }
    try {
      const c = await ComponentClient.connect({
        component,
        url: endpoint.url,
        onResult: (tasks) => {
          results.current.push(...tasks);
          resultListeners.current.forEach((l) => l(tasks));
        },
        onClose: () => setState('idle'),
      });
      client.current = c;
      setState('connected');
      const p = await c.printers();
      setPrinters(p.printers.map((x) => x.name));
      setPrinter((cur) => cur || p.defaultPrinter || p.printers[0]?.name || '');
      return c;
    } catch {
      setState('not-running');
      return undefined;
    }
  };

  const run = async (target: PrintJobView): Promise<void> => {
    // After a reload the print data is gone with the page: the merchant chooses the file again.
    if (
      target.documents.some((d) => (d.state === 'queued' || d.state === 'sent') && !printData.has(d.orderId))
    ) {
      return setError(t.needData);
    }
    const c = client.current?.isOpen ? client.current : await connect();
    if (!c) return;
    paused.current = false;
    setRunning(true);
    setError('');
    try {
      await send({ type: 'print/job-status', jobId: target.id, status: 'running' });
      const docs = await runJob(target.documents, {
        mark: (m) => mark(target.id, m),
        print: (task) => c.print(task),
        taskStatus: (ids) => c.taskStatus(ids),
        onResult: (l) => {
          resultListeners.current.add(l);
          return () => resultListeners.current.delete(l);
        },
        // Only real print data (checked by core when the file was read); never a stand-in.
        contents: (d) => {
          const entry = printData.get(d.orderId);
          return entry ? componentContents(entry) : [];
        },
        printer,
        paused: () => paused.current,
        progress: (documents) =>
          setJob((j) => (j && j.id === target.id ? { ...j, documents, counts: counts(documents) } : j)),
      });
      void docs;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
      await refreshJob(target.id);
    }
  };

  const printComponent = async (): Promise<void> => {
    const created =
      job?.path === 'component'
        ? job
        : await createJob(
            'component',
            plan.component.map((c) => ({ orderId: c.order.orderId, trackingNumber: c.trackingNumber })),
          );
    if (created) await run(created);
  };

  // 平台打单: a job of the ciphertext orders without print data; the platform tab ticks their rows
  // (the merchant then clicks the platform's own 批量打印); ticked rows are `sent`, and the
  // background marks them printed when the adapter reads 已打待发货 / 已发货 there.
  const tickPlatform = async (): Promise<void> => {
    if (!shop) return;
    setError('');
    const created =
      job?.path === 'platform'
        ? job
        : await createJob(
            'platform',
            plan.platform.map((p) => ({ orderId: p.order.orderId, trackingNumber: '' })),
          );
    if (!created) return;
    const open = created.documents.filter((d) => d.state === 'queued' || d.state === 'sent');
    const r = await tickOnPlatform(
      shop,
      open.map((d) => d.orderId),
    );
    setTick(r);
    if (r.ok) {
      const ticked = new Set(r.ticked);
      await mark(
        created.id,
        open
          .filter((d) => d.state === 'queued' && ticked.has(d.orderId))
          .map((d) => ({
            documentId: d.documentId,
            state: 'sent' as const,
            message: 'ticked on the platform',
          })),
      );
    }
    await refreshJob(created.id);
  };
  // Follow a platform job while it is open (the background updates it from the platform's list).
  useEffect(() => {
    if (!job || job.path !== 'platform' || job.status === 'done' || job.status === 'canceled') return;
    const timer = setInterval(() => void refreshJob(job.id), 1000);
    return () => clearInterval(timer);
  }, [job?.id, job?.path, job?.status]);

  const wechatNotice = (): void => {
    if (!job) return;
    const waybills = job.documents.flatMap((d) => {
      const e = printData.get(d.orderId);
      return e?.ewaybillOrderId && e.deliveryId
        ? [
            {
              documentID: d.documentId,
              ewaybillOrderId: e.ewaybillOrderId,
              deliveryId: e.deliveryId,
              waybillId: e.waybillCode,
            },
          ]
        : [];
    });
    const reprinted = new Set(job.documents.filter((d) => /-r\d+$/u.test(d.taskId)).map((d) => d.documentId));
    const notice = wechatPrintNotice(results.current, waybills, reprinted);
    download(`wechat-print-notice-${job.id}.json`, JSON.stringify(notice, null, 2), 'application/json');
  };

  const pause = async (): Promise<void> => {
    paused.current = true;
    if (job) await send({ type: 'print/job-status', jobId: job.id, status: 'paused' });
  };
  const cancel = async (): Promise<void> => {
    paused.current = true;
    if (!job) return;
    await send({ type: 'print/job-status', jobId: job.id, status: 'canceled' });
    await refreshJob(job.id);
  };

  const printedRows = job ? job.documents.filter((d) => d.state === 'printed') : [];
  const shipFile = async (): Promise<void> => {
    if (!shop || !job) return;
    // The bulk-ship file is a step of its own: orders turned refunded, closed or changed since
    // printing stay out of it unless overridden (logged).
    const g = await send({
      type: 'gate/check',
      shop,
      orderIds: printedRows.map((d) => d.orderId),
      action: 'bulk-ship',
      overrides,
    });
    if (!g.ok) return setError(g.error.message);
    setHeld(g.value.held);
    const pass = new Set(g.value.pass);
    const f = writeBulkShipFile(
      shop.platform,
      printedRows
        .filter((d) => pass.has(d.orderId))
        .map((d) => ({
          orderId: d.orderId,
          carrier: job.carrier,
          trackingNumber: d.trackingNumber,
        })),
    );
    if (f.written > 0) download(f.fileName, f.csv);
  };

  const [reprintIds, setReprintIds] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const doReprint = async (): Promise<void> => {
    if (!job) return;
    const ids = reprintIds.split(/[\s,，]+/u).filter(Boolean);
    const r = await send({ type: 'print/reprint', jobId: job.id, orderIds: ids, reason });
    if (!r.ok) return setError(r.error.message);
    setJob(r.value);
    setNote(
      t.reprintDone(r.value.documents.filter((d) => ids.includes(d.orderId) && d.state === 'queued').length),
    );
  };
  // Documents left `sent` by a crash on a component without task status: the merchant checked
  // the printer. Came out → printed; did not → queued again (a reprint: reason required, logged).
  const resolveInFlight = async (outcome: 'printed' | 'requeue'): Promise<void> => {
    if (!job) return;
    const sent = job.documents.filter((d) => d.state === 'sent');
    if (outcome === 'printed') {
      await mark(
        job.id,
        sent.map((d) => ({
          documentId: d.documentId,
          state: 'printed' as const,
          message: 'checked at the printer',
        })),
      );
    } else {
      const r = await send({
        type: 'print/reprint',
        jobId: job.id,
        orderIds: sent.map((d) => d.orderId),
        reason,
        includeInFlight: true,
      });
      if (!r.ok) return setError(r.error.message);
    }
    await refreshJob(job.id);
  };
  const [logId, setLogId] = useState('');
  const [log, setLog] = useState<readonly PrintLogLine[] | undefined>();
  const showLog = async (): Promise<void> => {
    if (!shop) return;
    const r = await send({ type: 'print/log', shop, orderId: logId.trim() });
    if (r.ok) setLog(r.value);
  };

  const jc = job ? counts(job.documents) : undefined;
  const unfinished = jobs
    .filter((j) => j.status === 'running' || j.status === 'paused')
    .filter((j) => j.id !== job?.id);

  return (
    <main
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      data-ready={
        docUrl || plan.component.length || plan.platform.length ? String(plan.browser.length) : undefined
      }
    >
      <header>
        <h1>{t.title}</h1>
        {shop ? (
          <span class="shop">{`${PLATFORM_NAMES[shop.platform][lang]} · ${shopName(shop)}`}</span>
        ) : null}
        <button type="button" class="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {lang === 'zh' ? 'English' : '中文'}
        </button>
      </header>
      {error ? <p class="error">{t.error(error)}</p> : null}
      <HeldOrders held={held} overrides={overrides} lang={lang} onChange={setOverrides} />

      {unfinished.length > 0 ? (
        <section class="unfinished">
          <h2>{t.unfinished}</h2>
          <ul>
            {unfinished.map((j) => (
              <li key={j.id}>
                <a
                  href={`?job=${j.id}`}
                  class="open-job"
                >{`${t.status[j.status === 'running' ? 'interrupted' : j.status]} · ${j.counts.printed}/${j.counts.total} · ${new Date(j.createdAt).toLocaleString()}`}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section
        class="source"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          const f = e.dataTransfer?.files[0];
          if (f) void onFile(f);
        }}
      >
        <h2>{t.source}</h2>
        {params.get('sel') ? <p>{t.fromSelection(orders.length + missing)}</p> : null}
        {missing > 0 ? <p class="warn">{t.missing(missing)}</p> : null}
        <label class="drop">
          {t.dropFile}
          <input
            type="file"
            class="export-file"
            accept=".csv,.xlsx,text/csv"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) void onFile(f);
            }}
          />
        </label>
        {fileNote ? <p class="note file-note">{t.fileRead(fileNote.orders, fileNote.addresses)}</p> : null}
      </section>
      <AddressSource lang={lang} platform={shop?.platform} state={orderPage} file={addresses} />

      <section class="options">
        <label>
          {t.carrier}
          <select
            class="carrier"
            value={carrier}
            disabled={!!job}
            onChange={(e) => setCarrier(e.currentTarget.value as ShipCarrierCode)}
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
            value={size}
            disabled={!!job}
            onChange={(e) => setSize(e.currentTarget.value as LabelSizeId)}
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
          mode={job ? 'range' : numberMode}
          onMode={setNumberMode}
          orderIds={printableIds}
          start={start}
          onStart={setStart}
          list={numberList}
          onList={setNumberList}
          each={numberEach}
          onEach={(id, v) => setNumberEach((m) => new Map(m).set(id, v))}
          entry={numberEntry}
          given={
            job
              ? job.documents.length
              : numberMode === 'range'
                ? trackingNumbers.length
                : (numberEntry?.byOrder.size ?? 0)
          }
          disabled={!!job}
          {...(job ? { jobFirst: job.documents[0]?.trackingNumber ?? '' } : {})}
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

      {needsNumber.length > 0 ? (
        // A missing waybill number is the next step, not a refusal (issue 21 item 7).
        <section class="needs-number" data-count={needsNumber.length}>
          <h2>{t.needsNumber(needsNumber.length)}</h2>
          <p>{t.needsNumberHint}</p>
          <ul class="needs-number-list">
            {needsNumber.map((r) => (
              <li key={r.orderId}>
                <code>{r.orderId}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {refusedGroups.length > 0 ? (
        <section class="refused">
          <h2>{t.refused(refusedCount)}</h2>
          {refusedGroups.map(([code, rs]) => (
            <div class="refused-group" key={code} data-code={code} data-count={rs.length}>
              <h3>
                {reasonOf(rs[0]!)}（{rs.length}）
              </h3>
              <ul class="refused-list">
                {rs.map((r) => (
                  <li key={r.orderId} data-code={r.code}>
                    <code>{r.orderId}</code> {reasonOf(r)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}

      {plan.platform.length > 0 || job?.path === 'platform' ? (
        <section class="platform-print" data-count={plan.platform.length}>
          <h2>{t.platformTitle(plan.platform.length)}</h2>
          <p class="platform-why">{t.platformWhy}</p>
          <button
            type="button"
            class="platform-tick"
            disabled={plan.platform.length === 0 || running || (job !== undefined && job.path !== 'platform')}
            onClick={() => void tickPlatform()}
          >
            {t.platformTick(plan.platform.length)}
          </button>
          {tick ? (
            <p
              class="platform-ticked"
              data-ok={String(tick.ok)}
              data-ticked={tick.ok ? tick.ticked.length : 0}
            >
              {tick.ok
                ? t.platformTicked(tick.ticked.length, tick.missing.length, tick.entry)
                : t.platformNoTab(tick.reason)}
            </p>
          ) : null}
        </section>
      ) : null}

      <section class="component">
        <h2>{`${t.component}${lang === 'zh' ? '：' : ': '}${info ? info.name[lang] : component}`}</h2>
        <label class="drop">
          {t.dataFile}
          <input
            type="file"
            class="print-data-file"
            accept=".json,application/json"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) void onPrintDataFile(f);
            }}
          />
        </label>
        {dataNote ? (
          <div class="print-data-note" data-read={dataNote.read} data-refused={dataNote.refused.length}>
            <p>{t.dataRead(dataNote.read, dataNote.refused.length)}</p>
            {dataNote.refused.length > 0 ? (
              <ul class="print-data-refused">
                {dataNote.refused.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {plan.component.length > 0 ? (
          <p class="component-orders">{t.componentOrders(plan.component.length)}</p>
        ) : null}
        <div class="row">
          <label>
            {t.port}
            <input
              class="component-port"
              type="number"
              min="1"
              max="65535"
              value={port}
              onInput={(e) => setPort(Number(e.currentTarget.value))}
            />
          </label>
          <button type="button" class="connect" onClick={() => void connect()}>
            {t.connect}
          </button>
          <span class="component-state" data-state={state}>
            {t.state[state]}
          </span>
          {printers.length > 0 ? (
            <label>
              {t.printer}
              <select class="printer" value={printer} onChange={(e) => setPrinter(e.currentTarget.value)}>
                {printers.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
        {state === 'not-running' ? (
          <p class="not-running">
            {t.install(
              info ? info.name[lang] : component,
              port,
              info && 'download' in info ? info.download : undefined,
            )}
          </p>
        ) : null}
      </section>

      <section class="actions">
        {browserWhy ? <small class="why-disabled">{browserWhy}</small> : null}
        {senderMissing ? <p class="warn sender-missing">{t.senderMissing}</p> : null}
        <button
          type="button"
          class="print-browser"
          title={browserWhy ?? ''}
          disabled={
            plan.browser.length === 0 ||
            running ||
            (job !== undefined &&
              (job.path !== 'browser' || counts(job.documents).queued + counts(job.documents).sent === 0))
          }
          onClick={() => void printBrowser()}
        >
          {t.printBrowser(labelsOf.length)}
        </button>
        {groups.length > 0 ? (
          <label
            class="merge-print"
            data-parcels={String(labelsOf.length)}
            data-merged={String(mergedOrders)}
          >
            <input
              type="checkbox"
              checked={mergeOn}
              disabled={job !== undefined}
              onChange={() => setMergeOn(!mergeOn)}
            />
            {t.mergePrint(
              new Set(plan.browser.filter((l) => l.mergedInto !== undefined).map((l) => l.mergedInto)).size,
              mergedOrders +
                new Set(plan.browser.filter((l) => l.mergedInto !== undefined).map((l) => l.mergedInto)).size,
            )}
          </label>
        ) : null}
        <button
          type="button"
          class="print-component"
          disabled={
            running || (job ? job.path !== 'component' || job.status === 'done' : plan.component.length === 0)
          }
          onClick={() => void (job?.path === 'component' ? run(job) : printComponent())}
        >
          {job?.path === 'component' ? t.resume : t.printComponent(plan.component.length)}
        </button>
        <small>{t.browserNote}</small>
      </section>

      {job && jc ? (
        <section class="job" data-job={job.id} data-status={running ? 'running' : job.status}>
          <h2>{`${t.job} · ${t.status[running ? 'running' : job.status === 'running' ? 'interrupted' : job.status]}`}</h2>
          <progress class="job-progress" max={jc.total} value={jc.printed + jc.failed + jc.canceled} />
          <p class="job-counts" data-printed={jc.printed} data-total={jc.total}>
            {t.counts(jc.printed, jc.total, jc.failed, jc.sent)}
          </p>
          <div class="row">
            {running ? (
              <button type="button" class="pause" onClick={() => void pause()}>
                {t.pause}
              </button>
            ) : null}
            {!running && job.path === 'component' && (job.status === 'running' || job.status === 'paused') ? (
              <button type="button" class="resume" onClick={() => void run(job)}>
                {t.resume}
              </button>
            ) : null}
            {job.status === 'running' || job.status === 'paused' ? (
              <button type="button" class="cancel" onClick={() => void cancel()}>
                {t.cancel}
              </button>
            ) : null}
          </div>
          {job.path === 'component' && job.component === 'wechat' && printedRows.length > 0 ? (
            <div class="wechat-notice-box">
              <p>{t.wechatNoticeHint}</p>
              <button type="button" class="wechat-notice" onClick={wechatNotice}>
                {t.wechatNotice(printedRows.length)}
              </button>
            </div>
          ) : null}
          {printedRows.length > 0 && job.path !== 'platform' ? (
            <div class="ship">
              <h3>{t.shipTitle}</h3>
              <p>{t.shipHint}</p>
              <button type="button" class="bulk-ship" onClick={() => void shipFile()}>
                {t.shipFile(printedRows.length)}
              </button>
            </div>
          ) : null}
          {!running && job.path === 'component' && jc.sent > 0 ? (
            <div class="in-flight">
              <p>{t.inFlight(jc.sent)}</p>
              <button type="button" class="in-flight-printed" onClick={() => void resolveInFlight('printed')}>
                {t.inFlightPrinted}
              </button>
              <input
                class="in-flight-reason"
                placeholder={t.reprintReason}
                value={reason}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
              <button
                type="button"
                class="in-flight-requeue"
                disabled={reason.trim().length < 2}
                onClick={() => void resolveInFlight('requeue')}
              >
                {t.inFlightRequeue}
              </button>
            </div>
          ) : null}
          <details class="reprint">
            <summary>{t.reprint}</summary>
            {jc.failed > 0 ? (
              <button
                type="button"
                class="reprint-fill-failed"
                onClick={() =>
                  setReprintIds(
                    job.documents
                      .filter((d) => d.state === 'failed')
                      .map((d) => d.orderId)
                      .join(','),
                  )
                }
              >
                {t.fillFailed(jc.failed)}
              </button>
            ) : null}
            <input
              class="reprint-orders"
              placeholder={t.reprintOrders}
              value={reprintIds}
              onInput={(e) => setReprintIds(e.currentTarget.value)}
            />
            <input
              class="reprint-reason"
              placeholder={t.reprintReason}
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
            <button
              type="button"
              class="reprint-submit"
              disabled={reason.trim().length < 2 || !reprintIds.trim()}
              onClick={() => void doReprint()}
            >
              {t.reprint}
            </button>
            {note ? <span class="note">{note}</span> : null}
          </details>
        </section>
      ) : null}

      <details class="print-log">
        <summary>{t.log}</summary>
        <input
          class="log-order"
          placeholder={t.logOrder}
          value={logId}
          onInput={(e) => setLogId(e.currentTarget.value)}
        />
        <button type="button" class="log-show" onClick={() => void showLog()}>
          {t.log}
        </button>
        {log ? (
          <ol class="log-lines">
            {log.map((l, i) => (
              <li
                key={i}
              >{`${new Date(l.at).toLocaleString()} · ${t.logKinds[l.kind] ?? l.kind} · ${l.trackingNumber ?? ''}${l.reason ? ` · ${l.reason}` : ''}${l.message ? ` · ${l.message}` : ''}`}</li>
            ))}
          </ol>
        ) : null}
      </details>

      <section class="preview">
        <h2>{t.preview(images.length)}</h2>
        <div class="labels">
          {images.map((i) => (
            <figure key={i.orderId} class={`label label-${size}`}>
              <img class="label-img" src={i.src} alt={i.orderId} loading="lazy" decoding="async" />
              <figcaption>{i.orderId}</figcaption>
            </figure>
          ))}
        </div>
      </section>
      {docUrl ? <iframe ref={frame} class="print-frame" title="print" data-doc-url={docUrl} /> : null}
      <PickingSheet orders={orders} lang={lang} />
    </main>
  );
}
