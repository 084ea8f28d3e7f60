/**
 * How the print page takes waybill numbers (issue 21 item 3): a pasted list or CSV (order id →
 * number, the default: e-waybill numbers are not consecutive), one box per order, or a 号段 start
 * counted up. Reading and checking live in waybill-entry.ts; this only shows them.
 * @module
 */
import type { WaybillEntry, WaybillEntryMode } from './waybill-entry';
import type { PrintStrings } from './i18n';

/** Props: the mode and the raw inputs are the page's state; `entry` is what they gave. */
export interface WaybillNumbersProps {
  readonly t: PrintStrings;
  readonly mode: WaybillEntryMode;
  readonly onMode: (m: WaybillEntryMode) => void;
  readonly orderIds: readonly string[];
  readonly start: string;
  readonly onStart: (v: string) => void;
  readonly list: string;
  readonly onList: (v: string) => void;
  readonly each: ReadonlyMap<string, string>;
  readonly onEach: (orderId: string, v: string) => void;
  /** Numbers per order from the list or the boxes (undefined in range mode). */
  readonly entry: WaybillEntry | undefined;
  readonly given: number;
  readonly disabled: boolean;
  /** A job in progress shows its own first number. */
  readonly jobFirst?: string;
}

const MODES: readonly WaybillEntryMode[] = ['list', 'each', 'range'];
/** Boxes shown at once in per-order mode (a longer print uses the list). */
const MAX_BOXES = 200;

/** The waybill-number block of the print page. */
export function WaybillNumbers(p: WaybillNumbersProps) {
  const { t } = p;
  return (
    <fieldset class="numbers" disabled={p.disabled}>
      <legend>{t.numberMode}</legend>
      <div class="number-modes" role="radiogroup">
        {MODES.map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="number-mode"
              value={m}
              checked={p.mode === m}
              onChange={() => p.onMode(m)}
            />
            {t.numberModes[m]}
          </label>
        ))}
      </div>
      {p.mode === 'range' && (
        <input
          class="start-number"
          aria-label={t.numbers}
          value={p.jobFirst ?? p.start}
          placeholder="78901234560001"
          onInput={(e) => p.onStart(e.currentTarget.value)}
        />
      )}
      {p.mode === 'list' && (
        <>
          <textarea
            class="number-list"
            rows={5}
            aria-label={t.numberModes.list}
            value={p.list}
            placeholder={`${p.orderIds[0] ?? '6920000000000000001'},78412345678901`}
            onInput={(e) => p.onList(e.currentTarget.value)}
          />
          <small>{t.listHint}</small>
        </>
      )}
      {p.mode === 'each' && (
        <ol class="number-each">
          {p.orderIds.slice(0, MAX_BOXES).map((id) => (
            <li key={id}>
              <span>{id}</span>
              <input
                aria-label={id}
                data-order-id={id}
                value={p.each.get(id) ?? ''}
                onInput={(e) => p.onEach(id, e.currentTarget.value)}
              />
            </li>
          ))}
        </ol>
      )}
      <small class="numbers-given">
        {t.numbersGiven(p.given, p.orderIds.length)} · {t.numbersHint}
      </small>
      {p.entry && p.entry.problems.length > 0 && (
        <ul class="number-problems">
          {p.entry.problems.slice(0, 50).map((x, i) => (
            <li key={i}>
              {x.line !== undefined ? `${t.lineOf(x.line)}：` : x.orderId ? `${x.orderId}：` : ''}
              {t.numberProblem(x.code, x.value ?? '', x.other ?? '')}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
