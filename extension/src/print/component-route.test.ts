import { printComponents, type PrintComponentId } from '@shipmask/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentUrl, namedComponent, routeComponent, SHOP_COMPONENT } from './component-route';

const ids = Object.keys(printComponents) as PrintComponentId[];

describe('routeComponent', () => {
  it('a shop prints through its platform component', () => {
    expect(SHOP_COMPONENT).toEqual({ douyin: 'douyin', wechat: 'wechat', jd: 'jd' });
    expect(routeComponent({ platform: 'wechat' })).toBe('wechat');
    expect(routeComponent({})).toBe('douyin');
  });

  it('a print-data file routes to any of the seven components; a job keeps its own', () => {
    expect(ids.sort()).toEqual(['cainiao', 'douyin', 'jd', 'kuaishou', 'pdd', 'wechat', 'xiaohongshu']);
    for (const id of ids) {
      expect(routeComponent({ platform: 'douyin', file: id })).toBe(id);
      expect(routeComponent({ platform: 'jd', job: id, file: 'wechat' })).toBe(id);
    }
  });

  it('never routes to a name core does not know', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('douyin', 'wechat', 'jd') as fc.Arbitrary<'douyin'>,
        (name, p) => {
          const got = routeComponent({ platform: p, file: name, job: name });
          expect(ids).toContain(got);
          if (!ids.includes(name as PrintComponentId)) expect(got).toBe(SHOP_COMPONENT[p]);
        },
      ),
    );
  });
});

describe('namedComponent', () => {
  it('reads the component a print-data file names, only a known one', () => {
    for (const id of ids) expect(namedComponent(JSON.stringify({ component: id, waybills: [] }))).toBe(id);
    expect(namedComponent('\uFEFF{"component":"pdd","waybills":[]}')).toBe('pdd');
    expect(namedComponent('{"component":"__proto__","waybills":[]}')).toBeUndefined();
    expect(namedComponent('{"component":"ws://evil.example:1/","waybills":[]}')).toBeUndefined();
    expect(namedComponent('[]')).toBeUndefined();
    expect(namedComponent('not json')).toBeUndefined();
    expect(namedComponent('null')).toBeUndefined();
  });
});

describe('componentUrl', () => {
  it('host 127.0.0.1, the merchant port or the record default, the record path', () => {
    const urls = Object.fromEntries(ids.map((id) => [id, componentUrl(id, 0)]));
    expect(
      Object.fromEntries(Object.entries(urls).map(([id, r]) => [id, r.ok ? r.url : r.error.code])),
    ).toEqual({
      cainiao: 'ws://127.0.0.1:13528/',
      douyin: 'ws://127.0.0.1:13888/',
      pdd: 'ws://127.0.0.1:5000/',
      kuaishou: 'ws://127.0.0.1:16888/ks/printer',
      xiaohongshu: 'ws://127.0.0.1:10818/',
      jd: 'ws://127.0.0.1:9113/',
      wechat: 'ws://127.0.0.1:12705/',
    });
    const moved = componentUrl('kuaishou', 40123);
    expect(moved.ok && moved.url).toBe('ws://127.0.0.1:40123/ks/printer');
    expect(componentUrl('jd', 70000).ok).toBe(false);
    expect(componentUrl('jd', 1.5).ok).toBe(false);
  });
});
