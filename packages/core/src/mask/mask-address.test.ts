import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { fuzzText, RUNS } from '../classify/fuzz.test-helper.js';
import { decodeDivisions } from './divisions-codec.js';
import { DIVISIONS } from './divisions-data.js';
import { LEGACY_NAMES } from './divisions-legacy.js';
import { maskAddress } from './mask-address.js';

describe('maskAddress: known answers', () => {
  const cases: [string, string, Record<string, string>][] = [
    [
      '广东省广州市天河区花城广场888号',
      '广东省广州市天河区****',
      { province: '广东省', city: '广州市', district: '天河区' },
    ],
    [
      '广东省广州市天河区花城广场888号如需联系用户,请转3639',
      '广东省广州市天河区****',
      { district: '天河区' },
    ],
    ['北京市朝阳区建国路1号', '北京市朝阳区****', { province: '北京市', district: '朝阳区' }],
    ['北京市市辖区朝阳区建国路1号', '北京市市辖区朝阳区****', { province: '北京市', district: '朝阳区' }],
    [
      '上海上海市浦东新区世纪大道100号',
      '上海上海市浦东新区****',
      { province: '上海市', district: '浦东新区' },
    ],
    ['重庆市城口县葛城街道', '重庆市城口县****', { province: '重庆市', district: '城口县' }],
    [
      '内蒙古呼和浩特市新城区xx路',
      '内蒙古呼和浩特市新城区****',
      { province: '内蒙古自治区', city: '呼和浩特市' },
    ],
    [
      '新疆乌鲁木齐市天山区解放路',
      '新疆乌鲁木齐市天山区****',
      { province: '新疆维吾尔自治区', district: '天山区' },
    ],
    ['广西南宁市青秀区民族大道', '广西南宁市青秀区****', { province: '广西壮族自治区' }],
    ['浙江省金华市义乌市稠城街道', '浙江省金华市义乌市****', { city: '金华市', district: '义乌市' }],
    ['浙江省义乌市稠城街道', '浙江省义乌市****', { city: '金华市', district: '义乌市' }],
    ['湖北省仙桃市干河街道', '湖北省仙桃市****', { province: '湖北省', district: '仙桃市' }],
    ['广东省东莞市长安镇xx路', '广东省东莞市****', { province: '广东省', city: '东莞市' }],
    ['海南省儋州市那大镇', '海南省儋州市****', { city: '儋州市' }],
    [
      '广州市天河区花城广场888号',
      '广州市天河区****',
      { province: '广东省', city: '广州市', district: '天河区' },
    ],
    ['吉林市船营区xx', '吉林市船营区****', { province: '吉林省', city: '吉林市', district: '船营区' }],
    ['延边州延吉市xx', '延边州延吉市****', { city: '延边朝鲜族自治州', district: '延吉市' }],
    ['广东 广州 天河区 花城广场', '广东广州天河区****', { district: '天河区' }],
    ['广东省广州市天河区', '广东省广州市天河区****', { district: '天河区' }],
  ];
  for (const [input, value, region] of cases) {
    it(input, () => {
      const r = maskAddress(input);
      expect(r.value).toBe(value);
      expect(r.region).toMatchObject(region);
    });
  }
  it('traditional characters (seed 002: 廣東省廣州市天河區花城廣場888號)', () => {
    const r = maskAddress('廣東省廣州市天河區花城廣場888號如需聯繫用戶,請轉3639');
    expect(r.value).toBe('廣東省廣州市天河區****');
    expect(r.region).toEqual({ province: '广东省', city: '广州市', district: '天河区' });
    expect(maskAddress('北京市朝陽區建國路1號').value).toBe('北京市朝陽區****');
    expect(maskAddress('廣東省廣州大道中100號').value).toBe('廣東省****');
  });
  it('a short form right before a street is detail, not a region', () => {
    expect(maskAddress('广东省广州大道中100号').value).toBe('广东省****');
    expect(maskAddress('北京市朝阳门内大街1号').value).toBe('北京市****');
    expect(maskAddress('广东路100号').value).toBe('****');
    expect(maskAddress('北京门头沟区xx').value).toBe('北京门头沟区****');
    expect(maskAddress('黑龙江大庆市让胡路区xx').value).toBe('黑龙江大庆市让胡路区****');
    expect(maskAddress('广东广州天河花城广场').value).toBe('广东广州天河****');
  });
  it('unrecognised, masked, empty, ciphertext', () => {
    expect(maskAddress('花城广场888号')).toEqual({
      value: '****',
      form: 'plain',
      region: {},
      detail: true,
      reason: 'no region recognised',
    });
    expect(maskAddress('广东省广州市天河区****')).toMatchObject({
      value: '广东省广州市天河区****',
      form: 'masked',
      detail: false,
    });
    expect(maskAddress('广东省广州市天河区')).toMatchObject({
      value: '广东省广州市天河区****',
      detail: false,
    });
    expect(maskAddress('广东省广州市天河区花城广场').detail).toBe(true);
    expect(maskAddress('****').detail).toBe(false);
    expect(maskAddress('')).toEqual({ value: '', form: 'empty', region: {}, detail: false });
    expect(maskAddress('#ML3B#0BB1W4Xn5AbCdEfGh1234=#1##').form).toBe('ciphertext');
  });
});

const tables = decodeDivisions(DIVISIONS);

describe('maskAddress: every county in the dataset', () => {
  it('and in traditional characters (OpenCC cn → tw)', () => {
    const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
    let n = 0;
    for (const d of tables.all) {
      if (d.level !== 'county') continue;
      const region = d.province + (d.city ?? '') + d.name;
      const tw = toTw(region);
      if (tw.length !== region.length) continue;
      const r = maskAddress(`${tw}幸福路12號3棟401`);
      expect(r.value, tw).toBe(`${tw}****`);
      expect(r.region.district, tw).toBe(d.name);
      n++;
    }
    expect(n).toBeGreaterThan(2800);
  });
  it('keeps exactly province + city + county for each of the 3,000+ counties', () => {
    let n = 0;
    for (const d of tables.all) {
      if (d.level !== 'county') continue;
      const region = d.province + (d.city ?? '') + d.name;
      const r = maskAddress(`${region}幸福路12号3栋401`);
      expect(r.value, region).toBe(`${region}****`);
      expect(r.region.district, region).toBe(d.name);
      n++;
    }
    expect(n).toBeGreaterThan(2800);
  });
});

/** Detail text made of characters that never occur in a division name. */
const detailChars = [...'路号弄栋室单元楼巷0123456789ABCxyz-#😀𠮷'].filter((c) => !DIVISIONS.includes(c));
const detail = fc
  .array(fc.constantFrom(...detailChars), { minLength: 2, maxLength: 30 })
  .map((a) => a.join(''));
const counties = tables.all.filter((d) => d.level === 'county');

describe('maskAddress: properties', () => {
  it('never throws and is idempotent', () => {
    fc.assert(
      fc.property(fuzzText, (s) => {
        const once = maskAddress(s).value;
        expect(maskAddress(once).value).toBe(once);
      }),
      RUNS,
    );
  });
  it('a masked address never contains its detail (with or without province / city)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...counties), fc.integer({ min: 0, max: 2 }), detail, (d, drop, det) => {
        const region = (drop === 0 ? d.province : '') + (drop <= 1 ? (d.city ?? '') : '') + d.name;
        const out = maskAddress(region + det).value;
        expect(out).not.toContain(det);
        expect(out.endsWith('****')).toBe(true);
        for (const c of detailChars) expect(out).not.toContain(c);
      }),
      RUNS,
    );
  });
  it('the masked value does not depend on the detail (its length or content leaks nothing)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...counties), detail, detail, (d, a, b) => {
        const region = d.province + (d.city ?? '') + d.name;
        expect(maskAddress(region + a).value).toBe(maskAddress(region + b).value);
      }),
      RUNS,
    );
  });
  it('finishes on 100,000-character inputs', () => {
    expect(maskAddress('广'.repeat(100_000)).value).toBe('****');
    expect(maskAddress('廣'.repeat(100_000)).value).toBe('****');
    expect(maskAddress('廣東省' + '區'.repeat(100_000)).value).toBe('廣東省****');
    expect(maskAddress('广东省' + '路'.repeat(100_000)).value).toBe('广东省****');
    expect(maskAddress(' '.repeat(100_000) + '北京').value).toBe('北京****');
    expect(maskAddress('北京' + ' '.repeat(100_000) + '1').value).toBe('北京****');
  });
});

describe('maskAddress: regions as people write them (issue 20, item 3)', () => {
  const cases: [string, string, Record<string, string | undefined>][] = [
    // Separators between the parts.
    ['浙江省-金华市-义乌市稠州北路1号', '浙江省金华市义乌市****', { city: '金华市', district: '义乌市' }],
    ['浙江省_杭州市_西湖区文三路', '浙江省杭州市西湖区****', { district: '西湖区' }],
    [
      '广东/深圳/南山区科技园',
      '广东深圳南山区****',
      { province: '广东省', city: '深圳市', district: '南山区' },
    ],
    ['江苏省 苏州市 吴江区 干将东路678号', '江苏省苏州市吴江区****', { city: '苏州市', district: '吴江区' }],
    // A short form extended into another name is not read.
    ['杭州湾新区滨海二路', '****', {}],
    ['柳州地区忻城县', '****', {}],
    ['湖南湘潭县易俗河镇', '湖南湘潭县****', { city: '湘潭市', district: '湘潭县' }],
    ['湘潭县易俗河镇', '湘潭县****', { city: '湘潭市', district: '湘潭县' }],
    ['吉林市船营区xx', '吉林市船营区****', { province: '吉林省', city: '吉林市' }],
    // County-level cities and counties without their prefecture.
    ['浙江义乌稠州北路', '浙江义乌****', { city: '金华市', district: '义乌市' }],
    ['义乌稠州北路', '义乌****', { city: '金华市', district: '义乌市' }],
    // Former suffixes and retired names: read as today's division, kept as written.
    ['杭州市临安市锦北街道', '杭州市临安市****', { district: '临安区' }],
    ['深圳市龙华新区樟坑一区', '深圳市龙华新区****', { district: '龙华区' }],
    ['浙江省杭州市江干区钱江路', '浙江省杭州市江干区****', { city: '杭州市', district: '上城区' }],
    ['杭州市下城区武林路', '杭州市下城区****', { district: '拱墅区' }],
    ['浙江省宁波市江东区百丈路', '浙江省宁波市江东区****', { district: '鄞州区' }],
    ['上海市闸北区天目中路428号', '上海市闸北区****', { province: '上海市', district: '静安区' }],
    ['新疆吐鲁番地区高昌区', '新疆吐鲁番地区高昌区****', { city: '吐鲁番市', district: '高昌区' }],
    // Autonomous prefectures, 地区 and 盟.
    ['黔南州都匀市剑江路', '黔南州都匀市****', { city: '黔南布依族苗族自治州', district: '都匀市' }],
    [
      '贵州省黔南布依族苗族自治州长顺县长寨街道',
      '贵州省黔南布依族苗族自治州长顺县****',
      { district: '长顺县' },
    ],
    ['新疆阿克苏地区库车市', '新疆阿克苏地区库车市****', { city: '阿克苏地区' }],
    ['内蒙古锡林郭勒盟锡林浩特市', '内蒙古锡林郭勒盟锡林浩特市****', { city: '锡林郭勒盟' }],
    // Two regions in one string: the first is kept, never a mix.
    [
      '浙江省杭州市广东省深圳市南山区',
      '浙江省杭州市****',
      { province: '浙江省', city: '杭州市', district: undefined },
    ],
    ['广东省杭州市西湖区', '广东省****', { province: '广东省', city: undefined, district: undefined }],
    // A county name shared by several cities keeps no province or city (never a wrong one).
    ['朝阳区建国路1号', '朝阳区****', { province: undefined, city: undefined, district: '朝阳区' }],
    // REPEATS (misses of the NAACL 2019 corpus, kept as tests): a region written twice.
    ['宁波宁波市江北区建业街1141弄', '宁波宁波市江北区****', { city: '宁波市', district: '江北区' }],
    ['浙江省杭州市杭州市萧山区建设四路', '浙江省杭州市杭州市萧山区****', { district: '萧山区' }],
    [
      '浙江省温州市null浙江温州市瓯海区南白象镇',
      '浙江省温州市null浙江温州市瓯海区****',
      { city: '温州市', district: '瓯海区' },
    ],
    [
      '浙江省温州市浙江省永嘉县上塘镇',
      '浙江省温州市浙江省永嘉县****',
      { city: '温州市', district: '永嘉县' },
    ],
    [
      '山东省济南市其它区山东省济南市长清区大学城',
      '山东省济南市其它区山东省济南市长清区****',
      { district: '长清区' },
    ],
    // `中国` starts an address written in full after a form's leftover region.
    [
      '山东省临沂市临沭县中国浙江省杭州市余杭区龙潭路',
      '浙江省杭州市余杭区****',
      { province: '浙江省', city: '杭州市', district: '余杭区' },
    ],
    ['中国浙江省温州市龙湾区永强大道3295号', '浙江省温州市龙湾区****', { district: '龙湾区' }],
    // A town or a form label before the region (the prefix is detail).
    ['天山路街道上海市长宁区天山路1932号', '上海市长宁区****', { province: '上海市', district: '长宁区' }],
    ['灵官镇湖南省祁东县灵官镇石榴村5组51号', '湖南省祁东县****', { district: '祁东县' }],
    // SEAT: an autonomous prefecture written by its seat city, then one of its counties.
    [
      '湖南省吉首市凤凰县禾库镇',
      '湖南省吉首市凤凰县****',
      { city: '湘西土家族苗族自治州', district: '凤凰县' },
    ],
    ['青海省德令哈市乌兰东路45号', '青海省德令哈市****', { district: '德令哈市' }],
    ['浙江省台州市温岭市临海市', '浙江省台州市温岭市****', { district: '温岭市' }],
    // A short form followed by 镇/市 that starts a child written in full.
    ['浙江省宁波镇海区俞范东路780号', '浙江省宁波镇海区****', { city: '宁波市', district: '镇海区' }],
    ['江苏镇江市丹阳市开发区', '江苏镇江市丹阳市****', { city: '镇江市', district: '丹阳市' }],
    // Retired since 2015: 遵义县 (播州区, 2016), 大同县 (云州区, 2018).
    ['贵州省遵义县泮水镇', '贵州省遵义县****', { city: '遵义市', district: '播州区' }],
  ];
  for (const [input, value, region] of cases) {
    it(input, () => {
      const r = maskAddress(input);
      expect(r.value).toBe(value);
      for (const [k, v] of Object.entries(region)) expect(r.region[k as keyof typeof r.region], k).toBe(v);
      expect(maskAddress(r.value).value).toBe(r.value);
    });
  }
  it('every retired name maps to a division of today’s table', () => {
    const t = decodeDivisions(DIVISIONS);
    for (const l of LEGACY_NAMES) {
      const now = t.all.find((d) => d.name === l.now && d.province === l.province && d.city === l.city);
      expect(now, `${l.old} → ${l.now}`).toBeDefined();
      const head = `${l.province === '北京市' || l.province === '上海市' || l.province === '天津市' || l.province === '重庆市' ? l.province : (l.city ?? l.province)}${l.old}`;
      const r = maskAddress(`${head}某某路1号`);
      expect(r.region.district ?? r.region.city, head).toBe(l.now);
    }
  });
});
