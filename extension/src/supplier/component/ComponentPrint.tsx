/**
 * The print-component section (shown when the batch has ciphertext orders): print-data file,
 * component, port, connect, printer, print, and the connection status in words.
 * @module
 */
import { getPrintComponent } from '@shipmask/core';
import { COMPONENT_IDS } from './component-print';
import { words, type Lang } from '../i18n';
import type { ComponentPrintState } from './use-component-print';

/**
 * The `<details>` of the print-component path.
 * @example
 * <ComponentPrint lang="zh" c={useComponentPrint(…)} note={compNote} />
 */
export function ComponentPrint(props: { lang: Lang; c: ComponentPrintState; note: string }) {
  const { lang, c } = props;
  const w = words[lang];
  return (
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
            if (f) void c.readPrintData(f);
          }}
        />
      </label>
      <div class="sp-comp-row">
        <label class="sp-inline">
          {w.compComponent}
          <select class="sp-comp-component" value={c.comp} onChange={(e) => c.choose(e.currentTarget.value)}>
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
            value={c.portText}
            onInput={(e) => c.setPort(e.currentTarget.value)}
          />
        </label>
        <button
          type="button"
          class="sp-secondary sp-comp-connect"
          disabled={c.state === 'connecting'}
          onClick={() => void c.connect()}
        >
          {c.state === 'connecting' ? w.compConnecting : w.compConnect}
        </button>
        {c.printers.length > 0 && c.state === 'connected' && (
          <label class="sp-inline">
            {w.compPrinter}
            <select
              class="sp-comp-printer"
              value={c.printer}
              onChange={(e) => c.setPrinter(e.currentTarget.value)}
            >
              {c.printers.map((p) => (
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
          disabled={c.busy || c.queued === 0}
          onClick={() => void c.print()}
        >
          {w.compPrint(c.queued)}
        </button>
      </div>
      <p class="sp-comp-status" data-state={c.state} role="status">
        {c.state === 'connected'
          ? w.compConnected
          : c.state === 'not-running'
            ? w.compNotRunning(c.compName ?? c.comp, c.portText)
            : c.state === 'bad-port'
              ? w.compBadPort
              : ''}
      </p>
      {props.note && <p class="sp-note sp-comp-note">{props.note}</p>}
    </details>
  );
}
