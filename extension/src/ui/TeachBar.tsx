import type { RowSourceKind } from './row-source-kind';
import type { Strings } from './i18n';
import { OPTIONAL_STEPS, type TeachStep } from './teach-steps';

/** What teach mode shows: the step the merchant is on, or the preview before saving. */
export type TeachView =
  | { readonly step: TeachStep; readonly problem?: string }
  | { readonly step: 'preview'; readonly count: number; readonly problem?: string };

/** Teach-mode and taught-adapter controls of the panel. */
export interface TeachActions {
  readonly onTeach: () => void;
  readonly onTeachSkip: () => void;
  readonly onTeachCancel: () => void;
  readonly onTeachSave: () => void;
  readonly onExport: () => void;
  readonly onImport: (file: File) => void;
}

export interface TeachBarProps extends TeachActions {
  readonly t: Strings;
  readonly source: RowSourceKind;
  readonly teach: TeachView | null;
  /** A taught adapter exists for this host (it can be exported). */
  readonly hasTaught: boolean;
  /** The outcome of the last import, shown as text. */
  readonly notice?: string;
}

/**
 * The panel's teach section: a button to start teach mode; the current step with skip / cancel;
 * the preview count with save / cancel; export and import of the host's taught adapter.
 * Rule (issue 15, item 5): the result is shown on every row before it is saved.
 */
export function TeachBar(p: TeachBarProps) {
  const { t } = p;
  const problem = p.teach?.problem ? (t.teachProblem[p.teach.problem] ?? p.teach.problem) : null;
  return (
    <div class="sm-teach" data-testid="teach">
      {p.teach === null ? (
        <div class="sm-teach-tools">
          <button type="button" class="sm-link" data-testid="teach-start" onClick={p.onTeach}>
            {t.teach}
          </button>
          {p.hasTaught ? (
            <button type="button" class="sm-link" data-testid="teach-export" onClick={p.onExport}>
              {t.exportAdapter}
            </button>
          ) : null}
          <label class="sm-link sm-file">
            {t.importAdapter}
            <input
              type="file"
              accept="application/json,.json"
              data-testid="teach-import"
              onChange={(e) => {
                const input = e.currentTarget;
                const file = input.files?.[0];
                input.value = '';
                if (file) p.onImport(file);
              }}
            />
          </label>
        </div>
      ) : (
        <div class="sm-teach-step">
          <p data-testid="teach-prompt">
            {p.teach.step === 'preview' ? t.teachPreview(p.teach.count) : t.teachStep[p.teach.step]}
          </p>
          {problem ? (
            <p class="sm-teach-problem" role="alert">
              {problem}
            </p>
          ) : null}
          <div class="sm-actions">
            {p.teach.step === 'preview' ? (
              <button
                type="button"
                class="sm-primary"
                data-testid="teach-save"
                disabled={p.teach.count === 0}
                onClick={p.onTeachSave}
              >
                {t.teachSave}
              </button>
            ) : OPTIONAL_STEPS.has(p.teach.step) ? (
              <button type="button" data-testid="teach-skip" onClick={p.onTeachSkip}>
                {t.teachSkip}
              </button>
            ) : null}
            <button type="button" data-testid="teach-cancel" onClick={p.onTeachCancel}>
              {t.teachCancel}
            </button>
          </div>
        </div>
      )}
      {p.notice ? (
        <p class="sm-teach-notice" data-testid="teach-notice">
          {p.notice}
        </p>
      ) : null}
    </div>
  );
}
