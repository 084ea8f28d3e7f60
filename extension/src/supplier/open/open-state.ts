/**
 * Opening a batch on the supplier page, its state: what was pasted or dropped, the passphrase,
 * whether one is asked for, the busy flag and core's open error (tampered, expired, wrong
 * passphrase…). Pure reducer; `openBatch` itself runs in the page (`OpenBatch.tsx` calls it).
 * @module
 */
import type { OpenErrorCode } from '@shipmask/core';

/** The open form. */
export interface OpenState {
  /** The link, chat text or file text to open. */
  readonly source: string;
  readonly passphrase: string;
  /** The passphrase field shows once the batch turned out to need one. */
  readonly needPassphrase: boolean;
  readonly busy: boolean;
  readonly error?: OpenErrorCode | undefined;
}

/** What happens to the open form. */
export type OpenAction =
  | { readonly type: 'source'; readonly text: string }
  | { readonly type: 'passphrase'; readonly text: string }
  | { readonly type: 'start' }
  | { readonly type: 'failed'; readonly code: OpenErrorCode }
  | { readonly type: 'opened' };

/** A page that opened with nothing. */
export const OPEN_START: OpenState = { source: '', passphrase: '', needPassphrase: false, busy: false };

/**
 * The open form after an action. Rules: starting clears the last error; a failure shows core's
 * code and, for `passphrase-required` / `wrong-passphrase`, asks for the passphrase (other errors
 * keep the field as it was); an opened batch clears the error and hides the passphrase field (the
 * passphrase typed is kept); the source is replaced as typed (`''` on reset or page hide).
 * @example
 * openReducer(OPEN_START, { type: 'failed', code: 'passphrase-required' }).needPassphrase; // true
 */
export function openReducer(s: OpenState, a: OpenAction): OpenState {
  switch (a.type) {
    case 'source':
      return { ...s, source: a.text };
    case 'passphrase':
      return { ...s, passphrase: a.text };
    case 'start':
      return { ...s, busy: true, error: undefined };
    case 'failed':
      return {
        ...s,
        busy: false,
        error: a.code,
        needPassphrase: s.needPassphrase || a.code === 'passphrase-required' || a.code === 'wrong-passphrase',
      };
    case 'opened':
      return { ...s, busy: false, needPassphrase: false, error: undefined };
  }
}

/**
 * The link the page opens by itself on load. Rule: the page's address (or the batch embedded in
 * the file, as `#payload`) opens only when it has a non-empty fragment; otherwise the page waits
 * for a paste or a file.
 * @example
 * linkToOpen('file:///x/supplier.html#AQAB…'); // 'file:///x/supplier.html#AQAB…'
 * linkToOpen('file:///x/supplier.html#'); // undefined
 */
export function linkToOpen(initial: string | undefined): string | undefined {
  const text = initial ?? '';
  const hash = text.indexOf('#');
  return hash >= 0 && text.length > hash + 1 ? text : undefined;
}

/**
 * Whether the open button works. Rule: not while opening, and only with something to open.
 * @example
 * canOpen({ ...OPEN_START, source: ' ' }); // false
 */
export function canOpen(s: OpenState): boolean {
  return !s.busy && s.source.trim() !== '';
}
