import { DeadlineDays } from '../../gate/DeadlineDays';
import { useEffect, useState } from 'preact/hooks';
import { carrierNames, formatChinaTime, type PlatformId } from '@shipmask/core';
import { send } from '../../client';
import type { DailyReveals, QuotaView } from '../../messages/quota';
import type { ShopRef } from '../../messages/shared';
import type { SettingsView, ShopSummary } from '../../messages/shops';
import { useLanguage } from '../../ui/language';
import { RevealChart } from './Chart';
import { SyncPanel } from './SyncPanel';
import { fromDraft, pctText, toDraft, type Draft } from './draft';
import { popupStrings, type Lang, type PopupStrings } from './i18n';

const CHART_DAYS = 30;
const sameShop = (a: ShopRef | null, b: ShopRef | null): boolean =>
  !!a && !!b && a.platform === b.platform && a.shopId === b.shopId;
const shopValue = (s: ShopRef): string => JSON.stringify([s.platform, s.shopId]);

/** The active tab's id, if the popup can see one. */
async function activeTabId(): Promise<number | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  } catch {
    return undefined;
  }
}

export function Popup() {
  const [lang, setLang] = useLanguage();
  const [shops, setShops] = useState<readonly ShopSummary[] | null>(null);
  const [active, setActive] = useState<ShopRef | null>(null);
  const [shop, setShop] = useState<ShopRef | null>(null);
  const [offline, setOffline] = useState(false);
  const t = popupStrings(lang);

  useEffect(() => {
    void (async () => {
      const tabId = await activeTabId();
      const [list, act] = await Promise.all([
        send({ type: 'shops/list' }),
        tabId !== undefined ? send({ type: 'shops/active', tabId }) : Promise.resolve(null),
      ]);
      if (!list.ok) {
        setOffline(true);
        setShops([]);
        return;
      }
      const activeShop = act?.ok ? act.value : null;
      setShops(list.value);
      setActive(activeShop);
      setShop(activeShop ?? list.value[0] ?? null);
    })();
  }, []);

  const known = shops ?? [];
  const options =
    active && !known.some((s) => sameShop(s, active)) ? [{ ...active, lastSeenAt: 0 }, ...known] : known;

  return (
    <main lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header>
        <h1>
          shipmask <span>{t.title}</span>
        </h1>
        <button type="button" class="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t.switchLang}
        </button>
      </header>
      {offline ? <p class="notice error">{t.offline}</p> : null}
      {shops === null ? <p class="notice">{t.loading}</p> : null}
      {shops !== null && !shop && !offline ? <p class="notice">{t.noShop}</p> : null}
      {options.length > 0 ? (
        <label class="picker">
          <span>{t.shop}</span>
          <select
            value={shop ? shopValue(shop) : ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setShop(options.find((s) => shopValue(s) === v) ?? null);
            }}
          >
            {options.map((s) => (
              <option key={shopValue(s)} value={shopValue(s)}>
                {`${t.platforms[s.platform]} · ${s.shopName ?? s.shopId}${sameShop(s, active) ? t.activeTab : ''}`}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {shop ? <ShopPanel key={shopValue(shop)} shop={shop} t={t} lang={lang} onLang={setLang} /> : null}
      {offline ? null : <SyncPanel lang={lang} />}
    </main>
  );
}

function ShopPanel(props: { shop: ShopRef; t: PopupStrings; lang: Lang; onLang: (l: Lang) => void }) {
  const { shop, t } = props;
  const [daily, setDaily] = useState<DailyReveals | null>(null);
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (): Promise<void> => {
    const [d, s] = await Promise.all([
      send({ type: 'reveals/daily', shop, days: CHART_DAYS }),
      send({ type: 'settings/get', shop }),
    ]);
    if (d.ok) setDaily(d.value);
    else setError(d.error.message);
    if (s.ok) {
      setSettings(s.value);
    } else setError(s.error.message);
  };
  useEffect(() => {
    void load();
  }, []);

  return (
    <>
      {error ? <p class="notice error">{error}</p> : null}
      {daily ? <Meter quota={daily.quota} t={t} /> : <p class="notice">{t.loading}</p>}
      {daily ? <RevealChart data={daily} t={t} /> : null}
      <DeadlineDays shop={shop} lang={props.lang} />
      {settings ? (
        <SettingsForm
          shop={shop}
          view={settings}
          t={t}
          lang={props.lang}
          onLang={props.onLang}
          onSaved={(v) => {
            setSettings(v);
            void load();
          }}
        />
      ) : null}
    </>
  );
}

function Meter(props: { quota: QuotaView; t: PopupStrings }) {
  const { quota: q, t } = props;
  // The platform's counter wins: the bar shows used against used + remaining (what the level uses).
  const span = q.remaining !== null ? q.used + q.remaining : (q.limit ?? 0);
  const pct = span > 0 ? Math.min(100, (q.used / span) * 100) : q.level === 'exhausted' ? 100 : 0;
  const day = (i: number): string => formatChinaTime(i).slice(0, 10);
  return (
    <section class={`meter level-${q.level}`} aria-label={t.quota}>
      <h2>
        {t.quota} <span class="level">{t.level[q.level]}</span>
      </h2>
      <dl>
        <div>
          <dt>{t.used}</dt>
          <dd data-testid="used">{q.used}</dd>
        </div>
        <div>
          <dt>{t.limit}</dt>
          <dd data-testid="limit">{q.limit ?? t.unlimited}</dd>
        </div>
        <div>
          <dt>{t.remaining}</dt>
          <dd data-testid="remaining">{q.remaining ?? t.unlimited}</dd>
        </div>
      </dl>
      {q.limit !== null ? (
        <div
          class="bar"
          role="meter"
          aria-valuemin={0}
          aria-valuemax={span}
          aria-valuenow={q.used}
          aria-label={t.used}
        >
          <span style={{ width: `${pct}%` }} />
        </div>
      ) : null}
      <p class="small">
        {q.periodStart !== null && q.periodEnd !== null
          ? q.period === 'day'
            ? t.today(day(q.periodStart))
            : t.period(day(q.periodStart), day(q.periodEnd - 1))
          : t.noPeriod}
      </p>
      {q.level !== 'exhausted' ? (
        <p class="small">
          {q.exhaustsAt !== null
            ? t.forecast(formatChinaTime(q.exhaustsAt).slice(0, 16).replace('T', ' '))
            : t.noForecast}
        </p>
      ) : null}
      {q.localRemaining !== null ? (
        <p class="small" data-testid="local-differs">
          {t.localDiffers(q.localRemaining)}
        </p>
      ) : null}
    </section>
  );
}

function SettingsForm(props: {
  shop: ShopRef;
  view: SettingsView;
  t: PopupStrings;
  lang: Lang;
  onLang: (l: Lang) => void;
  onSaved: (v: SettingsView) => void;
}) {
  const { t, view, shop } = props;
  const [draft, setDraft] = useState<Draft>(() => toDraft(view, shop, view.defaults.language));
  const [status, setStatus] = useState<string | null>(null);
  const def = view.defaults;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]): void => {
    setDraft({ ...draft, [k]: v });
    setStatus(null);
  };
  const text = (
    k: keyof Draft,
    label: string,
    placeholder?: string,
    type: 'text' | 'number' | 'tel' = 'text',
  ) => (
    <label>
      <span>{label}</span>
      <input
        type="text"
        value={draft[k] as string}
        placeholder={placeholder}
        inputMode={type === 'number' ? 'decimal' : type}
        onInput={(e) => set(k, e.currentTarget.value as never)}
      />
    </label>
  );
  const dflt = (v: number | undefined, pct = false): string | undefined =>
    v === undefined ? undefined : t.defaultValue(pct ? pctText(v) : String(v));

  const save = async (e: Event): Promise<void> => {
    e.preventDefault();
    const settings = fromDraft(draft);
    if (typeof settings === 'string') {
      setStatus(t.saveFailed(settings));
      return;
    }
    const reply = await send({ type: 'settings/set', shop, settings });
    if (reply.ok) {
      setStatus(t.saved);
      props.onSaved(reply.value);
    } else setStatus(t.saveFailed(reply.error.message));
  };

  return (
    <form class="settings" onSubmit={(e) => void save(e)}>
      <h2>{t.settings}</h2>
      <label>
        <span>{t.platform}</span>
        <select value={draft.platform} onChange={(e) => set('platform', e.currentTarget.value as PlatformId)}>
          {(['douyin', 'wechat', 'jd'] as const).map((p) => (
            <option key={p} value={p}>
              {t.platforms[p]}
            </option>
          ))}
        </select>
      </label>
      {text('shopName', t.shopName, shop.shopId)}
      <fieldset>
        <legend>{t.quotaRules}</legend>
        {def.quotaKind === 'ratio' ? text('ratio', t.ratio, dflt(def.ratio, true), 'number') : null}
        {def.quotaKind === 'fixed' || def.quotaKind === null
          ? text('allowance', t.allowance, dflt(def.allowance), 'number')
          : null}
        {def.quotaKind === 'pack' ? text('packSize', t.packSize, dflt(def.packSize), 'number') : null}
        {text('warnAt', t.warnAt, dflt(def.warnAt, true), 'number')}
        <label class="check">
          <input
            type="checkbox"
            checked={draft.recount ?? def.recountSameOrder ?? true}
            onChange={(e) => set('recount', e.currentTarget.checked)}
          />
          <span>{t.recount}</span>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t.sender}</legend>
        {text('senderName', t.senderName)}
        {text('senderPhone', t.senderPhone, undefined, 'tel')}
        {text('senderAddress', t.senderAddress)}
      </fieldset>
      <label>
        <span>{t.carrier}</span>
        <select value={draft.carrier} onChange={(e) => set('carrier', e.currentTarget.value)}>
          <option value="">{t.carrierNone}</option>
          {Object.entries(carrierNames).map(([code, name]) => (
            <option key={code} value={code}>
              {props.lang === 'en' ? name.en : name.zh}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.labelSize}</span>
        <select
          value={draft.labelSize}
          onChange={(e) => set('labelSize', e.currentTarget.value as Draft['labelSize'])}
        >
          <option value="">{t.carrierNone}</option>
          {(['76x130', '100x150', '100x180'] as const).map((s) => (
            <option key={s} value={s}>
              {s.replace('x', ' × ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.retention}</span>
        <input
          type="number"
          min={1}
          max={3650}
          value={draft.retentionDays}
          placeholder={t.defaultValue(String(def.retentionDays))}
          title={t.retentionHint}
          onInput={(e) => set('retentionDays', e.currentTarget.value)}
        />
      </label>
      <label>
        <span>{t.language}</span>
        {/* One language for every page (issue 21 item 9): applies at once, not per shop. */}
        <select
          class="ui-language"
          value={props.lang}
          onChange={(e) => props.onLang(e.currentTarget.value === 'en' ? 'en' : 'zh')}
        >
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <div class="actions">
        <button type="submit">{t.save}</button>
        {status ? <span role="status">{status}</span> : null}
      </div>
    </form>
  );
}
