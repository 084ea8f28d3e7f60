/**
 * The hand-off settings: the supplier page address links point to (saved with
 * `handoff/config/set`), and the blank single-file supplier page to download.
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../client';
import type { HandoffConfig } from '../../messages/handoff';
import { pageWords, type Lang } from '../words';

/**
 * The settings card.
 * @example
 * <Settings lang="zh" config={config} onConfig={setConfig} onError={setError} />
 */
export function Settings(props: {
  lang: Lang;
  config: HandoffConfig;
  onConfig: (config: HandoffConfig) => void;
  onError: (message: string) => void;
}) {
  const w = pageWords(props.lang);
  const baseUrl = props.config.baseUrl;
  const [draft, setDraft] = useState(baseUrl);
  const [saved, setSaved] = useState(false);
  const [touched, setTouched] = useState(false);
  // The stored address arrives after the first render; what the merchant typed is never replaced.
  useEffect(() => {
    if (!touched) setDraft(baseUrl);
  }, [baseUrl]);
  const save = async (): Promise<void> => {
    const r = await send({ type: 'handoff/config/set', config: { ...props.config, baseUrl: draft.trim() } });
    if (!r.ok) return props.onError(r.error.message);
    props.onConfig(r.value);
    setSaved(true);
  };
  return (
    <section class="ho-card ho-settings">
      <h2>{w.settings}</h2>
      <label class="ho-wide">
        {w.baseUrl}
        <input
          class="ho-base-url"
          value={draft}
          placeholder="https://example.com/shipmask/supplier.html"
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            setTouched(true);
            setSaved(false);
          }}
        />
      </label>
      <button type="button" class="ho-btn ho-save-base" onClick={() => void save()}>
        {saved ? w.saved : w.save}
      </button>
      <p>
        <a class="ho-standalone" href="/supplier-standalone.html" download="shipmask-supplier.html">
          {w.standalone}
        </a>
      </p>
    </section>
  );
}
