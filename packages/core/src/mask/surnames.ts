/**
 * Common single-character Chinese surnames (the single surnames of 《百家姓》 and the most
 * frequent ones of the 2020 census summary by the Ministry of Public Security), used by
 * `maskText` to tell a name next to a phone (`张三 138…`) from other words (`谢谢`, `尽快`).
 * @module
 */
import { startsWithCompoundSurname } from './compound-surnames.js';

const SINGLE =
  '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎' +
  '鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄' +
  '和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭' +
  '梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚' +
  '程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫' +
  '宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双' +
  '闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容' +
  '向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空' +
  '曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公覃钞仝佘粟冼揭麦练蒿卿' +
  // Frequent today, missing from the verse above (2020 census summary).
  '肖付闫佟岳牟邝涂凃练钭腾';

let set: Set<number> | undefined;

/**
 * Whether `name` starts with a common surname (single or compound).
 * @example
 * startsWithSurname('张三'); // true
 * startsWithSurname('尽快'); // false
 */
export function startsWithSurname(name: string): boolean {
  if (!set) {
    set = new Set();
    for (let i = 0; i < SINGLE.length; i++) set.add(SINGLE.charCodeAt(i));
  }
  return set.has(name.charCodeAt(0)) || startsWithCompoundSurname(name);
}
