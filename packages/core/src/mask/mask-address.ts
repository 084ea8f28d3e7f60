/**
 * `maskAddress`: keeps the province / city / district (county) recognised from the GB/T 2260
 * division names and replaces everything after them with a fixed `****`, so the mask leaks
 * nothing about the detail, not even its length (`广东省广州市天河区花城广场888号` →
 * `广东省广州市天河区****`). Works for municipalities (`北京市朝阳区…`), autonomous regions
 * (`内蒙古…`), county-level cities (`浙江省金华市义乌市…`, `湖北省仙桃市…`), cities without
 * counties (`广东省东莞市…`) and addresses missing the province (`广州市天河区…`). Input with no
 * recognisable region gets the fixed mask alone.
 * @module
 */
import { readCipher } from '../classify/cipher-shapes.js';
import { foldWidth } from '../classify/normalize.js';
import { divisionIndex, matchAt } from './divisions.js';
import { FIXED_MASK, type Masked } from './types.js';

/** The region read off the start of an address (full GB/T 2260 names). */
export interface AddressRegion {
  readonly province?: string;
  readonly city?: string;
  readonly district?: string;
}

/** A masked address, with the region it kept. */
export interface MaskedAddress extends Masked {
  readonly region: AddressRegion;
}

/** Longest address read in full: only its start can hold the region. */
const MAX_ADDRESS_LENGTH = 100_000;

/** Placeholders some platforms print between the province and the county of municipalities. */
const PLACEHOLDERS = ['市辖区', '县'];

interface Parse {
  readonly end: number;
  readonly region: AddressRegion;
}

/** Read the region at the start of `s` (whitespace already removed). */
export function readRegion(s: string): Parse {
  const ix = divisionIndex();
  let pos = 0;
  let province: string | undefined;
  let city: string | undefined;
  let district: string | undefined;

  const p = matchAt(ix.provinces, s, pos);
  if (p) {
    province = p.div.province;
    pos += p.text.length;
    // `上海市上海市…`, `北京市市辖区…`: skip a repeated municipality name or a placeholder.
    // Only when no city of the province is written there (`吉林省吉林市…` is a city).
    if (!matchAt(ix.cities.get(province), s, pos)) {
      const again = matchAt(ix.provinces, s, pos);
      if (again && again.div.name === province) pos += again.text.length;
      for (const ph of PLACEHOLDERS) {
        if (s.startsWith(ph, pos) && !matchAt(ix.counties.get(province), s, pos)) pos += ph.length;
      }
    }
  }
  if (province) {
    const c = matchAt(ix.cities.get(province), s, pos);
    if (c) {
      city = c.div.name;
      pos += c.text.length;
      const d = matchAt(ix.counties.get(`${province}|${city}`), s, pos);
      if (d) {
        district = d.div.name;
        pos += d.text.length;
      }
    } else {
      const d =
        matchAt(ix.counties.get(province), s, pos) ?? matchAt(ix.countiesInProvince.get(province), s, pos);
      if (d) {
        district = d.div.name;
        if (d.div.city !== undefined) city = d.div.city;
        pos += d.text.length;
      }
    }
    // A province matched by its short name may really be a city (`吉林市…`): try that reading.
    if (city === undefined && district === undefined && p && p.text !== p.div.name) {
      const alt = readWithoutProvince(s);
      if (alt.end > pos) return alt;
    }
    return { end: pos, region: defined({ province, city, district }) };
  }
  return readWithoutProvince(s);
}

function readWithoutProvince(s: string): Parse {
  const ix = divisionIndex();
  const c = matchAt(ix.allCities, s, 0);
  if (c) {
    let pos = c.text.length;
    const province = c.div.province;
    const city = c.div.name;
    const d = matchAt(ix.counties.get(`${province}|${city}`), s, pos);
    if (d) pos += d.text.length;
    return { end: pos, region: defined({ province, city, district: d?.div.name }) };
  }
  const d = matchAt(ix.allCounties, s, 0);
  // A county alone must be written in full (`天河区`), not a short form that may be a street.
  if (d && d.text === d.div.name) {
    return {
      end: d.text.length,
      region: defined({ province: d.div.province, city: d.div.city, district: d.div.name }),
    };
  }
  return { end: 0, region: {} };
}

function defined(r: {
  province?: string | undefined;
  city?: string | undefined;
  district?: string | undefined;
}): AddressRegion {
  const out: { province?: string; city?: string; district?: string } = {};
  if (r.province !== undefined) out.province = r.province;
  if (r.city !== undefined) out.city = r.city;
  if (r.district !== undefined) out.district = r.district;
  return out;
}

/** Drop whitespace (ASCII, ideographic and other Unicode spaces). */
function compact(s: string): string {
  return /\s/u.test(s) ? s.replace(/\s+/gu, '') : s;
}

/**
 * Mask an address. Never throws; idempotent; `value` never contains any part of the detail.
 * @example
 * maskAddress('广东省广州市天河区花城广场888号').value; // '广东省广州市天河区****'
 * maskAddress('北京市朝阳区建国路1号').value; // '北京市朝阳区****'
 * maskAddress('广州市天河区花城广场888号').region; // { province: '广东省', city: '广州市', district: '天河区' }
 * maskAddress('花城广场888号'); // { value: '****', form: 'plain', region: {}, reason: 'no region recognised' }
 */
export function maskAddress(value: string): MaskedAddress {
  if (typeof value !== 'string')
    return { value: FIXED_MASK, form: 'invalid', reason: 'not a string', region: {} };
  const trimmed = value.trim();
  if (trimmed === '') return { value: '', form: 'empty', region: {} };
  const first = trimmed.charCodeAt(0);
  if (first === 35 || first === 36 || first === 126) {
    if (readCipher(trimmed)) return { value: trimmed, form: 'ciphertext', region: {} };
  }
  const head = trimmed.length > MAX_ADDRESS_LENGTH ? trimmed.slice(0, 256) : trimmed;
  const s = compact(foldWidth(head));
  const form = trimmed.includes('*') || trimmed.includes('＊') ? 'masked' : 'plain';
  const { end, region } = readRegion(s);
  if (end === 0) {
    return form === 'masked'
      ? { value: FIXED_MASK, form, region }
      : { value: FIXED_MASK, form, region, reason: 'no region recognised' };
  }
  const kept = s.slice(0, end);
  return { value: end < s.length || trimmed.length > head.length ? kept + FIXED_MASK : kept, form, region };
}
