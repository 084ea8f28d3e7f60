/**
 * The merchant's hand-off page (`handoff.html`): seal the overlay's selection for a supplier
 * (link + QR, or a sealed file), track batches, import the supplier's return code and turn it
 * into the back-office's bulk-ship file or pasted lines. Talks to the background only through
 * `send()`; order text is rendered by Preact as text.
 *
 * Composition only: the selection (`selection/`), the seal form and its result (`seal/`), the
 * export's addresses (`addresses/`), several suppliers (`SupplierHandoff`), the batches and the
 * return code (`batches/`), settings (`settings/`); each state is a pure reducer tested without
 * a DOM (`*-state.ts`).
 * @module
 */
import { useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import { passphraseStrength, type GateOverride, type Hold } from '@shipmask/core';
import { send } from '../client';
import type { HandoffConfig } from '../messages/handoff';
import { HeldOrders } from '../gate/HeldOrders';
import { useLanguage } from '../ui/language';
import { useShopNames } from '../ui/shop-names';
import { useSealAddresses } from './addresses/use-seal-addresses';
import { BatchDetail } from './batches/BatchDetail';
import { BatchList } from './batches/BatchList';
import { useBatches } from './batches/use-batches';
import { previewPlan } from './plan-preview';
import { SealedBatch } from './seal/SealedBatch';
import { SealForm } from './seal/SealForm';
import {
  canSeal,
  chosenSupplier,
  SEAL_FORM_START,
  sealFormReducer,
  weakPassphrase,
} from './seal/seal-form-state';
import { useSeal } from './seal/use-seal';
import { SelectionPreview } from './selection/SelectionPreview';
import { loadSelection } from './selection/load-selection';
import { isSealable, SELECTION_START, selectionReducer } from './selection/selection-state';
import { Settings } from './settings/Settings';
import { SupplierHandoff } from './SupplierHandoff';
import { pageWords } from './words';

/**
 * The hand-off page.
 * @example
 * render(<HandoffPage search={location.search} />, root);
 */
export function HandoffPage(props: { search: string }) {
  const [lang, setLang] = useLanguage();
  const w = pageWords(lang);
  const [error, setError] = useState('');
  // Exception gate (issue 18): orders held before sealing, and the merchant's overrides.
  const [held, setHeld] = useState<readonly { orderId: string; holds: readonly Hold[] }[]>([]);
  const [overrides, setOverrides] = useState<readonly GateOverride[]>([]);
  const [config, setConfig] = useState<HandoffConfig>({ baseUrl: '', suppliers: [] });
  const [sel, selDispatch] = useReducer(selectionReducer, SELECTION_START);
  const [form, formDispatch] = useReducer(sealFormReducer, SEAL_FORM_START);
  const [multiSealed, setMultiSealed] = useState(false);
  const shopName = useShopNames();
  const batches = useBatches({ overrides, onError: setError, onHeld: setHeld });
  const single = useSeal();
  const { shop, orders } = sel;
  // Issue 17: detailed delivery addresses of virtual-number orders, page memory only (never
  // stored or logged); they go into the one seal request and are dropped once sealed.
  const addr = useSealAddresses(shop, orders, props.search);

  useEffect(() => {
    void (async () => {
      const c = await send({ type: 'handoff/config/get' });
      if (c.ok) {
        setConfig(c.value);
        const first = c.value.suppliers[0];
        if (first) formDispatch({ type: 'pick', name: first.name });
      }
      await loadSelection(props.search, selDispatch, setError);
      await batches.load();
    })();
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const { supplier, name: supplierName } = chosenSupplier(config, form);
  const strength = useMemo(() => passphraseStrength(form.passphrase), [form.passphrase]);
  const weak = weakPassphrase(form.passphrase, strength);

  const plan = useMemo(
    () => previewPlan(orders, addr.extras, addr.addresses),
    [orders, addr.extras, addr.addresses],
  );
  const sealable = isSealable(orders, plan);
  const sealed = single.sealed;

  const seal = (): void => {
    if (!shop || !canSeal({ shop, sealable, supplierName, weak, busy: false })) return;
    void single.seal({
      shop,
      orders,
      form,
      supplier,
      supplierName,
      extras: addr.extras,
      overrides,
      addresses: addr.addresses,
      onError: setError,
      onHeld: setHeld,
      onSealed: async () => {
        addr.clear();
        formDispatch({ type: 'sealed' });
        const c = await send({ type: 'handoff/config/get' });
        if (c.ok) setConfig(c.value);
        await batches.load();
      },
    });
  };

  const b = batches.state;
  return (
    <main class="ho">
      <header class="ho-head">
        <div>
          <h1>{w.title}</h1>
          <p class="ho-muted">{w.sub}</p>
        </div>
        <button type="button" class="ho-btn" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {w.lang}
        </button>
      </header>
      {error && (
        <p class="ho-error" role="alert">
          {w.error}
          {error}
        </p>
      )}
      <HeldOrders held={held} overrides={overrides} lang={lang} onChange={setOverrides} />

      {shop && !b.open && (
        <section class="ho-card ho-new">
          <SelectionPreview lang={lang} orders={orders} missing={sel.missing} />
          {!sealed && !multiSealed && (
            <SealForm
              lang={lang}
              shop={shop}
              config={config}
              form={form}
              dispatch={formDispatch}
              remembered={supplier !== undefined}
              exportNote={addr.fromExport.note}
              onExportFile={(file) => void addr.readExport(file, lang)}
              orderPage={addr.orderPage}
              fileAddresses={addr.fromExport.addresses}
              plan={plan}
              onLeaveOut={(orderIds) => selDispatch({ type: 'leave-out', orderIds })}
              strength={strength}
              weak={weak}
              sealDisabled={!canSeal({ shop, sealable, supplierName, weak, busy: single.busy })}
              busy={single.busy}
              onSeal={seal}
            />
          )}
          {form.multi && !sealed && (
            <SupplierHandoff
              lang={lang}
              shop={shop}
              orders={orders}
              days={form.days}
              carrier={form.carrier}
              extras={addr.extras}
              addresses={addr.addresses}
              overrides={overrides}
              sealable={sealable}
              baseUrl={config.baseUrl}
              onSealed={() => {
                // Sealed: the addresses are in the links now and leave the page's memory.
                setMultiSealed(true);
                addr.clear();
                void batches.load();
              }}
              onError={setError}
              onHeld={setHeld}
            />
          )}
          {sealed && <SealedBatch lang={lang} sealed={sealed} baseUrl={config.baseUrl} onError={setError} />}
        </section>
      )}

      {b.open ? (
        <BatchDetail
          lang={lang}
          open={b.open}
          code={b.code}
          imported={b.imported}
          shipping={batches.shipping}
          onBack={() => batches.dispatch({ type: 'back' })}
          onRevoke={(id) => void batches.revoke(id)}
          onCode={(text) => batches.dispatch({ type: 'code', text })}
          onImport={() => void batches.importCode()}
          onShipFile={(id) => void batches.shipFileMade(id)}
          onShipFiles={(ids) => void batches.shipFilesMade(ids)}
          onError={setError}
        />
      ) : (
        <BatchList
          lang={lang}
          batches={b.batches}
          reminders={b.reminders}
          shopName={shopName}
          onOpen={(id) => void batches.open(id)}
          onError={setError}
          onShipFiles={(ids) => void batches.shipFilesMade(ids)}
        />
      )}

      <Settings lang={lang} config={config} onConfig={setConfig} onError={setError} />
    </main>
  );
}
