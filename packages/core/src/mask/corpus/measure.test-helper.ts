/**
 * The issue-20 corpus measurements, shared by mask-corpus.test.ts (thresholds) and
 * test/bench/mask.bench.ts (rows): region kept / wrong / detail leaked for maskAddress on the
 * real-world addresses of addresses.ts; pasted recipients built from those addresses fully
 * masked by maskText; and over-masking of plain-text.ts (product text, remarks, order ids,
 * tracking numbers, prices, dates). Test-only (excluded from the build).
 * @module
 */
import { ADDRESS_CORPUS } from './addresses.js';
import { PLAIN_TEXT } from './plain-text.js';
import { decodeDivisions } from '../divisions-codec.js';
import { DIVISIONS } from '../divisions-data.js';
import { LEGACY_NAMES } from '../divisions-legacy.js';
import { maskAddress, simplifiedForRegions, type AddressRegion } from '../mask-address.js';
import { maskText } from '../mask-text.js';

/** One corpus row: the address and the region spans its annotators labelled ('' = not labelled). */
export interface CorpusRow {
  readonly address: string;
  readonly province: string;
  readonly city: string;
  readonly district: string;
  /** Offset of the detail as labelled (the first span that is not the region or a repeat of it). */
  readonly detailFrom: number;
}

/** The address corpus (addresses.ts). */
export function addressCorpus(): CorpusRow[] {
  return ADDRESS_CORPUS.map((l) => {
    const [address = '', province = '', city = '', district = '', from = ''] = l.split('\t');
    return { address, province, city, district, detailFrom: Number(from) };
  });
}

/** The plain-text set (plain-text.ts): nothing in it may be masked. */
export function plainTexts(): string[] {
  return [...PLAIN_TEXT];
}

/** maskAddress on the corpus. */
export interface AddressFigures {
  readonly total: number;
  /** Every labelled level is kept (by the matching rules of `sameDivision`). */
  readonly exact: number;
  /** A kept level contradicts a label. */
  readonly wrong: number;
  /** The kept text runs into the detail (anything after the labelled region that is not a division). */
  readonly leaked: number;
  readonly wrongExamples: readonly string[];
  readonly leakExamples: readonly string[];
}

const TABLES = decodeDivisions(DIVISIONS);

const SEP = /[\s\-_/\\|,，、·>]/gu;

/** Name endings a short form leaves out (`浙江` for 浙江省, `义乌` for 义乌市). */
const SUFFIX =
  /(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|地区|盟|自治州|区|新区|县|自治县|旗|自治旗)$/u;

const MUNICIPALITIES = ['北京市', '上海市', '天津市', '重庆市'];

/**
 * Whether a kept full name `got` is the division a label `label` names, as people write it: the
 * same name; a short form (`浙江` → 浙江省, `义乌` → 义乌市); an older suffix of the same place
 * (`奉化市` → 奉化区, `日喀则地区` → 日喀则市); or a retired name and the division that took it
 * over (`江干区` → 上城区, divisions-legacy.ts, MCA change lists).
 */
export function sameDivision(label: string, got: string): boolean {
  if (label === '' || got === '') return false;
  if (label === got) return true;
  const stem = label.replace(SUFFIX, '');
  if (stem.length >= 2 && got.replace(SUFFIX, '') === stem) return true;
  const legacy = LEGACY_NAMES.find((l) => l.old === label || l.old.replace(SUFFIX, '') === label);
  return legacy !== undefined && legacy.now === got;
}

/**
 * Whether a labelled level is kept. The data set's conventions: a municipality is labelled
 * `city` (`上海市`; maskAddress keeps it as the province), and a county-level city is sometimes
 * labelled `city` (`义乌`; maskAddress keeps it as the district under 金华市).
 */
function kept(level: 'province' | 'city' | 'district', label: string, got: AddressRegion): boolean {
  if (level === 'province') return sameDivision(label, got.province ?? '');
  if (level === 'district') return sameDivision(label, got.district ?? '');
  if (MUNICIPALITIES.some((m) => sameDivision(label, m))) return sameDivision(label, got.province ?? '');
  return (
    sameDivision(label, got.city ?? '') ||
    sameDivision(label, got.district ?? '') ||
    // A county-level city labelled `city` (`吉首市`) that the kept prefecture holds (湘西州).
    TABLES.all.some((d) => d.level === 'county' && d.city === got.city && sameDivision(label, d.name))
  );
}

/** Whether maskAddress kept a name at the labelled level that is another division. */
function contradicts(level: 'province' | 'city' | 'district', label: string, got: AddressRegion): boolean {
  if (kept(level, label, got)) return false;
  if (level === 'city' && MUNICIPALITIES.some((m) => sameDivision(label, m)))
    return (got.province ?? '') !== '';
  return (got[level] ?? '') !== '';
}

/** Whether `text` is made of the names of `region` (full, short, older suffix), retired names and fillers. */
function onlyNames(text: string, region: AddressRegion): boolean {
  const words = ['中国', 'null', 'NULL', '市辖区', '其它区', '其他区'];
  for (const n of [region.province, region.city, region.district]) {
    if (n === undefined) continue;
    words.push(n);
    const stem = n.replace(SUFFIX, '');
    if (stem.length >= 2) words.push(stem);
    // The prefecture written by its seat (`吉首市` for 湘西州), and any county of the region.
    for (const d of TABLES.all)
      if (d.city === n || d.province === n) words.push(d.name, d.name.replace(SUFFIX, ''));
  }
  for (const l of LEGACY_NAMES) words.push(l.old, l.old.replace(SUFFIX, ''));
  const list = words.filter((w) => w.length >= 2).sort((x, y) => y.length - x.length);
  let i = 0;
  while (i < text.length) {
    const w = list.find((x) => text.startsWith(x, i));
    if (w === undefined) {
      // A suffix after a short form (`临安市`, today 临安区).
      const suf = /^(?:新区|地区|[省市区县盟旗])/u.exec(text.slice(i));
      if (!suf || i === 0) return false;
      i += suf[0].length;
      continue;
    }
    i += w.length;
  }
  return true;
}

/** Measure maskAddress against the corpus. */
export function measureAddresses(rows: readonly CorpusRow[]): AddressFigures {
  let exact = 0;
  let wrong = 0;
  let leaked = 0;
  const wrongExamples: string[] = [];
  const leakExamples: string[] = [];
  for (const row of rows) {
    const r = maskAddress(row.address);
    const got = r.region;
    let ok = true;
    let bad = false;
    for (const k of ['province', 'city', 'district'] as const) {
      if (row[k] === '') continue;
      if (!kept(k, row[k], got)) ok = false;
      if (contradicts(k, row[k], got)) bad = true;
    }
    if (ok && !bad) exact++;
    if (bad) {
      wrong++;
      if (wrongExamples.length < 20)
        wrongExamples.push(
          `${row.address} [${row.province}|${row.city}|${row.district}] → ${JSON.stringify(got)}`,
        );
    }
    // Leak: the kept text (value minus the fixed mask, separators dropped) must be found in the
    // address and be made of division names only: those of the kept region (in full or short,
    // under an older suffix), retired names, `中国` and `null`. Nothing else of the address.
    const keptText = simplifiedForRegions(
      (r.value.endsWith('****') ? r.value.slice(0, -4) : r.value).replace(SEP, ''),
    );
    const input = simplifiedForRegions(row.address.replace(SEP, ''));
    if (!input.includes(keptText) || !onlyNames(keptText, got)) {
      leaked++;
      if (leakExamples.length < 20) leakExamples.push(`${row.address} → ${r.value}`);
    }
  }
  return { total: rows.length, exact, wrong, leaked, wrongExamples, leakExamples };
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** maskText on pasted recipients and plain text. */
export interface TextFigures {
  readonly recipients: number;
  readonly phoneMasked: number;
  readonly detailMasked: number;
  readonly nameMasked: number;
  readonly plain: number;
  readonly overMasked: number;
  readonly examples: readonly string[];
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华建国文红玉兰飞鹏辉斌宇浩凯欣怡梓涵子轩一诺晨';
const LABELS: readonly (readonly [string, string, string])[] = [
  ['', '', ''],
  ['收件人：', '电话：', '地址：'],
  ['联系人:', '手机:', '收货地址:'],
  ['姓名 ', '', ''],
];
const SEPS = [' ', '，', ',', '\n', '  ', '；'];

/** A landline or a mobile inside an address, and everything after it (with the separators before it). */
const PHONE_IN_DETAIL = /[\s,，;；]*(?:0\d{2,3}-\d{7,8}|(?<!\d)1[3-9]\d{9}(?!\d)).*$/u;

/** Build `n` pasted recipients from corpus addresses (seeded), mask them and count. */
export function measureText(rows: readonly CorpusRow[], n: number, plain: readonly string[]): TextFigures {
  const r = rng(20261207);
  const pick = <T>(xs: ArrayLike<T>): T => xs[Math.floor(r() * xs.length)] as T;
  let phoneMasked = 0;
  let detailMasked = 0;
  let nameMasked = 0;
  const examples: string[] = [];
  const usable = rows.filter((x) => x.district !== '' || x.city !== '');
  for (let i = 0; i < n; i++) {
    const row = usable[Math.floor(r() * usable.length)] as CorpusRow;
    const name = pick(SURNAMES) + pick(GIVEN) + (r() < 0.6 ? pick(GIVEN) : '');
    let digits = `1${3 + Math.floor(r() * 7)}`;
    for (let k = 0; k < 9; k++) digits += String(Math.floor(r() * 10));
    const form = Math.floor(r() * 4);
    const phone =
      form === 0
        ? digits
        : form === 1
          ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`
          : form === 2
            ? `+86-${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`
            : digits.replace(/\d/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const [ln, lp, la] = pick(LABELS);
    const fields = [`${ln}${name}`, `${lp}${phone}`, `${la}${row.address}`];
    const order = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [2, 0, 1],
      [2, 1, 0],
      [1, 2, 0],
    ][Math.floor(r() * 6)] as number[];
    const sep = pick(SEPS);
    const text = order.map((k) => fields[k]).join(sep);
    const out = maskText(text).value;
    const folded = out.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    const phoneOk =
      !folded.replace(/\D/gu, '').includes(digits.slice(3, 7) + digits.slice(7)) && !folded.includes(digits);
    // The detail as labelled; a phone written inside the address (`…68号三楼，020-66282650`) has
    // its own rule (the last 4 digits stay): the detail measured is what comes before it.
    const detail = row.address.slice(row.detailFrom).replace(/\s+/gu, '').replace(PHONE_IN_DETAIL, '');
    const tail = detail.slice(-4);
    const detailOk = detail.length < 2 || !out.replace(/\s+/gu, '').includes(tail);
    const nameOk = !out.includes(name);
    if (phoneOk) phoneMasked++;
    if (detailOk) detailMasked++;
    if (nameOk) nameMasked++;
    if ((!phoneOk || !detailOk || !nameOk) && examples.length < 20)
      examples.push(`${JSON.stringify(text)} → ${JSON.stringify(out)}`);
  }
  let overMasked = 0;
  for (const p of plain) {
    if (maskText(p).value !== p) {
      overMasked++;
      if (examples.length < 40) examples.push(`over-masked: ${p} → ${maskText(p).value}`);
    }
  }
  return { recipients: n, phoneMasked, detailMasked, nameMasked, plain: plain.length, overMasked, examples };
}
