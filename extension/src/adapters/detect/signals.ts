import { classifyField, maskAddress } from '@shipmask/core';

/** What one piece of page text says about an order, for content-based detection. */
export type ReceiverKind = 'phone' | 'name' | 'address';

/** A receiver value found inside one text: its kind, its form, and where it sits in the text. */
export interface ReceiverSignal {
  readonly kind: ReceiverKind;
  /** `masked`, `virtual` or `ciphertext` (core's `classifyField` forms). */
  readonly form: 'masked' | 'virtual' | 'ciphertext';
  /** Index of the token (see `tokens`) the value starts at. */
  readonly token: number;
  /** How many tokens the text has: 1 means the value is the whole text. */
  readonly tokens: number;
  /** A `#…#` ciphertext: a name or an address; the reader decides by order (name first). */
  readonly ambiguous?: boolean;
}

/** Longest text examined: a receiver cell or an order header is short; longer text is not a field. */
export const MAX_SIGNAL_TEXT = 400;

/** The labels platforms put before an order number (抖店 订单编号, 微信小店 订单号, JD 订单号, English UIs). */
const ORDER_LABEL = /(?:订单编号|订单号|订单ID|订单 ID|Order\s*(?:ID|No\.?|Number))\s*[:：#]?\s*$/iu;

/** An order number right after its label in the same text; group 1 is the number. */
export const ORDER_INLINE =
  /(?:订单编号|订单号|订单ID|订单 ID|Order\s*(?:ID|No\.?|Number))\s*[:：#]?\s*(\d{8,24})(?!\d)/iu;

/** A text that is only an order number. */
const ORDER_BARE = /^\s*(\d{8,24})\s*$/u;

/** Separators between the values of one receiver cell (`王**，陕西安康市紫阳县****`, `手机号：132****3639`). */
const SEPARATOR = /[\s，,：:;；、|]+/u;

/** A masked name: letters, then mask characters, perhaps a last letter (`张*`, `欧阳**`, `李*明`). */
const MASKED_NAME = /^[\p{L}·]{1,4}[*＊●]{1,6}\p{L}{0,2}$/u;

/**
 * The order number a text holds: a long digit run (8–24 digits) right after 订单号 / 订单编号 /
 * Order ID in the same text, or the whole text when `previous` (the text just before it on the
 * page) ends with such a label.
 * Rule (issue 15, item 4): an order number is a long digit run near its label; digits alone are not.
 * @example
 * orderIdIn('订单编号 6912345678901234567'); // '6912345678901234567'
 * orderIdIn('6912345678901234567', '订单号：'); // '6912345678901234567'
 * orderIdIn('6912345678901234567'); // undefined
 */
export function orderIdIn(text: string, previous?: string): string | undefined {
  if (text.length > MAX_SIGNAL_TEXT) return undefined;
  const inline = ORDER_INLINE.exec(text);
  if (inline) return inline[1];
  if (previous === undefined || previous.length > MAX_SIGNAL_TEXT) return undefined;
  const bare = ORDER_BARE.exec(text);
  return bare && ORDER_LABEL.test(previous) ? bare[1] : undefined;
}

/**
 * Whether a text ends with an order-number label (`订单编号`, `订单号：`), so the next text may be
 * the bare number.
 * @example
 * isOrderLabel('订单号：'); // true
 * isOrderLabel('下单时间'); // false
 */
export function isOrderLabel(text: string): boolean {
  return text.length <= MAX_SIGNAL_TEXT && ORDER_LABEL.test(text);
}

/**
 * Split a text into the tokens a field pattern counts (see `tokenPattern`).
 * @example
 * splitTokens('王**，陕西安康市紫阳县****'); // ['王**', '陕西安康市紫阳县****']
 */
export function splitTokens(text: string): string[] {
  return text.split(SEPARATOR).filter((t) => t !== '');
}

function addressForm(token: string): 'masked' | undefined {
  if (!/[*＊●]/u.test(token)) return undefined;
  const { region } = maskAddress(token);
  const first = region.province ?? region.city ?? region.district;
  if (!first) return undefined;
  // The region must start the text: 陕西安康… → 陕西省 starts with 陕西.
  return token.startsWith(first.slice(0, 2)) ? 'masked' : undefined;
}

function tokenSignal(token: string): Omit<ReceiverSignal, 'token' | 'tokens'> | undefined {
  // 抖店 ciphertext: `$…$` phones, `#…#` names and addresses.
  if (token.startsWith('#')) {
    return classifyField(token, 'name').form === 'ciphertext'
      ? { kind: 'name', form: 'ciphertext', ambiguous: true }
      : undefined;
  }
  if (token.startsWith('$') || /\d/u.test(token)) {
    const c = classifyField(token, 'phone');
    if (c.form === 'masked' && c.phoneType === 'mobile') return { kind: 'phone', form: 'masked' };
    if (c.form === 'virtual' || c.form === 'ciphertext') return { kind: 'phone', form: c.form };
    if (c.form === 'masked' && /^\d{3}[*＊]{3,4}\d{3,4}$/u.test(token))
      return { kind: 'phone', form: 'masked' };
    return undefined;
  }
  if (addressForm(token)) return { kind: 'address', form: 'masked' };
  if (MASKED_NAME.test(token)) return { kind: 'name', form: 'masked' };
  return undefined;
}

/**
 * The receiver values a text holds, as core classifies them: a masked mobile (`132****3639`), a
 * virtual number (`13240968483-9647`), platform ciphertext (`$…$` phone, `#…#` name or address),
 * a masked name (`张*`), a masked address that starts with a province, city or district. Plain
 * values are not signals (a product name is plain text too). At most one value of each kind.
 * Rule (issue 15, item 4): receiver values are recognised by what core classifies them as.
 * @example
 * receiverSignals('王**，陕西安康市紫阳县****');
 * // [{ kind: 'name', form: 'masked', token: 0, tokens: 2 }, { kind: 'address', form: 'masked', token: 1, tokens: 2 }]
 */
export function receiverSignals(text: string): ReceiverSignal[] {
  if (text.length > MAX_SIGNAL_TEXT) return [];
  const tokens = splitTokens(text);
  const out: ReceiverSignal[] = [];
  const seen = new Set<ReceiverKind>();
  for (let i = 0; i < tokens.length; i++) {
    const s = tokenSignal(tokens[i]!);
    if (!s || seen.has(s.kind)) continue;
    seen.add(s.kind);
    out.push({ ...s, token: i, tokens: tokens.length });
  }
  return out;
}

/**
 * The pattern that reads a value back out of a text with the same token layout: group 1 is token
 * `index` (to the end of the text when `rest`, for addresses that may hold spaces). Linear: the
 * token and separator classes are disjoint.
 * @example
 * tokenPattern(1, false).exec('手机号：132****3639')?.[1]; // '132****3639'
 */
export function tokenPattern(index: number, rest: boolean): RegExp {
  const sep = '[\\s，,：:;；、|]';
  const tok = `[^\\s，,：:;；、|]`;
  const skip = index > 0 ? `(?:${tok}+${sep}+){${index}}` : '';
  return new RegExp(`^${sep}*${skip}(${tok}${rest ? '.*' : '+'})`, 'su');
}
