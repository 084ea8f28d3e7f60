import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePrintDataFile, renderLabelSvg, type OrderView, type PrintDataEntry } from '@shipmask/core';
import { componentContents, labelImageUrl, numberRange, planPrint } from './build';

const NOW = Date.UTC(2026, 10, 23, 2);
const base = (
  orderId: string,
  receiver: OrderView['receiver'],
  platform: OrderView['platform'] = 'wechat',
): OrderView => ({
  platform,
  shopId: 's',
  orderId,
  status: 'awaiting_shipment',
  createdAt: NOW - 3600_000,
  items: [{ name: '保温杯', quantity: 1 }],
  receiver,
});

const virtual = base('3718000000000001', {
  name: '张*',
  phone: '132****3639',
  address: '广东省广州市天河区****',
  virtual: { main: '13476567876', ext: '3639' },
});
const cipher = base(
  '6900000000000000001',
  {
    name: '张**',
    phone: '132****3639',
    cipher: { name: '#ML3B#0BB1W4Xn5A=#1##', address: '#ML3B#0BB1W4Xn5A=#1##' },
  },
  'douyin',
);
const masked = base('3718000000000002', { name: '李*', phone: '139****0000', address: '北京市朝阳区****' });

// Real-shaped Douyin print data for the cipher order (what 打单 software got from 取号).
const file = parsePrintDataFile(
  JSON.stringify({
    component: 'douyin',
    waybills: [
      {
        orderId: '6900000000000000001',
        waybillCode: '78901234567890',
        printData: JSON.stringify({
          encryptedData: 'AES:rU904rj6UH2oqfSUb43+Z+XlOkZaULeerkScS5xbmf',
          signature: '19d6f7759487e556ddcdd3d499af087080403277',
          templateURL: 'https://lf3-cm.ecombdstatic.com/obj/logistics-davinci/template/zto_76_130.xml',
          ver: '1',
        }),
        params: 'access_token=t&app_key=k&method=logistics.getShopKey&param_json={}&timestamp=1&v=2&sign=s',
      },
    ],
  }),
  'douyin',
);
const printData = new Map<string, PrintDataEntry>(file.ok ? file.entries.map((e) => [e.orderId, e]) : []);

describe('planPrint', () => {
  it('prints a merge group as one parcel: one label, one waybill number on every order (issue 18)', () => {
    const second = { ...virtual, orderId: '3718000000000009', items: [{ name: '杯盖', quantity: 2 }] };
    const plan = planPrint([second, masked, virtual], {
      carrier: 'ZTO',
      labelSize: '76x130',
      trackingNumbers: ['ZT1000', 'ZT1001'],
      addresses: new Map([[second.orderId, '广东省广州市天河区花城大道1号']]),
      merge: [[virtual.orderId, second.orderId]],
      now: NOW,
    });
    // The group's first order (by id) prints; the other rides on its label and number.
    expect(plan.browser.map((l) => [l.orderId, l.trackingNumber, l.mergedInto])).toEqual([
      [virtual.orderId, 'ZT1000', undefined],
      [second.orderId, 'ZT1000', virtual.orderId],
    ]);
    expect(plan.browser[0]!.label).toBe(plan.browser[1]!.label);
    // Every order id is in the label's custom area; the items of both are on it.
    const text = renderLabelSvg(plan.browser[0]!.label);
    expect(text).toContain(virtual.orderId);
    expect(text).toContain(second.orderId);
    // The masked-only order still goes to the platform's print; the number range is not used up.
    expect(plan.platform.map((p) => p.order.orderId)).toEqual([masked.orderId]);
  });

  it('a group that cannot share a label prints order by order', () => {
    const other = {
      ...virtual,
      orderId: '3718000000000010',
      receiver: { ...virtual.receiver, virtual: { main: '13900000000', ext: '1111' } },
    };
    const plan = planPrint([virtual, other], {
      carrier: 'ZTO',
      labelSize: '76x130',
      trackingNumbers: ['ZT1000', 'ZT1001'],
      addresses: new Map([
        [virtual.orderId, '广东省广州市天河区花城大道1号'],
        [other.orderId, '广东省广州市天河区花城大道1号'],
      ]),
      merge: [[virtual.orderId, other.orderId]],
      now: NOW,
    });
    expect(plan.browser.map((l) => [l.trackingNumber, l.mergedInto])).toEqual([
      ['ZT1000', undefined],
      ['ZT1001', undefined],
    ]);
  });

  it('splits labels, platform-print orders and refusals; the detailed address comes from memory only', () => {
    const addresses = new Map([['3718000000000001', '广东省广州市天河区花城广场888号']]);
    const plan = planPrint([virtual, cipher, masked], {
      carrier: 'ZTO',
      labelSize: '76x130',
      trackingNumbers: numberRange('78900000000001', 3),
      addresses,
      now: NOW,
    });
    expect(plan.browser.map((l) => [l.orderId, l.trackingNumber])).toEqual([
      ['3718000000000001', '78900000000001'],
    ]);
    // No print data: the ciphertext order goes to the platform's own print, never the component.
    expect(plan.component).toEqual([]);
    // So does the masked-only order: the platform prints its own orders from what it holds.
    expect(plan.platform.map((p) => p.order.orderId)).toEqual(['6900000000000000001', '3718000000000002']);
    expect(plan.refused).toEqual([]);
    const svg = renderLabelSvg(plan.browser[0]!.label);
    expect(svg).toContain('转3639');
    expect(svg).toContain('花城广场888号');
  });

  it('without the address a virtual-number order is refused (address-masked); without numbers: no-tracking-number', () => {
    const plan = planPrint([virtual, cipher], {
      carrier: 'ZTO',
      labelSize: '100x150',
      trackingNumbers: ['78900000000001'],
      addresses: new Map(),
      now: NOW,
    });
    // A virtual number with a masked address and no export: the platform's own print has the address.
    expect(plan.refused).toEqual([]);
    expect(plan.platform.map((p) => p.order.orderId)).toEqual(['3718000000000001', '6900000000000000001']);
    // Ciphertext orders need no number from the range (the platform's print or its print data has one).
    const none = planPrint([cipher, virtual], {
      carrier: 'ZTO',
      labelSize: '76x130',
      trackingNumbers: [],
      addresses: new Map([['3718000000000001', '广东省广州市天河区花城广场888号']]),
      now: NOW,
    });
    expect(none.platform).toHaveLength(1);
    expect(none.refused.map((r) => r.code)).toEqual(['no-tracking-number']);
    // A malformed phone stays refused: no print path can make the parcel reachable.
    const bad = planPrint([base('3718000000000003', { name: '王*', phone: '1391234', phoneInvalid: true })], {
      carrier: 'ZTO',
      labelSize: '76x130',
      trackingNumbers: ['78900000000001'],
      addresses: new Map(),
      now: NOW,
    });
    expect(bad.refused.map((r) => r.code)).toEqual(['invalid-phone']);
    expect(bad.platform).toEqual([]);
  });

  it('with real print data the order goes to the component, with the waybill number issued with it', () => {
    const plan = planPrint([cipher], {
      carrier: 'ZTO',
      labelSize: '76x130',
      trackingNumbers: ['78900000000001'],
      addresses: new Map(),
      printData,
      now: NOW,
    });
    expect(plan.platform).toEqual([]);
    expect(plan.component.map((c) => [c.order.orderId, c.trackingNumber])).toEqual([
      ['6900000000000000001', '78901234567890'],
    ]);
  });

  it('component documents are the print data untouched: never the order ciphertext or receiver text', () => {
    const entry = printData.get('6900000000000000001')!;
    const contents = componentContents(entry);
    expect(contents).toEqual([entry.content]);
    const json = JSON.stringify(contents);
    expect(json).toContain('"signature":"19d6f7759487e556ddcdd3d499af087080403277"');
    expect(json).toContain('logistics.getShopKey');
    expect(json).not.toContain('#ML3B#0BB1W4Xn5A=#1##');
    expect(json).not.toContain('132****3639');
    expect(json).not.toContain('张**');
  });

  it('label previews are <img> data URLs of the SVG (never parsed into the page)', () => {
    const plan = planPrint([virtual], {
      carrier: 'SF',
      labelSize: '76x130',
      trackingNumbers: ['SF1234567890'],
      addresses: new Map([['3718000000000001', '广东省广州市天河区花城广场888号']]),
      now: NOW,
    });
    const url = labelImageUrl(plan.browser[0]!.label);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(renderLabelSvg(plan.browser[0]!.label));
  });
});

describe('planPrint with a job', () => {
  it('labels only 待发货 orders: others are listed with their status, services say 无需发货, no number used', () => {
    const addresses = new Map([['3718000000000001', '广东省广州市天河区花城广场888号']]);
    const shipped = { ...virtual, orderId: '3718000000000011', status: 'shipped' } as const;
    const afterSale = { ...virtual, orderId: '3718000000000012', status: 'after_sale' } as const;
    const service = { ...virtual, orderId: '3718000000000013', category: '生活服务' };
    const printed = { ...virtual, orderId: '3718000000000014', status: 'printed' } as const;
    const plan = planPrint([shipped, afterSale, service, virtual, printed], {
      carrier: 'ZTO',
      labelSize: '76x130',
      trackingNumbers: ['78900000000001', '78900000000002'],
      addresses: new Map([...addresses, ['3718000000000014', '广东省广州市天河区花城广场888号']]),
      now: NOW,
    });
    // The two 待发货 orders (one already printed, not shipped) get the first two numbers.
    expect(plan.browser.map((b) => [b.orderId, b.trackingNumber])).toEqual([
      ['3718000000000001', '78900000000001'],
      ['3718000000000014', '78900000000002'],
    ]);
    expect(plan.refused).toEqual([
      expect.objectContaining({
        orderId: '3718000000000011',
        code: 'not-awaiting-shipment',
        status: 'shipped',
      }),
      expect.objectContaining({
        orderId: '3718000000000012',
        code: 'not-awaiting-shipment',
        status: 'after_sale',
      }),
      expect.objectContaining({ orderId: '3718000000000013', code: 'no-shipment-needed' }),
    ]);
  });

  it("keeps each order's waybill number even when an earlier order is refused", () => {
    const addresses = new Map([['3718000000000001', '广东省广州市天河区花城广场888号']]);
    const plan = planPrint([masked, virtual], {
      carrier: 'ZTO',
      labelSize: '76x130',
      trackingNumbers: [],
      trackingByOrder: new Map([
        ['3718000000000002', '78900000000001'],
        ['3718000000000001', '78900000000002'],
      ]),
      addresses,
      now: NOW,
    });
    expect(plan.browser[0]!.trackingNumber).toBe('78900000000002');
  });
});

describe('numberRange', () => {
  it('counts up keeping width and letter prefix', () => {
    expect(numberRange('78900000000098', 3)).toEqual(['78900000000098', '78900000000099', '78900000000100']);
    expect(numberRange('JDVA0009', 2)).toEqual(['JDVA0009', 'JDVA0010']);
    expect(numberRange('abc', 2)).toEqual([]);
    expect(numberRange('123', 0)).toEqual([]);
  });

  it('property: n distinct numbers, each one more than the last', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 1, max: 50 }), (start, n) => {
        const r = numberRange(start.toString(), n);
        expect(r).toHaveLength(n);
        expect(new Set(r).size).toBe(n);
        r.forEach((x, i) => expect(BigInt(x)).toBe(start + BigInt(i)));
      }),
      { numRuns: 1000 },
    );
  });
});
