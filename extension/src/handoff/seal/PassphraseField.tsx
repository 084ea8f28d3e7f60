/**
 * The optional passphrase of a one-supplier seal: typed or generated (shown in clear, to be read
 * out to the supplier), with core's strength and its problems in words; a weak one blocks sealing.
 * @module
 */
import type { PassphraseStrength } from '@shipmask/core';
import { generatePassphrase } from '../passphrase';
import { pageWords, type Lang } from '../words';
import type { SealForm, SealFormAction } from './seal-form-state';

/**
 * The passphrase row.
 * @example
 * <PassphraseField lang="zh" form={form} dispatch={dispatch} strength={strength} weak={false} hidden={false} />
 */
export function PassphraseField(props: {
  lang: Lang;
  form: SealForm;
  dispatch: (a: SealFormAction) => void;
  strength: PassphraseStrength;
  weak: boolean;
  hidden: boolean;
}) {
  const { lang, form, dispatch, strength, weak } = props;
  const w = pageWords(lang);
  const onInput = (e: { currentTarget: HTMLInputElement }): void =>
    dispatch({ type: 'passphrase', text: e.currentTarget.value });
  return (
    <label class="ho-wide" hidden={props.hidden}>
      {w.passphrase}
      <span class="ho-pass-row">
        {form.showPass ? (
          <input
            class="ho-passphrase"
            type="text"
            autocomplete="off"
            value={form.passphrase}
            onInput={onInput}
          />
        ) : (
          <input
            class="ho-passphrase"
            type="password"
            autocomplete="new-password"
            value={form.passphrase}
            onInput={onInput}
          />
        )}
        <button
          type="button"
          class="ho-btn ho-pass-generate"
          onClick={() => dispatch({ type: 'generated', passphrase: generatePassphrase() })}
        >
          {w.generate}
        </button>
        <button type="button" class="ho-btn ho-pass-show" onClick={() => dispatch({ type: 'toggle-show' })}>
          {form.showPass ? w.hide : w.show}
        </button>
      </span>
      {form.passphrase !== '' && (
        <span
          class={`ho-small ho-pass-strength ${weak ? 'ho-error' : 'ho-muted'}`}
          data-level={strength.level}
          data-bits={strength.bits}
          role="status"
        >
          {w.strengthLine(w.strength[strength.level === 'empty' ? 'weak' : strength.level], strength.bits)}
          {strength.problems.length > 0
            ? ` · ${strength.problems.map((p) => w.problems[p]).join(lang === 'zh' ? '、' : ', ')}`
            : ''}
          {weak ? <span class="ho-pass-too-weak">{` · ${w.tooWeak}`}</span> : null}
        </span>
      )}
      <span class="ho-muted ho-small">{w.passHint}</span>
    </label>
  );
}
