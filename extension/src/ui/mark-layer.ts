/**
 * The row layer: a badge strip and a selection checkbox over each visible order row, drawn in one
 * absolutely positioned layer so the host page is neither shifted nor restyled.
 *
 * This is the overlay's per-swap hot path (issue 6: under 10 ms per page swap for 200 orders), so
 * it is a fixed pool of slots patched field by field instead of a Preact tree: a swap re-labels the
 * ~20 visible slots in place and touches only what changed. Invariant 2 holds the same way Preact
 * holds it: order text reaches the DOM through `textContent` and attribute values only, never as
 * markup.
 * @module
 */
import type { Badge } from './badge';
import { strings, type Lang } from './i18n';

/** One row's mark: where it goes and what it shows. */
export interface RowMark {
  readonly orderId: string;
  /** Document coordinates (px) of the row's top-right corner. */
  readonly top: number;
  readonly right: number;
  readonly badges: readonly Badge[];
  readonly selected: boolean;
  /**
   * Whether the row gets shipmask's checkbox: false where the page has its own row checkbox (that
   * one is the selection, content/row-select.ts), so every row shows exactly one. Default true.
   */
  readonly check?: boolean;
}

/** A layer of row marks; `render` patches it to show exactly `marks`. */
export interface MarkLayer {
  render(marks: readonly RowMark[], lang: Lang, onToggle: (orderId: string) => void): void;
  /** Remove the layer's nodes and listener. */
  destroy(): void;
}

interface BadgeSlot {
  readonly el: HTMLSpanElement;
  kind: string;
  label: string;
  title: string | undefined;
}

interface Slot {
  readonly el: HTMLDivElement;
  readonly input: HTMLInputElement;
  readonly label: HTMLLabelElement;
  check: boolean;
  readonly badges: BadgeSlot[];
  orderId: string;
  top: number;
  right: number;
  lang: Lang | undefined;
}

/**
 * Create the layer inside `container` (a shadow root's container: the layer's CSS lives there).
 * @example
 * const layer = createMarkLayer(shadowContainer);
 * layer.render([{ orderId: '1', top: 120, right: 900, badges: [{ kind: 'masked', label: '已脱敏' }], selected: false }], 'zh', toggle);
 */
export function createMarkLayer(container: HTMLElement): MarkLayer {
  const doc = container.ownerDocument;
  const root = doc.createElement('div');
  root.className = 'sm-rows';
  container.append(root);
  const slots: Slot[] = [];
  const slotOf = new WeakMap<EventTarget, Slot>();
  let lang: Lang | undefined;
  let toggle: (orderId: string) => void = () => undefined;

  // One listener for every checkbox: the slot it belongs to names the order shown right now.
  const onChange = (e: Event): void => {
    const slot = e.target ? slotOf.get(e.target) : undefined;
    if (slot) toggle(slot.orderId);
  };
  root.addEventListener('change', onChange);

  const newSlot = (): Slot => {
    const el = doc.createElement('div');
    el.className = 'sm-row';
    const label = doc.createElement('label');
    label.className = 'sm-check';
    const input = doc.createElement('input');
    input.type = 'checkbox';
    label.append(input);
    el.append(label);
    root.append(el);
    const slot: Slot = {
      el,
      input,
      label,
      check: true,
      badges: [],
      orderId: '',
      top: NaN,
      right: NaN,
      lang: undefined,
    };
    slotOf.set(input, slot);
    return slot;
  };

  const patchBadges = (slot: Slot, badges: readonly Badge[]): void => {
    for (let i = 0; i < badges.length; i++) {
      const b = badges[i]!;
      let s = slot.badges[i];
      if (!s) {
        const el = doc.createElement('span');
        slot.el.append(el);
        s = { el, kind: '', label: '', title: undefined };
        slot.badges.push(s);
      }
      if (s.kind !== b.kind) {
        s.el.className = `sm-badge sm-b-${b.kind}`;
        s.el.dataset.kind = b.kind;
        s.kind = b.kind;
      }
      if (s.label !== b.label) {
        s.el.textContent = b.label;
        s.label = b.label;
      }
      if (s.title !== b.title) {
        if (b.title === undefined) s.el.removeAttribute('title');
        else s.el.title = b.title;
        s.title = b.title;
      }
    }
    while (slot.badges.length > badges.length) slot.badges.pop()!.el.remove();
  };

  return {
    render(marks, nextLang, onToggle) {
      toggle = onToggle;
      if (nextLang !== lang) {
        root.lang = nextLang === 'en' ? 'en' : 'zh-CN';
        lang = nextLang;
      }
      const t = strings(nextLang);
      for (let i = 0; i < marks.length; i++) {
        const m = marks[i]!;
        const slot = slots[i] ?? (slots[i] = newSlot());
        if (slot.orderId !== m.orderId || slot.lang !== nextLang) {
          slot.el.dataset.orderId = m.orderId;
          slot.input.setAttribute('aria-label', t.selectOrder(m.orderId));
          slot.orderId = m.orderId;
          slot.lang = nextLang;
        }
        if (slot.top !== m.top) {
          slot.el.style.top = `${m.top}px`;
          slot.top = m.top;
        }
        if (slot.right !== m.right) {
          slot.el.style.left = `${m.right}px`;
          slot.right = m.right;
        }
        const check = m.check !== false;
        if (slot.check !== check) {
          slot.label.hidden = !check;
          slot.check = check;
        }
        // The DOM's own state: a click flips it before the state that answers it comes back.
        if (slot.input.checked !== m.selected) slot.input.checked = m.selected;
        patchBadges(slot, m.badges);
      }
      while (slots.length > marks.length) slots.pop()!.el.remove();
    },
    destroy() {
      root.removeEventListener('change', onChange);
      root.remove();
      slots.length = 0;
    },
  };
}
