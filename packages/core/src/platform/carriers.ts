/**
 * E-waybill carriers with their common codes and Chinese names. Platform records pick from here
 * and set the connection status the seeds report.
 * @module
 */
import type { DisplayName } from './types.js';

/**
 * Carrier display names by code (codes as used by the common e-waybill services).
 * @example
 * carrierNames.JTSD.zh; // '极兔速递'
 */
export const carrierNames = {
  JTSD: { zh: '极兔速递', en: 'J&T Express' },
  STO: { zh: '申通快递', en: 'STO Express' },
  YTO: { zh: '圆通速递', en: 'YTO Express' },
  YUNDA: { zh: '韵达快递', en: 'Yunda Express' },
  ZTO: { zh: '中通快递', en: 'ZTO Express' },
  SF: { zh: '顺丰速运', en: 'SF Express' },
  JD: { zh: '京东快递', en: 'JD Logistics' },
  EMS: { zh: '中国邮政', en: 'China Post / EMS' },
  DBKD: { zh: '德邦快递', en: 'Deppon Express' },
} as const satisfies Record<string, DisplayName>;

/**
 * A carrier code present in `carrierNames`.
 * @example
 * const c: KnownCarrierCode = 'YUNDA';
 */
export type KnownCarrierCode = keyof typeof carrierNames;
