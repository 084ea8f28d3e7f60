/**
 * The open form of the supplier page: paste a link or chat text, drop or choose a file, type the
 * passphrase when the batch needs one; core's open errors in words (`explainOpenError`).
 * @module
 */
import { useRef, useState } from 'preact/hooks';
import { explainOpenError, words, type Lang } from '../i18n';
import { canOpen, type OpenAction, type OpenState } from './open-state';

/**
 * The open section (shown while no batch is open).
 * @example
 * <OpenBatch lang="zh" state={open} dispatch={openDispatch} onOpen={(t, p) => void openText(t, p)} onFile={readFile} />
 */
export function OpenBatch(props: {
  lang: Lang;
  state: OpenState;
  dispatch: (a: OpenAction) => void;
  onOpen: (text: string, passphrase: string) => void;
  onFile: (file: File | undefined) => void;
}) {
  const { lang, state, dispatch } = props;
  const w = words[lang];
  const [dragging, setDragging] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  return (
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
        props.onFile(e.dataTransfer?.files[0]);
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
        value={state.source}
        onInput={(e) => dispatch({ type: 'source', text: e.currentTarget.value })}
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
          onChange={(e) => props.onFile(e.currentTarget.files?.[0])}
        />
      </p>
      {state.needPassphrase && (
        <p class="sp-pass">
          <label for="sp-passphrase">{w.passphrase}</label>
          <input
            id="sp-passphrase"
            type="password"
            autocomplete="off"
            value={state.passphrase}
            placeholder={w.passphraseHint}
            onInput={(e) => dispatch({ type: 'passphrase', text: e.currentTarget.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') props.onOpen(state.source, state.passphrase);
            }}
          />
        </p>
      )}
      {state.error && (
        <p class="sp-error" role="alert" data-code={state.error}>
          {explainOpenError(state.error, lang)}
        </p>
      )}
      <button
        type="button"
        class="sp-primary sp-open-btn"
        disabled={!canOpen(state)}
        onClick={() => props.onOpen(state.source, state.passphrase)}
      >
        {state.busy ? w.opening : w.open}
      </button>
      <p class="sp-offline">{w.offline}</p>
    </section>
  );
}
