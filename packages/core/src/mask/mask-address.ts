/**
 * `maskAddress`: keeps the province / city / district (county) recognised from the GB/T 2260
 * division names and replaces everything after them with a fixed `****`, so the mask leaks
 * nothing about the detail, not even its length (`广东省广州市天河区花城广场888号` →
 * `广东省广州市天河区****`). Works for municipalities (`北京市朝阳区…`), autonomous regions
 * (`内蒙古…`), county-level cities (`浙江省金华市义乌市…`, `湖北省仙桃市…`), cities without
 * counties (`广东省东莞市…`), addresses missing the province (`广州市天河区…`) and traditional
 * characters (`廣東省廣州市天河區…`, seed 002). Input with no
 * recognisable region gets the fixed mask alone. The mask is appended even when nothing follows
 * the region, so the output never tells whether there was a detail; `detail` in the result does.
 * @module
 */
import { readCipher } from '../classify/cipher-shapes.js';
import { foldWidth, mayHaveWhitespace } from '../classify/normalize.js';
import { divisionIndex, matchAt, toSimplified } from './divisions.js';
import { FIXED_MASK, type Masked } from './types.js';

/**
 * The region read off the start of an address (full GB/T 2260 names).
 * @example
 * const r: AddressRegion = { province: '广东省', city: '广州市', district: '天河区' };
 */
export interface AddressRegion {
  readonly province?: string;
  readonly city?: string;
  readonly district?: string;
}

/**
 * A masked address, with the region it kept.
 * @example
 * const m: MaskedAddress = maskAddress('北京市朝阳区建国路1号'); // { value: '北京市朝阳区****', form: 'plain', region: { province: '北京市', district: '朝阳区' } }
 */
export interface MaskedAddress extends Masked {
  readonly region: AddressRegion;
  /**
   * Whether the input showed anything beyond the kept region (other than mask characters): true
   * for a plaintext detailed address, false for `广东省广州市天河区` or `广东省广州市天河区****`.
   */
  readonly detail: boolean;
}

/** Longest address read in full: only its start can hold the region. */
const MAX_ADDRESS_LENGTH = 100_000;

/** How much of the start of an address can hold the region (longest written region is ~40). */
const REGION_HEAD = 64;

/** Placeholders some platforms print between the province and the county of municipalities. */
const PLACEHOLDERS = ['市辖区', '县'];

interface Parse {
  readonly end: number;
  readonly region: AddressRegion;
}

/** One recognised division in the text. */
interface Part {
  readonly level: 'province' | 'city' | 'district';
  readonly name: string;
  readonly province: string;
  readonly city?: string | undefined;
  readonly start: number;
  /** End of the part, including a skipped repeated municipality name or placeholder. */
  readonly end: number;
  /** Matched by a short form (`广州` for 广州市). */
  readonly short: boolean;
}

/**
 * Text that starts a street or place, not a division: a short form right before it is part of
 * the detail (`广州大道…`, `北京市朝阳门内大街…`), so it is not kept.
 */
const STREET_AFTER =
  /^(?:路|街|巷|弄|号|號|门|門|桥|橋|村|胡同|大道|大街|小区|小區|社区|社區|广场|廣場|花园|花園|公寓|大厦|大廈)/u;

function part(
  level: Part['level'],
  v: {
    readonly text: string;
    readonly div: { readonly name: string; readonly province: string; readonly city?: string };
  },
  start: number,
  end = start + v.text.length,
): Part {
  return {
    level,
    name: v.div.name,
    province: v.div.province,
    city: v.div.city,
    start,
    end,
    short: v.text !== v.div.name,
  };
}

/** Read the region at the start of `s` (whitespace already removed). */
function readRegion(s: string): Parse {
  const parts = readParts(s);
  while (parts.length > 0) {
    const last = parts[parts.length - 1] as Part;
    if (!last.short || !STREET_AFTER.test(s.slice(last.end, last.end + 2))) break;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (!last) return { end: 0, region: {} };
  const region: { province?: string; city?: string; district?: string } = { province: last.province };
  for (const p of parts) {
    if (p.level === 'city') region.city = p.name;
    if (p.level === 'district') {
      region.district = p.name;
      if (p.city !== undefined) region.city = p.city;
    }
  }
  return { end: last.end, region };
}

function readParts(s: string): Part[] {
  const ix = divisionIndex();
  const p = matchAt(ix.provinces, s, 0);
  if (!p) return readWithoutProvince(s);
  const province = p.div.province;
  let pos = p.text.length;
  // `上海市上海市…`, `北京市市辖区…`: skip a repeated municipality name or a placeholder.
  // Only when no city of the province is written there (`吉林省吉林市…` is a city).
  const cities = ix.citiesOf(province);
  let c = matchAt(cities, s, pos);
  if (!c) {
    const again = matchAt(ix.provinces, s, pos);
    if (again && again.div.name === province) pos += again.text.length;
    for (const ph of PLACEHOLDERS) {
      if (s.startsWith(ph, pos) && !matchAt(ix.directCountiesOf(province), s, pos)) pos += ph.length;
    }
  }
  const parts: Part[] = [part('province', p, 0, pos)];
  if (!c && pos > p.text.length) c = matchAt(cities, s, pos);
  if (c) {
    parts.push(part('city', c, pos));
    pos += c.text.length;
    const d = matchAt(ix.countiesOfCity(c.div), s, pos);
    if (d) parts.push(part('district', d, pos));
  } else {
    const d =
      matchAt(ix.directCountiesOf(province), s, pos) ?? matchAt(ix.countiesInProvince(province), s, pos);
    if (d) parts.push(part('district', d, pos));
  }
  // A province matched by its short name may really be a city (`吉林市…`): try that reading.
  if (parts.length === 1 && p.text !== p.div.name) {
    const alt = readWithoutProvince(s);
    const altEnd = alt[alt.length - 1]?.end ?? 0;
    if (altEnd > pos) return alt;
  }
  return parts;
}

function readWithoutProvince(s: string): Part[] {
  const ix = divisionIndex();
  const c = matchAt(ix.allCities(), s, 0);
  if (c) {
    const parts = [part('city', c, 0)];
    const d = matchAt(ix.countiesOfCity(c.div), s, c.text.length);
    if (d) parts.push(part('district', d, c.text.length));
    return parts;
  }
  const d = matchAt(ix.allCounties(), s, 0);
  // A county alone must be written in full (`天河区`), not a short form that may be a street.
  if (d && d.text === d.div.name) return [part('district', d, 0)];
  return [];
}

/** Drop whitespace (ASCII, ideographic and other Unicode spaces). */
function compact(s: string): string {
  return mayHaveWhitespace(s) ? s.replace(/\s+/gu, '') : s;
}

/** Whether `s` has a character other than a mask star after `from`. */
function hasDetailAfter(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 42 && c !== 0xff0a) return true;
  }
  return false;
}

/**
 * Mask an address. Never throws; idempotent; `value` never contains any part of the detail.
 * @example
 * maskAddress('广东省广州市天河区花城广场888号').value; // '广东省广州市天河区****'
 * maskAddress('北京市朝阳区建国路1号').value; // '北京市朝阳区****'
 * maskAddress('广州市天河区花城广场888号').region; // { province: '广东省', city: '广州市', district: '天河区' }
 * maskAddress('广东省广州市天河区').detail; // false (value '广东省广州市天河区****')
 * maskAddress('花城广场888号'); // { value: '****', form: 'plain', region: {}, detail: true, reason: 'no region recognised' }
 */
export function maskAddress(value: string): MaskedAddress {
  if (typeof value !== 'string')
    return { value: FIXED_MASK, form: 'invalid', reason: 'not a string', region: {}, detail: false };
  const trimmed = value.trim();
  if (trimmed === '') return { value: '', form: 'empty', region: {}, detail: false };
  const first = trimmed.charCodeAt(0);
  if (first === 35 || first === 36 || first === 126) {
    if (readCipher(trimmed)) return { value: trimmed, form: 'ciphertext', region: {}, detail: false };
  }
  const head = trimmed.length > MAX_ADDRESS_LENGTH ? trimmed.slice(0, 256) : trimmed;
  const s = compact(foldWidth(head));
  const form = trimmed.includes('*') || trimmed.includes('＊') ? 'masked' : 'plain';
  // Traditional characters are folded for matching only; the kept text is the input's own.
  // A region is at most ~40 characters (province + city + county with repeats): read only the head.
  const { end, region } = readRegion(toSimplified(s.length > REGION_HEAD ? s.slice(0, REGION_HEAD) : s));
  const detail = head.length < trimmed.length || hasDetailAfter(s, end);
  if (end === 0) {
    return form === 'masked'
      ? { value: FIXED_MASK, form, region, detail }
      : { value: FIXED_MASK, form, region, detail, reason: 'no region recognised' };
  }
  // The mask is appended even when nothing follows the region: an empty detail is a length too,
  // and every output then reads as `masked` to classifyField.
  return { value: s.slice(0, end) + FIXED_MASK, form, region, detail };
}
