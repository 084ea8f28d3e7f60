import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from './canonical.js';
import { checkSyncDoc, docText, naturalKey, type SyncDoc } from './documents.js';
import { syncDocArb, T0 } from './fixtures.test-helper.js';

const shop = { platform: 'douyin', shopId: 's1' } as const;
const station = { id: 'st-1', label: '1' };

describe('checkSyncDoc', () => {
  it('accepts every valid document unchanged (property)', () => {
    fc.assert(
      fc.property(syncDocArb, (doc) => {
        const r = checkSyncDoc(JSON.parse(JSON.stringify(doc)));
        expect(r.ok).toBe(true);
        if (r.ok) expect(docText(r.doc)).toBe(docText(doc));
      }),
    );
  });

  it('drops unknown fields', () => {
    const r = checkSyncDoc({ kind: 'claim', shop, orderId: '42', at: T0, station, phone: '13812345678' });
    expect(r.ok && 'phone' in r.doc).toBe(false);
  });

  it('refuses bad documents with typed errors', () => {
    const code = (v: unknown): string | undefined => {
      const r = checkSyncDoc(v);
      return r.ok ? undefined : r.error.code;
    };
    expect(code(null)).toBe('not-an-object');
    expect(code([])).toBe('not-an-object');
    expect(code({ kind: 'toString' })).toBe('bad-kind');
    expect(
      code({ kind: 'claim', shop: { platform: 'taobao', shopId: 's' }, orderId: '1', at: T0, station }),
    ).toBe('bad-shop');
    expect(code({ kind: 'claim', shop, orderId: '1', at: -1, station })).toBe('bad-time');
    expect(code({ kind: 'claim', shop, orderId: '1', at: T0, station: { id: 'a b', label: '1' } })).toBe(
      'bad-station',
    );
    expect(code({ kind: 'claim', shop, orderId: '', at: T0, station })).toBe('bad-field');
    expect(
      code({ kind: 'journal', shop, orderId: '1', step: 'reprinted', entryId: 'e1', at: T0, station }),
    ).toBe('bad-field');
    expect(code({ kind: 'quotaEvent', shop, event: { type: 'granted', id: 'g', at: 0, amount: -1 } })).toBe(
      'bad-event',
    );
    expect(code({ kind: 'settings', shop, settings: { a: Number.NaN }, at: T0, station })).toBe('bad-field');
    expect(code({ kind: 'batchMark', shop, batchId: 'b1', mark: 'deleted', at: T0, station })).toBe(
      'bad-field',
    );
    expect(code({ kind: 'batchMark', shop, batchId: 'b 1', mark: 'revoked', at: T0, station })).toBe(
      'bad-field',
    );
    expect(code({ kind: 'supplierRules', shop, rules: { a: Number.NaN }, at: T0, station })).toBe(
      'bad-field',
    );
    expect(code({ kind: 'handoffConfig', config: () => 1, at: T0, station })).toBe('bad-field');
    expect(code({ kind: 'handoffConfig', at: T0, station })).toBe('bad-field');
  });
});

describe('naturalKey', () => {
  it('differs whenever the identity differs, and ignores non-identity fields (property)', () => {
    fc.assert(
      fc.property(syncDocArb, syncDocArb, (a, b) => {
        const same = naturalKey(a) === naturalKey(b);
        if (a.kind !== b.kind) expect(same).toBe(false);
        if (a.kind === 'claim' && b.kind === 'claim')
          expect(same).toBe(
            a.shop.platform === b.shop.platform && a.shop.shopId === b.shop.shopId && a.orderId === b.orderId,
          );
      }),
    );
  });

  it('treats a reused quota-event id with other content as another event', () => {
    const e = (amount: number): SyncDoc => ({
      kind: 'quotaEvent',
      shop,
      event: { type: 'granted', id: 'g1', at: T0, amount },
    });
    expect(naturalKey(e(1))).not.toBe(naturalKey(e(2)));
    expect(naturalKey(e(1))).toBe(naturalKey(e(1)));
  });

  it("keeps each station's batch mark its own set member, one per batch and mark", () => {
    const m = (mark: 'revoked' | 'shipFile', id: string, at: number): SyncDoc => ({
      kind: 'batchMark',
      shop,
      batchId: 'b1',
      mark,
      at,
      station: { id, label: id },
    });
    expect(naturalKey(m('revoked', 'st-1', T0))).toBe(naturalKey(m('revoked', 'st-1', T0 + 5)));
    expect(naturalKey(m('revoked', 'st-1', T0))).not.toBe(naturalKey(m('revoked', 'st-2', T0)));
    expect(naturalKey(m('revoked', 'st-1', T0))).not.toBe(naturalKey(m('shipFile', 'st-1', T0)));
  });

  it('keeps supplier rules one document per shop and hand-off settings one document', () => {
    const r = (x: number, id: string, shopId = 's1'): SyncDoc => ({
      kind: 'supplierRules',
      shop: { ...shop, shopId },
      rules: { version: 1, rules: [{ sku: `S${x}`, supplier: '厂' }] },
      at: T0 + x,
      station: { id, label: id },
    });
    expect(naturalKey(r(1, 'st-1'))).toBe(naturalKey(r(2, 'st-2')));
    expect(naturalKey(r(1, 'st-1'))).not.toBe(naturalKey(r(1, 'st-1', 's2')));
    const c = (baseUrl: string): SyncDoc => ({
      kind: 'handoffConfig',
      config: { baseUrl, suppliers: [] },
      at: T0,
      station,
    });
    expect(naturalKey(c('https://a.example/s.html'))).toBe(naturalKey(c('')));
  });

  it('keeps a settings document one document whatever it holds', () => {
    const s = (x: number): SyncDoc => ({
      kind: 'settings',
      shop,
      settings: { retentionDays: x },
      at: T0 + x,
      station,
    });
    expect(naturalKey(s(30))).toBe(naturalKey(s(90)));
  });
});

describe('docText (computed once per document)', () => {
  it('property: equals the canonical JSON of the document, whatever the kind, also on a second call', () => {
    fc.assert(
      fc.property(syncDocArb, (doc) => {
        const want = canonicalJson(doc as unknown as JsonValue);
        expect(docText(doc)).toBe(want);
        expect(docText(doc)).toBe(want);
        expect(docText(structuredClone(doc))).toBe(want);
      }),
    );
  });

  it('a quota-event document with an extra member is not composed from its parts', () => {
    const doc = {
      kind: 'quotaEvent',
      shop: { platform: 'jd', shopId: 's' },
      event: { type: 'granted', id: 'g', at: T0, amount: 1 },
      extra: 1,
    } as unknown as SyncDoc;
    expect(docText(doc)).toBe(canonicalJson(doc as unknown as JsonValue));
  });
});
