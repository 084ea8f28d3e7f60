/**
 * The print component (issue 16): its name, the print-data file and what it gave, the orders on
 * this path, port, connect, state, printer, and what to install when nothing answered.
 * @module
 */
import type { Lang, PrintStrings } from '../i18n';
import type { PrintDataNote } from './print-data-state';
import type { ComponentConnection } from './useComponentConnection';

/** The component section. */
export function ComponentSection(p: {
  readonly t: PrintStrings;
  readonly lang: Lang;
  readonly link: ComponentConnection;
  readonly note: PrintDataNote | undefined;
  readonly orders: number;
  readonly onDataFile: (file: File) => void;
}) {
  const { t, lang, link, note } = p;
  const { info, component, port } = link;
  const { state, printers, printer } = link.connection;
  return (
    <section class="component">
      <h2>{`${t.component}${lang === 'zh' ? '：' : ': '}${info ? info.name[lang] : component}`}</h2>
      <label class="drop">
        {t.dataFile}
        <input
          type="file"
          class="print-data-file"
          accept=".json,application/json"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) p.onDataFile(f);
          }}
        />
      </label>
      {note ? (
        <div class="print-data-note" data-read={note.read} data-refused={note.refused.length}>
          <p>{t.dataRead(note.read, note.refused.length)}</p>
          {note.refused.length > 0 ? (
            <ul class="print-data-refused">
              {note.refused.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {p.orders > 0 ? <p class="component-orders">{t.componentOrders(p.orders)}</p> : null}
      <div class="row">
        <label>
          {t.port}
          <input
            class="component-port"
            type="number"
            min="1"
            max="65535"
            value={port}
            onInput={(e) => link.setPort(Number(e.currentTarget.value))}
          />
        </label>
        <button type="button" class="connect" onClick={() => void link.connect()}>
          {t.connect}
        </button>
        <span class="component-state" data-state={state}>
          {t.state[state]}
        </span>
        {printers.length > 0 ? (
          <label>
            {t.printer}
            <select class="printer" value={printer} onChange={(e) => link.choose(e.currentTarget.value)}>
              {printers.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {state === 'not-running' ? (
        <p class="not-running">
          {t.install(
            info ? info.name[lang] : component,
            port,
            info && 'download' in info ? info.download : undefined,
          )}
        </p>
      ) : null}
    </section>
  );
}
