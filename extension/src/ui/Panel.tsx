import type { PlatformId } from '@shipmask/core';
import { Component, type ComponentChildren } from 'preact';
import type { Badge, BadgeKind } from './badge';
import { strings, type Lang } from './i18n';
import type { BatchReminder } from '../messages/handoff';
import type { QuotaView } from '../messages/quota';
import type { RowSourceKind } from './row-source-kind';
import { QuotaMeter } from './QuotaMeter';
import { TeachBar, type TeachActions, type TeachView } from './TeachBar';

/** What the panel's controls do; pass the same object for the page's life. */
export interface PanelActions extends Partial<TeachActions> {
  readonly onLang: () => void;
  readonly onCollapse: () => void;
  readonly onSelectAll: () => void;
  readonly onClear: () => void;
  /** Bulk actions on the selection: open the print page or the supplier hand-off page. */
  readonly onAction: (purpose: 'print' | 'handoff') => void;
}

export interface PanelProps extends PanelActions {
  readonly platform: PlatformId;
  readonly orderCount: number;
  readonly badges: readonly (readonly Badge[])[];
  readonly quota: QuotaView | null;
  readonly selected: number;
  readonly lang: Lang;
  readonly collapsed: boolean;
  readonly offline?: boolean;
  /** Where the rows came from; `detected` shows 自动识别, `taught` 自定义识别. */
  readonly source?: RowSourceKind;
  /** Teach mode now (null: not teaching). */
  readonly teach?: TeachView | null;
  readonly hasTaught?: boolean;
  readonly notice?: string;
  /** The exception gate's section (issue 18): held orders, intercepts, deadlines, merge groups. */
  readonly gate?: ComponentChildren;
  /** Hand-off batches of this shop near expiry with orders not returned (issue 17). */
  readonly reminders?: readonly BatchReminder[];
}

const summaryKinds: readonly BadgeKind[] = [
  'cipher',
  'virtual',
  'masked',
  'exempt',
  'noaddress',
  'invalid',
  'expired',
  'dropship',
];

interface ControlsProps {
  readonly quota: QuotaView | null;
  readonly selected: number;
  readonly lang: Lang;
  readonly onSelectAll: () => void;
  readonly onClear: () => void;
  readonly onAction: (purpose: 'print' | 'handoff') => void;
}

/**
 * Quota meter, selection and bulk actions. A page swap changes none of their props (the summary
 * above does change): they are not rendered again.
 */
class Controls extends Component<ControlsProps> {
  override shouldComponentUpdate(next: ControlsProps): boolean {
    const p = this.props;
    return (
      p.quota !== next.quota ||
      p.selected !== next.selected ||
      p.lang !== next.lang ||
      p.onSelectAll !== next.onSelectAll ||
      p.onClear !== next.onClear ||
      p.onAction !== next.onAction
    );
  }

  override render() {
    const p = this.props;
    const t = strings(p.lang);
    return (
      <>
        <QuotaMeter quota={p.quota} t={t} />
        <div class="sm-selection">
          <span data-testid="selected-count">{t.selected(p.selected)}</span>
          <button type="button" onClick={p.onSelectAll}>
            {t.selectAll}
          </button>
          <button type="button" onClick={p.onClear} disabled={p.selected === 0}>
            {t.clearSelection}
          </button>
        </div>
        <div class="sm-actions">
          <button
            type="button"
            class="sm-primary"
            data-testid="action-print"
            disabled={p.selected === 0}
            onClick={() => p.onAction('print')}
          >
            {t.printLabels}
          </button>
          <button
            type="button"
            data-testid="action-handoff"
            disabled={p.selected === 0}
            onClick={() => p.onAction('handoff')}
          >
            {t.handOff}
          </button>
        </div>
      </>
    );
  }
}

/** The docked panel on a back-office order page: summary, quota meter, selection. */
export function Panel(p: PanelProps) {
  const t = strings(p.lang);
  const counts = new Map<BadgeKind, number>();
  for (const row of p.badges) for (const b of row) counts.set(b.kind, (counts.get(b.kind) ?? 0) + 1);
  const label = (k: BadgeKind): string =>
    (
      ({
        cipher: t.cipher,
        virtual: t.virtual,
        masked: t.masked,
        exempt: t.exempt,
        noaddress: t.noAddress,
        invalid: t.invalidPhone,
        expired: t.expired,
        revealed: t.revealed,
        dropship: t.platformDropship,
      }) as Partial<Record<BadgeKind, string>>
    )[k] ?? k;
  const period = p.quota ? t.period(p.quota.period) : '';
  const remaining = p.quota?.remaining ?? null;
  return (
    <aside
      class={`sm-panel ${p.collapsed ? 'sm-collapsed' : 'sm-open'}`}
      data-platform={p.platform}
      aria-label="shipmask"
      lang={p.lang === 'en' ? 'en' : 'zh-CN'}
    >
      {/* The side tab on the window's right edge (issue 21 item 10): always there, the panel's
          handle (content/side-tab.ts drags it); a click expands or collapses the panel beside it. */}
      <button
        type="button"
        class={`sm-tab sm-level-${p.quota?.level ?? 'ok'}`}
        data-testid="side-tab"
        aria-expanded={!p.collapsed}
        title={p.collapsed ? t.expand : t.collapse}
        onClick={p.onCollapse}
      >
        <strong class="sm-brand">shipmask</strong>
        <span class="sm-count" data-testid="order-count">
          {t.ordersOnPage(p.orderCount)}
        </span>
        {remaining !== null ? (
          <span class="sm-tab-left" data-testid="tab-remaining">
            {t.remainingIn(period, String(remaining))}
          </span>
        ) : null}
        {p.selected > 0 ? (
          <span class="sm-tab-selected" data-testid="tab-selected">
            {t.selected(p.selected)}
          </span>
        ) : null}
      </button>
      {p.collapsed ? null : (
        <div class="sm-sheet">
          <header class="sm-head">
            <strong class="sm-title">shipmask</strong>
            {p.source === 'detected' || p.source === 'taught' ? (
              <span class={`sm-source sm-source-${p.source}`} data-testid="row-source" data-source={p.source}>
                {p.source === 'detected' ? t.sourceDetected : t.sourceTaught}
              </span>
            ) : null}
            <button type="button" class="sm-link" onClick={p.onLang}>
              {t.language}
            </button>
            <button type="button" class="sm-link" aria-expanded={!p.collapsed} onClick={p.onCollapse}>
              {t.collapse}
            </button>
          </header>
          {p.offline ? <p class="sm-offline">{t.offline}</p> : null}
          <div class="sm-body">
            <ul class="sm-summary" data-testid="summary">
              {summaryKinds
                .filter((k) => counts.get(k))
                .map((k) => (
                  <li key={k} class={`sm-badge sm-b-${k}`} data-kind={k}>
                    {label(k)} {counts.get(k)}
                  </li>
                ))}
            </ul>
            {p.reminders && p.reminders.length > 0 ? (
              <ul class="sm-reminders" data-testid="handoff-reminders">
                {p.reminders.map((r) => (
                  <li key={r.batchId} class="sm-reminder" data-batch-id={r.batchId}>
                    {t.handoffReminder(
                      r.supplier.name,
                      r.pending,
                      new Date(r.expiresAt).toLocaleString('zh-CN', {
                        timeZone: 'Asia/Shanghai',
                        hour12: false,
                      }),
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
            <Controls
              quota={p.quota}
              selected={p.selected}
              lang={p.lang}
              onSelectAll={p.onSelectAll}
              onClear={p.onClear}
              onAction={p.onAction}
            />
            {p.onTeach && p.onTeachSkip && p.onTeachCancel && p.onTeachSave && p.onExport && p.onImport ? (
              <TeachBar
                t={t}
                source={p.source ?? 'adapter'}
                teach={p.teach ?? null}
                hasTaught={p.hasTaught ?? false}
                {...(p.notice ? { notice: p.notice } : {})}
                onTeach={p.onTeach}
                onTeachSkip={p.onTeachSkip}
                onTeachCancel={p.onTeachCancel}
                onTeachSave={p.onTeachSave}
                onExport={p.onExport}
                onImport={p.onImport}
              />
            ) : null}
            {p.gate}
          </div>
        </div>
      )}
    </aside>
  );
}
