import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpenErrorCode } from '@shipmask/core';
import { canOpen, linkToOpen, OPEN_START, openReducer, type OpenAction } from './open-state';

const CODES: OpenErrorCode[] = [
  'not-a-link',
  'truncated',
  'too-large',
  'unknown-version',
  'wrong-key',
  'wrong-passphrase',
  'passphrase-required',
  'tampered',
  'expired',
  'crypto-failed',
];

describe('openReducer', () => {
  it('typing replaces the source and the passphrase', () => {
    const s = openReducer(openReducer(OPEN_START, { type: 'source', text: 'https://x#AQ' }), {
      type: 'passphrase',
      text: 'p',
    });
    expect(s).toMatchObject({ source: 'https://x#AQ', passphrase: 'p' });
  });

  it('start is busy and clears the last error', () => {
    const failed = openReducer(OPEN_START, { type: 'failed', code: 'expired' });
    expect(failed).toMatchObject({ busy: false, error: 'expired', needPassphrase: false });
    expect(openReducer(failed, { type: 'start' })).toMatchObject({ busy: true, error: undefined });
  });

  it('a passphrase refusal asks for the passphrase; other refusals keep the field as it was', () => {
    const asked = openReducer({ ...OPEN_START, busy: true }, { type: 'failed', code: 'passphrase-required' });
    expect(asked).toMatchObject({ busy: false, needPassphrase: true, error: 'passphrase-required' });
    expect(openReducer(asked, { type: 'failed', code: 'wrong-passphrase' }).needPassphrase).toBe(true);
    expect(openReducer(asked, { type: 'failed', code: 'expired' }).needPassphrase).toBe(true);
    expect(openReducer(OPEN_START, { type: 'failed', code: 'tampered' }).needPassphrase).toBe(false);
  });

  it('opened hides the passphrase field and is no longer busy', () => {
    const s = openReducer(
      { ...OPEN_START, busy: true, needPassphrase: true, passphrase: 'x' },
      { type: 'opened' },
    );
    expect(s).toMatchObject({ busy: false, needPassphrase: false, passphrase: 'x' });
  });

  it('property: busy only between start and its outcome; an error only after a failure', () => {
    const action = fc.oneof(
      fc.record({ type: fc.constant('source' as const), text: fc.string() }),
      fc.record({ type: fc.constant('passphrase' as const), text: fc.string() }),
      fc.constant({ type: 'start' as const }),
      fc.record({ type: fc.constant('failed' as const), code: fc.constantFrom(...CODES) }),
      fc.constant({ type: 'opened' as const }),
    );
    fc.assert(
      fc.property(fc.array(action), (actions: OpenAction[]) => {
        let s = OPEN_START;
        let last: OpenAction['type'] | undefined;
        for (const a of actions) {
          s = openReducer(s, a);
          if (a.type === 'start' || a.type === 'failed' || a.type === 'opened') last = a.type;
          expect(s.busy).toBe(last === 'start');
          if (s.error !== undefined) expect(last).toBe('failed');
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('linkToOpen / canOpen', () => {
  it('opens on load only an address with a non-empty fragment', () => {
    expect(linkToOpen(undefined)).toBeUndefined();
    expect(linkToOpen('file:///x/supplier.html')).toBeUndefined();
    expect(linkToOpen('file:///x/supplier.html#')).toBeUndefined();
    expect(linkToOpen('file:///x/supplier.html#AQ')).toBe('file:///x/supplier.html#AQ');
    expect(linkToOpen('#AQAB')).toBe('#AQAB');
  });

  it('the open button needs text and no open under way', () => {
    expect(canOpen(OPEN_START)).toBe(false);
    expect(canOpen({ ...OPEN_START, source: ' \n' })).toBe(false);
    expect(canOpen({ ...OPEN_START, source: '#AQ' })).toBe(true);
    expect(canOpen({ ...OPEN_START, source: '#AQ', busy: true })).toBe(false);
  });
});
