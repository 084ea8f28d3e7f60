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
import { isCiphertext } from '../classify/cipher-shapes.js';
import { foldWidth } from '../classify/normalize.js';
import type { Division } from './divisions-codec.js';
import { divisionIndex, toSimplified, type Scope } from './divisions.js';
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
  /** Where the kept region's text starts (after a form's leftover region or prefix). */
  readonly start: number;
  readonly end: number;
  readonly region: AddressRegion;
  /** The parts read, in order (after dropping short forms that start a street). */
  readonly parts: readonly Part[];
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
  /** A county name shared by several divisions, read without its province or city. */
  readonly ambiguous?: true;
}

/**
 * Text that starts a street or place, not a division: a short form right before it is part of
 * the detail (`广州大道…`, `北京市朝阳门内大街…`), so it is not kept.
 */
const STREET_AFTER =
  /^(?:路|街|巷|弄|号|號|门|門|桥|橋|村|胡同|大道|大街|小区|小區|社区|社區|广场|廣場|花园|花園|公寓|大厦|大廈)/u;

/**
 * Text that extends a short form into ANOTHER name (issue 20, item 3): `柳州地区…`,
 * `杭州湾新区…`, `湘潭县…` are not 柳州市 / 杭州市 / 湘潭市, so the short form is not read there.
 */
const EXTENDS = /^(?:地区|新区|林区|[市县区州盟旗镇乡湾])/u;

/**
 * A county's short form followed by one of these is that county under its former suffix
 * (`临安市` → 临安区 since 2017, `双流县` → 双流区, `龙华新区` → 龙华区): read as today's county.
 */
const RENAMED = /^(?:新区|[市县区])/u;

/**
 * Whether a UTF-16 unit separates written region parts: white space, `-`, `_`, `/`, `\`, `|`,
 * `,`, `、`, `·`, dashes and `>` (`浙江省-金华市-义乌市`, `广东/深圳/南山区`).
 */
function isRegionSep(c: number): boolean {
  return (
    c <= 32 ||
    c === 45 ||
    c === 95 ||
    c === 47 ||
    c === 92 ||
    c === 124 ||
    c === 44 ||
    c === 62 ||
    c === 0xa0 ||
    c === 0xb7 ||
    c === 0x3000 ||
    c === 0x3001 ||
    c === 0x2013 ||
    c === 0x2014
  );
}

/** At most this many separator characters between two parts. */
const MAX_SEP = 3;

function skipSep(s: string, pos: number): number {
  let p = pos;
  while (p < s.length && p - pos < MAX_SEP && isRegionSep(s.charCodeAt(p))) p++;
  return p;
}

interface Hit {
  readonly div: Division;
  readonly start: number;
  readonly end: number;
  readonly short: boolean;
  readonly text: string;
}

/**
 * The longest written form of a division of `scope` at `pos` (after separators when `sep`),
 * under the EXTENDS / RENAMED rules.
 */
function find(
  scope: Scope | undefined,
  s: string,
  pos: number,
  county: boolean,
  sep = true,
): Hit | undefined {
  if (!scope) return undefined;
  const start = sep ? skipSep(s, pos) : pos;
  const list = scope.get(s.charCodeAt(start));
  if (!list) return undefined;
  for (const v of list) {
    if (!s.startsWith(v.text, start)) continue;
    const end = start + v.text.length;
    const short = v.legacy !== true && v.text !== v.div.name;
    if (short) {
      const after = s.slice(end, end + 2);
      if (EXTENDS.test(after) && !childInFull(v.div, s, end)) {
        const renamed = county ? RENAMED.exec(after) : null;
        if (!renamed) continue;
        return { div: v.div, start, end: end + renamed[0].length, short: false, text: v.text };
      }
    }
    return { div: v.div, start, end, short, text: v.text };
  }
  return undefined;
}

/**
 * Whether a division under `div` is written in full at `pos`: then a short form followed by
 * `镇`/`市`… is not extended into another name (`宁波镇海区…` is 宁波 + 镇海区, `江苏镇江市…` is
 * 江苏 + 镇江市), as EXTENDS would otherwise read it (`宁波镇` could be a town).
 */
function childInFull(div: Division, s: string, pos: number): boolean {
  const ix = divisionIndex();
  const scopes =
    div.level === 'province'
      ? [ix.citiesOf(div.name), ix.directCountiesOf(div.name)]
      : div.level === 'city'
        ? [ix.countiesOfCity(div)]
        : [];
  for (const scope of scopes) {
    for (const v of scope?.get(s.charCodeAt(pos)) ?? [])
      if (v.text === v.div.name && s.startsWith(v.text, pos)) return true;
  }
  return false;
}

function part(level: Part['level'], h: Hit, end = h.end): Part {
  return {
    level,
    name: h.div.name,
    province: h.div.province,
    city: h.div.city,
    start: h.start,
    end,
    short: h.short,
  };
}

/**
 * Read the region at `from` in `s` (width-folded and simplified). `lenient` (address fields):
 * a county's short form may stand alone when it names one division only (`义乌…`).
 *
 * REPEATS (issue 20, measured on the NAACL 2019 address corpus): forms and buyers often write
 * the region twice (`宁波宁波市江北区…`, `浙江省杭州市杭州市萧山区…`, `浙江省温州市null浙江温州市瓯海区…`).
 * A region read right after the first one (only separators, `null` or `中国` between) that
 * agrees with it (no level names another division) continues it: the deeper one is kept.
 * SEAT: a county-level city followed by another county of the same prefecture stands for the
 * prefecture, as people write it (`湖南省吉首市凤凰县`: 吉首 is the seat of 湘西州): the
 * county after it is the district.
 * Two regions that disagree are two regions: the first is kept, never a mix; except in an
 * address field (`lenient`) where `中国` starts the second one (`山东省临沂市临沭县中国浙江省杭州市
 * 余杭区…`, a form's leftover, then the address written in full): the second is kept.
 */
function readRegion(s: string, from: number, lenient: boolean): Parse {
  let r = readRegionOnce(s, from, lenient);
  if (r.parts.length === 0 || r.region.province === undefined) return r;
  for (let round = 0; round < 3; round++) {
    const at = skipFillers(s, r.end);
    // Fast path: most addresses go on with a street, which starts no division name, or starts
    // with a short form the street word then drops (`中山路`, `解放路`: no repeat there).
    if (!mayStartRegion(s, at.pos) || STREET_AFTER.test(s.slice(at.pos + 2, at.pos + 4))) break;
    const next = readRegionOnce(s, at.pos, lenient);
    if (next.parts.length === 0 || next.region.province === undefined) break;
    const a = r.region;
    const b = next.region;
    const agree =
      a.province === b.province &&
      (a.city === undefined || b.city === undefined || a.city === b.city) &&
      (a.district === undefined || b.district === undefined || a.district === b.district);
    const seat =
      a.district !== undefined &&
      a.district.endsWith('市') &&
      a.city !== undefined &&
      SEATED.test(a.city) &&
      b.district !== undefined &&
      a.city !== undefined &&
      a.city === b.city &&
      !at.country &&
      next.parts.every((p) => !p.short);
    if (agree || seat) {
      const region: { province?: string; city?: string; district?: string } = { ...a };
      if (b.city !== undefined) region.city = b.city;
      if (b.district !== undefined) region.district = b.district;
      // A repeat adds no part (confidence counts levels written, not how often).
      const levels = new Set(r.parts.map((p) => p.level));
      const added = next.parts.filter((p) => !levels.has(p.level));
      r = { start: r.start, end: next.end, region, parts: [...r.parts, ...added] };
      continue;
    }
    if (lenient && at.country) r = next;
    break;
  }
  return r;
}

/** Prefectures named otherwise than their seat city (自治州, 地区, 盟): the SEAT rule. */
const SEATED = /(?:自治州|地区|盟)$/u;

/**
 * `中国` (the country), `null` (an empty form field) and `其它区` (a form's placeholder county)
 * between two written regions.
 */
const FILLERS = ['中国', 'null', 'NULL', '其它区', '其他区'];

/** Skip separators and FILLERS after a region; `country`: `中国` was among them. */
function skipFillers(s: string, pos: number): { pos: number; country: boolean } {
  let p = skipSep(s, pos);
  let country = false;
  for (let k = 0; k < 2; k++) {
    let f: string | undefined;
    for (const x of FILLERS) if (s.startsWith(x, p)) f = x;
    if (f === undefined) break;
    if (f === '中国') country = true;
    p = skipSep(s, p + f.length);
  }
  return { pos: p, country };
}

function readRegionOnce(s: string, from: number, lenient: boolean): Parse {
  const parts = readParts(s, from, lenient);
  while (parts.length > 0) {
    const last = parts[parts.length - 1] as Part;
    if (!last.short || !STREET_AFTER.test(s.slice(last.end, last.end + 2))) break;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (!last) return { start: from, end: from, region: {}, parts };
  if (last.ambiguous) return { start: from, end: last.end, region: { district: last.name }, parts };
  const region: { province?: string; city?: string; district?: string } = { province: last.province };
  for (const p of parts) {
    if (p.level === 'city') region.city = p.name;
    if (p.level === 'district') {
      region.district = p.name;
      if (p.city !== undefined) region.city = p.city;
    }
  }
  return { start: from, end: last.end, region, parts };
}

function readParts(s: string, from: number, lenient: boolean): Part[] {
  const ix = divisionIndex();
  const p = find(ix.provinces, s, from, false, false);
  if (!p) return readWithoutProvince(s, from, lenient);
  const province = p.div.province;
  let pos = p.end;
  // `上海市上海市…`, `北京市市辖区…`: skip a repeated municipality name or a placeholder.
  // Only when no city of the province is written there (`吉林省吉林市…` is a city).
  const cities = ix.citiesOf(province);
  let c = find(cities, s, pos, false);
  if (!c) {
    const again = find(ix.provinces, s, pos, false);
    if (again && again.div.name === province) pos = again.end;
    for (const ph of PLACEHOLDERS) {
      const q = skipSep(s, pos);
      if (s.startsWith(ph, q) && !find(ix.directCountiesOf(province), s, q, true, false)) pos = q + ph.length;
    }
  }
  const parts: Part[] = [part('province', p, pos)];
  if (!c && pos > p.end) c = find(cities, s, pos, false);
  if (c) {
    const whole = countyOverCity(c, s);
    if (whole) parts.push(part('district', whole));
    else {
      parts.push(part('city', c));
      const d = find(ix.countiesOfCity(c.div), s, c.end, true);
      if (d) parts.push(part('district', d));
    }
  } else {
    const d =
      find(ix.directCountiesOf(province), s, pos, true) ??
      find(ix.countiesInProvince(province), s, pos, true);
    if (d) parts.push(part('district', d));
  }
  // A province matched by its short name may really be a city (`吉林市…`): try that reading.
  if (parts.length === 1 && p.short) {
    const alt = readWithoutProvince(s, from, lenient);
    const altEnd = alt[alt.length - 1]?.end ?? 0;
    if (altEnd > pos) return alt;
  }
  return parts;
}

/**
 * A county of the city whose full name starts where the city's short form does and runs further
 * (`苏州工业园区…` is the county 苏州工业园区, not 苏州 + detail).
 */
function countyOverCity(c: Hit, s: string): Hit | undefined {
  if (!c.short) return undefined;
  const d = find(divisionIndex().countiesOfCity(c.div), s, c.start, true, false);
  return d && !d.short && d.end > c.end ? d : undefined;
}

function readWithoutProvince(s: string, from: number, lenient: boolean): Part[] {
  const ix = divisionIndex();
  // A name line (`张**`) cannot start a city or a county: the country's scopes stay unbuilt.
  if (!ix.mayStart(s, from)) return [];
  const c = find(ix.allCities(), s, from, false, false);
  const whole = c ? countyOverCity(c, s) : undefined;
  if (whole) return [part('district', whole)];
  if (c) {
    const parts = [part('city', c)];
    const d = find(ix.countiesOfCity(c.div), s, c.end, true);
    if (d) parts.push(part('district', d));
    return parts;
  }
  const d = find(ix.allCounties(), s, from, true, false);
  if (!d) return [];
  // A county alone must be written in full (`天河区`), not a short form that may be a street;
  // in an address field a short form that names one division only is accepted (`义乌…`).
  if (d.short && !(lenient && ix.unique(d.text))) return [];
  // A county name shared by several cities (朝阳区) keeps no province or city: never a wrong one.
  const p = part('district', d);
  return [ix.unique(d.div.name) ? p : { ...p, ambiguous: true }];
}

/** The kept region as written, without the separators between its parts. */
function keptText(s: string, end: number): string {
  let out = '';
  for (let i = 0; i < end; i++) if (!isRegionSep(s.charCodeAt(i))) out += s[i];
  return out;
}

/** Whether `s` has a character other than a mask star or a separator after `from`. */
function hasDetailAfter(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 42 && c !== 0xff0a && !isRegionSep(c) && !(c >= 0x2000 && c <= 0x200b) && c !== 0xfeff)
      return true;
  }
  return false;
}

/**
 * A region found in free text by `readRegionAt`: UTF-16 offsets into the text, the region, how
 * many parts were read and whether every part was a short form (`浙江杭州西湖` may be a tea).
 * @example
 * const r: RegionInText = { start: 0, end: 9, region: { district: '天河区' }, parts: 3, allShort: false, district: true, city: false };
 */
export interface RegionInText {
  readonly start: number;
  readonly end: number;
  readonly region: AddressRegion;
  readonly parts: number;
  readonly allShort: boolean;
  /** The last part read is a county-level division. */
  readonly district: boolean;
  /** The last part read is a prefecture-level city (`苏州` in `苏州工业园区…`). */
  readonly city: boolean;
}

/**
 * The region written at `from` in `simplified` (text already passed through `foldWidth` and
 * `simplifiedForRegions`), for `maskText`. Strict: a county's short form never stands alone.
 * Reads at most 64 characters.
 * @example
 * readRegionAt('改到广东省广州市天河区花城广场', 2)?.end; // 11
 * readRegionAt('义乌稠州北路1号', 0, true)?.region.district; // '义乌市' (lenient: a unique short county alone)
 */
export function readRegionAt(simplified: string, from: number, lenient = false): RegionInText | undefined {
  const window =
    simplified.length - from > REGION_HEAD ? simplified.slice(0, from + REGION_HEAD) : simplified;
  const r = readRegion(window, from, lenient);
  const last = r.parts[r.parts.length - 1];
  if (!last) return undefined;
  return {
    start: from,
    end: r.end,
    region: r.region,
    parts: r.parts.length,
    allShort: r.parts.every((p) => p.short),
    district: last.level === 'district',
    city: last.level === 'city',
  };
}

/**
 * Whether a region can start at `i` of `s` (simplified text): its first two UTF-16 units begin
 * some written form of a province, city or county (every form has two or more). A fast path for
 * `maskText`, which would otherwise try `readRegionAt` at every Han character of a remark
 * (`谢谢` is not 谢通门县, `电话` is not 电白区).
 * @example
 * mayStartRegion('广州市', 0); // true
 * mayStartRegion('谢谢', 0); // false
 */
export function mayStartRegion(s: string, i: number): boolean {
  return divisionIndex().mayStart(s, i);
}

/**
 * Fold the traditional forms of division-name characters to simplified, one UTF-16 unit for one
 * (offsets kept), as `maskAddress` does before reading a region.
 * @example
 * simplifiedForRegions('廣東省'); // '广东省'
 */
export function simplifiedForRegions(s: string): string {
  return toSimplified(s);
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
    if (isCiphertext(trimmed)) return { value: trimmed, form: 'ciphertext', region: {}, detail: false };
  }
  const head = trimmed.length > MAX_ADDRESS_LENGTH ? trimmed.slice(0, 256) : trimmed;
  const s = foldWidth(head);
  const form = trimmed.includes('*') || trimmed.includes('＊') ? 'masked' : 'plain';
  // Traditional characters are folded for matching only; the kept text is the input's own.
  // A region is at most ~40 characters (province + city + county with repeats): read only the head.
  const { start, end, region } = readField(
    toSimplified(s.length > REGION_HEAD ? s.slice(0, REGION_HEAD) : s),
  );
  const detail = head.length < trimmed.length || hasDetailAfter(s, end) || start > 0;
  if (end === 0) {
    return form === 'masked'
      ? { value: FIXED_MASK, form, region, detail }
      : { value: FIXED_MASK, form, region, detail, reason: 'no region recognised' };
  }
  // The mask is appended even when nothing follows the region: an empty detail is a length too,
  // and every output then reads as `masked` to classifyField.
  const kept = start === 0 ? keptText(s, end) : keptText(s.slice(start, end), end - start);
  return { value: kept + FIXED_MASK, form, region, detail };
}

/**
 * Words that end a town or a form's label written before the region in an address field
 * (`天山路街道上海市长宁区…`, `灵官镇湖南省祁东县…`, `收方地址台州市…`): the region after them is read
 * when its first part is a province or a city written in full; the prefix is detail.
 */
const PREFIX_END = /(?:街道|镇|乡|社区|地址|中国)$/u;

/** The longest such prefix (characters). */
const MAX_PREFIX = 12;

/** The region of an address field: at its start, or after `中国` or a town / label prefix. */
function readField(s: string): Parse {
  const r = readRegion(s, 0, true);
  if (r.end > 0) return r;
  for (let i = 2; i <= MAX_PREFIX && i < s.length; i++) {
    if (!PREFIX_END.test(s.slice(0, i))) continue;
    const from = skipSep(s, i);
    const again = readRegion(s, from, true);
    const first = again.parts[0];
    if (first && !first.short && first.level !== 'district') return again;
  }
  return r;
}
