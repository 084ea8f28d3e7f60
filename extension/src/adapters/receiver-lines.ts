/**
 * One receiver cell, many values: the real 抖店 list shows the receiver as ONE element
 * (`div[class^="index_locationDetail"]`) with name, phone and address on separate lines (public
 * scripts split its `innerText` by '\n': iamyzc/doudian-scripts `抖店-多功能脚本.user.js`); 京东's
 * `.cons-address-text` holds name and address together (`王**，陕西安康市紫阳县****`) and
 * `.cons-mobile-phone-text` carries the note 虚拟号说明 beside a virtual number
 * (beak2825/greasyfork_archives js_greasyfork/441758.js, 490963.js). These helpers split such text
 * by line and by what core classifies each line as, never by position alone.
 *
 * Raw page text goes in; raw parts come out, to be masked by the reader at once (invariant 1).
 * @module
 */
import { classifyField } from '@shipmask/core';
import { maskAddressOnce } from './address-memo';

/** Lines kept per cell; a receiver cell has three or four. */
const MAX_LINES = 16;
/** Characters kept per line before splitting: longer text is cut (a limit before allocation). */
const MAX_LINE = 2048;

const PHONE_FORMS: ReadonlySet<string> = new Set(['masked', 'plain', 'virtual', 'ciphertext']);
const SEPARATORS = /[\s,，;；]+/u;
const NAME_ADDRESS = /^([^,，]{1,64})[,，]\s*([\s\S]+)$/u;

/**
 * The lines of a receiver cell: each child element is a line (its own line breaks split it
 * further), loose text between them too; a cell without child elements is split at line breaks.
 * Reads `textContent` only (no layout).
 * @example
 * linesOf(cell); // ['张**', '187****3040', '新疆维吾尔自治区乌鲁木齐市天山区****']
 */
export function linesOf(el: Element): string[] {
  const lines: string[] = [];
  const push = (text: string | null): void => {
    if (!text) return;
    for (const part of text.slice(0, MAX_LINE).split(/\r?\n/u)) {
      const t = part.trim();
      if (t && lines.length < MAX_LINES) lines.push(t);
    }
  };
  if (el.childElementCount === 0) push(el.textContent);
  else
    for (const node of el.childNodes) if (node.nodeType === 1 || node.nodeType === 3) push(node.textContent);
  return lines;
}

/** Whether core reads `text` as a phone (masked, plain, virtual or phone ciphertext). */
function isPhone(text: string): boolean {
  const form = classifyField(text, 'phone').form;
  // Douyin ciphertext: `$…$` is a phone, `#…#` a name or an address.
  return PHONE_FORMS.has(form) && (form !== 'ciphertext' || !text.startsWith('#'));
}

/**
 * The phone in a phone cell's text: the whole text when core reads it as a phone, otherwise the
 * first word that is one (`17692517802-2776 虚拟号说明` → `17692517802-2776`); the trimmed text
 * when no word is (a malformed number stays visible as such); undefined for empty text.
 * @example
 * phoneIn('17692517802-2776 虚拟号说明 '); // '17692517802-2776'
 * phoneIn('180****819'); // '180****819'
 */
export function phoneIn(text: string): string | undefined {
  const t = text.slice(0, MAX_LINE).trim();
  if (!t) return undefined;
  if (isPhone(t)) return t;
  for (const word of t.split(SEPARATORS)) if (word && isPhone(word)) return word;
  return t;
}

/** Whether `text` starts with a province, city or district core recognises. */
function startsWithRegion(text: string): boolean {
  const region = maskAddressOnce(text).region;
  return Boolean(region.province ?? region.city ?? region.district);
}

/**
 * Split `name，address` (京东's `.cons-address-text`): when the text after the first comma starts
 * with a province / city / district, `{ name, address }`; otherwise the whole text is the address.
 * @example
 * nameAndAddress('王**，陕西省安康市紫阳县****'); // { name: '王**', address: '陕西省安康市紫阳县****' }
 * nameAndAddress('广东省广州市天河区花城广场888号'); // { address: '广东省广州市天河区花城广场888号' }
 */
export function nameAndAddress(text: string): { name?: string; address?: string } {
  const t = text.slice(0, MAX_LINE).trim();
  if (!t) return {};
  const m = NAME_ADDRESS.exec(t);
  if (m && startsWithRegion(m[2]!) && !startsWithRegion(t))
    return { name: m[1]!.trim(), address: m[2]!.trim() };
  return { address: t };
}

/** What one receiver cell holds, as raw page text (mask it at once). */
export interface ReceiverParts {
  readonly name?: string;
  readonly phone?: string;
  readonly address?: string;
}

/**
 * Assign the lines of one receiver cell to name, phone and address by what core classifies each
 * line as: the first phone-like line (masked, plain, virtual, `$…$` ciphertext) is the phone; the
 * first line starting with a province / city / district (or a `#…#` ciphertext after the name) is
 * the address, a `name，address` line giving both; the first other line with letters, or a
 * ciphertext, is the name. Order does not matter except between two ciphertexts (name first).
 * @example
 * splitReceiver(['张**', '187****3040', '新疆维吾尔自治区乌鲁木齐市天山区****']);
 * // { name: '张**', phone: '187****3040', address: '新疆维吾尔自治区乌鲁木齐市天山区****' }
 */
export function splitReceiver(lines: readonly string[]): ReceiverParts {
  let name: string | undefined;
  let phone: string | undefined;
  let address: string | undefined;
  for (const raw of lines.slice(0, MAX_LINES)) {
    const line = raw.slice(0, MAX_LINE).trim();
    if (!line) continue;
    if (phone === undefined) {
      const p = phoneIn(line);
      if (p !== undefined && isPhone(p)) {
        phone = p;
        continue;
      }
    }
    const nameClass = classifyField(line, 'name').form;
    if (address === undefined) {
      if (nameClass === 'ciphertext' && name !== undefined) {
        address = line;
        continue;
      }
      const split = nameAndAddress(line);
      if (split.address !== undefined && (split.name !== undefined || startsWithRegion(line))) {
        address = split.address;
        if (split.name !== undefined) name ??= split.name;
        continue;
      }
    }
    if (name === undefined && nameClass !== 'invalid' && nameClass !== 'empty') name = line;
  }
  const parts: { -readonly [K in keyof ReceiverParts]: ReceiverParts[K] } = {};
  if (name !== undefined) parts.name = name;
  if (phone !== undefined) parts.phone = phone;
  if (address !== undefined) parts.address = address;
  return parts;
}
