// Test fixtures of the hand-off area: a deterministic random source, a small realistic batch,
// and fast-check arbitraries of batches in the checked normal form (what `checkBatch` returns).
import fc from 'fast-check';
import type { HandoffBatch, HandoffOrder, HandoffReceiver } from './types.js';

/** Deterministic "random" bytes: a counter stream, so sealed output is reproducible. */
export function counterRandom(start = 0): (n: number) => Uint8Array {
  let c = start;
  return (n) => {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = c++ & 255;
    return b;
  };
}

/** Real randomness for property tests. */
export const realRandom = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

export const T0 = Date.UTC(2026, 10, 23, 2); // 2026-11-23 10:00 China time
export const WEEK = 7 * 86_400_000;

/** Two orders: a WeChat virtual-number one and a Douyin-style ciphertext one. */
export function smallBatch(): HandoffBatch {
  return {
    shop: '禾木生活馆',
    platform: 'wechat',
    batchId: 'q3Zk8Jd0WcLm',
    createdAt: T0,
    expiresAt: T0 + WEEK,
    orders: [
      {
        orderId: '3718000000000001234',
        items: [{ name: '304不锈钢保温杯 500ml 黑色', sku: 'SM-001-A', quantity: 2 }],
        remark: '不要放快递柜',
        receiver: {
          name: '张*',
          phone: '132****3639',
          address: '广东省广州市天河区****',
          virtual: { main: '13476567876', ext: '3639' },
        },
        carrier: 'ZTO',
      },
      {
        orderId: '3718000000000001235',
        items: [
          { name: '纯棉毛巾 3条装', quantity: 1 },
          { name: '304不锈钢保温杯 500ml 黑色', sku: 'SM-001-A', quantity: 1 },
        ],
        receiver: {
          name: '欧阳*',
          cipher: {
            name: '#ML3B#0BB1W4Xn5AbCdEfGh1234=#1##',
            phone: '$$9Uq0Xr2bTz1Kc8Yw4Lm7Pn==$1$$',
            address: '#KQ7D#Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA==#1##',
          },
        },
      },
    ],
  };
}

const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`, 'u'));
const b64body = fc.stringMatching(/^[A-Za-z0-9+/]{8,120}={0,2}$/u);
const indexToken = fc.stringMatching(/^[A-Z0-9]{0,6}$/u);

/** Douyin-shaped ciphertext: `#idx#body#1##` or `$idx$body$1$$`. */
export const cipherArb = (sep: '#' | '$') =>
  fc.tuple(indexToken, b64body).map(([i, b]) => `${sep}${i}${sep}${b}${sep}1${sep}${sep}`);

const maskedPhone = fc.tuple(fc.integer({ min: 30, max: 99 }), digits(4)).map(([p, d]) => `1${p}****${d}`);
const virtualArb = fc
  .tuple(fc.integer({ min: 3, max: 9 }), digits(9), digits(4))
  .map(([s, rest, ext]) => ({ main: `1${s}${rest}`, ext }));
const maskedName = fc.constantFrom('张*', '李*', '欧阳*', '王**', '店小二(转3639)');
const maskedAddress = fc.constantFrom(
  '广东省广州市天河区****',
  '北京市朝阳区****',
  '浙江省金华市义乌市****',
  '四川省成都市武侯区****',
  '****',
);
/** Free text without digits (so it can hold no phone number by construction). */
const words = fc.oneof(
  fc.constantFrom('保温杯', '纯棉毛巾 3条装', '手机壳 iPhone 15', '零食大礼包 1kg', 'T恤 XL 黑色', ''),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[0-9０-９]/gu, '')),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/[0-9０-９]/gu, '')),
);
const nonEmptyWords = words.filter((s) => s.trim() !== '');

const receiverArb: fc.Arbitrary<HandoffReceiver> = fc
  .record(
    {
      name: maskedName,
      phone: maskedPhone,
      address: maskedAddress,
      virtual: virtualArb,
      cipher: fc.record(
        { name: cipherArb('#'), phone: cipherArb('$'), address: cipherArb('#') },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  )
  .map((r) => {
    const out: { -readonly [K in keyof HandoffReceiver]: HandoffReceiver[K] } = { ...r };
    if (r.cipher && Object.keys(r.cipher).length === 0) delete out.cipher;
    return out;
  });

const orderIdArb = fc.oneof(
  digits(19),
  digits(12).map((d) => `3${d.slice(1)}`),
  digits(16).map((d) => `0${d.slice(1)}`),
  fc.stringMatching(/^[A-Za-z0-9-]{1,30}$/u),
);

const orderArb = (id: fc.Arbitrary<string>): fc.Arbitrary<HandoffOrder> =>
  fc
    .record({
      orderId: id,
      items: fc.array(
        fc.record(
          {
            name: nonEmptyWords,
            sku: fc.stringMatching(/^[A-Z]{2}-[A-Z0-9-]{1,10}$/u),
            quantity: fc.integer({ min: 1, max: 1_000_000 }),
          },
          { requiredKeys: ['name', 'quantity'] },
        ),
        { minLength: 1, maxLength: 3 },
      ),
      remark: words,
      receiver: receiverArb,
      carrier: fc.constantFrom('', 'ZTO', 'YTO', 'SF', '极兔速递'),
      platformRoute: fc.boolean(),
    })
    .map((o) => ({
      orderId: o.orderId,
      items: o.items,
      ...(o.remark.trim() !== '' ? { remark: o.remark } : {}),
      receiver: o.receiver,
      ...(o.carrier !== '' ? { carrier: o.carrier } : {}),
      ...(o.platformRoute ? { route: 'platform-dropship' as const } : {}),
    }));

/** Random batches of 0–`maxOrders` orders with unique order ids, in checked normal form. */
export const batchArb = (maxOrders = 6): fc.Arbitrary<HandoffBatch> =>
  fc
    .record({
      shop: words,
      platform: fc.constantFrom('douyin', 'wechat', 'jd'),
      batchId: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/u),
      createdAt: fc.integer({ min: 0, max: 2 ** 47 }),
      ttl: fc.integer({ min: 1, max: 2 ** 40 }),
      sameShape: fc.boolean(),
      orders: fc.uniqueArray(orderArb(orderIdArb), { maxLength: maxOrders, selector: (o) => o.orderId }),
      sequential: fc.uniqueArray(orderArb(digits(19)), { maxLength: maxOrders, selector: (o) => o.orderId }),
      note: fc.option(words, { nil: undefined }),
    })
    .map((b) => ({
      shop: b.shop,
      platform: b.platform,
      batchId: b.batchId,
      createdAt: b.createdAt,
      expiresAt: b.createdAt + b.ttl,
      orders: b.sameShape ? b.sequential : b.orders,
      ...(b.note !== undefined && b.note !== '' ? { note: b.note } : {}),
    }));
