// Shared test fixtures for the waybill tests (not part of the public API).
import fc from 'fast-check';
import type { OrderView, ReceiverView } from '../types.js';
import type { LayoutOptions } from './layout.js';

/** The WeChat seed order (seed 002): 店小二(转3639), main number 13476567876. */
export const seedOrder: OrderView = {
  platform: 'wechat',
  shopId: 'demo',
  orderId: '3718000000000001',
  status: 'awaiting_shipment',
  createdAt: Date.parse('2026-11-01T02:00:00Z'),
  items: [
    { name: '不锈钢保温杯 500ml 象牙白', quantity: 2 },
    { name: '杯套', sku: '灰色', quantity: 1 },
  ],
  remark: '请周末送货',
  receiver: {
    name: '张*',
    phone: '132****3639',
    address: '广东省广州市天河区花城广场888号',
    region: { province: '广东省', city: '广州市', district: '天河区' },
    virtual: { main: '13476567876', ext: '3639' },
  },
};

/** Fixed layout options (a ZTO number, routing and the merchant's own sender block). */
export const seedOptions: LayoutOptions = {
  trackingNumber: '78901234567890',
  carrierName: '中通快递',
  routing: { bigPen: '粤-广州 天河', sortCode: '571-W08 00' },
  sender: { name: '示例小店', phone: '13800138000', address: '浙江省杭州市余杭区文一西路969号' },
  printedAt: Date.parse('2026-11-23T03:00:00Z'),
};

const digits = (n: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

/** A real-looking mainland mobile number. */
export const mobileArb = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([a, b]) => `1${a}${b}`);

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
const hostile = fc.constantFrom(
  '<script>alert(1)</script>',
  '&amp;',
  '"\'><',
  ']]>',
  '\u0000\u0007',
  '\ud800',
  '\n\r\t',
);
/** Free text: CJK, ASCII, markup, control characters, and buyer mobile numbers. */
export const textArb = fc
  .array(fc.oneof(cjk, cjk, fc.string({ maxLength: 6 }), hostile, mobileArb), { maxLength: 30 })
  .map((a) => a.join(''));

/** Orders that can be laid out (virtual number, detailed address), with hostile free text. */
export const printableOrderArb: fc.Arbitrary<OrderView> = fc
  .record({
    platform: fc.constantFrom('wechat' as const, 'jd' as const),
    main: mobileArb,
    ext: digits(4),
    name: textArb,
    phone: fc.oneof(
      mobileArb.map((m) => `${m.slice(0, 3)}****${m.slice(7)}`),
      fc.constant(undefined),
    ),
    address: textArb.map((t) => `广东省广州市天河区${t.replace(/[*＊●•×]/gu, '')}号`),
    items: fc.array(
      fc.record({ name: textArb, sku: fc.option(textArb, { nil: undefined }), quantity: fc.nat(99) }),
      { maxLength: 6 },
    ),
    remark: fc.option(textArb, { nil: undefined }),
    orderId: fc.string({ minLength: 1, maxLength: 24 }),
  })
  .map((o): OrderView => {
    const receiver: ReceiverView = {
      name: o.name,
      address: o.address,
      virtual: { main: o.main, ext: o.ext },
      ...(o.phone ? { phone: o.phone } : {}),
    };
    return {
      platform: o.platform,
      shopId: 's',
      orderId: o.orderId,
      status: 'awaiting_shipment',
      createdAt: 0,
      items: o.items,
      ...(o.remark !== undefined ? { remark: o.remark } : {}),
      receiver,
    };
  });

/** Waybill numbers as carriers issue them (letters + digits). */
export const trackingArb = fc
  .tuple(fc.constantFrom('', 'SF', 'YT', 'JT', 'ZT', 'JDX'), digits(12), fc.option(digits(3), { nil: '' }))
  .map(([a, b, c]) => `${a}${b}${c}`);
