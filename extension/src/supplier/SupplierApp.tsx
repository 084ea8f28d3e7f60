/**
 * The supplier page (厂家发货页): opens a sealed batch (link fragment, pasted text or a dropped
 * file) entirely offline, shows the orders, prints labels with core's layout, takes tracking
 * numbers (typed, pasted, or a print-software CSV), marks orders that cannot ship, and seals the
 * return code. It keeps nothing: no storage, no network (its one possible connection is the
 * supplier's own print component on 127.0.0.1, component-print.ts); closing the tab forgets
 * everything.
 * Page text is rendered by Preact as text (invariant 2).
 * @module
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  getPrintComponent,
  openBatch,
  parsePrintDataFile,
  sealReturn,
  carrierNames,
  shipCarrierNames,
  type OpenedBatch,
  type OpenErrorCode,
  type LabelTemplateId,
  type PrintDataEntry,
  type ReturnResult,
  type TaskResult,
} from '@shipmask/core';
import { CARRIERS } from '../print/build';
import type { ComponentClient, ComponentState } from '../print/component-client';
import {
  COMPONENT_IDS,
  COMPONENT_OF_PLATFORM,
  componentTasks,
  componentUrl,
  connectLocalComponent,
  defaultPort,
  printTasks,
  type OrderPrintState,
} from './component-print';
import { explainOpenError, explainReturnError, words, type Lang } from './i18n';
import { supplierLabel, type SupplierLabel } from './labels';
import { printSoftwareCsv } from './print-export';
import { qrDataUrl } from './qr';
import { LABEL_SIZES, printRoute, wherePlatformPrints } from './routes';
import { readTrackingText, WAYBILL } from './tracking';

export interface SupplierAppProps {
  /** The page's own URL (its fragment may hold the batch). */
  readonly initial?: string;
  readonly now?: () => number;
  readonly random?: (n: number) => Uint8Array;
  /**
   * The language, when the host page keeps one (inside the extension: the setting every page
   * shares, issue 21 item 9). Absent (the single-file page): the page's own toggle.
   */
  readonly lang?: Lang;
  readonly onLang?: (lang: Lang) => void;
}

interface Row {
  readonly carrier: string;
  readonly waybill: string;
  readonly cannot: boolean;
  readonly reason: string;
}

const EMPTY_ROW: Row = { carrier: '', waybill: '', cannot: false, reason: '' };

const formatTime = (t: number): string =>
  new Date(t).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** Copy text: the async clipboard when allowed, else a selected textarea and `execCommand`. */
async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.select();
    return document.execCommand('copy');
  }
}

/** Save text as a file through a blob URL (a download: no network). */
function saveFile(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function SupplierApp(props: SupplierAppProps) {
  const now = props.now ?? (() => Date.now());
  const random = props.random ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
  const [ownLang, setOwnLang] = useState<Lang>('zh');
  const lang = props.lang ?? ownLang;
  const setLang = props.onLang ?? setOwnLang;
  const w = words[lang];
  const [source, setSource] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [needPassphrase, setNeedPassphrase] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OpenErrorCode | undefined>();
  const [opened, setOpened] = useState<OpenedBatch | undefined>();
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [defaultCarrier, setDefaultCarrier] = useState<string>('ZTO');
  const [bulk, setBulk] = useState('');
  const [bulkNote, setBulkNote] = useState('');
  const [labels, setLabels] = useState<readonly SupplierLabel[]>([]);
  const [printNote, setPrintNote] = useState('');
  const [labelSize, setLabelSize] = useState<LabelTemplateId>('100x150');
  const [code, setCode] = useState<{ text: string; count: number } | undefined>();
  const [codeError, setCodeError] = useState('');
  const [copied, setCopied] = useState(false);
  const [dragging, setDragging] = useState(false);
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const csvRef = useRef<HTMLInputElement>(null);
  // The print-component path (component-print.ts): ws://127.0.0.1:<port> only.
  const [component, setComponent] = useState('');
  // Real print data per order (a print-data file), page memory only.
  const [printData, setPrintData] = useState<ReadonlyMap<string, PrintDataEntry>>(new Map());
  const [port, setPort] = useState('');
  const [compState, setCompState] = useState<ComponentState | 'bad-port'>('idle');
  const [printers, setPrinters] = useState<readonly string[]>([]);
  const [printer, setPrinter] = useState('');
  const [printStates, setPrintStates] = useState<Record<string, OrderPrintState>>({});
  const [compNote, setCompNote] = useState('');
  const [compBusy, setCompBusy] = useState(false);
  const client = useRef<ComponentClient | undefined>(undefined);
  const resultListeners = useRef(new Set<(tasks: readonly TaskResult[]) => void>());
  useEffect(() => () => client.current?.close(), []);
  // Issue 17: delivery addresses live in this page's memory only; leaving the page (closing the
  // tab, navigating away, a back-forward cache entry) drops the batch and the printed labels.
  useEffect(() => {
    const forget = (): void => {
      setOpened(undefined);
      setLabels([]);
      setSource('');
    };
    window.addEventListener('pagehide', forget);
    return () => window.removeEventListener('pagehide', forget);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${w.title} · shipmask`;
  }, [lang]);

  const open = async (text: string, pass?: string): Promise<void> => {
    setBusy(true);
    setError(undefined);
    const r = await openBatch(text, { now: now(), ...(pass ? { passphrase: pass } : {}) });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.code);
      if (r.error.code === 'passphrase-required' || r.error.code === 'wrong-passphrase')
        setNeedPassphrase(true);
      return;
    }
    setOpened(r.value);
    setRows({});
    setCode(undefined);
    setNeedPassphrase(false);
  };

  useEffect(() => {
    const initial = props.initial ?? '';
    const hash = initial.indexOf('#');
    if (hash >= 0 && initial.length > hash + 1) {
      setSource(initial);
      void open(initial);
    }
  }, []);

  const readFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const text = await file.text();
    setSource(text);
    await open(text, passphrase);
  };

  const orders = opened?.batch.orders ?? [];
  const rowOf = (id: string): Row => rows[id] ?? EMPTY_ROW;
  const carrierOf = (id: string): string =>
    rowOf(id).carrier || orders.find((o) => o.orderId === id)?.carrier || defaultCarrier;
  const setRow = (id: string, patch: Partial<Row>): void => {
    setRows((old) => ({ ...old, [id]: { ...(old[id] ?? EMPTY_ROW), ...patch } }));
    setCode(undefined);
  };

  const results = useMemo((): ReturnResult[] => {
    const out: ReturnResult[] = [];
    for (const o of orders) {
      const r = rowOf(o.orderId);
      if (r.cannot) out.push({ orderId: o.orderId, status: 'cannot-ship', reason: r.reason.trim() || '-' });
      else if (WAYBILL.test(r.waybill.trim()))
        out.push({
          orderId: o.orderId,
          status: 'shipped',
          carrier: carrierOf(o.orderId),
          waybill: r.waybill.trim(),
        });
    }
    return out;
  }, [rows, opened, defaultCarrier]);

  const applyBulk = (text: string): void => {
    const filled = new Set(
      orders.filter((o) => rowOf(o.orderId).waybill.trim() !== '').map((o) => o.orderId),
    );
    const read = readTrackingText(
      text,
      orders.map((o) => o.orderId),
      filled,
    );
    setRows((old) => {
      const next = { ...old };
      for (const e of read.entries) {
        next[e.orderId] = {
          ...(next[e.orderId] ?? EMPTY_ROW),
          waybill: e.waybill,
          cannot: false,
          ...(e.carrier ? { carrier: e.carrier } : {}),
        };
      }
      return next;
    });
    setCode(undefined);
    setBulkNote(w.bulkResult(read.entries.length, read.skipped));
  };

  const print = (): void => {
    if (!opened) return;
    const t = now();
    // Platform 代发 orders print on the platform, never here (issue 17).
    const made = orders
      .filter(
        (o) =>
          printRoute(o) === 'label' &&
          !rowOf(o.orderId).cannot &&
          WAYBILL.test(rowOf(o.orderId).waybill.trim()),
      )
      .map((o) =>
        supplierLabel(opened.batch, o, rowOf(o.orderId).waybill.trim(), carrierOf(o.orderId), t, labelSize),
      );
    if (made.length === 0) {
      setPrintNote(w.printNone);
      return;
    }
    // Refusals grouped by core's reason (e.g. a masked address cannot be delivered to).
    const reasons = new Map<string, number>();
    for (const l of made) if (!l.ok) reasons.set(l.message, (reasons.get(l.message) ?? 0) + 1);
    setPrintNote([...reasons].map(([message, n]) => `${w.printRefused(n)} ${message}`).join('\n'));
    setLabels(made);
  };
  useEffect(() => {
    if (labels.some((l) => l.ok)) window.print();
  }, [labels]);

  const comp = component || (opened ? COMPONENT_OF_PLATFORM[opened.batch.platform] : 'douyin');
  const compInfo = getPrintComponent(comp);
  const portText = port || String(defaultPort(comp));
  // Only orders with real print data (a print-data file) go to the component (issue 16).
  const readyForComponent = (o: (typeof orders)[number]): boolean =>
    !rowOf(o.orderId).cannot && printData.has(o.orderId);
  const componentOrders = orders.filter(
    (o) =>
      o.receiver.cipher &&
      readyForComponent(o) &&
      printStates[o.orderId] !== 'printed' &&
      printStates[o.orderId] !== 'sent',
  );
  const onPrintDataFile = async (file: File): Promise<void> => {
    const r = parsePrintDataFile(await file.text(), comp);
    if (!r.ok) {
      setPrintData(new Map());
      setCompNote(r.error.message);
      return;
    }
    setPrintData(new Map(r.entries.map((e) => [e.orderId, e])));
    setCompNote(w.compData(r.entries.length, r.refused.length));
  };

  const connectComponent = async (): Promise<ComponentClient | undefined> => {
    client.current?.close();
    client.current = undefined;
    if (!componentUrl(portText)) {
      setCompState('bad-port');
      return undefined;
    }
    setCompState('connecting');
    try {
      const holder: { c?: ComponentClient } = {};
      const c = await connectLocalComponent(comp, portText, {
        onResult: (tasks) => resultListeners.current.forEach((l) => l(tasks)),
        onClose: () => {
          if (client.current === holder.c) setCompState('idle');
        },
      });
      holder.c = c;
      client.current = c;
      setCompState('connected');
      const p = await c.printers();
      setPrinters(p.printers.map((x) => x.name));
      setPrinter((cur) => cur || p.defaultPrinter || p.printers[0]?.name || '');
      return c;
    } catch {
      setCompState('not-running');
      return undefined;
    }
  };

  const printWithComponent = async (): Promise<void> => {
    if (!opened) return;
    const skipped = orders.filter((o) => o.receiver.cipher && !printData.has(o.orderId)).length;
    if (componentOrders.length === 0) {
      setCompNote(w.compNone);
      return;
    }
    const c = client.current?.isOpen ? client.current : await connectComponent();
    if (!c) return;
    const jobId = `sp${now().toString(36)}${Array.from(random(3), (b) => b.toString(16).padStart(2, '0')).join('')}`;
    const built = componentTasks(
      comp,
      componentOrders.map((o) => ({ order: o, printData: printData.get(o.orderId)! })),
      printer,
      jobId,
    );
    if (!built.ok) {
      setCompNote(built.message);
      return;
    }
    setCompBusy(true);
    setCompNote(skipped > 0 ? w.compSkipped(skipped) : '');
    try {
      const final = await printTasks(
        c,
        built.tasks,
        (l) => {
          resultListeners.current.add(l);
          return () => resultListeners.current.delete(l);
        },
        (states) => setPrintStates((old) => ({ ...old, ...Object.fromEntries(states) })),
      );
      // A printed order's waybill is the one its print data was issued for.
      for (const [id, st] of final) {
        const entry = printData.get(id);
        if (st === 'printed' && entry && rowOf(id).waybill.trim() === '')
          setRow(id, { waybill: entry.waybillCode });
      }
      const count = (s: OrderPrintState): number => [...final.values()].filter((x) => x === s).length;
      setCompNote(
        [
          w.compSummary(count('printed'), count('failed'), count('unknown')),
          skipped > 0 ? w.compSkipped(skipped) : '',
        ]
          .filter(Boolean)
          .join(lang === 'zh' ? '；' : '; '),
      );
    } finally {
      setCompBusy(false);
    }
  };

  const makeCode = async (): Promise<void> => {
    if (!opened) return;
    setCodeError('');
    const r = await sealReturn(opened, results, { random, now: now() });
    if (!r.ok) {
      setCodeError(explainReturnError(r.error.code, lang) + (r.error.orderId ? ` (${r.error.orderId})` : ''));
      return;
    }
    setCode({ text: r.value.code, count: results.length });
    setCopied(false);
  };

  // Carrier names in the page's language (issue 21 item 9): the platform's own Chinese names, or
  // core's English ones.
  const names: Record<string, string> =
    lang === 'en'
      ? Object.fromEntries(Object.entries(carrierNames).map(([c, n]) => [c, n.en]))
      : opened
        ? shipCarrierNames[opened.batch.platform]
        : {};
  const platformCount = orders.filter((o) => printRoute(o) === 'platform').length;
  const done = results.length;
  const qr = code ? qrDataUrl(code.text) : undefined;

  return (
    <div class="sp">
      <div class="screen">
        <header class="sp-head">
          <div>
            <h1>{w.title}</h1>
            <p class="sp-sub">{w.subtitle}</p>
          </div>
          <button type="button" class="sp-lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {w.language}
          </button>
        </header>

        {!opened && (
          <section
            class={`sp-open${dragging ? ' is-drag' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              void readFile(e.dataTransfer?.files[0]);
            }}
          >
            <label class="sp-label" for="sp-source">
              {w.pasteLabel}
            </label>
            <textarea
              id="sp-source"
              class="sp-source"
              rows={4}
              placeholder={w.pastePlaceholder}
              value={source}
              onInput={(e) => setSource(e.currentTarget.value)}
            />
            <p class="sp-drop">
              {w.dropHint}{' '}
              <button type="button" class="sp-link" onClick={() => fileRef.current?.click()}>
                {w.chooseFile}
              </button>
              <input
                ref={fileRef}
                type="file"
                class="sp-hidden"
                accept=".txt,.shipmask,text/plain"
                onChange={(e) => void readFile(e.currentTarget.files?.[0])}
              />
            </p>
            {needPassphrase && (
              <p class="sp-pass">
                <label for="sp-passphrase">{w.passphrase}</label>
                <input
                  id="sp-passphrase"
                  type="password"
                  autocomplete="off"
                  value={passphrase}
                  placeholder={w.passphraseHint}
                  onInput={(e) => setPassphrase(e.currentTarget.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') void open(source, passphrase);
                  }}
                />
              </p>
            )}
            {error && (
              <p class="sp-error" role="alert" data-code={error}>
                {explainOpenError(error, lang)}
              </p>
            )}
            <button
              type="button"
              class="sp-primary sp-open-btn"
              disabled={busy || source.trim() === ''}
              onClick={() => void open(source, passphrase)}
            >
              {busy ? w.opening : w.open}
            </button>
            <p class="sp-offline">{w.offline}</p>
          </section>
        )}

        {opened && (
          <section class="sp-batch">
            <dl class="sp-meta">
              <div>
                <dt>{w.shop}</dt>
                <dd class="sp-shop">{opened.batch.shop}</dd>
              </div>
              <div>
                <dt>{w.batch}</dt>
                <dd class="sp-batch-id">{opened.batch.batchId}</dd>
              </div>
              <div>
                <dt>{w.expires}</dt>
                <dd>{formatTime(opened.batch.expiresAt)}</dd>
              </div>
              <div>
                <dt>{w.orders}</dt>
                <dd class="sp-count">{orders.length}</dd>
              </div>
              {opened.batch.note !== undefined && (
                <div class="sp-merchant-note">
                  <dt>{w.merchantNote}</dt>
                  <dd>{opened.batch.note}</dd>
                </div>
              )}
              <div class="sp-meta-end">
                <button
                  type="button"
                  class="sp-link"
                  onClick={() => {
                    setOpened(undefined);
                    setSource('');
                    setCode(undefined);
                    setPrintStates({});
                    setCompNote('');
                  }}
                >
                  {w.reset}
                </button>
              </div>
            </dl>

            <div class="sp-tools">
              <label class="sp-inline">
                {w.defaultCarrier}
                <select
                  class="sp-default-carrier"
                  value={defaultCarrier}
                  onChange={(e) => setDefaultCarrier(e.currentTarget.value)}
                >
                  {CARRIERS.map((c) => (
                    <option value={c} key={c}>
                      {names[c] ?? c}
                    </option>
                  ))}
                </select>
              </label>
              <label class="sp-inline">
                {w.labelSize}
                <select
                  class="sp-label-size"
                  value={labelSize}
                  onChange={(e) => setLabelSize(e.currentTarget.value as LabelTemplateId)}
                >
                  {LABEL_SIZES.map((id) => (
                    <option value={id} key={id}>
                      {id.replace('x', '×')} mm
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" class="sp-secondary sp-print" onClick={print}>
                {w.print}
              </button>
              {opened.batch.orders.some((o) => o.receiver.cipher || o.receiver.virtual) && (
                <button
                  type="button"
                  class="sp-secondary sp-export"
                  title={w.exportHint}
                  onClick={() => {
                    const f = printSoftwareCsv(opened.batch);
                    saveFile(f.csv, f.fileName);
                  }}
                >
                  {w.exportCsv}
                </button>
              )}
              <span class="sp-progress">{w.progress(done, orders.length)}</span>
            </div>
            {printNote && <p class="sp-note">{printNote}</p>}
            {platformCount > 0 && (
              <p class="sp-platform-route" data-count={platformCount}>
                {w.platformRoute(platformCount)} {wherePlatformPrints(opened.batch.platform, lang)}
                {lang === 'zh' ? '。' : '. '}
                {w.platformRouteTracking}
              </p>
            )}

            {opened.batch.orders.some((o) => o.receiver.cipher) && (
              <details class="sp-comp">
                <summary class="sp-comp-open">{w.compOpen}</summary>
                <p class="sp-note">{w.compHint}</p>
                <label class="sp-inline">
                  {w.compDataFile}
                  <input
                    type="file"
                    class="sp-comp-data"
                    accept=".json,application/json"
                    onChange={(e) => {
                      const f = e.currentTarget.files?.[0];
                      if (f) void onPrintDataFile(f);
                    }}
                  />
                </label>
                <div class="sp-comp-row">
                  <label class="sp-inline">
                    {w.compComponent}
                    <select
                      class="sp-comp-component"
                      value={comp}
                      onChange={(e) => {
                        client.current?.close();
                        client.current = undefined;
                        setComponent(e.currentTarget.value);
                        setPort('');
                        setCompState('idle');
                        setPrinters([]);
                        setPrinter('');
                      }}
                    >
                      {COMPONENT_IDS.map((id) => (
                        <option value={id} key={id}>
                          {getPrintComponent(id)?.name[lang] ?? id}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label class="sp-inline">
                    {w.compPort}
                    <input
                      class="sp-comp-port"
                      inputMode="numeric"
                      size={6}
                      value={portText}
                      onInput={(e) => setPort(e.currentTarget.value)}
                    />
                  </label>
                  <button
                    type="button"
                    class="sp-secondary sp-comp-connect"
                    disabled={compState === 'connecting'}
                    onClick={() => void connectComponent()}
                  >
                    {compState === 'connecting' ? w.compConnecting : w.compConnect}
                  </button>
                  {printers.length > 0 && compState === 'connected' && (
                    <label class="sp-inline">
                      {w.compPrinter}
                      <select
                        class="sp-comp-printer"
                        value={printer}
                        onChange={(e) => setPrinter(e.currentTarget.value)}
                      >
                        {printers.map((p) => (
                          <option value={p} key={p}>
                            {p}
                          </option>
                        ))}
                      </select>
                    </label>
                  )}
                  <button
                    type="button"
                    class="sp-primary sp-comp-print"
                    disabled={compBusy || componentOrders.length === 0}
                    onClick={() => void printWithComponent()}
                  >
                    {w.compPrint(componentOrders.length)}
                  </button>
                </div>
                <p class="sp-comp-status" data-state={compState} role="status">
                  {compState === 'connected'
                    ? w.compConnected
                    : compState === 'not-running'
                      ? w.compNotRunning(compInfo?.name[lang] ?? comp, portText)
                      : compState === 'bad-port'
                        ? w.compBadPort
                        : ''}
                </p>
                {compNote && <p class="sp-note sp-comp-note">{compNote}</p>}
              </details>
            )}

            <div class="sp-bulk">
              <label for="sp-bulk">{w.bulkLabel}</label>
              <textarea
                id="sp-bulk"
                class="sp-bulk-text"
                rows={3}
                value={bulk}
                onInput={(e) => setBulk(e.currentTarget.value)}
              />
              <div class="sp-bulk-actions">
                <button type="button" class="sp-secondary sp-bulk-apply" onClick={() => applyBulk(bulk)}>
                  {w.bulkApply}
                </button>
                <button type="button" class="sp-secondary" onClick={() => csvRef.current?.click()}>
                  {w.importCsv}
                </button>
                <input
                  ref={csvRef}
                  type="file"
                  class="sp-hidden sp-csv"
                  accept=".csv,text/csv,text/plain"
                  onChange={(e) => {
                    const f = e.currentTarget.files?.[0];
                    if (f) void f.text().then(applyBulk);
                  }}
                />
                {bulkNote && <span class="sp-note sp-bulk-note">{bulkNote}</span>}
              </div>
            </div>

            <table class="sp-orders">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{w.orders}</th>
                  <th>{w.items}</th>
                  <th>{w.receiver}</th>
                  <th>{w.carrier}</th>
                  <th>{w.waybill}</th>
                  <th>{w.cannotShip}</th>
                </tr>
              </thead>
              <tbody>
                {orders.map((o, i) => {
                  const r = rowOf(o.orderId);
                  const bad = r.waybill.trim() !== '' && !WAYBILL.test(r.waybill.trim());
                  const rc = o.receiver;
                  return (
                    <tr key={o.orderId} class="sp-order" data-order-id={o.orderId}>
                      <td class="sp-n">{i + 1}</td>
                      <td class="sp-id">
                        {o.orderId}
                        {o.remark && (
                          <div class="sp-remark">
                            {w.remark}：{o.remark}
                          </div>
                        )}
                      </td>
                      <td>
                        {o.items.map((it, k) => (
                          <div key={k} class="sp-item">
                            {it.name}
                            {it.sku ? <span class="sp-sku"> {it.sku}</span> : null}
                            <b class="sp-qty"> ×{it.quantity}</b>
                          </div>
                        ))}
                      </td>
                      <td class="sp-receiver">
                        <div>
                          {rc.name ?? ''} {rc.phone ?? ''}
                        </div>
                        {rc.virtual && (
                          <div class="sp-vn">
                            {w.virtual} {rc.virtual.main}-{rc.virtual.ext}
                          </div>
                        )}
                        {rc.address && <div class="sp-addr">{rc.address}</div>}
                        {rc.cipher && !rc.virtual && <div class="sp-cipher">{w.ciphertext}</div>}
                        {printRoute(o) === 'platform' && (
                          <div class="sp-route" data-route="platform">
                            {w.platformBadge}
                          </div>
                        )}
                        {printStates[o.orderId] && (
                          <div class="sp-print-state" data-state={printStates[o.orderId]}>
                            {w.compState[printStates[o.orderId]!]}
                          </div>
                        )}
                      </td>
                      <td>
                        <select
                          class="sp-carrier"
                          value={carrierOf(o.orderId)}
                          disabled={r.cannot}
                          onChange={(e) => setRow(o.orderId, { carrier: e.currentTarget.value })}
                        >
                          {CARRIERS.map((c) => (
                            <option value={c} key={c}>
                              {names[c] ?? c}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <input
                          class={`sp-waybill${bad ? ' is-bad' : ''}`}
                          value={r.waybill}
                          disabled={r.cannot}
                          aria-invalid={bad}
                          title={bad ? w.invalidWaybill : ''}
                          onInput={(e) => setRow(o.orderId, { waybill: e.currentTarget.value })}
                        />
                      </td>
                      <td>
                        <label class="sp-inline">
                          <input
                            type="checkbox"
                            class="sp-cannot"
                            checked={r.cannot}
                            onChange={(e) => setRow(o.orderId, { cannot: e.currentTarget.checked })}
                          />
                        </label>
                        {r.cannot && (
                          <input
                            class="sp-reason"
                            placeholder={w.reasonPlaceholder}
                            value={r.reason}
                            onInput={(e) => setRow(o.orderId, { reason: e.currentTarget.value })}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>

            <div class="sp-return">
              {done < orders.length && <p class="sp-note">{w.missing(orders.length - done)}</p>}
              <button
                type="button"
                class="sp-primary sp-make-code"
                disabled={done === 0}
                onClick={() => void makeCode()}
              >
                {w.makeCode}
              </button>
              {codeError && (
                <p class="sp-error" role="alert">
                  {codeError}
                </p>
              )}
              {code && (
                <div class="sp-code-box">
                  <h2>{w.codeTitle}</h2>
                  <p class="sp-note">{w.codeOrders(code.count)}</p>
                  <div class="sp-code-row">
                    <textarea ref={codeRef} class="sp-code" readOnly rows={4} value={code.text} />
                    {qr && <img class="sp-qr" src={qr} alt={w.qrAlt} width={180} height={180} />}
                  </div>
                  <button
                    type="button"
                    class="sp-primary sp-copy"
                    onClick={() => void copyText(code.text, codeRef.current).then(setCopied)}
                  >
                    {copied ? w.copied : w.copy}
                  </button>
                </div>
              )}
            </div>
          </section>
        )}
      </div>
      <div class="print-sheet" aria-hidden="true">
        {labels.map((l) =>
          l.ok ? <img key={l.orderId} class="print-label" data-size={l.size} src={l.src} alt="" /> : null,
        )}
      </div>
    </div>
  );
}
