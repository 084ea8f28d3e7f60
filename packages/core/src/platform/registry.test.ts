import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzText, RUNS } from '../classify/fuzz.test-helper.js';
import { readCipher } from '../classify/cipher-shapes.js';
import { chinaDate, formatChinaTime } from '../time/china-time.js';
import { douyin } from './douyin.js';
import { isExemptCategory } from './exempt.js';
import { jd } from './jd.js';
import { getPrintComponent, printComponents } from './print-components.js';
import { getPlatform, platforms, resolvePlatform } from './registry.js';
import { wechat } from './wechat.js';

describe('registry', () => {
  it('lists douyin, wechat, jd and finds them by id', () => {
    expect(platforms.map((p) => p.id)).toEqual(['douyin', 'wechat', 'jd']);
    expect(getPlatform('wechat')).toBe(wechat);
    expect(getPlatform('nope')).toBeUndefined();
    expect(getPlatform('__proto__')).toBeUndefined();
    expect(resolvePlatform(jd)).toBe(jd);
    expect(getPlatform('douyin')?.name).toEqual({ zh: '抖店', en: 'Douyin shop' });
  });
  it('ids are unique', () => {
    expect(new Set(platforms.map((p) => p.id)).size).toBe(platforms.length);
  });
});

describe('quota rules (DOMAIN.md)', () => {
  it('Douyin: 5% of orders, calendar month', () => {
    expect(douyin.quota).toEqual([
      expect.objectContaining({ kind: 'ratio', ratio: 0.05, period: 'month', recountSameOrder: true }),
    ]);
  });
  it('WeChat: 500 a month (PC)', () => {
    expect(wechat.quota).toEqual([
      expect.objectContaining({ kind: 'fixed', allowance: 500, period: 'month' }),
    ]);
  });
  it('JD: a prepaid pack', () => {
    expect(jd.quota).toEqual([expect.objectContaining({ kind: 'pack' })]);
  });
});

describe('rollout dates are China midnights on the seed dates', () => {
  const expected: Record<string, string[]> = {
    douyin: ['2021-08-01'],
    wechat: ['2023-09-25', '2023-10-20', '2023-11-20', '2023-12-11'],
    jd: ['2022-06-20'],
  };
  for (const p of platforms) {
    it(p.id, () => {
      expect(p.rollout.map((r) => r.chinaDate)).toEqual(expected[p.id]);
      for (const r of p.rollout) {
        expect(formatChinaTime(r.at)).toBe(`${r.chinaDate}T00:00:00+08:00`);
        const d = chinaDate(r.at);
        expect(`${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`).toBe(
          r.chinaDate,
        );
      }
    });
  }
});

describe('carriers (seed 000)', () => {
  it('WeChat: J&T/STO/YTO/Yunda/ZTO ready; SF/JD/China Post/Deppon connecting', () => {
    const by = (s: string) => wechat.carriers.filter((c) => c.status === s).map((c) => c.code);
    expect(by('ready')).toEqual(['JTSD', 'STO', 'YTO', 'YUNDA', 'ZTO']);
    expect(by('connecting')).toEqual(['SF', 'JD', 'EMS', 'DBKD']);
    expect(wechat.carriers.find((c) => c.code === 'JTSD')?.name.zh).toBe('极兔速递');
  });
});

describe('exempt categories', () => {
  it('WeChat exempts 虚拟商品, 教育培训, 旅游休闲, 生活服务', () => {
    for (const c of [
      '虚拟商品',
      '教育培训',
      '旅游休闲',
      '生活服务',
      ' 生活服务 ',
      '生活服务/家政',
      '生活服务>保洁',
    ])
      expect(isExemptCategory('wechat', c), c).toBe(true);
    for (const c of ['服饰内衣', '', '虚拟', '食品']) expect(isExemptCategory('wechat', c), c).toBe(false);
    expect(isExemptCategory('douyin', '虚拟商品')).toBe(false);
    expect(isExemptCategory('nope', '虚拟商品')).toBe(false);
  });
});

describe('print components: default ports (user-changeable defaults)', () => {
  it('matches the known defaults', () => {
    expect(printComponents.cainiao.defaultPorts).toEqual([13528, 13529]);
    expect(printComponents.douyin.defaultPorts).toEqual([13888, 13999]);
    expect(printComponents.pdd.defaultPorts).toEqual([5000, 18653]);
    expect(printComponents.kuaishou.defaultPorts).toEqual([16888, 16889]);
    expect(printComponents.jd.defaultPorts).toEqual([9113]);
    expect(printComponents.wechat.defaultPorts).toEqual([12705]);
    expect(printComponents.xiaohongshu.family).toBe('cainiao');
    expect(printComponents.xiaohongshu.defaultPorts).toEqual([10818]);
    expect(printComponents.kuaishou.path).toBe('/ks/printer');
  });
  it('each platform points at its component and family', () => {
    expect(douyin.printComponent.family).toBe('cainiao');
    expect(jd.printComponent.family).toBe('jd');
    expect(wechat.printComponent.family).toBe('wechat');
    expect(getPrintComponent('pdd')?.id).toBe('pdd');
    expect(getPrintComponent('toString')).toBeUndefined();
  });
});

describe('virtual-number rules as data', () => {
  it('WeChat: calls only, 14 days after receipt; JD: # suffix, SMS #ext#text; Douyin: none', () => {
    expect(wechat.virtualNumber.sms.supported).toBe(false);
    expect(wechat.virtualNumber.validity).toEqual([
      { kind: 'order', until: { event: 'receivedAt', days: 14 } },
    ]);
    expect(jd.virtualNumber.dialSuffix).toBe('#');
    expect(jd.virtualNumber.sms).toEqual({ supported: true, to: 'main', bodyTemplate: '#{ext}#{text}' });
    expect(douyin.virtualNumber.issued).toBe(false);
  });
  it('every listed ciphertext example is recognised as its platform', () => {
    for (const p of platforms) for (const s of p.cipher) expect(readCipher(s.example)?.source).toBe(p.id);
  });
});

describe('total on arbitrary strings (property)', () => {
  it('getPlatform, isExemptCategory, getPrintComponent never throw', () => {
    fc.assert(
      fc.property(fuzzText, fuzzText, (id, category) => {
        expect(getPlatform(id)).toBeUndefined();
        expect(getPrintComponent(id)).toBeUndefined();
        expect(isExemptCategory(id, category)).toBe(false);
        expect(typeof isExemptCategory('wechat', category)).toBe('boolean');
      }),
      RUNS,
    );
  });
  it('isExemptCategory finishes on a 100,000-character category', () => {
    expect(isExemptCategory('wechat', ' '.repeat(100_000) + '生活服务')).toBe(true);
    expect(isExemptCategory('wechat', '/'.repeat(100_000))).toBe(false);
  });
});
