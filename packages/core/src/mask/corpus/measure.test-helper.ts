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
import { LEGACY_NAMES } from '../divisions-legacy.js';
import { maskAddress, simplifiedForRegions } from '../mask-address.js';
import { maskText } from '../mask-text.js';

/** One corpus row: the address and the region it writes in full ('' = not written). */
export interface CorpusRow {
  readonly address: string;
  readonly province: string;
  readonly city: string;
  readonly district: string;
}

/** The address corpus (addresses.ts). */
export function addressCorpus(): CorpusRow[] {
  return ADDRESS_CORPUS.map((l) => {
    const [address = '', province = '', city = '', district = ''] = l.split('\t');
    return { address, province, city, district };
  });
}

/** The plain-text set (plain-text.ts): nothing in it may be masked. */
export function plainTexts(): string[] {
  return [...PLAIN_TEXT];
}

/** maskAddress on the corpus. */
export interface AddressFigures {
  readonly total: number;
  /** Every level the address writes in full is kept, and nothing contradicts it. */
  readonly exact: number;
  /** A kept level contradicts what the address writes. */
  readonly wrong: number;
  /** The kept text runs into the detail (anything after the written region that is not a division). */
  readonly leaked: number;
  readonly wrongExamples: readonly string[];
  readonly leakExamples: readonly string[];
}

const SEP = /[\s\-_/\\|,，、·>]/gu;

/** Measure maskAddress against the corpus. */
export function measureAddresses(rows: readonly CorpusRow[]): AddressFigures {
  let exact = 0;
  let wrong = 0;
  let leaked = 0;
  const wrongExamples: string[] = [];
  const leakExamples: string[] = [];
  for (const row of rows) {
    const r = maskAddress(row.address);
    const got = {
      province: r.region.province ?? '',
      city: r.region.city ?? '',
      district: r.region.district ?? '',
    };
    let ok = true;
    let bad = false;
    for (const k of ['province', 'city', 'district'] as const) {
      if (row[k] === '') continue;
      if (got[k] !== row[k]) ok = false;
      if (got[k] !== '' && got[k] !== row[k]) bad = true;
    }
    if (ok && !bad) exact++;
    if (bad) {
      wrong++;
      if (wrongExamples.length < 20) wrongExamples.push(`${row.address} → ${JSON.stringify(got)}`);
    }
    // Leak: the kept text (value minus the fixed mask) must be the start of the address, and
    // what it keeps beyond the region written in full must be a division's own name.
    const kept = r.value.endsWith('****') ? r.value.slice(0, -4) : r.value;
    const input = row.address.replace(SEP, '');
    const last = row.district || row.city || row.province;
    const writtenEnd = last === '' ? 0 : input.indexOf(last) + last.length;
    const extra = kept.slice(Math.max(0, writtenEnd));
    const names = [got.province, got.city, got.district];
    // A retired name kept as written (`江干区`, read as 上城区) or a traditional form is a name too.
    const simple = simplifiedForRegions(extra);
    const isName =
      extra === '' ||
      LEGACY_NAMES.some((l) => l.old === simple) ||
      names.some((n) => n !== '' && n.startsWith(simple.slice(0, 2)));
    if (!input.startsWith(kept) || !isName || /\d/u.test(kept)) {
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
    // The detail: what follows the region written in full; its last 4 characters must be gone.
    const input = row.address.replace(/\s+/gu, '');
    const last = row.district || row.city;
    // A phone written inside the address (`…68号三楼，020-66282650`) has its own rule (the
    // last 4 digits stay): the detail measured is what comes before it.
    const detail = input.slice(input.indexOf(last) + last.length).replace(PHONE_IN_DETAIL, '');
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
