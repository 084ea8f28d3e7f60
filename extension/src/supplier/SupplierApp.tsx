/**
 * The supplier page (厂家发货页): opens a sealed batch (link fragment, pasted text or a dropped
 * file) entirely offline, shows the orders, prints labels with core's layout, takes tracking
 * numbers (typed, pasted, or a print-software CSV), marks orders that cannot ship, and seals the
 * return code. It keeps nothing: no storage, no network (its one possible connection is the
 * supplier's own print component on 127.0.0.1, component/component-print.ts); closing the tab forgets
 * everything.
 *
 * Composition only: each feature is a folder (`open/`, `orders/`, `labels/`, `component/`,
 * `tracking/`, `return/`), and every state transition is a pure reducer (`open/open-state.ts`,
 * `batch-state.ts`) tested without a DOM.
 * Page text is rendered by Preact as text (invariant 2).
 * @module
 */
import { useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import { openBatch, sealReturn } from '@shipmask/core';
import { BATCH_START, batchReducer } from './batch-state';
import { ComponentPrint } from './component/ComponentPrint';
import { useComponentPrint } from './component/use-component-print';
import { explainReturnError, words, type Lang } from './i18n';
import { PrintTools } from './labels/PrintTools';
import { OpenBatch } from './open/OpenBatch';
import { linkToOpen, OPEN_START, openReducer } from './open/open-state';
import { BatchMeta } from './orders/BatchMeta';
import { carrierNamesFor } from './orders/carrier-names';
import { OrderTable } from './orders/OrderTable';
import { resultsOf } from './orders/rows';
import { ReturnCode } from './return/ReturnCode';
import { BulkTracking } from './tracking/BulkTracking';

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

/**
 * The supplier page.
 * @example
 * render(<SupplierApp initial={location.href} />, root);
 */
export function SupplierApp(props: SupplierAppProps) {
  const now = props.now ?? (() => Date.now());
  const random = props.random ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
  const [ownLang, setOwnLang] = useState<Lang>('zh');
  const lang = props.lang ?? ownLang;
  const setLang = props.onLang ?? setOwnLang;
  const w = words[lang];
  const [form, formDispatch] = useReducer(openReducer, OPEN_START);
  const [s, dispatch] = useReducer(batchReducer, BATCH_START);
  const opened = s.opened;
  const orders = opened?.batch.orders ?? [];
  const comp = useComponentPrint({
    batch: opened?.batch,
    rows: s.rows,
    printStates: s.printStates,
    lang,
    now,
    random,
    dispatch,
  });

  // Issue 17: delivery addresses live in this page's memory only; leaving the page (closing the
  // tab, navigating away, a back-forward cache entry) drops the batch and the printed labels.
  useEffect(() => {
    const forget = (): void => {
      dispatch({ type: 'page-hide' });
      formDispatch({ type: 'source', text: '' });
    };
    window.addEventListener('pagehide', forget);
    return () => window.removeEventListener('pagehide', forget);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${w.title} · shipmask`;
  }, [lang]);

  const open = async (text: string, pass?: string): Promise<void> => {
    formDispatch({ type: 'start' });
    const r = await openBatch(text, { now: now(), ...(pass ? { passphrase: pass } : {}) });
    if (!r.ok) return formDispatch({ type: 'failed', code: r.error.code });
    dispatch({ type: 'opened', opened: r.value });
    formDispatch({ type: 'opened' });
  };

  useEffect(() => {
    const link = linkToOpen(props.initial);
    if (link === undefined) return;
    formDispatch({ type: 'source', text: link });
    void open(link);
  }, []);

  const readFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const text = await file.text();
    formDispatch({ type: 'source', text });
    await open(text, form.passphrase);
  };

  useEffect(() => {
    if (s.labels.some((l) => l.ok)) window.print();
  }, [s.labels]);

  const results = useMemo(
    () => resultsOf(orders, s.rows, s.defaultCarrier),
    [s.rows, opened, s.defaultCarrier],
  );

  const makeCode = async (): Promise<void> => {
    if (!opened) return;
    dispatch({ type: 'code-start' });
    const r = await sealReturn(opened, results, { random, now: now() });
    if (!r.ok)
      return dispatch({
        type: 'code-failed',
        message: explainReturnError(r.error.code, lang) + (r.error.orderId ? ` (${r.error.orderId})` : ''),
      });
    dispatch({ type: 'code-made', text: r.value.code, count: results.length });
  };

  const names = carrierNamesFor(lang, opened?.batch.platform);

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
          <OpenBatch
            lang={lang}
            state={form}
            dispatch={formDispatch}
            onOpen={(text, pass) => void open(text, pass)}
            onFile={(file) => void readFile(file)}
          />
        )}

        {opened && (
          <section class="sp-batch">
            <BatchMeta
              lang={lang}
              batch={opened.batch}
              onReset={() => {
                dispatch({ type: 'reset' });
                formDispatch({ type: 'source', text: '' });
              }}
            />
            <PrintTools
              lang={lang}
              batch={opened.batch}
              names={names}
              defaultCarrier={s.defaultCarrier}
              labelSize={s.labelSize}
              printNote={s.printNote}
              done={results.length}
              onDefaultCarrier={(carrier) => dispatch({ type: 'default-carrier', carrier })}
              onLabelSize={(size) => dispatch({ type: 'label-size', size })}
              onPrint={() => dispatch({ type: 'print-labels', now: now(), lang })}
            />
            {orders.some((o) => o.receiver.cipher) && (
              <ComponentPrint lang={lang} c={comp} note={s.compNote} />
            )}
            <BulkTracking
              lang={lang}
              note={s.bulkNote}
              onApply={(text) => dispatch({ type: 'tracking', text, lang })}
            />
            <OrderTable
              lang={lang}
              orders={orders}
              rows={s.rows}
              defaultCarrier={s.defaultCarrier}
              names={names}
              printStates={s.printStates}
              onRow={(orderId, patch) => dispatch({ type: 'row', orderId, patch })}
            />
            <ReturnCode
              lang={lang}
              total={orders.length}
              done={results.length}
              code={s.code}
              codeError={s.codeError}
              copied={s.copied}
              onMake={() => void makeCode()}
              onCopied={(ok) => dispatch({ type: 'copied', ok })}
            />
          </section>
        )}
      </div>
      <div class="print-sheet" aria-hidden="true">
        {s.labels.map((l) =>
          l.ok ? <img key={l.orderId} class="print-label" data-size={l.size} src={l.src} alt="" /> : null,
        )}
      </div>
    </div>
  );
}
