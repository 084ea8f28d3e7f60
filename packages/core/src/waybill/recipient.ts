/**
 * `formatRecipient(order, platform)`: the recipient, phone and address lines a label must carry
 * for the data form the merchant holds, or the reason no label can be printed.
 *
 * Rules (DOMAIN.md, seeds 002 and 003):
 * - WeChat virtual number (seed 002, "发货时请按照以下格式"): 收件人 `店小二(转3639)`, 收件电话 = the
 *   11-digit main number, 收件地址 = address + `如需联系用户,请转3639`, 用户脱敏号码 = the masked real
 *   number, for reference only. Couriers dial the main number, then the extension.
 * - JD virtual number (seed 003): dial the main number, then the 4-digit extension, then `#`.
 * - Ciphertext: no plaintext line at all; the platform's official print component prints the
 *   label from the encrypted print data, so the result is a reference to that path.
 * - Masked only (`张*`, `132****3639`): refused; a parcel addressed like that cannot arrive.
 * - Malformed buyer phone (no virtual number is issued for it), an expired virtual number, or
 *   order dates that contradict each other (receipt before creation: `virtual-dates-invalid`):
 *   refused with the reason.
 * - A name or address that already ends in its extension tag (`张*(转3639)`,
 *   `…如需联系用户,请转3639`) carries it once, not twice.
 * The detailed address may come in as a transient print-time argument (`options.address`, e.g.
 * from a counted decrypt); it is used for this label only and never returned in a stored shape.
 * @module
 */
import { classifyField } from '../classify/index.js';
import { cleanLine } from './clean.js';
import { resolvePlatform, type PlatformRef } from '../platform/index.js';
import { virtualNumberValidity } from '../virtual/index.js';
import type { Instant, OrderView, PlatformId, VirtualNumber } from '../types.js';

/** Why a recipient cannot be printed. */
export type RecipientErrorCode =
  | 'unknown-platform'
  | 'platform-mismatch'
  | 'no-receiver'
  | 'masked-only'
  | 'invalid-phone'
  | 'invalid-virtual'
  | 'virtual-expired'
  | 'virtual-dates-invalid'
  | 'address-missing'
  | 'address-masked'
  | 'plaintext-phone';

/** A typed refusal. */
export interface RecipientError {
  readonly code: RecipientErrorCode;
  /** Chinese message for the merchant. */
  readonly message: string;
}

/** The printed lines of a virtual-number recipient. */
export interface RecipientLines {
  /** 收件人, e.g. `店小二(转3639)`. */
  readonly name: string;
  /** 收件电话: the 11-digit main number of the virtual number. */
  readonly phone: string;
  /** 收件地址 with the contact suffix, e.g. `…888号如需联系用户,请转3639`. */
  readonly address: string;
  /** 用户脱敏号码: the masked real number, for reference only (absent when not held masked). */
  readonly reference?: string;
}

/** Parts of the lines that wrapping and trimming must keep whole. */
export interface RecipientProtected {
  /** Name part that may be trimmed (`店小二`) and the protected tail (`(转3639)`). */
  readonly name: { readonly body: string; readonly suffix: string };
  /** Address body that may be trimmed and the protected contact suffix. */
  readonly address: { readonly body: string; readonly suffix: string };
}

/** What the label must carry. */
export type FormattedRecipient =
  | {
      readonly ok: true;
      readonly kind: 'virtual';
      readonly platform: PlatformId;
      readonly lines: RecipientLines;
      readonly parts: RecipientProtected;
      readonly virtual: VirtualNumber;
      /** How a courier reaches the buyer, in words, e.g. `拨打13476567876,按提示输入分机号3639`. */
      readonly dialHint: string;
    }
  | {
      readonly ok: true;
      readonly kind: 'component';
      readonly platform: PlatformId;
      /** Id of the print component that prints this label (`douyin`, `jd`, `wechat`, …). */
      readonly component: string;
      readonly orderId: string;
      /** The ciphertext fields, passed through untouched (never decrypted here). */
      readonly cipher: { readonly name?: string; readonly phone?: string; readonly address?: string };
      /** JD: the component prints the real phone itself (trusted print path). */
      readonly componentPrintsRealPhone: boolean;
    }
  | { readonly ok: false; readonly error: RecipientError };

/** Options of {@link formatRecipient}. */
export interface RecipientOptions {
  /**
   * Name printed before `(转NNNN)`: `placeholder` (default; WeChat's seed form `店小二`) or
   * `masked` (the masked name as held, e.g. `张*`, falling back to the placeholder).
   */
  readonly nameStyle?: 'placeholder' | 'masked';
  /** Placeholder name; default `店小二` (seed 002). */
  readonly placeholderName?: string;
  /** Detailed address for this print only (transient, e.g. from a counted decrypt). */
  readonly address?: string;
  /** Current instant; when given, an expired virtual number is refused. */
  readonly now?: Instant;
  /** Which path wins when both a virtual number and ciphertext are held. Default `virtual`. */
  readonly prefer?: 'virtual' | 'component';
}

/** Label field limits in characters (see README "Waybills and labels"). */
export const RECIPIENT_LIMITS = {
  /** Name body before `(转NNNN)`; longer names are cut with `…`. */
  nameChars: 12,
  /** Address body before the contact suffix; longer addresses are cut with `…`. */
  addressChars: 120,
} as const;

/** Default placeholder name (seed 002: `店小二(转3639)`). */
export const DEFAULT_PLACEHOLDER_NAME = '店小二';

const fail = (code: RecipientErrorCode, message: string): FormattedRecipient => ({
  ok: false,
  error: { code, message },
});

const cut = (s: string, max: number): string => {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max - 1).join('') + '…';
};

/** Control characters and line breaks never reach a label line. */
const clean = cleanLine;

const isMasked = (s: string): boolean => /[*＊●•×]/u.test(s);

// A `(转NNNN)` extension tag at the end of a name (ASCII or full-width brackets). No leading
// `\s*`: trailing space is trimmed first, so the match is linear (tested on 100k characters).
const NAME_EXT_TAG = /[(（]\s?转\s?\d{1,8}\s?#?\s?[)）]$/u;
// The contact sentence at the end of an address: `如需联系用户,请转3639` (`,` or `，`, optional `#`).
const ADDRESS_EXT_TAG = /如需联系用户[,，]?\s?请转\s?\d{1,8}#?$/u;

/**
 * Remove extension tags already at the end of a text, so the label adds exactly one: a masked
 * name the platform shows as `张*(转3639)`, or an export's address that already ends in
 * `如需联系用户,请转3639`, must not print the tag twice.
 */
function stripTags(text: string, tag: RegExp): string {
  // Tags are at most ~20 characters: each step looks at the last 24 only, and the end moves left,
  // so the whole strip is linear in the text's length.
  const t = text;
  let end = t.trimEnd().length;
  for (;;) {
    const from = Math.max(0, end - 24);
    const m = tag.exec(t.slice(from, end));
    if (m === null || m[0].length === 0) break;
    end = from + m.index;
    while (end > 0 && /\s/u.test(t.charAt(end - 1))) end--;
  }
  return t.slice(0, end);
}

// An 11-digit mainland mobile number not inside a longer digit run (linear: fixed-width body).
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/gu;

/**
 * Masks every mobile number found in free text (3 + 4 kept), except `keep` (the platform's own
 * virtual main number). A buyer's number typed into the address must not reach a label.
 */
const maskMobiles = (s: string, keep: string): string =>
  s.replace(MOBILE_IN_TEXT, (m) => (m === keep ? m : `${m.slice(0, 3)}****${m.slice(7)}`));

/**
 * The recipient lines a label must carry, or a typed refusal. Never throws.
 * @example
 * formatRecipient(
 *   { platform: 'wechat', shopId: 's', orderId: '1', status: 'awaiting_shipment', createdAt: 0, items: [],
 *     receiver: { name: '张*', phone: '132****3639', address: '广东省广州市天河区花城广场888号',
 *                 virtual: { main: '13476567876', ext: '3639' } } },
 *   'wechat',
 * );
 * // { ok: true, kind: 'virtual', lines: { name: '店小二(转3639)', phone: '13476567876',
 * //   address: '广东省广州市天河区花城广场888号如需联系用户,请转3639', reference: '132****3639' }, … }
 */
export function formatRecipient(
  order: OrderView,
  platform: PlatformRef,
  options: RecipientOptions = {},
): FormattedRecipient {
  const policy = resolvePlatform(platform);
  if (!policy) return fail('unknown-platform', '未知平台,无法确定面单格式。');
  const platformId = policy.id as PlatformId;
  if (!order || typeof order !== 'object' || !order.receiver || typeof order.receiver !== 'object') {
    return fail('no-receiver', '订单没有收货信息。');
  }
  if (order.platform !== platformId) {
    return fail('platform-mismatch', `订单属于${order.platform},不是${policy.name.zh}。`);
  }
  const r = order.receiver;
  const cipher = r.cipher ?? {};
  const hasCipher = [cipher.name, cipher.phone, cipher.address].some(
    (v) => typeof v === 'string' && v.length > 0,
  );
  const component: FormattedRecipient = {
    ok: true,
    kind: 'component',
    platform: platformId,
    component: policy.printComponent.id,
    orderId: String(order.orderId),
    cipher: {
      ...(cipher.name ? { name: cipher.name } : {}),
      ...(cipher.phone ? { phone: cipher.phone } : {}),
      ...(cipher.address ? { address: cipher.address } : {}),
    },
    componentPrintsRealPhone: policy.labelShowsRealPhone,
  };

  // A malformed buyer phone gets no virtual number (seed 002): nobody can be called.
  const phoneClass = typeof r.phone === 'string' ? classifyField(r.phone, 'phone') : undefined;
  if (r.phoneInvalid === true || (phoneClass?.form === 'invalid' && !r.virtual)) {
    return fail(
      'invalid-phone',
      '买家手机号格式错误,平台不会生成虚拟号,快递员无法联系收件人;请先通过平台客服或站内信联系买家更正。',
    );
  }

  const virtual = r.virtual ?? (phoneClass?.form === 'virtual' ? phoneClass.virtual : undefined);
  if (hasCipher && (options.prefer === 'component' || !virtual)) return component;

  if (virtual) {
    const main = String(virtual.main ?? '');
    const ext = String(virtual.ext ?? '');
    if (!/^1\d{10}$/u.test(main) || !/^\d{4}$/u.test(ext)) {
      return hasCipher ? component : fail('invalid-virtual', '虚拟号格式不是 11 位主号 + 4 位分机号。');
    }
    // Dates that contradict each other (receipt before creation, a non-finite instant) leave the
    // number's validity unknown: refused, whether or not `now` was given.
    const consistency = virtualNumberValidity(
      policy,
      {
        createdAt: order.createdAt,
        ...(order.receivedAt !== undefined ? { receivedAt: order.receivedAt } : {}),
        ...(order.completedAt !== undefined ? { completedAt: order.completedAt } : {}),
      },
      typeof options.now === 'number' && Number.isFinite(options.now) ? options.now : order.createdAt,
    );
    if (consistency.state === 'invalid') {
      if (hasCipher) return component;
      return fail(
        'virtual-dates-invalid',
        `订单日期不一致(${consistency.reason}),无法判断虚拟号是否有效;请核对订单后再打印。`,
      );
    }
    if (options.now !== undefined) {
      const validity = virtualNumberValidity(
        policy,
        {
          createdAt: order.createdAt,
          ...(order.receivedAt !== undefined ? { receivedAt: order.receivedAt } : {}),
          ...(order.completedAt !== undefined ? { completedAt: order.completedAt } : {}),
        },
        options.now,
      );
      if (validity.state === 'expired' || validity.state === 'reobtainable') {
        if (hasCipher) return component;
        return fail(
          'virtual-expired',
          validity.state === 'reobtainable'
            ? '虚拟号已失效,请在平台重新获取虚拟号后再打印。'
            : '虚拟号已失效,快递员无法通过它联系收件人。',
        );
      }
    }
    const rawAddress = stripTags(
      clean(typeof options.address === 'string' ? options.address : (r.address ?? '')),
      ADDRESS_EXT_TAG,
    );
    if (rawAddress === '') {
      return fail('address-missing', '没有收件地址,无法打印面单。');
    }
    if (isMasked(rawAddress)) {
      return fail(
        'address-masked',
        '收件地址是脱敏的(含*),包裹无法送达;请用平台电子面单打印,或在打印时临时查看完整地址。',
      );
    }
    const hashSuffix = policy.virtualNumber.dialSuffix === '#' ? '#' : '';
    const maskedName = clean(r.name ?? '');
    const placeholder =
      stripTags(clean(options.placeholderName ?? DEFAULT_PLACEHOLDER_NAME), NAME_EXT_TAG) ||
      DEFAULT_PLACEHOLDER_NAME;
    const heldName = stripTags(maskedName, NAME_EXT_TAG);
    const nameBody = cut(
      maskMobiles(options.nameStyle === 'masked' && heldName !== '' ? heldName : placeholder, ''),
      RECIPIENT_LIMITS.nameChars,
    );
    const nameSuffix = `(转${ext})`;
    const addressBody = cut(maskMobiles(rawAddress, main), RECIPIENT_LIMITS.addressChars);
    const addressSuffix = `如需联系用户,请转${ext}${hashSuffix}`;
    const reference = phoneClass?.form === 'masked' && r.phone ? clean(r.phone) : undefined;
    return {
      ok: true,
      kind: 'virtual',
      platform: platformId,
      lines: {
        name: nameBody + nameSuffix,
        phone: main,
        address: addressBody + addressSuffix,
        ...(reference ? { reference } : {}),
      },
      parts: {
        name: { body: nameBody, suffix: nameSuffix },
        address: { body: addressBody, suffix: addressSuffix },
      },
      virtual: { main, ext },
      dialHint:
        hashSuffix === '#'
          ? `拨打${main},按提示输入分机号${ext},再按#`
          : `拨打${main},按提示输入分机号${ext}`,
    };
  }

  if (phoneClass?.form === 'plain') {
    return fail(
      'plaintext-phone',
      '收件电话是明文号码;shipmask 不把买家真实号码印在自制面单上,请使用平台电子面单打印。',
    );
  }
  if (phoneClass?.form === 'masked' || isMasked(r.name ?? '') || isMasked(r.address ?? '')) {
    return fail(
      'masked-only',
      '只有脱敏信息(如 张* / 132****3639),包裹无法送达;请使用平台电子面单和官方打印组件,或获取虚拟号。',
    );
  }
  return fail('no-receiver', '没有可用的收件信息(虚拟号、密文或脱敏信息都没有)。');
}
