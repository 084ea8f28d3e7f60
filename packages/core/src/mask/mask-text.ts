/**
 * `maskText`: finds buyer data in free text (buyer remarks, merchant notes, pasted recipients)
 * and masks it by the same rules as the field masks (issue 20):
 * - mobiles and landlines by the `maskPhone` rule, written tight, with `+86`/`0086`, spaces,
 *   dashes or dots between digits, or full-width;
 * - a mobile glued to the end of a room or building number (`三单元30115801691123`), see GLUED;
 * - 18-digit resident ID numbers down to their first and last character;
 * - a detailed address that starts with a province, city or county: the region stays, the
 *   detail becomes `****` as in `maskAddress` (`广东省深圳市南山区科技园…` →
 *   `广东省深圳市南山区****`); after a label (`地址:`, `收货地址:`) the detail goes even
 *   without a region;
 * - a name next to a phone or an address, or after a label (`收件人:`, `联系人:`, `姓名:`):
 *   surname kept as in `maskName` (`张三` → `张*`).
 * Virtual numbers and `转NNNN` extensions are platform routing, not buyer data: they are
 * reported and left as they are. Order ids, SKUs, prices, dates, tracking numbers and product
 * text are not buyer data and are left alone (see the property tests and the corpus in
 * mask-corpus.test.ts and corpus/, which count leaks and over-masking).
 * @module
 */
import { foldWidth, isHanCodePoint } from '../classify/normalize.js';
import { mayStartRegion, readRegionAt, simplifiedForRegions, type RegionInText } from './mask-address.js';
import { maskName } from './mask-name.js';
import { maskPhone } from './mask-phone.js';
import { startsWithSurname } from './surnames.js';
import { FIXED_MASK } from './types.js';

/**
 * What `maskText` found.
 * @example
 * const k: TextFindingKind = 'id-number';
 */
export type TextFindingKind =
  'mobile' | 'landline' | 'id-number' | 'virtual' | 'extension' | 'address' | 'name';

/**
 * One finding, with UTF-16 offsets into the INPUT text (`end` exclusive). For an address the
 * span is the detail that was masked (the region before it stays).
 * @example
 * const f: TextFinding = { kind: 'mobile', start: 2, end: 13 };
 */
export interface TextFinding {
  readonly kind: TextFindingKind;
  readonly start: number;
  readonly end: number;
}

/**
 * Result of `maskText`.
 * @example
 * const r: MaskedText = maskText('转9647'); // { value: '转9647', found: [{ kind: 'extension', start: 0, end: 5 }] }
 */
export interface MaskedText {
  readonly value: string;
  readonly found: readonly TextFinding[];
}

/**
 * One pass over width-folded text (folding keeps offsets). No nested quantifiers; every branch
 * is bounded, so the scan is linear in the text length.
 * - Mobiles are found with spaces, dashes or dots between any digits (`1344 096 3639`,
 *   `134.4096.3639`), one kind of separator per number (so `¥134.50 2026-12-07` is a price
 *   and a date, not a number), and an optional `+86` / `0086` / `86` in front (a bare `86` not
 *   right after a capital letter: `YT8616000000000` is a YTO waybill number, not `+86 160…`;
 *   waybill prefixes are capitals, so `tel8613812345678` is still masked); not right after
 *   `JD`, `JDV`, `JDVA`… (`JDVA16012345678` is a JD waybill number, 京东物流).
 * - A virtual number in text must be written tight (`13240968483-9647`, `…转9647`, `…,9647`):
 *   with spaces around the separator the 11 digits are read as a mobile and masked (safe side).
 * - GLUED (issue 20, item 2): a run of 12–14 digits right after a room/building word
 *   (室 号 楼 栋 幢 单元 层 户 座 门 组 弄 村 巷, but not 单号/编号/货号/批号/型号/账号/序号/
 *   代号/学号/工号/票号) whose last 11 digits are mobile-shaped is a room number with the
 *   buyer's mobile glued on: the last 11 digits are masked, the room digits stay. Runs of 15
 *   digits or more (order ids are 18–19) are never read as a glued mobile.
 */
const FINDER =
  /(?<!\d)(?:(?<virtual>1\d{10}(?:-|[转轉]|,|，)\d{4}#?)|(?<id>[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx])|(?<mobile>(?:(?:\+|00)86[ .-]?|(?<![A-Z])86[ .-]?)?(?:1[3-9]\d{9}|1 ?[3-9](?: ?\d){9}|1-?[3-9](?:-?\d){9}|1\.?[3-9](?:\.?\d){9}))|(?<landline>0\d{2,3}-\d{7,8})|(?<=[室楼栋幢元层户座门组弄村巷]|(?<![单编货批型账序代学工票])号)(?<pre>\d{1,3})(?<glued>1[3-9]\d{9}))(?!\d)|(?<ext>[转轉]\d{4})(?!\d)/gu;

/** A JD waybill prefix right before a match (`JDVA16012345678`): not buyer data in `maskText`. */
const JD_BEFORE = /JD[A-Z]{0,3}$/u;

/** Whether the match at `start` follows a JD waybill prefix. */
const afterJd = (t: string, start: number): boolean =>
  start >= 2 && t.charCodeAt(start - 1) <= 90 && JD_BEFORE.test(t.slice(Math.max(0, start - 5), start));

/**
 * ORDER ID, NOT ID NUMBER: an 18-digit order id has the shape of a resident ID number (area,
 * birth date, sequence) about as often as not (`订单号100000190008050000`, a fast-check
 * counterexample). Right after an order or waybill number word it is an order id and stays; an
 * 18-digit number written without such a word is masked as an ID number (the safe side).
 */
const NUMBER_WORD_BEFORE = /(?:订单|单号|编号|货号|交易号|流水号|运单|订单号|order|Order|ORDER)[ \t:：#]*$/u;

/** Whether the match at `start` follows an order / waybill number word. */
const afterNumberWord = (t: string, start: number): boolean =>
  NUMBER_WORD_BEFORE.test(t.slice(Math.max(0, start - 10), start));

/** Text without a digit or 转 holds nothing FINDER finds: skip the scan. */
const MAY_FIND = /[0-9转轉]/u;

/** A mobile already masked by the rule (`138****5678`): an anchor for a name next to it. */
const MASKED_MOBILE = /(?<!\d)1[3-9]\d\*{4}\d{4}(?!\d)/gu;

/** Words that start an address in free text; after them the detail goes even without a region. */
const ADDRESS_LABEL = /(?:(?:收货地址|收件地址|详细地址|所在地区|新地址)[:：]?|地址[:：])[ \t]*/gu;

/** Words that start a name; after them 2–4 Han characters are a name. */
const NAME_LABEL = /(?:收件人|收货人|联系人|签收人|姓名|名字)[:：]?[ \t]*/gu;

const HAS_NAME_LABEL = new RegExp(NAME_LABEL.source, 'u');

/**
 * Words that end an address or a name: the next field of a pasted recipient. The order words
 * (订单, 快递, 物流…) only when no other Han character but 单/号/编 follows them: `物流大道`,
 * `快递园区` are parts of an address (`四川省南充市高坪区物流大道三段99号`), `快递单号` is not.
 */
const FIELD_WORD =
  /^(?:收件人|收货人|联系人|签收人|姓名|名字|电话|手机|联系电话|联系方式|号码|邮编|邮政编码|备注|地址|收货地址|收件地址|详细地址|所在地区|(?:订单|单号|运单|快递|物流|货号|金额|价格|SKU|sku)(?:[单号编]|(?!\p{Script=Han})))/u;

/**
 * Words of an address detail. Without a region written in full (`浙江杭州西湖龙井…` may be a
 * tea), the detail must show one of these to be read as an address.
 */
const ADDRESS_MARK =
  /[路街巷弄号號栋棟幢楼樓室村镇鎮乡鄉苑座组組]|小区|单元|大道|花园|社区|公寓|大厦|广场|街道|家园|新村|工业区|园区|公司|大学|学院|医院|中心|酒店|商城|写字楼|产业园|科技园|软件园/u;

/** Quick test: text without any of these holds no address worth reading. */
const ADDRESS_HINT = /[路街巷弄号號栋幢楼樓室村镇乡苑座省市区區县縣州旗盟]|地址/u;

/** Han runs next to a phone that are words, not names. */
const NOT_A_NAME =
  /^(?:谢谢|多谢|感谢|电话|手机|号码|尽快|发货|收货|送货|快递|包邮|备注|地址|微信|联系|联系人|收件人|本人|家人|朋友|同事|门卫|前台|物业|公司|单位|老板|客服|店主|老师|师傅)/u;

/** A Han run ending like a place or a room (`单元`, `3号楼`) is not a name. */
const PLACE_END = /(?:[室号楼栋幢层户座门组弄村巷路街镇乡区县市省]|单元|街道|社区)$/u;

/** The longest detail read after a region (characters). */
const MAX_DETAIL = 160;

/**
 * Whether a mobile written with separators is grouped like a phone number: every group at most
 * 4 digits (`138 1234 5678`, `1 3 8 …`), or 3 + 8 (`138-12345678`). `1900000 2020` is a code
 * and a year, not a number.
 */
function phoneGrouped(written: string): boolean {
  if (written.length === 11) return true;
  const body = written.replace(/^(?:\+|00)?86[ .-]?(?=1)/u, '');
  const groups = body.split(/[ .-]/u);
  if (groups.length === 1) return true;
  if (groups.length === 2 && groups[0]?.length === 3) return true;
  return groups.every((g) => g.length <= 4);
}

/**
 * RUN-ON (issue 20): a mobile written in groups that run on past 11 digits with the same
 * separator (`…2号楼1904 169 3520 4554`: a room number, then the phone) is read from the end:
 * when the last whole groups make a mobile and the groups before them hold at most 6 digits (a
 * room or house number), the mobile is those last groups. Otherwise the first 11 digits are the
 * mobile as before, and the scan goes on after them (two phones in a row are both masked).
 * Returns the mobile's [start, end) in `t`, or undefined to keep the match as it is.
 */
function runOnMobile(t: string, start: number, end: number): { start: number; end: number } | undefined {
  const sep = t.charCodeAt(end);
  if ((sep !== 32 && sep !== 45 && sep !== 46) || !isDigit(t.charCodeAt(end + 1))) return undefined;
  // Group starts of the whole run, from the match start (after any +86: then no re-reading).
  const c0 = t.charCodeAt(start);
  if (c0 === 43 || (c0 === 48 && t.charCodeAt(start + 1) === 48)) return undefined;
  const starts: number[] = [start];
  let p = start;
  while (p < t.length && starts.length <= 8) {
    const c = t.charCodeAt(p);
    if (isDigit(c)) {
      p++;
      continue;
    }
    if (c === sep && isDigit(t.charCodeAt(p + 1))) {
      starts.push(p + 1);
      p++;
      continue;
    }
    break;
  }
  const stop = p;
  if (isDigit(t.charCodeAt(stop))) return undefined;
  // The last whole groups holding exactly 11 digits.
  let digits = 0;
  for (let g = starts.length - 1; g > 0; g--) {
    const gs = starts[g] as number;
    const ge = g === starts.length - 1 ? stop : (starts[g + 1] as number) - 1;
    digits += ge - gs;
    if (digits > 11) return undefined;
    if (digits === 11) {
      const before = gs - start - g; // digits of the groups before (one separator after each)
      const d1 = t.charCodeAt(gs + 1) === sep ? t.charCodeAt(gs + 2) : t.charCodeAt(gs + 1);
      if (before > 6 || t.charCodeAt(gs) !== 49 || d1 < 51 || d1 > 57) return undefined;
      return { start: gs, end: stop };
    }
  }
  return undefined;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** ID numbers keep their first and last character: `1****************X`. */
function maskId(id: string): string {
  return id[0] + '*'.repeat(id.length - 2) + id[id.length - 1];
}

interface Span {
  readonly kind: TextFindingKind;
  readonly start: number;
  readonly end: number;
  /** Replacement for [start, end); undefined = kept as it is. */
  readonly replacement?: string;
  /** Where the thing begins for neighbourhood (an address's region start). */
  readonly from: number;
}

const isHan = (c: number): boolean => isHanCodePoint(c);

/** Separators between the fields of a pasted recipient. */
function isFieldSep(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 44 ||
    c === 58 ||
    c === 59 ||
    c === 47 ||
    c === 124 ||
    c === 45 ||
    c === 46 ||
    c === 0x3001 ||
    c === 0xff1a ||
    c === 0x3000 ||
    c === 0xa0 ||
    c === 10 ||
    c === 13 ||
    c === 0x3002 ||
    c === 33 ||
    c === 63
  );
}

/** Ends an address or a name for good: line breaks and sentence ends. */
function isHardStop(c: number): boolean {
  return (
    c === 10 ||
    c === 13 ||
    c === 0x3002 ||
    c === 59 ||
    c === 33 ||
    c === 63 ||
    c === 0xff1b ||
    c === 0x2028 ||
    c === 0x2029
  );
}

/** Soft separators inside an address detail: the next segment must look like address too. */
function isSoft(c: number): boolean {
  return c === 32 || c === 9 || c === 44 || c === 0x3001 || c === 0xa0 || c === 0x3000;
}

/**
 * The end of the detail that starts at `from`: the first segment always, the next ones while
 * they show an address word or a digit; never past a phone, a field word (`电话`, `订单号`…)
 * or a hard stop. `marked`: the first segment shows an address word.
 * FIELD END (issue 20): in a pasted recipient (`field`: a phone in the text, or after an address
 * label) the last segment of the field belongs to the detail even without an address word
 * (`…32号C栋 诺亚财富`, `…51号1栋一，二层北侧`, a company or a floor): it is kept in the detail
 * when the field ends right after it (a phone, a field word, a hard stop, the end of the text)
 * or when a name follows it, unless it is a name itself or a common word (`谢谢`).
 */
function detailEnd(t: string, from: number, limit: number, field: boolean): { end: number; marked: boolean } {
  const max = Math.min(limit, from + MAX_DETAIL);
  let i = from;
  let end = from;
  let marked = false;
  let first = true;
  /** The end before an unmarked segment, to fall back to when the next one is not address. */
  let pending = -1;
  /** The unmarked segment after `pending`, and whether the field ended right after it. */
  let lastSeg = -1;
  let fieldEnded = true;
  while (i < max) {
    // One segment: up to a soft separator, a hard stop or a field word.
    let j = i;
    while (j < max) {
      const c = t.charCodeAt(j);
      if (isHardStop(c) || isSoft(c)) break;
      if (j > i && FIELD_WORD.test(t.slice(j, j + 4))) break;
      j++;
    }
    if (j > i) {
      if (FIELD_WORD.test(t.slice(i, i + 4))) break;
      const seg = t.slice(i, j);
      // Masked data (`138****5678`, an earlier `****`) is never part of a detail to mask again.
      if (seg.includes('*')) break;
      const mark = ADDRESS_MARK.test(seg);
      if (!first && !mark && !/\d/u.test(seg)) {
        // One segment without an address word (`远洋商务`, `/`) is kept only when the next
        // one has an address word (`603室`); otherwise the detail ends here.
        if (pending >= 0) {
          // FIELD END: a name right after the unmarked segment closes the field.
          fieldEnded = nameAt(t, i, j);
          break;
        }
        pending = end;
        lastSeg = i;
        end = j;
      } else {
        pending = -1;
        end = j;
      }
      if (first) marked = mark;
      first = false;
    }
    if (j >= max || isHardStop(t.charCodeAt(j))) break;
    i = j + 1;
  }
  if (pending >= 0 && field && fieldEnded && lastSeg >= 0 && !nameAt(t, lastSeg, end)) {
    if (!NOT_A_NAME.test(t.slice(lastSeg, end))) return { end, marked };
  }
  return { end: pending >= 0 ? pending : end, marked };
}

/** Whether [from, to) holds something other than mask stars and separators. */
function hasContent(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c !== 42 && !isSoft(c) && !isFieldSep(c)) return true;
  }
  return false;
}

/**
 * How sure a region in free text is: 'strong' (a part written in full among 2+: any detail
 * goes), 'weak' (short forms only, one full part, or a city's short name alone: the detail must
 * start with an address word), or none (a province or county short name alone: `云南白药`).
 */
function confidence(r: RegionInText): 'strong' | 'weak' | undefined {
  if (r.parts >= 2 && !r.allShort) return 'strong';
  if (r.parts >= 2 || !r.allShort || r.city) return 'weak';
  return undefined;
}

/**
 * In a pasted recipient (a phone in the text), a county's short form that names one division
 * only (`义乌国际商贸城…`, `柯桥万国中心…`, as `maskAddress` reads an address field) starts an
 * address too when it starts a field (not inside a Han run: `姚建华` is a name): it is read
 * leniently and counts as 'weak'.
 */
function recipientConfidence(r: RegionInText, s: string): 'strong' | 'weak' | undefined {
  const level = confidence(r);
  if (level) return level;
  // Followed by a separator, the short form is a field of its own: a name (`武平,浙江省…`).
  const next = s.charCodeAt(r.end);
  return r.district && r.end < s.length && !isFieldSep(next) && !isSoft(next) ? 'weak' : undefined;
}

/**
 * Addresses in `t` (masked spans). `regions` receives the regions written in full without a
 * detail in a text with a phone (`陆霞军 北京市丰台区 160…`): not masked, but a name next to one
 * is a recipient's name.
 */
function findAddresses(t: string, phones: readonly Span[], regions: Span[]): Span[] {
  const out: Span[] = [];
  let recipient = false;
  for (let q = 0; q < phones.length; q++) {
    const kind = (phones[q] as Span).kind;
    if (kind === 'mobile' || kind === 'landline') recipient = true;
  }
  // Next to a phone an address may show no hint at all (`绍兴柯桥金色水岸6-982`).
  if (!recipient && !ADDRESS_HINT.test(t)) return out;
  const s = simplifiedForRegions(t);
  const n = t.length;
  // Fast path: no label and no two characters that start a division name: nothing to read.
  const labelled = t.includes('地址') || t.includes('所在地区');
  if (!labelled) {
    let any = false;
    for (let q = 0; q + 1 < n && !any; q++) any = mayStartRegion(s, q);
    if (!any) return out;
  }
  const labels = new Set<number>();
  if (labelled) for (const m of t.matchAll(ADDRESS_LABEL)) labels.add(m.index + m[0].length);
  let i = 0;
  // The next phone/ID span (sorted by start): a detail never runs into it.
  let k = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    const labelledHere = labels.has(i);
    if (!labelledHere && !isHan(c)) {
      i++;
      continue;
    }
    while (k < phones.length && (phones[k] as Span).start < i) k++;
    const limit = k < phones.length ? (phones[k] as Span).start : n;
    // A short county alone starts a field only (`姚建华` holds 建华, a county's short form).
    const lenient = recipient && (i === 0 || !isHan(s.charCodeAt(i - 1)));
    const r = isHan(c) && mayStartRegion(s, i) ? readRegionAt(s, i, lenient) : undefined;
    const level = r ? (lenient ? recipientConfidence(r, s) : confidence(r)) : undefined;
    const start = r && level ? r.end : i;
    if (labelledHere || level) {
      const d = detailEnd(t, start, limit, recipient || labelledHere);
      // Next to a phone (a pasted recipient) any region-led detail is an address.
      const ok = labelledHere || level === 'strong' || d.marked || recipient;
      if (ok && d.end > start && hasContent(t, start, d.end)) {
        const p = recipient && level === 'strong' ? townBefore(t, i, out) : i;
        if (p < i) out.push({ kind: 'address', start: p, end: i, replacement: FIXED_MASK, from: p });
        out.push({ kind: 'address', start, end: d.end, replacement: FIXED_MASK, from: p });
        i = d.end;
        continue;
      }
      if (r && level) {
        if (recipient && level === 'strong') regions.push({ kind: 'address', start: i, end: r.end, from: i });
        i = r.end;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** A town written before the region by a form (`文屏镇云南省昭通市…`): TOWN_BEFORE. */
const TOWN_END = /(?:街道|镇|乡)$/u;

/**
 * TOWN_BEFORE (issue 20): in a pasted recipient, a field that starts with a town (3–8 Han
 * characters ending in 街道/镇/乡) right before a region written in full is detail too:
 * masked, and the name before it is next to the address. Returns where the town starts, or
 * `at` when there is none.
 */
function townBefore(t: string, at: number, found: readonly Span[]): number {
  let k = at;
  while (k > 0 && at - k < 8 && isHan(t.charCodeAt(k - 1))) k--;
  if (at - k < 3 || (k > 0 && isHan(t.charCodeAt(k - 1)))) return at;
  const prev = found[found.length - 1];
  if (prev && prev.end > k) return at;
  return TOWN_END.test(t.slice(k, at)) ? k : at;
}

/** A name candidate [a, b): 2–4 Han characters led by a surname, not a common word. */
function nameAt(t: string, a: number, b: number): boolean {
  const len = b - a;
  if (len < 2 || len > 4) return false;
  for (let k = a; k < b; k++) if (!isHan(t.charCodeAt(k))) return false;
  const w = t.slice(a, b);
  return startsWithSurname(w) && !NOT_A_NAME.test(w) && !PLACE_END.test(w);
}

/** Skip up to 3 field separators leftwards from `pos` (exclusive); returns the new end. */
function skipLeft(t: string, pos: number): number {
  let p = pos;
  while (p > 0 && pos - p < 3 && isFieldSep(t.charCodeAt(p - 1))) p--;
  return p;
}

function skipRight(t: string, pos: number): number {
  let p = pos;
  while (p < t.length && p - pos < 3 && isFieldSep(t.charCodeAt(p))) p++;
  return p;
}

/** Whether [a, b) overlaps a span of `sorted` (sorted by `from`, not overlapping): binary search. */
function overlaps(sorted: readonly Span[], a: number, b: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as Span).end <= a) lo = mid + 1;
    else hi = mid;
  }
  const s = sorted[lo];
  return s !== undefined && s.from < b;
}

/** Anchor starts and ends, as sets when there are many (long texts stay linear). */
interface AnchorSets {
  readonly starts: ReadonlySet<number>;
  readonly ends: ReadonlySet<number>;
}

/**
 * Whether an anchor starts (`ends` false) or ends (`ends` true) at `i`. Few anchors (the usual
 * remark): a linear look-up beats building sets. No closures: a hot path.
 */
function anchorAt(anchors: readonly Span[], sets: AnchorSets | undefined, i: number, ends: boolean): boolean {
  if (sets) return ends ? sets.ends.has(i) : sets.starts.has(i);
  for (let q = 0; q < anchors.length; q++) {
    const s = anchors[q] as Span;
    if ((ends ? s.end : s.from) === i) return true;
  }
  return false;
}

/** Add the name candidate [a, b) unless it overlaps a fixed span or is already masked. */
function addName(cands: Span[], t: string, fixed: readonly Span[], a: number, b: number): void {
  if (overlaps(fixed, a, b)) return;
  if (t.charCodeAt(b) === 42) return; // already masked (`张*`)
  cands.push({ kind: 'name', start: a, end: b, from: a });
}

const byStart = (x: Span, y: Span): number => x.start - y.start;
const byFrom = (x: Span, y: Span): number => x.from - y.from;

function findNames(t: string, anchors: readonly Span[], fixed: readonly Span[]): Span[] {
  const cands: Span[] = [];
  let sets: AnchorSets | undefined;
  if (anchors.length > 4) {
    const starts = new Set<number>();
    const ends = new Set<number>();
    for (const a of anchors) {
      starts.add(a.from);
      ends.add(a.end);
    }
    sets = { starts, ends };
  }
  for (let q = 0; q < anchors.length; q++) {
    const s = anchors[q] as Span;
    // Left of the anchor: a Han run that ends at the separators before it.
    const e = skipLeft(t, s.from);
    let a = e;
    while (a > 0 && e - a < 5 && isHan(t.charCodeAt(a - 1))) a--;
    const leftEdge = a === 0 || !isHan(t.charCodeAt(a - 1)) || anchorAt(anchors, sets, a, true);
    if (leftEdge && nameAt(t, a, e)) addName(cands, t, fixed, a, e);
    // Right of the anchor.
    const b0 = skipRight(t, s.end);
    let b = b0;
    while (b < t.length && b - b0 < 5 && isHan(t.charCodeAt(b)) && !anchorAt(anchors, sets, b, false)) b++;
    const rightEdge = b === t.length || !isHan(t.charCodeAt(b)) || anchorAt(anchors, sets, b, false);
    if (rightEdge && nameAt(t, b0, b)) addName(cands, t, fixed, b0, b);
  }
  if (t.includes('人') || t.includes('名')) {
    for (const m of t.matchAll(NAME_LABEL)) {
      const a = m.index + m[0].length;
      let b = a;
      while (b < t.length && b - a < 4 && isHan(t.charCodeAt(b)) && !anchorAt(anchors, sets, b, false)) {
        if (b > a + 1 && FIELD_WORD.test(t.slice(b, b + 4))) break;
        b++;
      }
      if (b - a >= 2) addName(cands, t, fixed, a, b);
    }
  }
  if (cands.length === 0) return cands;
  // Candidates found twice (left of one anchor, right of another) or overlapping: keep the first.
  if (cands.length > 1) cands.sort(byStart);
  const out: Span[] = [];
  let end = 0;
  for (const c of cands) {
    if (c.start < end) continue;
    out.push({
      kind: c.kind,
      start: c.start,
      end: c.end,
      from: c.from,
      replacement: maskName(t.slice(c.start, c.end)).value,
    });
    end = c.end;
  }
  return out;
}

/**
 * Find and mask phones, ID numbers, detailed addresses and names in free text. Never throws;
 * idempotent (its output has nothing left to mask). Linear in the text length.
 * @example
 * maskText('请打13440963639或转9647').value; // '请打134****3639或转9647'
 * maskText('张三 13812345678 广东省深圳市南山区科技园南区高新南一道8号').value;
 * // '张* 138****5678 广东省深圳市南山区****'
 * maskText('改地址到浙江省杭州市西湖区文三路100号，谢谢').value; // '改地址到浙江省杭州市西湖区****，谢谢'
 * maskText('收件人：欧阳娜娜').value; // '收件人：欧阳*'
 * maskText('订单3718000000000001 金额134.50').found; // []
 */
export function maskText(text: string): MaskedText {
  if (typeof text !== 'string' || text === '') return { value: '', found: [] };
  const t = foldWidth(text);
  const phones: Span[] = [];
  FINDER.lastIndex = 0;
  for (let m = MAY_FIND.test(t) ? FINDER.exec(t) : null; m !== null; m = FINDER.exec(t)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    if (g.glued === undefined && g.ext === undefined && afterJd(t, start)) continue;
    if (g.virtual !== undefined) phones.push({ kind: 'virtual', start, end, from: start });
    else if (g.id !== undefined) {
      if (!afterNumberWord(t, start))
        phones.push({ kind: 'id-number', start, end, replacement: maskId(g.id), from: start });
    } else if (g.mobile !== undefined) {
      const run = g.mobile.length > 11 ? runOnMobile(t, start, end) : undefined;
      if (run) {
        const w = t.slice(run.start, run.end);
        if (phoneGrouped(w)) {
          phones.push({ kind: 'mobile', ...run, replacement: maskPhone(w).value, from: run.start });
          FINDER.lastIndex = run.end;
          continue;
        }
      }
      if (phoneGrouped(g.mobile))
        phones.push({ kind: 'mobile', start, end, replacement: maskPhone(g.mobile).value, from: start });
    } else if (g.landline !== undefined)
      phones.push({ kind: 'landline', start, end, replacement: maskPhone(g.landline).value, from: start });
    else if (g.glued !== undefined) {
      const at = start + (g.pre ?? '').length;
      phones.push({ kind: 'mobile', start: at, end, replacement: maskPhone(g.glued).value, from: start });
    } else phones.push({ kind: 'extension', start, end, from: start });
  }
  const anchors: Span[] = [];
  const addresses = findAddresses(t, phones, anchors);
  for (const p of phones) if (p.kind !== 'extension') anchors.push(p);
  for (const a of addresses) anchors.push(a);
  if (t.includes('*'))
    for (const m of t.matchAll(MASKED_MOBILE))
      anchors.push({ kind: 'mobile', start: m.index, end: m.index + m[0].length, from: m.index });
  // Phones and addresses never overlap (a detail stops at the next phone): one sorted list.
  const fixed = addresses.length === 0 ? phones : [...phones, ...addresses].sort(byFrom);
  const names =
    anchors.length > 0 || ((t.includes('人') || t.includes('名')) && HAS_NAME_LABEL.test(t))
      ? findNames(t, anchors, fixed)
      : [];
  if (fixed.length === 0 && names.length === 0) return { value: text, found: [] };
  const all = names.length === 0 ? fixed : [...fixed, ...names].sort(byStart);
  let out = '';
  let last = 0;
  for (const f of all) {
    if (f.replacement === undefined || f.start < last) continue;
    out += text.slice(last, f.start) + f.replacement;
    last = f.end;
  }
  const found: TextFinding[] = [];
  for (let q = 0; q < all.length; q++) {
    const f = all[q] as Span;
    found.push({ kind: f.kind, start: f.start, end: f.end });
  }
  return { value: last === 0 ? text : out + text.slice(last), found };
}

/**
 * Mask the mobile numbers of free text and nothing else, with the `maskText` rule and finder
 * (tight, `+86`, spaces, dashes, dots, full-width, glued to a room number), except `keep` (11
 * digits: a platform's virtual main number a label must print). Stricter than `maskText` in one
 * way: a mobile-shaped run right after `JD…` is masked too (a label carries its waybill number
 * in the bar code). For label lines (issue 14, item
 * 4), where landlines and the rest of the text must stay as they are. Linear; never throws.
 * @example
 * maskMobilesIn('广州市天河区花城广场8号 +86 138-1234-5678'); // '广州市天河区花城广场8号 138****5678'
 * maskMobilesIn('拨打13240968483', '13240968483'); // '拨打13240968483'
 */
export function maskMobilesIn(text: string, keep = ''): string {
  if (typeof text !== 'string' || text === '') return '';
  const t = foldWidth(text);
  let out = '';
  let last = 0;
  FINDER.lastIndex = 0;
  for (let m = FINDER.exec(t); m !== null; m = FINDER.exec(t)) {
    const g = m.groups ?? {};
    let written = g.mobile ?? g.glued;
    let end = m.index + m[0].length;
    const run = g.mobile !== undefined && g.mobile.length > 11 ? runOnMobile(t, m.index, end) : undefined;
    if (run && phoneGrouped(t.slice(run.start, run.end))) {
      written = t.slice(run.start, run.end);
      end = run.end;
      FINDER.lastIndex = run.end;
    } else if (written === undefined || (g.mobile !== undefined && !phoneGrouped(written))) continue;
    const digits = written.replace(/\D/gu, '').slice(-11);
    if (keep !== '' && digits === keep) continue;
    const start = end - written.length;
    out += text.slice(last, start) + maskPhone(digits).value;
    last = end;
  }
  return last === 0 ? text : out + text.slice(last);
}
