import { anyOf, rowOf, rowScope } from '../adapters/select';
import type { SiteAdapter } from '../adapters/types';

/** What the guard needs from the rest of the content script. */
export interface RevealGuardDeps {
  /** The current quota level, as last reported by the background. */
  level(): 'ok' | 'warn' | 'exhausted';
  /** The order id of the row containing `el`, if any. */
  orderIdOf(el: Element): string | undefined;
  /** A reveal the merchant made: record it in the ledger. */
  record(orderId: string): void;
  /** Show the warning for a held reveal; `proceed` lets it through. */
  warn(orderId: string, control: Element, proceed: () => void): void;
}

const ARM_MS = 15_000;

/**
 * Watch the platform's reveal controls (小眼睛 / 查看). Only a trusted click (a real user gesture,
 * `event.isTrusted`) counts as a reveal; synthetic clicks are ignored. When the quota level is
 * warn or exhausted, the first click is held and a warning shown; the merchant may proceed (a
 * second click, or the warning's button). The platform's UI is never silently blocked.
 *
 * Clicks inside open shadow roots (the 微信小店 micro-app) reach the document retargeted to the
 * shadow host: the control is found from the event's composed path, not its target.
 */
export function guardReveals(doc: Document, adapter: SiteAdapter, deps: RevealGuardDeps): () => void {
  const armed = new Map<string, number>();
  const reveal = anyOf(adapter.reveal);
  const free = [
    anyOf(adapter.revealFree.shown),
    ...(adapter.revealFree.busy ? [anyOf(adapter.revealFree.busy)] : []),
  ].join(', ');
  let passThrough: Element | null = null;

  const onClick = (event: MouseEvent): void => {
    const origin = event.composedPath()[0] ?? event.target;
    const target = origin instanceof Element ? origin : null;
    const control = target?.closest(reveal);
    if (!control) return;
    // Hiding the plaintext again, or clicking while a decrypt is under way, costs nothing.
    const row = rowOf(control, adapter);
    if (
      row &&
      rowScope(row, adapter.rowGroup, adapter.row).some(
        (part) => part.matches(free) || part.querySelector(free),
      )
    )
      return;
    const orderId = deps.orderIdOf(control);
    if (!orderId) return;
    if (passThrough === control) {
      // The merchant chose "proceed" in our warning: the click we dispatched for them.
      passThrough = null;
      deps.record(orderId);
      return;
    }
    if (!event.isTrusted) return;
    const level = deps.level();
    const armedAt = armed.get(orderId);
    if (level !== 'ok' && (armedAt === undefined || event.timeStamp - armedAt > ARM_MS)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      armed.set(orderId, event.timeStamp);
      deps.warn(orderId, control, () => {
        armed.delete(orderId);
        passThrough = control;
        (control as HTMLElement).click();
      });
      return;
    }
    armed.delete(orderId);
    deps.record(orderId);
  };
  doc.addEventListener('click', onClick, { capture: true });
  return () => doc.removeEventListener('click', onClick, { capture: true });
}
