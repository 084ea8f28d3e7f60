import fc from 'fast-check';
import { classifyField } from '../classify/classify-field.js';
import type { FieldForm } from '../types.js';
import { describe, expect, it } from 'vitest';
import {
  addressChange,
  addressFingerprint,
  MAX_SHOWN_ADDRESS,
  recordAddress,
  type ShownAddress,
} from './address-fingerprint.js';

const key = new Uint8Array(32).fill(3);
const masked: ShownAddress = { address: '广东省广州市天河区花城***', ext: '3639' };

describe('addressFingerprint', () => {
  it('is deterministic, keyed, and holds no address text', () => {
    const a = addressFingerprint(key, masked);
    expect(a).toEqual(addressFingerprint(key, { ...masked, address: ' 广东省广州市天河区花城***  ' }));
    expect(a.form).toBe('masked');
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/u);
    expect(addressFingerprint(new Uint8Array(32), masked).hash).not.toBe(a.hash);
    expect(JSON.stringify(a)).not.toContain('天河');
  });
  it('changes with the address, the region, the extension and the page marker', () => {
    const base = addressFingerprint(key, masked).hash;
    expect(addressFingerprint(key, { ...masked, address: '广东省广州市越秀区****' }).hash).not.toBe(base);
    expect(addressFingerprint(key, { ...masked, ext: '1234' }).hash).not.toBe(base);
    expect(addressFingerprint(key, { ...masked, changedMarker: true }).hash).not.toBe(base);
    expect(addressFingerprint(key, { ...masked, region: { district: '天河区' } }).hash).not.toBe(base);
  });
  it('a revealed address has another form', () => {
    expect(addressFingerprint(key, { address: '广东省广州市天河区花城广场888号' }).form).toBe('plain');
    expect(addressFingerprint(key, {}).form).toBe('empty');
  });
  it('refuses oversized text before hashing', () => {
    expect(addressFingerprint(key, { address: '广'.repeat(MAX_SHOWN_ADDRESS + 1) })).toEqual({
      form: 'invalid',
      hash: '',
    });
    expect(addressFingerprint(key, { address: 'a'.repeat(100_000) }).hash).toBe('');
    expect(addressFingerprint(key, null as unknown as ShownAddress).form).toBe('empty');
  });
});

describe('addressChange / recordAddress', () => {
  const fp = addressFingerprint(key, masked);
  const moved = addressFingerprint(key, { ...masked, address: '广东省深圳市南山区****' });
  const revealed = addressFingerprint(key, { address: '广东省广州市天河区花城广场888号' });
  it('same, changed, unknown', () => {
    const b = recordAddress(undefined, fp);
    expect(addressChange(b, fp)).toBe('same');
    expect(addressChange(b, moved)).toBe('changed');
    expect(addressChange(b, revealed)).toBe('unknown');
    expect(addressChange(undefined, fp)).toBe('unknown');
    expect(addressChange(b, addressFingerprint(key, {}))).toBe('unknown');
  });
  it('the first hash of a form stays (a change is never absorbed)', () => {
    const b = recordAddress(recordAddress(undefined, fp), moved);
    expect(addressChange(b, moved)).toBe('changed');
    const both = recordAddress(b, revealed);
    expect(Object.keys(both).sort()).toEqual(['masked', 'plain']);
    expect(recordAddress(both, revealed)).toBe(both);
  });
  it('recording is idempotent (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 4 }),
        fc.boolean(),
        (address, ext, m) => {
          const f = addressFingerprint(key, { address, ext, changedMarker: m });
          const once = recordAddress(undefined, f);
          return recordAddress(once, f) === once && addressChange(once, f) !== 'changed';
        },
      ),
    );
  });
});

describe('addressFingerprint with a classifier', () => {
  it('a remembered classifier gives the same fingerprints as the default (the caller classifies once)', () => {
    const key = new Uint8Array(32).fill(3);
    const seen = new Map<string, FieldForm>();
    let calls = 0;
    const remembered = (a: string): FieldForm => {
      const known = seen.get(a);
      if (known) return known;
      calls++;
      const f = classifyField(a, 'address').form;
      seen.set(a, f);
      return f;
    };
    const shown = [
      '广东省广州市天河区****',
      ' 广东省广州市天河区**** ',
      '北京市朝阳区建国路1号',
      '',
      '#abc#',
    ];
    for (const address of shown)
      expect(addressFingerprint(key, { address, ext: '12' }, remembered)).toEqual(
        addressFingerprint(key, { address, ext: '12' }),
      );
    // The whitespace-normalised text is what is classified: the two masked texts are one.
    expect(calls).toBe(3);
  });
});
