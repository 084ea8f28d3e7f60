/**
 * The hand-off settings: the supplier page address links point to (saved with
 * `handoff/config/set`), and the blank single-file supplier page to download.
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import { pageWords, type Lang } from '../words';

/**
 * The settings card.
 * @example
 * <Settings lang="zh" baseUrl={config.baseUrl} onSave={(url) => save(url)} />
 */
export function Settings(props: {
  lang: Lang;
  baseUrl: string;
  onSave: (baseUrl: string) => Promise<boolean>;
}) {
  const w = pageWords(props.lang);
  const [draft, setDraft] = useState(props.baseUrl);
  const [saved, setSaved] = useState(false);
  const [touched, setTouched] = useState(false);
  // The stored address arrives after the first render; what the merchant typed is never replaced.
  useEffect(() => {
    if (!touched) setDraft(props.baseUrl);
  }, [props.baseUrl]);
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
      <button
        type="button"
        class="ho-btn ho-save-base"
        onClick={() => void props.onSave(draft.trim()).then((ok) => ok && setSaved(true))}
      >
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
