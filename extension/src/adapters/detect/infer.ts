import { anyOf } from '../select';
import type { FieldRule } from '../types';
import {
  composedAncestors,
  hostPath,
  relativeSelector,
  rootAt,
  stepSelector,
  consistentFilter,
  type StepFilter,
  uniqueSelector,
} from './selector';
import {
  ORDER_INLINE,
  isOrderLabel,
  orderIdIn,
  receiverSignals,
  tokenPattern,
  type ReceiverSignal,
} from './signals';
import { collectLeaves, composedParent, type Leaf } from './walk';

/** The fields detection reads: the order number, the receiver, and the status when its text is known. */
export type DetectedField =
  'orderId' | 'status' | 'receiverName' | 'receiverPhone' | 'receiverAddress' | 'virtualNumber';

/**
 * A row/field layout inferred from a page's content: where the list is, what one row is, where
 * each field sits in a row. Data only (selectors and patterns), the same shape teach mode stores;
 * inferred once per page structure and reused on every page swap until it stops finding rows.
 */
export interface DetectedLayout {
  /** Shadow hosts from the document to the list (`hostPath`). */
  readonly hosts: readonly string[];
  /** The list element, unique in its root; empty when only `listPath` finds it. */
  readonly list: string;
  /** Child indices from the root to the list, when no selector is unique (a page without classes). */
  readonly listPath?: readonly number[];
  /** A child of the list that starts a row. */
  readonly row: string;
  /** `one`: a row is one child; `group`: a row runs on over the following siblings (a table's order header row, item rows, remark row). */
  readonly span: 'one' | 'group';
  /** Field rules relative to the row (the first block that matches wins). */
  readonly fields: { readonly orderId: FieldRule } & Partial<
    Record<Exclude<DetectedField, 'orderId'>, FieldRule>
  >;
  /** The structural signature: equal signatures read the same way. */
  readonly signature: string;
}

/** One row found on the page: the element its marks sit on, and every block it spans. */
export interface FoundRow {
  readonly element: Element;
  readonly blocks: readonly Element[];
}

/** Rows whose fields are examined to infer the layout: a sample is enough, and keeps inference fast. */
export const SAMPLE_ROWS = 24;

/** Fewest orders a list needs before detection trusts its structure. */
export const MIN_ROWS = 2;

/** Children of a list element in the composed tree (a host's shadow content). */
export function listChildren(list: Element): Element[] {
  return Array.from((list.shadowRoot ?? list).children);
}

interface OrderHit {
  readonly leaf: number;
  readonly id: string;
}

/** The leaf is a table cell under a column headed 订单号 (a bare number in an order-number column). */
function columnLabelled(el: Element): boolean {
  const cell = el.closest('td');
  const tr = cell?.parentElement;
  const table = tr?.closest('table');
  if (!cell || !tr || !table) return false;
  const col = Array.from(tr.children).indexOf(cell);
  const head = table.querySelector('thead tr') ?? table.querySelector('tr');
  const th = head && head !== tr ? head.children[col] : undefined;
  return th ? isOrderLabel((th.textContent ?? '').trim()) : false;
}

function orderHits(leaves: readonly Leaf[]): OrderHit[] {
  const hits: OrderHit[] = [];
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i]!;
    let id = orderIdIn(leaf.text, leaves[i - 1]?.text);
    if (!id && /^\s*\d{8,24}\s*$/u.test(leaf.text) && columnLabelled(leaf.el)) id = leaf.text.trim();
    if (id) hits.push({ leaf: i, id });
  }
  return hits;
}

/** The lowest common composed ancestor of two elements. */
function commonAncestor(a: Element, b: Element): Element | undefined {
  const chain = new Set(composedAncestors(a));
  for (const x of composedAncestors(b)) if (chain.has(x)) return x;
  return undefined;
}

/** The child of `list` (composed) that holds `el`. */
function blockOf(list: Element, el: Element): Element | undefined {
  let prev: Element | undefined;
  for (let a: Element | null = el; a; a = composedParent(a)) {
    if (a === list) return prev;
    prev = a;
  }
  return undefined;
}

interface BlockInfo {
  readonly el: Element;
  readonly ids: Set<string>;
  readonly leaves: number[];
}

type FieldSignal = { readonly field: DetectedField; readonly leaf: number; readonly signal?: ReceiverSignal };

function fieldOf(s: ReceiverSignal, nameTaken: boolean): DetectedField {
  if (s.kind === 'phone') return s.form === 'virtual' ? 'virtualNumber' : 'receiverPhone';
  if (s.kind === 'address') return 'receiverAddress';
  // A `#…#` ciphertext is a name first, then an address.
  return s.ambiguous && nameTaken ? 'receiverAddress' : 'receiverName';
}

/** Receiver (and status) signals of one row, at most one per field, in document order. */
function rowSignals(leaves: readonly Leaf[], rowLeaves: readonly number[], statuses: ReadonlySet<string>) {
  const out: FieldSignal[] = [];
  const taken = new Set<DetectedField>();
  for (const i of rowLeaves) {
    const text = leaves[i]!.text;
    if (statuses.has(text)) {
      if (!taken.has('status')) out.push({ field: 'status', leaf: i });
      taken.add('status');
      continue;
    }
    for (const s of receiverSignals(text)) {
      const field = fieldOf(s, taken.has('receiverName'));
      if (taken.has(field)) continue;
      taken.add(field);
      out.push({ field, leaf: i, signal: s });
    }
  }
  return out;
}

/** The rule reading a field out of its element: a token pattern when the text holds more than the value. */
function ruleFor(
  selector: string,
  signal: ReceiverSignal | undefined,
): { selector: string; pattern?: RegExp } {
  if (!signal || signal.tokens === 1) return { selector };
  return { selector, pattern: tokenPattern(signal.token, signal.kind === 'address') };
}

function mode<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestN = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestN) {
      best = v;
      bestN = n;
    }
  }
  return best;
}

function firstIn(blocks: readonly Element[], selector: string): Element | null {
  for (const b of blocks) {
    const found = b.matches(selector) ? b : b.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/**
 * Find the order list on a page from its content, and the layout to read it with. The rows are
 * the repeated sibling blocks that each hold one order number; the list is the element most pairs
 * of consecutive orders share; a row whose receiver sits in the next siblings (an order header row
 * in a table) spans them. A layout is only returned when at least half the rows hold a receiver
 * value core classifies, so a table header, a pager or a product card never becomes a row.
 * `statuses` are the page's status texts (the platform adapter's), read when a row shows one.
 * Rule (issue 15, item 4): content-based detection when an adapter's selectors find nothing.
 * @example
 * const layout = inferLayout(document, Object.keys(douyin.statuses));
 * layout && findRows(document, layout).length; // the orders on the page
 */
export function inferLayout(doc: Document, statuses: Iterable<string> = []): DetectedLayout | undefined {
  const leaves = collectLeaves(doc);
  const hits = orderHits(leaves);
  // The list: the commonest lowest common ancestor of consecutive different orders.
  const lcas: Element[] = [];
  for (let i = 1; i < hits.length; i++) {
    if (hits[i]!.id === hits[i - 1]!.id) continue;
    const a = commonAncestor(leaves[hits[i - 1]!.leaf]!.el, leaves[hits[i]!.leaf]!.el);
    if (a) lcas.push(a);
  }
  const list = mode(lcas);
  if (!list) return undefined;

  // The list's children, with the order numbers and the text leaves each holds.
  const children = listChildren(list);
  const index = new Map<Element, BlockInfo>();
  const blocks: BlockInfo[] = children.map((el) => {
    const b = { el, ids: new Set<string>(), leaves: [] as number[] };
    index.set(el, b);
    return b;
  });
  const hitAt = new Map(hits.map((h) => [h.leaf, h.id]));
  for (let i = 0; i < leaves.length; i++) {
    const b = blockOf(list, leaves[i]!.el);
    const info = b && index.get(b);
    if (!info) continue;
    info.leaves.push(i);
    const id = hitAt.get(i);
    if (id) info.ids.add(id);
  }
  const orderBlocks = blocks.filter((b) => b.ids.size === 1);
  if (orderBlocks.length < MIN_ROWS) return undefined;
  const statusSet = new Set(statuses);

  // One block per row, or an order header row followed by the order's other rows?
  const ownReceivers = orderBlocks
    .slice(0, SAMPLE_ROWS)
    .filter((b) => rowSignals(leaves, b.leaves, statusSet).some((s) => s.field !== 'status')).length;
  const blockFilter = consistentFilter(orderBlocks.map((b) => b.el));
  const rowTag = mode(orderBlocks.map((b) => stepSelector(b.el, blockFilter)))!;
  const span: DetectedLayout['span'] =
    ownReceivers * 2 >= Math.min(orderBlocks.length, SAMPLE_ROWS) ? 'one' : 'group';
  const rows: { blocks: BlockInfo[] }[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.ids.size !== 1) continue;
    const row = { blocks: [b] };
    if (span === 'group') {
      for (let j = i + 1; j < blocks.length && blocks[j]!.ids.size === 0; j++) {
        if (blocks[j]!.el.localName !== b.el.localName) break;
        row.blocks.push(blocks[j]!);
      }
    }
    rows.push(row);
  }

  // Fields: each field's commonest selector, kept when it reads the right kind on most rows.
  type Found = { selector: string; signal?: ReceiverSignal; block?: number };
  type Hit = { field: DetectedField; el: Element; home: Element; at: number; signal?: ReceiverSignal };
  const hitsOf: Hit[] = [];
  let withReceiver = 0;
  const sample = rows.slice(0, SAMPLE_ROWS);
  for (const row of sample) {
    const blockEls = row.blocks.map((b) => b.el);
    const rowLeaves = row.blocks.flatMap((b) => b.leaves);
    const idLeaf = rowLeaves.find((i) => hitAt.has(i))!;
    const signals = rowSignals(leaves, rowLeaves, statusSet);
    if (signals.some((s) => s.field !== 'status')) withReceiver++;
    for (const s of [{ field: 'orderId' as const, leaf: idLeaf }, ...signals]) {
      const el = leaves[s.leaf]!.el;
      const at = blockEls.findIndex((b) => b === el || b.contains(el));
      const home = blockEls[at];
      if (!home) continue;
      hitsOf.push({
        field: s.field,
        el,
        home,
        at,
        ...('signal' in s && s.signal ? { signal: s.signal } : {}),
      });
    }
  }
  // Classes and attribute values that differ between the rows' elements of one field are state.
  const filters = new Map<DetectedField, StepFilter>();
  for (const field of new Set(hitsOf.map((h) => h.field)))
    filters.set(field, consistentFilter(hitsOf.filter((h) => h.field === field).map((h) => h.el)));
  const perField = new Map<DetectedField, Found[]>();
  {
    for (const { field, el, home, at, signal } of hitsOf) {
      const filter = filters.get(field)!;
      const s = { field, signal };
      const selector = home === el ? stepSelector(el, filter) : relativeSelector(home, el, true, filter);
      if (!selector) continue;
      const list = perField.get(s.field) ?? [];
      const block = span === 'group' ? at : undefined;
      list.push({
        selector,
        ...(s.signal ? { signal: s.signal } : {}),
        ...(block !== undefined ? { block } : {}),
      });
      perField.set(s.field, list);
    }
  }
  if (withReceiver * 2 < sample.length) return undefined;

  const fields: Partial<Record<DetectedField, FieldRule>> = {};
  for (const [field, found] of perField) {
    const key = (f: Found) =>
      `${f.selector}\u0000${f.block ?? ''}\u0000${f.signal?.token ?? 0}/${f.signal?.tokens ?? 1}`;
    const best = mode(found.map(key));
    const pick = found.find((f) => key(f) === best)!;
    if (field === 'orderId') {
      const idLeafText = (row: { blocks: BlockInfo[] }) =>
        firstIn(
          row.blocks.map((b) => b.el),
          pick.selector,
        )?.textContent ?? '';
      const inline = rows.some((r) => /\D\d{8,24}/u.test(idLeafText(r).trim()));
      const pattern = inline ? ORDER_INLINE : /^\s*(\d{8,24})\s*$/u;
      fields.orderId =
        span === 'group'
          ? { selector: pick.selector, pattern, block: 0 }
          : { selector: pick.selector, pattern };
    } else {
      const rule = ruleFor(pick.selector, pick.signal);
      fields[field] = pick.block !== undefined ? { ...rule, block: pick.block } : rule;
    }
  }
  if (!fields.orderId) return undefined;
  // A virtual number in the phone's own element is read by the phone rule.
  const phone = fields.receiverPhone;
  const vn = fields.virtualNumber;
  if (vn && phone && vn.selector === phone.selector && vn.block === phone.block) delete fields.virtualNumber;
  const hosts = hostPath(list);
  const root = list.getRootNode() as Document | ShadowRoot;
  if (!hosts) return undefined;
  const listSel = uniqueSelector(root, list, false);
  const listPath = listSel ? undefined : childPath(root, list);
  const layoutFields = fields as DetectedLayout['fields'];
  const signature = [
    hosts.join(' >> '),
    listSel ?? listPath!.join('/'),
    rowTag,
    span,
    ...Object.entries(layoutFields)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(
        ([k, r]) =>
          `${k}=${anyOf(r.selector)}${r.block !== undefined ? `@${r.block}` : ''}${r.pattern ? `/${r.pattern.source}` : ''}`,
      ),
  ].join('\n');
  return listPath
    ? { hosts, list: '', listPath, row: rowTag, span, fields: layoutFields, signature }
    : { hosts, list: listSel!, row: rowTag, span, fields: layoutFields, signature };
}

/** Child indices from `root` down to `el`. */
function childPath(root: Document | ShadowRoot, el: Element): number[] {
  const path: number[] = [];
  for (let a: Element | null = el; a; a = a.parentElement) {
    const parent: ParentNode | null = a.parentElement ?? (a.parentNode === root ? root : null);
    if (!parent) break;
    path.unshift(Array.prototype.indexOf.call(parent.children, a));
  }
  return path;
}

/**
 * The list element a layout names on the page now, if it is there.
 * @example
 * listOf(document, layout)?.children.length; // 0 while the page loads the next page
 */
export function listOf(doc: Document, layout: DetectedLayout): Element | undefined {
  const root = rootAt(doc, layout.hosts);
  return root && listIn(root, layout);
}

/** The list a layout names, in `root`. */
function listIn(root: Document | ShadowRoot, layout: DetectedLayout): Element | undefined {
  if (!layout.listPath) return root.querySelector(layout.list) ?? undefined;
  let node: ParentNode = root;
  for (const i of layout.listPath) {
    const next = node.children[i];
    if (!next) return undefined;
    node = next;
  }
  return node as Element;
}

/**
 * The rows a layout finds on the page now: each child of the list that matches the row step and
 * holds an order number starts a row; in a `group` layout the following siblings of the same tag
 * that hold no order number belong to it. Cheap (no text classification): the page-swap path.
 * @example
 * findRows(document, layout).map((r) => r.element);
 */
export function findRows(doc: Document, layout: DetectedLayout): FoundRow[] {
  const list = listOf(doc, layout);
  if (!list) return [];
  const id = layout.fields.orderId;
  const startsRow = (el: Element): boolean => {
    if (!el.matches(layout.row)) return false;
    const sel = anyOf(id.selector);
    const idEl = el.matches(sel) ? el : el.querySelector(sel);
    return Boolean(idEl && id.pattern?.test(idEl.textContent ?? ''));
  };
  const rows: FoundRow[] = [];
  let current: { element: Element; blocks: Element[] } | undefined;
  for (const el of listChildren(list)) {
    if (startsRow(el)) {
      current = { element: el, blocks: [el] };
      rows.push(current);
    } else if (layout.span === 'group' && current && el.localName === current.element.localName) {
      current.blocks.push(el);
    } else current = undefined;
  }
  return rows;
}
