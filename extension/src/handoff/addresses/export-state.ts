/**
 * What the platform's order export added to the selection (issue 17): ciphertext and virtual
 * numbers (`extras`), and the detailed addresses of virtual-number orders, held in page memory
 * only (never stored or logged): they go into the one seal request and leave once sealed.
 * @module
 */
import type { HandoffExtra } from '../../messages/handoff';
import { pageWords, type Lang } from '../words';

/** The export's contribution. */
export interface ExportState {
  readonly extras: readonly HandoffExtra[];
  readonly addresses: ReadonlyMap<string, string>;
  readonly note: string;
}

/** No export read. */
export const EXPORT_START: ExportState = { extras: [], addresses: new Map(), note: '' };

/** What happens to it. */
export type ExportAction =
  | {
      readonly type: 'read';
      readonly extras: readonly HandoffExtra[];
      readonly addresses: ReadonlyMap<string, string>;
      readonly lang: Lang;
    }
  | { readonly type: 'sealed' };

/**
 * The export state after an action. Rules: a new export replaces what the last one gave, with a
 * note counting orders, ciphertext, virtual numbers and addresses; sealing drops the addresses
 * (they are in the link now) and keeps the rest.
 * @example
 * exportReducer(EXPORT_START, { type: 'sealed' }).addresses.size; // 0
 */
export function exportReducer(s: ExportState, a: ExportAction): ExportState {
  switch (a.type) {
    case 'read':
      return {
        extras: a.extras,
        addresses: a.addresses,
        note: pageWords(a.lang).extrasRead(
          a.extras.length,
          a.extras.filter((e) => e.cipher).length,
          a.extras.filter((e) => e.virtual).length,
          a.addresses.size,
        ),
      };
    case 'sealed':
      return s.addresses.size === 0 ? s : { ...s, addresses: new Map() };
  }
}
