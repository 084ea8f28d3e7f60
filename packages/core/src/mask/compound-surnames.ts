/**
 * Chinese compound surnames (复姓), kept whole by `maskName`. The list is the common set from
 * 《百家姓》 plus those still in everyday use.
 * @module
 */

/**
 * Compound surnames, two characters each.
 * @example
 * COMPOUND_SURNAMES.includes('欧阳'); // true
 */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '慕容',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '令狐',
  '长孙',
  '宇文',
  '夏侯',
  '轩辕',
  '端木',
  '司徒',
  '司空',
  '西门',
  '独孤',
  '南宫',
  '万俟',
  '闻人',
  '澹台',
  '公冶',
  '宗政',
  '濮阳',
  '淳于',
  '单于',
  '太叔',
  '申屠',
  '仲孙',
  '钟离',
  '宰父',
  '谷梁',
  '晋楚',
  '闾丘',
  '子车',
  '亓官',
  '司寇',
  '巫马',
  '公西',
  '颛孙',
  '壤驷',
  '公良',
  '漆雕',
  '乐正',
  '拓跋',
  '夹谷',
  '段干',
  '百里',
  '东郭',
  '南门',
  '呼延',
  '羊舌',
  '微生',
  '梁丘',
  '左丘',
  '东门',
  '第五',
  '赫连',
  '鲜于',
  '呼衍',
  '公羊',
  '公户',
  '公玉',
  '公仪',
  '公乘',
  '公门',
  '公山',
  '公坚',
  '乌孙',
  '叱干',
  '慕容',
  '完颜',
  '爱新',
  '耶律',
  '贺兰',
  '哥舒',
  '尉缭',
  '钟吾',
  '青阳',
  '即墨',
  '东里',
  '北宫',
  '司城',
  '叔孙',
  '季孙',
  '孟孙',
  '伯赏',
  '南郭',
  '东宫',
  '西宫',
  '太史',
  '少正',
  '相里',
  // Traditional forms.
  '歐陽',
  '司馬',
  '諸葛',
  '長孫',
  '軒轅',
  '夏侯',
  '公孫',
  '令狐',
  '尉遲',
  '鍾離',
  '南宮',
];

/** Set form for O(1) lookups. */
const SET = new Set(COMPOUND_SURNAMES);

/**
 * Whether the first two characters of a name are a compound surname.
 * @example
 * startsWithCompoundSurname('诸葛亮'); // true
 */
export function startsWithCompoundSurname(name: string): boolean {
  return name.length >= 2 && SET.has(name.slice(0, 2));
}
