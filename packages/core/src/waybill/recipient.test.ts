import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { formatRecipient } from './recipient.js';
import { getPlatform } from '../platform/index.js';
import type { OrderView, ReceiverView } from '../types.js';

// Property tests run 1,000+ cases; on a shared, loaded machine that can pass 5 s. No timing is
// asserted, so allow a minute.
vi.setConfig({ testTimeout: 60_000 });

const order = (
  platform: OrderView['platform'],
  receiver: ReceiverView,
  extra: Partial<OrderView> = {},
): OrderView => ({
  platform,
  shopId: 'demo',
  orderId: '3718000000000001',
  status: 'awaiting_shipment',
  createdAt: Date.parse('2026-11-01T02:00:00Z'),
  items: [{ name: '保温杯', quantity: 1 }],
  receiver,
  ...extra,
});

// Seed 002 (WeChat): the exact form the parcel must carry.
const seed: ReceiverView = {
  name: '张*',
  phone: '132****3639',
  address: '广东省广州市天河区花城广场888号',
  virtual: { main: '13476567876', ext: '3639' },
};

describe('formatRecipient: WeChat virtual number (seed 002)', () => {
  it('prints exactly the seed lines', () => {
    const r = formatRecipient(order('wechat', seed), 'wechat');
    expect(r).toMatchObject({
      ok: true,
      kind: 'virtual',
      lines: {
        name: '店小二(转3639)',
        phone: '13476567876',
        address: '广东省广州市天河区花城广场888号如需联系用户,请转3639',
        reference: '132****3639',
      },
      dialHint: '拨打13476567876,按提示输入分机号3639',
    });
  });
  it('can print the masked surname instead of 店小二', () => {
    const r = formatRecipient(order('wechat', seed), 'wechat', { nameStyle: 'masked' });
    expect(r.ok && r.kind === 'virtual' && r.lines.name).toBe('张*(转3639)');
  });
  it('takes a transient detailed address when the held one is masked', () => {
    const masked = { ...seed, address: '广东省广州市天河区****' };
    expect(formatRecipient(order('wechat', masked), 'wechat')).toMatchObject({
      ok: false,
      error: { code: 'address-masked' },
    });
    const r = formatRecipient(order('wechat', masked), 'wechat', {
      address: '广东省广州市天河区花城广场888号',
    });
    expect(r.ok && r.kind === 'virtual' && r.lines.address).toBe(
      '广东省广州市天河区花城广场888号如需联系用户,请转3639',
    );
  });
  it('reads a virtual number held in the phone field', () => {
    const r = formatRecipient(
      order('wechat', { phone: '13240968483-9647', address: '北京市朝阳区建国路1号' }),
      'wechat',
    );
    expect(r.ok && r.kind === 'virtual' && r.lines.phone).toBe('13240968483');
  });
  it('refuses an expired number: 14 days after receipt (China time)', () => {
    const receivedAt = Date.parse('2026-11-02T02:00:00Z');
    const o = order('wechat', seed, { receivedAt });
    expect(formatRecipient(o, 'wechat', { now: receivedAt + 3 * 86_400_000 }).ok).toBe(true);
    expect(formatRecipient(o, 'wechat', { now: receivedAt + 20 * 86_400_000 })).toMatchObject({
      ok: false,
      error: { code: 'virtual-expired' },
    });
  });
});

describe('formatRecipient: JD virtual number (seed 003)', () => {
  it('dials main, extension, then #', () => {
    const r = formatRecipient(order('jd', { ...seed, virtual: { main: '13240968483', ext: '9647' } }), 'jd');
    expect(r).toMatchObject({
      ok: true,
      kind: 'virtual',
      lines: { name: '店小二(转9647)', phone: '13240968483' },
      dialHint: '拨打13240968483,按提示输入分机号9647,再按#',
    });
    expect(r.ok && r.kind === 'virtual' && r.lines.address.endsWith('请转9647#')).toBe(true);
  });
});

describe('formatRecipient: ciphertext and refusals', () => {
  it('ciphertext: a component reference, ciphertext untouched, no plaintext lines', () => {
    const cipher = { name: '#ML3B#0BB1W4Xn5A=#1##', phone: '$1324$AAEC==$1$', address: '#广东#xyz=#1##' };
    const r = formatRecipient(order('douyin', { name: '张*', phone: '132****3639', cipher }), 'douyin');
    expect(r).toEqual({
      ok: true,
      kind: 'component',
      platform: 'douyin',
      component: 'douyin',
      orderId: '3718000000000001',
      cipher,
      // As the platform policy says (src/platform): the component's own print path.
      componentPrintsRealPhone: getPlatform('douyin')!.labelShowsRealPhone,
    });
  });
  it('JD ciphertext: the JD component prints the real phone itself', () => {
    const r = formatRecipient(order('jd', { cipher: { phone: 'JDcipher==' } }), 'jd');
    expect(r).toMatchObject({ ok: true, kind: 'component', component: 'jd', componentPrintsRealPhone: true });
  });
  it('masked-only: refused, a parcel to 张* cannot arrive', () => {
    const r = formatRecipient(
      order('douyin', { name: '张*', phone: '132****3639', address: '广东省广州市天河区****' }),
      'douyin',
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'masked-only' } });
    expect(!r.ok && r.error.message).toContain('张*');
  });
  it('malformed buyer phone: refused (no virtual number is issued for it)', () => {
    expect(formatRecipient(order('wechat', { name: '张*', phoneInvalid: true }), 'wechat')).toMatchObject({
      ok: false,
      error: { code: 'invalid-phone' },
    });
    expect(formatRecipient(order('wechat', { phone: '1324096848' }), 'wechat')).toMatchObject({
      ok: false,
      error: { code: 'invalid-phone' },
    });
  });
  it('refuses to put a real number on a self-printed label', () => {
    expect(formatRecipient(order('wechat', { phone: '13812345678' }), 'wechat')).toMatchObject({
      ok: false,
      error: { code: 'plaintext-phone' },
    });
  });
  it('refuses unknown platforms and mismatches', () => {
    expect(formatRecipient(order('wechat', seed), 'taobao')).toMatchObject({
      ok: false,
      error: { code: 'unknown-platform' },
    });
    expect(formatRecipient(order('wechat', seed), 'jd')).toMatchObject({
      ok: false,
      error: { code: 'platform-mismatch' },
    });
    expect(formatRecipient(null as unknown as OrderView, 'jd')).toMatchObject({ ok: false });
  });
});

const digits = (n: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([a, b]) => `1${a}${b}`);
const text = fc.string({ maxLength: 60 });
const receiverArb = fc.record(
  {
    name: fc.oneof(
      text,
      mobile.map((m) => `张${m}`),
    ),
    phone: fc.oneof(
      text,
      mobile,
      mobile.map((m) => `${m.slice(0, 3)}****${m.slice(7)}`),
    ),
    address: fc.oneof(
      text,
      mobile.map((m) => `广州市天河区${m}号`),
    ),
    virtual: fc.record({ main: mobile, ext: digits(4) }),
    cipher: fc.record({ name: text, phone: text, address: text }, { requiredKeys: [] }),
    phoneInvalid: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('formatRecipient properties', () => {
  it('never prints a buyer mobile: the only 11-digit number is the virtual main (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('wechat', 'jd', 'douyin'),
        receiverArb,
        fc.option(
          fc.oneof(
            text,
            mobile.map((m) => `深圳市南山区${m}`),
          ),
          { nil: undefined },
        ),
        (p, receiver, address) => {
          const r = formatRecipient(order(p, receiver), p, address === undefined ? {} : { address });
          if (!r.ok) {
            expect(typeof r.error.message).toBe('string');
            return;
          }
          if (r.kind === 'component') {
            expect(Object.keys(r)).not.toContain('lines');
            return;
          }
          const all = Object.values(r.lines).join('\n');
          for (const m of all.match(/(?<!\d)1[3-9]\d{9}(?!\d)/gu) ?? []) expect(m).toBe(r.virtual.main);
          // The extension is always on the name and the address line.
          expect(r.lines.name.endsWith(`(转${r.virtual.ext})`)).toBe(true);
          expect(r.lines.address).toContain(`请转${r.virtual.ext}`);
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('never throws on arbitrary receivers', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (receiver, p) => {
        const r = formatRecipient(order('wechat', receiver as ReceiverView), p);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatRecipient: hostile and inconsistent input (issue 14)', () => {
  it('a name that already ends in (转NNNN) carries the tag once', () => {
    for (const name of [
      '张*(转3639)',
      '张*（转3639）',
      '张*(转3639)(转3639)',
      '张* (转 3639) ',
      '张*(转1111)',
    ]) {
      const r = formatRecipient(order('wechat', { ...seed, name }), 'wechat', { nameStyle: 'masked' });
      expect(r.ok && r.kind === 'virtual' && r.lines.name, name).toBe('张*(转3639)');
    }
    const p = formatRecipient(order('wechat', seed), 'wechat', { placeholderName: '店小二(转3639)' });
    expect(p.ok && p.kind === 'virtual' && p.lines.name).toBe('店小二(转3639)');
    // Only a tag, nothing else: the placeholder is printed.
    const bare = formatRecipient(order('wechat', { ...seed, name: '(转3639)' }), 'wechat', {
      nameStyle: 'masked',
    });
    expect(bare.ok && bare.kind === 'virtual' && bare.lines.name).toBe('店小二(转3639)');
  });

  it('an address that already ends in the contact sentence carries it once', () => {
    for (const address of [
      '广东省广州市天河区花城广场888号如需联系用户,请转3639',
      '广东省广州市天河区花城广场888号如需联系用户，请转3639 ',
      '广东省广州市天河区花城广场888号如需联系用户,请转3639如需联系用户,请转3639',
    ]) {
      const r = formatRecipient(order('wechat', { ...seed, address }), 'wechat');
      expect(r.ok && r.kind === 'virtual' && r.lines.address, address).toBe(
        '广东省广州市天河区花城广场888号如需联系用户,请转3639',
      );
    }
    const only = formatRecipient(order('wechat', { ...seed, address: '如需联系用户,请转3639' }), 'wechat');
    expect(only).toMatchObject({ ok: false, error: { code: 'address-missing' } });
  });

  it('property: any number of tags after any name gives exactly one tag', () => {
    const body = fc
      .string({ minLength: 1, maxLength: 8 })
      .filter((s) => !/[转()（）*＊●•×\s]/u.test(s) && s.trim() !== '');
    const tag = fc.tuple(
      fc.constantFrom('(', '（'),
      fc.integer({ min: 0, max: 9999 }),
      fc.constantFrom(')', '）'),
    );
    fc.assert(
      fc.property(body, fc.array(tag, { maxLength: 4 }), (b, tags) => {
        const name = `${b}*${tags.map(([o, n, c]) => `${o}转${n}${c}`).join('')}`;
        const r = formatRecipient(order('wechat', { ...seed, name }), 'wechat', { nameStyle: 'masked' });
        expect(r.ok).toBe(true);
        if (!r.ok || r.kind !== 'virtual') return;
        expect(r.lines.name.match(/转/gu)?.length).toBe(1);
        expect(r.lines.name.endsWith('(转3639)')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('strips tags linearly on a 100,000-character name and address', () => {
    const name = `张*${'(转3639)'.repeat(14_000)}`;
    const address = `广东省广州市天河区${'如需联系用户,请转3639'.repeat(7_000)}`;
    expect(Math.min(name.length, address.length)).toBeGreaterThan(90_000);
    const r = formatRecipient(order('wechat', { ...seed, name, address }), 'wechat', { nameStyle: 'masked' });
    expect(r.ok && r.kind === 'virtual' && [r.lines.name, r.lines.address]).toEqual([
      '张*(转3639)',
      '广东省广州市天河区如需联系用户,请转3639',
    ]);
  });

  it('refuses a label when the order was received before it was created, with or without now', () => {
    const created = Date.parse('2026-11-05T02:00:00Z');
    const bad = order('wechat', seed, { createdAt: created, receivedAt: created - 86_400_000 });
    for (const opts of [{}, { now: created + 3_600_000 }])
      expect(formatRecipient(bad, 'wechat', opts)).toMatchObject({
        ok: false,
        error: { code: 'virtual-dates-invalid' },
      });
    // The platform's component prints a ciphertext order from its own data: routed there.
    const withCipher = order(
      'wechat',
      { ...seed, cipher: { phone: '$ML3B$0BB1W4Xn5A=$1$$' } },
      {
        createdAt: created,
        receivedAt: created - 1,
      },
    );
    expect(formatRecipient(withCipher, 'wechat')).toMatchObject({ ok: true, kind: 'component' });
    // Consistent dates still print.
    const good = order('wechat', seed, { createdAt: created, receivedAt: created + 1 });
    expect(formatRecipient(good, 'wechat', { now: created + 2 }).ok).toBe(true);
  });
});
