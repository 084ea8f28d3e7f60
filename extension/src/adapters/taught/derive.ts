import type { PlatformId } from '@shipmask/core';
import { consistentFilter, hostPath, relativeSelector, stepSelector } from '../detect/selector';
import { receiverSignals, type ReceiverKind } from '../detect/signals';
import { TAUGHT_FORMAT, type TaughtAdapter, type TaughtField, type TaughtRule } from './record';

/** What the merchant clicked in teach mode: one order row, then its fields inside it. */
export interface TeachPicks {
  readonly row: Element;
  readonly orderId: Element;
  readonly receiverPhone?: Element;
  readonly receiverName?: Element;
  readonly receiverAddress?: Element;
}

/** Why a teach step could not be turned into a selector (shown to the merchant). */
export type TeachProblem = {
  readonly step: TaughtField | 'row';
  readonly reason: 'outside-row' | 'no-selector' | 'not-an-order-id';
};

const KIND: Record<Exclude<TaughtField, 'orderId'>, ReceiverKind> = {
  receiverPhone: 'phone',
  receiverName: 'name',
  receiverAddress: 'address',
};

const ORDER_TEXT =
  /(?:订单编号|订单号|订单ID|Order\s*(?:ID|No\.?|Number))\s*[:：#]?\s*\d{8,24}|^\s*\d{8,24}\s*$/iu;

/**
 * The selector of the rows: the row's own step when it selects its like siblings, else its
 * parent's step in front. Attribute values are kept only when every like sibling has the same one
 * (so no value that names one order or one buyer is stored).
 * @example
 * rowSelector(clickedRow); // 'tr.auxo-table-row[data-row-key]'
 */
export function rowSelector(row: Element): string | undefined {
  const root = row.getRootNode() as Document | ShadowRoot;
  // Like rows: the siblings with the same tag, hooks and classes (values aside).
  const shape = (el: Element): string => stepSelector(el, { keepValue: () => false });
  const like = Array.from(row.parentElement?.children ?? [row]).filter((c) => shape(c) === shape(row));
  const own = stepSelector(row, consistentFilter(like));
  const candidates = [own];
  if (row.parentElement) candidates.push(`${stepSelector(row.parentElement)} > ${own}`);
  for (const sel of candidates) {
    let found: Element[];
    try {
      found = Array.from(root.querySelectorAll(sel));
    } catch {
      continue;
    }
    if (!found.includes(row)) continue;
    if (sel === row.localName && found.length > like.length) continue; // a bare tag selects too much
    return sel;
  }
  return undefined;
}

function fieldRuleFor(row: Element, el: Element, field: TaughtField): TaughtRule | TeachProblem {
  if (!(row === el || row.contains(el))) return { step: field, reason: 'outside-row' };
  const selector = row === el ? ':scope' : (relativeSelector(row, el) ?? relativeSelector(row, el, true));
  if (!selector) return { step: field, reason: 'no-selector' };
  const text = (el.textContent ?? '').trim();
  if (field === 'orderId') {
    return ORDER_TEXT.test(text) ? { selector, read: 'orderId' } : { step: field, reason: 'not-an-order-id' };
  }
  const signal = receiverSignals(text).find((s) => s.kind === KIND[field]);
  if (signal && signal.tokens > 1)
    return { selector, read: { token: signal.token, rest: signal.kind === 'address' } };
  return { selector };
}

/**
 * Derive a taught adapter from the merchant's clicks: robust selectors (attributes and stable
 * class prefixes; positions only when nothing else finds the element) and, for a value that
 * shares its element with other text (`王**，陕西…`, `手机号：132****3639`), the token to read.
 * Returns the problem of the first step that cannot be taught.
 * Rule (issue 15, item 5): selectors prefer attributes and stable class prefixes, avoid
 * nth-child and hashed suffixes.
 * @example
 * deriveTaught({ row, orderId, receiverPhone }, { host: location.hostname, path: location.pathname, platform: 'douyin', now: Date.now() });
 */
export function deriveTaught(
  picks: TeachPicks,
  where: {
    readonly host: string;
    readonly path: string;
    readonly platform: PlatformId;
    readonly now: number;
  },
):
  | { readonly ok: true; readonly adapter: TaughtAdapter }
  | { readonly ok: false; readonly problem: TeachProblem } {
  const hosts = hostPath(picks.row);
  const row = rowSelector(picks.row);
  if (!hosts || !row) return { ok: false, problem: { step: 'row', reason: 'no-selector' } };
  const fields: Partial<Record<TaughtField, TaughtRule>> = {};
  for (const field of ['orderId', 'receiverPhone', 'receiverName', 'receiverAddress'] as const) {
    const el = picks[field];
    if (!el) continue;
    const r = fieldRuleFor(picks.row, el, field);
    if ('reason' in r) return { ok: false, problem: r };
    fields[field] = r;
  }
  return {
    ok: true,
    adapter: {
      format: TAUGHT_FORMAT,
      version: 1,
      host: where.host,
      path: where.path,
      platform: where.platform,
      savedAt: where.now,
      hosts,
      row,
      fields: fields as TaughtAdapter['fields'],
    },
  };
}
