/**
 * Carrier names in each platform's files. Bulk-ship imports (批量发货) match the carrier by the
 * platform's own name, so a code (`ZTO`) is written as that platform's name, and names read
 * from exports are mapped back to codes.
 *
 * Sources: WeChat shop API `deliverycompanylist/get` (delivery_id → name: 中通 ZTO, 圆通 YTO,
 * 韵达 YUNDA, 极兔 JTSD, 申通 STO, 顺丰 SF, 京东 JD, 中国邮政 EMS, 德邦快递 DBKD); the common
 * full names used by Douyin's logistics list and tracking services (中通快递, 圆通速递, 韵达快递,
 * 极兔速递, 申通快递, 顺丰速运, 京东快递, 邮政快递包裹, 德邦快递). JD's list was not found in
 * public material; its defaults are the JD back-office's usual names and can be overridden.
 * @module
 */
import type { PlatformId } from '../types.js';

/** The carriers shipmask writes into bulk-ship files. */
export type ShipCarrierCode = 'ZTO' | 'YTO' | 'YUNDA' | 'JTSD' | 'STO' | 'SF' | 'JD' | 'EMS' | 'DBKD';

/**
 * Each platform's name per carrier code.
 * @example
 * shipCarrierNames.wechat.ZTO; // '中通'
 * shipCarrierNames.douyin.ZTO; // '中通快递'
 */
export const shipCarrierNames: Readonly<Record<PlatformId, Readonly<Record<ShipCarrierCode, string>>>> = {
  douyin: {
    ZTO: '中通快递',
    YTO: '圆通速递',
    YUNDA: '韵达快递',
    JTSD: '极兔速递',
    STO: '申通快递',
    SF: '顺丰速运',
    JD: '京东快递',
    EMS: '邮政快递包裹',
    DBKD: '德邦快递',
  },
  wechat: {
    ZTO: '中通',
    YTO: '圆通',
    YUNDA: '韵达',
    JTSD: '极兔',
    STO: '申通',
    SF: '顺丰',
    JD: '京东',
    EMS: '中国邮政',
    DBKD: '德邦快递',
  },
  jd: {
    ZTO: '中通快递',
    YTO: '圆通快递',
    YUNDA: '韵达快递',
    JTSD: '极兔速递',
    STO: '申通快递',
    SF: '顺丰快递',
    JD: '京东快递',
    EMS: '邮政快递包裹',
    DBKD: '德邦快递',
  },
};

/** Names and aliases → code (all platforms' names, short names and codes in other spellings). */
const ALIASES: ReadonlyMap<string, ShipCarrierCode> = (() => {
  const m = new Map<string, ShipCarrierCode>();
  for (const names of Object.values(shipCarrierNames)) {
    for (const [code, name] of Object.entries(names)) m.set(name, code as ShipCarrierCode);
  }
  const extra: [string, ShipCarrierCode][] = [
    ['中通速递', 'ZTO'],
    ['圆通快递', 'YTO'],
    ['韵达速递', 'YUNDA'],
    ['极兔快递', 'JTSD'],
    ['J&T', 'JTSD'],
    ['JT', 'JTSD'],
    ['JTEXPRESS', 'JTSD'],
    ['申通速递', 'STO'],
    ['顺丰快递', 'SF'],
    ['顺丰速递', 'SF'],
    ['京东物流', 'JD'],
    ['JDL', 'JD'],
    ['邮政', 'EMS'],
    ['中国邮政速递物流', 'EMS'],
    ['EMS快递', 'EMS'],
    ['邮政EMS', 'EMS'],
    ['德邦', 'DBKD'],
    ['德邦物流', 'DBKD'],
    ['DB', 'DBKD'],
    ['DBL', 'DBKD'],
    ['YD', 'YUNDA'],
  ];
  for (const [name, code] of extra) m.set(name, code);
  for (const code of Object.keys(shipCarrierNames.douyin)) m.set(code, code as ShipCarrierCode);
  return m;
})();

/**
 * Read a carrier name or code (any platform's wording, any case) into a code.
 * @example
 * readCarrier('中通快递'); // 'ZTO'
 * readCarrier('极兔'); // 'JTSD'
 * readCarrier('yto'); // 'YTO'
 * readCarrier('某某物流'); // undefined
 */
export function readCarrier(text: string): ShipCarrierCode | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  if (t === '' || t.length > 32) return undefined;
  return ALIASES.get(t) ?? ALIASES.get(t.toUpperCase());
}
