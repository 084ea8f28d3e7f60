/**
 * The shape of a platform policy record. One record per platform lives in its own file
 * (`douyin.ts`, `wechat.ts`, `jd.ts`); adding a platform is adding a file and one line in
 * `registry.ts`. Every number here is a default the merchant may change (DOMAIN.md: open
 * questions become settings).
 * @module
 */
import type { Instant } from '../types.js';
import type { QuotaRule } from '../quota/rule.js';
import type { CipherShape } from '../classify/cipher-shapes.js';

/**
 * Display name in Chinese and English.
 * @example
 * const n: DisplayName = { zh: '视频号小店', en: 'WeChat Channels shop' };
 */
export interface DisplayName {
  readonly zh: string;
  readonly en: string;
}

/**
 * How the platform masks receiver fields on its back-office pages, as data.
 * @example
 * const style: MaskingStyle = {
 *   phone: { keepStart: 3, keepEnd: 4, maskChar: '*' },
 *   name: 'keep-surname', address: 'keep-region',
 *   examples: { phone: '132****3639', name: '张*', address: '广东省广州市天河区****' },
 * };
 */
export interface MaskingStyle {
  /** Mobile numbers: digits kept at the start and the end (3 + 4 on every known platform). */
  readonly phone: { readonly keepStart: number; readonly keepEnd: number; readonly maskChar: string };
  /** Names: the surname stays, the given name is masked. */
  readonly name: 'keep-surname';
  /** Addresses: province / city / district stay, the detail is masked. */
  readonly address: 'keep-region';
  /** Examples as the platform (or the seeds) show them. */
  readonly examples: { readonly phone?: string; readonly name?: string; readonly address?: string };
}

/**
 * One rule of how long a virtual number stays callable, as data. Durations are read in China
 * time (Asia/Shanghai); `virtualNumberValidity` interprets these records.
 * - `order`: valid from order creation until an end event (`completedAt`) or until `days` China
 *   calendar days after an event (`receivedAt`), through the end of that China day.
 * - `reobtain`: after `after`, a new number may be obtained for `withinMonths` calendar months;
 *   each obtained number is valid `validHours`.
 * - `after-sale`: an after-sales ticket gets a number valid `validHours` from `afterSaleAt`,
 *   renewable when it expires.
 * @example
 * const wechat: VirtualValidityRule = { kind: 'order', until: { event: 'receivedAt', days: 14 } };
 */
export type VirtualValidityRule =
  | {
      readonly kind: 'order';
      /** `days` omitted: the number ends exactly at `event`. */
      readonly until: { readonly event: 'receivedAt' | 'completedAt'; readonly days?: number };
    }
  | {
      readonly kind: 'reobtain';
      readonly after: 'completedAt';
      readonly withinMonths: number;
      readonly validHours: number;
    }
  | { readonly kind: 'after-sale'; readonly validHours: number; readonly renewable: boolean };

/**
 * Virtual-number ("11+4") rules of a platform.
 * @example
 * const jd: VirtualNumberPolicy = { issued: true, format: '11+4', dialSuffix: '#',
 *   sms: { supported: true, to: 'main', bodyTemplate: '#{ext}#{text}' }, validity: [] };
 */
export interface VirtualNumberPolicy {
  /** Whether the platform issues virtual numbers at all (per the seeds). */
  readonly issued: boolean;
  readonly format: '11+4';
  /** What to key after the extension (JD: `#`). */
  readonly dialSuffix: '' | '#';
  /** SMS through the virtual number. */
  readonly sms:
    | { readonly supported: true; readonly to: 'main'; readonly bodyTemplate: string }
    | { readonly supported: false; readonly reason: string };
  readonly validity: readonly VirtualValidityRule[];
  /** Free-form remarks from the seeds (e.g. "calls only", "cannot be switched off"). */
  readonly notes?: readonly string[];
}

/**
 * A rollout step: from `at` (a UTC instant), `what` applies to `scope`.
 * @example
 * const r: RolloutDate = { at: 1700409600000, chinaDate: '2023-11-20', what: 'all shops encrypted', scope: 'all' };
 */
export interface RolloutDate {
  readonly at: Instant;
  /** ISO date in China time, for display: `2023-11-20`. */
  readonly chinaDate: string;
  readonly what: string;
  readonly scope: 'gradual-start' | 'gradual-end' | 'all' | 'rule-change';
}

/**
 * Carrier codes shipmask knows (the common e-waybill codes).
 * @example
 * const c: CarrierCode = 'JTSD';
 */
export type CarrierCode =
  'JTSD' | 'STO' | 'YTO' | 'YUNDA' | 'ZTO' | 'SF' | 'JD' | 'EMS' | 'DBKD' | (string & {});

/**
 * An e-waybill carrier and how far the platform has connected it.
 * @example
 * const c: WaybillCarrier = { code: 'SF', name: { zh: '顺丰速运', en: 'SF Express' }, status: 'connecting' };
 */
export interface WaybillCarrier {
  readonly code: CarrierCode;
  readonly name: DisplayName;
  /** `ready`: usable today; `connecting`: being connected (seeds: WeChat, 2023-10). */
  readonly status: 'ready' | 'connecting';
}

/**
 * Protocol family of a local print component (request/response shapes are in src/print).
 * @example
 * const f: PrintProtocolFamily = 'cainiao';
 */
export type PrintProtocolFamily = 'cainiao' | 'jd' | 'wechat';

/**
 * Where a local print component listens, and which protocol it speaks.
 * @example
 * const c: PrintComponent = { id: 'jd', name: { zh: '京东打印组件', en: 'JD print component' }, family: 'jd', defaultPorts: [9113] };
 */
export interface PrintComponent {
  readonly id: string;
  readonly name: DisplayName;
  readonly family: PrintProtocolFamily;
  /**
   * Default local WebSocket ports (`ws://127.0.0.1:<port>`), first = plain, second = TLS where
   * there is one. User-changeable defaults, not constants.
   */
  readonly defaultPorts: readonly number[];
  /** WebSocket path the component serves (Kuaishou: `/ks/printer`); absent = `/`. */
  readonly path?: string;
  /** Where the merchant downloads it, when a seed names it. */
  readonly download?: string;
}

/**
 * The policy record of one platform.
 * @example
 * const p: PlatformPolicy | undefined = getPlatform('jd'); // p?.virtualNumber.dialSuffix === '#'
 */
export interface PlatformPolicy {
  readonly id: string;
  readonly name: DisplayName;
  readonly masking: MaskingStyle;
  /** Ciphertext shapes this platform emits in exports and open-platform APIs. */
  readonly cipher: readonly CipherShape[];
  readonly virtualNumber: VirtualNumberPolicy;
  /** Decrypt-quota rules (consumed by src/quota); defaults, changeable by the merchant. */
  readonly quota: readonly QuotaRule[];
  /** First-level categories whose orders are not encrypted. */
  readonly exemptCategories: readonly string[];
  readonly rollout: readonly RolloutDate[];
  /** E-waybill carriers on this platform. */
  readonly carriers: readonly WaybillCarrier[];
  /** The official print component the platform's e-waybills print through. */
  readonly printComponent: PrintComponent;
  /** Whether the printed label carries the real phone (JD: yes; the print path is trusted). */
  readonly labelShowsRealPhone: boolean;
  /** How to contact a buyer without a decrypt. */
  readonly contact: readonly string[];
  /** Other rules the seeds state that code does not act on, for display. */
  readonly notes?: readonly string[];
}
