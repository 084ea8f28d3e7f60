import { composedParent } from './walk';

/**
 * Robust selectors for page elements, shared by content-based detection and teach mode.
 * Rule (issue 15, items 4 and 5): prefer attributes and stable class-name prefixes, avoid
 * nth-child and hashed suffixes; the public scripts for the real back-offices select the same way
 * (`[class^="index_locationDetail"]`, `a[data-kora="查看敏感信息"]`: iamyzc/doudian-scripts,
 * greasyfork 435995).
 */

/** A hash-like segment: 5–10 letters/digits with a digit or an inner capital (`3xK2a`, `IvF8Bs`, `Ngstax`). */
const HASH_SEGMENT = /^(?=[A-Za-z0-9]{5,10}$)(?:.*\d|[A-Z].*|.+[A-Z].*)$/u;

/** Whole class names that are only a hash (`_3xK2a`, `css-1x2y3z`, `sc-bdVaJa`, `jsx-123`). */
const HASH_CLASS =
  /^(?:_[A-Za-z0-9_-]{4,}|css-[a-z0-9]+|sc-[A-Za-z0-9]+|jsx-\d+|[a-z]{1,2}[0-9][A-Za-z0-9]{3,})$/u;

/** Classes that are page state, not structure. */
const STATE_CLASS =
  /^(?:is-|has-|active|selected|hover|focus|checked|disabled|loading|hidden|open|expanded|collapsed)/u;

/** Attribute names that are framework hashes (Vue scoped styles `data-v-7ba5bd90`). */
const HASH_ATTR = /^data-v-[0-9a-f]{6,}$/u;

/** Attributes whose value identifies one element, never a kind of element. */
const UNIQUE_ATTR = new Set(['id', 'data-row-key', 'data-id', 'data-key', 'data-order-id', 'data-index']);

function cssString(value: string): string {
  return `"${value.replace(/["\\]/gu, (c) => `\\${c}`).replace(/\n/gu, '\\a ')}"`;
}

/**
 * The stable part of a class name: the name itself, its prefix before a hashed suffix
 * (`index_locationDetail__3xK2a` → `locationDetail`, `view-icon-IvF8Bs` → `view-icon`), or
 * undefined for a class that is only a hash or only page state.
 * @example
 * stableClass('auxo-table-row'); // { exact: 'auxo-table-row' }
 * stableClass('locationDetail-Ngstax'); // { part: 'locationDetail' }
 * stableClass('_3xK2a'); // undefined
 */
export function stableClass(name: string): { exact: string } | { part: string } | undefined {
  if (name.length > 80 || HASH_CLASS.test(name) || STATE_CLASS.test(name)) return undefined;
  const modules = /^(?:[A-Za-z0-9]+_)?([A-Za-z][A-Za-z0-9-]*?)__[A-Za-z0-9_-]{3,}$/u.exec(name);
  if (modules) return modules[1]!.length >= 4 ? { part: modules[1]! } : undefined;
  const dash = name.lastIndexOf('-');
  if (dash > 0 && HASH_SEGMENT.test(name.slice(dash + 1))) {
    const head = name.slice(0, dash);
    return head.length >= 4 ? { part: head } : undefined;
  }
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/u.test(name)) return undefined;
  return { exact: name };
}

/** Selector text for one stable class. */
function classSelector(s: { exact: string } | { part: string }): string {
  return 'exact' in s ? `.${s.exact}` : `[class*=${cssString(s.part)}]`;
}

/**
 * What a caller knows about the page beyond one element: attribute values and classes that differ
 * between rows (a status code, `status-pending`) must not be part of a selector for all rows.
 */
export interface StepFilter {
  /** Whether an attribute's value may be kept (default: non-empty, at most 30 characters). */
  readonly keepValue?: (attr: string, value: string) => boolean;
  /** Whether a class may be used at all. */
  readonly keepClass?: (name: string) => boolean;
}

/**
 * One step of a robust selector for `el`: its tag, its `data-*`/`role`/`name` hooks and its stable
 * classes (at most two of each). `sameValues` says whether an attribute's value may be kept (true
 * when it does not name one particular order: the caller checked it across rows, or it is short).
 * @example
 * stepSelector(cell); // 'div[class*="locationDetail"]'
 * stepSelector(link); // 'a[data-kora="查看敏感信息"]'
 */
export function stepSelector(el: Element, filter: StepFilter = {}): string {
  const keepValue = filter.keepValue ?? shortValue;
  const keepClass = filter.keepClass ?? ((): boolean => true);
  let out = el.localName.includes('-') ? el.localName : el.localName.toLowerCase();
  let attrs = 0;
  for (const a of Array.from(el.attributes)) {
    if (attrs >= 2) break;
    const n = a.name;
    if (n === 'class' || n === 'style' || HASH_ATTR.test(n)) continue;
    if (!(n.startsWith('data-') || n === 'role' || n === 'name' || n === 'type' || n === 'aria-label'))
      continue;
    if (UNIQUE_ATTR.has(n) || /\d{6,}/u.test(a.value) || !keepValue(n, a.value)) out += `[${n}]`;
    else out += `[${n}=${cssString(a.value)}]`;
    attrs++;
  }
  let classes = 0;
  for (const c of Array.from(el.classList)) {
    if (classes >= 2) break;
    const s = keepClass(c) ? stableClass(c) : undefined;
    if (!s) continue;
    out += classSelector(s);
    classes++;
  }
  return out;
}

function shortValue(_attr: string, value: string): boolean {
  return value.length > 0 && value.length <= 30;
}

/** Whether `ancestor` contains `el` in the light tree (no shadow boundary between them). */
function lightContains(ancestor: Element, el: Element): boolean {
  return ancestor !== el && ancestor.contains(el);
}

/**
 * A selector relative to `scope` whose first match (`scope.querySelector`) is `target`: the
 * target's own step, then steps of its ancestors in front (descendant combinators) until the first
 * match is right; positional `:nth-of-type` only when `positional` and nothing else works.
 * Undefined when `target` is not in `scope`'s light tree.
 * @example
 * relativeSelector(row, phoneCell); // 'div[class*="locationDetail"] span.phone'
 */
export function relativeSelector(
  scope: Element,
  target: Element,
  positional = false,
  filter: StepFilter = {},
): string | undefined {
  if (!lightContains(scope, target)) return undefined;
  const chain: Element[] = [];
  for (let el: Element | null = target; el && el !== scope; el = el.parentElement) chain.push(el);
  let sel = stepSelector(target, filter);
  if (first(scope, sel) === target) return sel;
  for (let i = 1; i < chain.length; i++) {
    const step = stepSelector(chain[i]!, filter);
    if (step === chain[i]!.localName) continue; // a bare tag narrows little
    sel = `${step} ${sel}`;
    if (first(scope, sel) === target) return sel;
  }
  if (!positional) return undefined;
  // Positions from the nearest ancestor a selector finds (`[class*="locationDetail"] > div:nth-of-type(2)`),
  // else from the row.
  const position = (el: Element): string => {
    const same = Array.from(el.parentElement!.children).filter((c) => c.localName === el.localName);
    return same.length > 1 ? `${el.localName}:nth-of-type(${same.indexOf(el) + 1})` : el.localName;
  };
  for (let i = 1; i < chain.length; i++) {
    const anchor = relativeSelector(scope, chain[i]!, false, filter);
    if (!anchor) continue;
    sel = `${anchor} > ${chain.slice(0, i).reverse().map(position).join(' > ')}`;
    if (first(scope, sel) === target) return sel;
  }
  sel = `:scope > ${chain.slice().reverse().map(position).join(' > ')}`;
  return first(scope, sel) === target ? sel : undefined;
}

function first(scope: ParentNode, sel: string): Element | null {
  try {
    return scope.querySelector(sel);
  } catch {
    return null;
  }
}

/**
 * Where `el` lives: the selectors of the shadow hosts between the document and `el` (outermost
 * first, each unique in its own root), or undefined when a host cannot be selected uniquely.
 * @example
 * hostPath(cellInsideMicroApp); // ['micro-app']
 */
export function hostPath(el: Element): string[] | undefined {
  const hosts: string[] = [];
  let node: Node = el;
  for (;;) {
    const root = node.getRootNode();
    if (!('host' in root)) break;
    const host = (root as ShadowRoot).host;
    const hostRoot = host.getRootNode() as Document | ShadowRoot;
    const sel = uniqueSelector(hostRoot, host);
    if (!sel) return undefined;
    hosts.unshift(sel);
    node = host;
  }
  return hosts;
}

/**
 * A selector unique in `root` for `el` (an id that is not a hash, else a chain of robust steps from
 * the root, positional steps last).
 * @example
 * uniqueSelector(document, list); // 'div.order-list'
 */
export function uniqueSelector(
  root: Document | ShadowRoot,
  el: Element,
  positional = true,
): string | undefined {
  if (el.id && !/\d{3,}|[A-Z].*\d/u.test(el.id)) {
    const sel = `#${CSS.escape(el.id)}`;
    if (all(root, sel).length === 1) return sel;
  }
  let sel = stepSelector(el);
  if (all(root, sel).length === 1 && all(root, sel)[0] === el) return sel;
  for (let a = el.parentElement; a; a = a.parentElement) {
    const step = stepSelector(a);
    if (step === a.localName) continue;
    sel = `${step} ${sel}`;
    const found = all(root, sel);
    if (found.length === 1 && found[0] === el) return sel;
  }
  if (!positional) return undefined;
  const steps: string[] = [];
  for (let a: Element | null = el; a; a = a.parentElement) {
    const parent = a.parentElement;
    const siblings = parent ? Array.from(parent.children) : [a];
    const same = siblings.filter((c) => c.localName === a.localName);
    steps.unshift(same.length > 1 ? `${a.localName}:nth-of-type(${same.indexOf(a) + 1})` : a.localName);
  }
  sel = steps.join(' > ');
  const found = all(root, sel);
  return found.length === 1 && found[0] === el ? sel : undefined;
}

function all(root: ParentNode, sel: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(sel));
  } catch {
    return [];
  }
}

/**
 * The root `hosts` (from `hostPath`) leads to: the document, or an open shadow root inside it.
 * @example
 * rootAt(document, ['micro-app']); // the micro-app's shadowRoot, or undefined
 */
export function rootAt(doc: Document, hosts: readonly string[]): Document | ShadowRoot | undefined {
  let root: Document | ShadowRoot = doc;
  for (const h of hosts) {
    const host = first(root, h);
    if (!host?.shadowRoot) return undefined;
    root = host.shadowRoot;
  }
  return root;
}

/** The composed ancestors of `el`, nearest first, `el` included. */
export function composedAncestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let a: Element | null = el; a; a = composedParent(a)) out.push(a);
  return out;
}

/**
 * A step filter that keeps only what all `els` share: classes on every one of them, attribute
 * values equal on every one (a status code or a state class differs between rows).
 * @example
 * stepSelector(rows[0], consistentFilter(rows)); // 'div[data-kora_order_status][class*="orderCard"]'
 */
export function consistentFilter(els: readonly Element[]): StepFilter {
  const classCount = new Map<string, number>();
  const values = new Map<string, Set<string>>();
  for (const el of els) {
    for (const c of new Set(Array.from(el.classList))) classCount.set(c, (classCount.get(c) ?? 0) + 1);
    for (const a of Array.from(el.attributes)) {
      const v = values.get(a.name) ?? new Set<string>();
      v.add(a.value);
      values.set(a.name, v);
    }
  }
  return {
    keepClass: (c) => classCount.get(c) === els.length,
    keepValue: (attr, value) => value.length > 0 && value.length <= 30 && values.get(attr)?.size === 1,
  };
}
