/**
 * Division names that addresses still use although GB/T 2260 dropped them: prefectures (地区)
 * that became cities, and districts merged into a neighbour. Each old name is read as the
 * division that took it over today (issue 20, item 3: "map them to today's district"), so the
 * kept region is always a current name. A district split between several successors maps to
 * the one that took its centre (江干区 → 上城区; its 下沙 part went to 钱塘区).
 *
 * Suffix changes (`临安市` → 临安区, `龙华新区` → 龙华区, `双流县` → 双流区) need no entry:
 * `mask-address.ts` reads a county's short form followed by 市/县/区/新区 as that county.
 *
 * Sources: State Council approvals as summarised by the Ministry of Civil Affairs' yearly
 * 行政区划变更 lists (http://xzqh.mca.gov.cn/), 2009–2021.
 * @module
 */

/**
 * One retired name and the division that holds its area today.
 * @example
 * const l: LegacyName = { old: '江干区', now: '上城区', province: '浙江省', city: '杭州市' };
 */
export interface LegacyName {
  readonly old: string;
  /** Today's full name (a city or county of the current table). */
  readonly now: string;
  readonly province: string;
  /** Today's prefecture-level city, for a county; absent for a city or a municipality county. */
  readonly city?: string;
}

const county = (province: string, city: string | undefined, pairs: string): LegacyName[] =>
  pairs.split(' ').map((p) => {
    const [old = '', now = ''] = p.split('>');
    return city === undefined ? { old, now, province } : { old, now, province, city };
  });

/**
 * The retired names read as today's divisions.
 * @example
 * LEGACY_NAMES.find((l) => l.old === '闸北区')?.now; // '静安区'
 */
export const LEGACY_NAMES: readonly LegacyName[] = [
  // Prefectures (地区) that became prefecture-level cities, 2010–2018.
  ...[
    ['吐鲁番地区', '吐鲁番市', '新疆维吾尔自治区'],
    ['哈密地区', '哈密市', '新疆维吾尔自治区'],
    ['日喀则地区', '日喀则市', '西藏自治区'],
    ['昌都地区', '昌都市', '西藏自治区'],
    ['林芝地区', '林芝市', '西藏自治区'],
    ['山南地区', '山南市', '西藏自治区'],
    ['那曲地区', '那曲市', '西藏自治区'],
    ['铜仁地区', '铜仁市', '贵州省'],
    ['毕节地区', '毕节市', '贵州省'],
    ['海东地区', '海东市', '青海省'],
    ['襄樊市', '襄阳市', '湖北省'],
  ].map(([old = '', now = '', province = '']): LegacyName => ({ old, now, province })),
  // Districts merged into a neighbour.
  ...county('北京市', undefined, '崇文区>东城区 宣武区>西城区'),
  ...county('上海市', undefined, '闸北区>静安区 卢湾区>黄浦区 南汇区>浦东新区'),
  ...county('天津市', undefined, '塘沽区>滨海新区 汉沽区>滨海新区 大港区>滨海新区'),
  ...county('重庆市', undefined, '万盛区>綦江区 双桥区>大足区'),
  ...county('浙江省', '杭州市', '江干区>上城区 下城区>拱墅区'),
  ...county('浙江省', '宁波市', '江东区>鄞州区'),
  ...county('浙江省', '绍兴市', '绍兴县>柯桥区'),
  ...county('广东省', '广州市', '萝岗区>黄埔区'),
  ...county('江苏省', '南京市', '白下区>秦淮区 下关区>鼓楼区'),
  ...county('江苏省', '苏州市', '沧浪区>姑苏区 平江区>姑苏区 金阊区>姑苏区'),
  ...county('江苏省', '无锡市', '崇安区>梁溪区 南长区>梁溪区 北塘区>梁溪区'),
  ...county('江苏省', '常州市', '戚墅堰区>武进区'),
  ...county('江苏省', '扬州市', '维扬区>邗江区'),
  ...county('江苏省', '南通市', '港闸区>崇川区'),
  ...county('江苏省', '淮安市', '清河区>清江浦区 清浦区>清江浦区 楚州区>淮安区'),
  ...county('山东省', '青岛市', '四方区>市北区 胶南市>黄岛区'),
  ...county('辽宁省', '沈阳市', '东陵区>浑南区'),
  ...county('贵州省', '遵义市', '遵义县>播州区'),
  ...county('山西省', '大同市', '大同县>云州区'),
];
