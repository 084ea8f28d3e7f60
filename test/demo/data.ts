// Demo back-office data: deterministic orders of invented people for the three demo platforms.
//
// Every order is generated from its own PRNG stream (seed, platform, index), so the first N orders
// of a larger set equal the N orders of a smaller one (`count: 200` extends `count: 64`). The
// plaintext (names, phones, detailed addresses) is invented; tests search storage for it with
// `demoPlaintext`. The masking here is deliberately independent of @shipmask/core: this is the
// platforms' side of the story, not the code under test.

export type DemoPlatform = 'douyin' | 'wechat' | 'jd';

export const demoPlatforms: readonly DemoPlatform[] = ['douyin', 'wechat', 'jd'];

/** Status texts, as all three demo pages show them. */
export type DemoStatus = '待支付' | '待发货' | '已发货' | '已完成' | '售后中' | '已关闭';

export const demoStatuses: readonly DemoStatus[] = [
  '待支付',
  '待发货',
  '已发货',
  '已完成',
  '售后中',
  '已关闭',
];

/** First-level categories exempt from encryption on WeChat (seed 000). */
export const exemptCategories: readonly string[] = ['虚拟商品', '教育培训', '旅游休闲', '生活服务'];

export interface DemoItem {
  /** Douyin 子订单编号 (19 digits); the other platforms leave it equal to the order id. */
  readonly subOrderId: string;
  readonly productId: string;
  readonly name: string;
  readonly spec: string;
  readonly sku: string;
  readonly quantity: number;
  /** Unit price in fen (分). */
  readonly price: number;
}

export interface DemoVirtualNumber {
  readonly main: string;
  readonly ext: string;
}

export interface DemoPlain {
  readonly name: string;
  /** 11 digits, or 10 on the malformed row. */
  readonly phone: string;
  readonly province: string;
  readonly city: string;
  readonly district: string;
  /** Township-level 街道 (not secret: Douyin exports it in clear). */
  readonly town: string;
  /** Road and number (secret, part of the detailed address). */
  readonly street: string;
  /** The detailed address after the street (house number, building, room). */
  readonly detail: string;
  /** province + city + district + town + street + detail, or '' on the empty-address row. */
  readonly fullAddress: string;
}

/** Why a row is deliberately odd. */
export type DemoMalformation = 'phone-missing-digit' | 'empty-address' | 'markup-remark';

export interface DemoOrder {
  readonly platform: DemoPlatform;
  readonly index: number;
  readonly orderId: string;
  readonly status: DemoStatus;
  readonly category: string;
  /** Whether the category is exempt from encryption on this platform (WeChat only). */
  readonly exempt: boolean;
  readonly createdAt: number;
  readonly paidAt?: number;
  readonly shippedAt?: number;
  readonly receivedAt?: number;
  readonly completedAt?: number;
  readonly items: readonly DemoItem[];
  /** Amount payable in fen (freight included). */
  readonly total: number;
  readonly freight: number;
  readonly remark: string;
  readonly carrier?: string;
  readonly trackingNo?: string;
  readonly malformed?: DemoMalformation;
  /** The buyer's real receiving information (what a reveal shows). */
  readonly plain: DemoPlain;
  /** What the page shows before a reveal, in the platform's masking style. */
  readonly masked: { readonly name: string; readonly phone: string; readonly address: string };
  /** Douyin only: export / open-platform ciphertexts (address = detail, region stays clear). */
  readonly cipher?: { readonly name: string; readonly phone: string; readonly address: string };
  /**
   * WeChat: the order's 11+4 virtual number (none for a malformed phone or an exempt category).
   * JD: the virtual number the page lists or a reveal issues (none for a malformed phone).
   */
  readonly virtualNumber?: DemoVirtualNumber;
  /** JD: whether the list already shows the virtual number before any reveal. */
  readonly virtualListed?: boolean;
  /**
   * The ship-by instant the list shows on this row (every other awaiting-shipment order: 48 h
   * after payment), absent where the page shows none (the extension then uses the platform policy).
   */
  readonly shipBy?: number;
  /** Orders of one repeat buyer (same name, phone, address; `REPEAT_BUYER`) carry the same tag. */
  readonly repeatBuyer?: string;
}

export interface DemoShop {
  readonly platform: DemoPlatform;
  readonly id: string;
  readonly name: string;
  readonly account: string;
}

export const DEFAULT_SEED = 20261123;
export const DEFAULT_COUNT = 64;

/** mulberry32: a tiny, well-known 32-bit PRNG (public domain); enough for invented test data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over a string: derives one PRNG seed per (seed, platform, index, purpose). */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type Rng = () => number;
const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(int(r, 0, 9));
  return s;
};

// ---- invented people -------------------------------------------------------------------------

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '萧',
  '田',
  '董',
  '潘',
  '袁',
  '蔡',
  '蒋',
  '余',
];
const COMPOUND = ['欧阳', '司马', '诸葛', '上官', '慕容', '东方', '皇甫', '司徒'];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '婷',
  '雪',
  '晨',
  '宇',
  '浩',
  '欣',
  '怡',
  '子涵',
  '梓轩',
  '雨桐',
  '思远',
  '嘉怡',
  '一诺',
  '沐阳',
  '若曦',
  '文博',
  '晓东',
  '春燕',
  '海峰',
  '佳琪',
  '俊杰',
  '梦瑶',
  '志强',
  '瑞',
];
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '166',
  '173',
  '175',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

/** Real divisions (province, prefecture city, district) so region columns look right; streets invented. */
const REGIONS: readonly (readonly [string, string, string])[] = [
  ['广东省', '广州市', '天河区'],
  ['广东省', '深圳市', '南山区'],
  ['广东省', '佛山市', '顺德区'],
  ['浙江省', '杭州市', '西湖区'],
  ['浙江省', '宁波市', '鄞州区'],
  ['江苏省', '南京市', '鼓楼区'],
  ['江苏省', '苏州市', '工业园区'],
  ['北京市', '北京市', '朝阳区'],
  ['上海市', '上海市', '浦东新区'],
  ['上海市', '上海市', '徐汇区'],
  ['天津市', '天津市', '南开区'],
  ['重庆市', '重庆市', '渝北区'],
  ['四川省', '成都市', '武侯区'],
  ['湖北省', '武汉市', '洪山区'],
  ['湖南省', '长沙市', '岳麓区'],
  ['河南省', '郑州市', '金水区'],
  ['山东省', '青岛市', '崂山区'],
  ['山东省', '济南市', '历下区'],
  ['福建省', '厦门市', '思明区'],
  ['陕西省', '西安市', '雁塔区'],
  ['辽宁省', '沈阳市', '和平区'],
  ['安徽省', '合肥市', '蜀山区'],
  ['云南省', '昆明市', '五华区'],
  ['广西壮族自治区', '南宁市', '青秀区'],
  ['内蒙古自治区', '呼和浩特市', '赛罕区'],
  ['新疆维吾尔自治区', '乌鲁木齐市', '天山区'],
  ['黑龙江省', '哈尔滨市', '南岗区'],
  ['河北省', '石家庄市', '长安区'],
];
const STREET_WORDS = [
  '幸福',
  '建设',
  '人民',
  '中山',
  '解放',
  '新华',
  '花城',
  '滨江',
  '东风',
  '和平',
  '青年',
  '文化',
  '学府',
  '创业',
  '锦绣',
  '长江',
  '黄河',
  '明珠',
  '紫荆',
  '桂花',
];
const STREET_KINDS = ['路', '大道', '街', '南路', '北路', '东路', '西路'];
const COMMUNITIES = [
  '阳光花园',
  '翠湖苑',
  '金域华府',
  '碧桂园',
  '万科城',
  '保利香槟',
  '绿地新都会',
  '龙湖天街',
  '御景湾',
  '书香名邸',
  '星河湾',
  '锦绣江南',
];

// ---- goods -----------------------------------------------------------------------------------

interface Product {
  readonly name: string;
  readonly specs: readonly string[];
  readonly price: number;
  readonly category: string;
}

/** First-level categories per platform: each back-office names them its own way. */
const CATEGORY_NAMES: Record<DemoPlatform, Record<string, string>> = {
  douyin: {
    apparel: '服饰内衣',
    food: '食品饮料',
    beauty: '美妆',
    home: '家居用品',
    digital: '3C数码配件',
    baby: '母婴',
  },
  wechat: {
    apparel: '服饰内衣',
    food: '食品饮料',
    beauty: '个护美妆',
    home: '家居日用',
    digital: '数码',
    baby: '母婴',
  },
  jd: {
    apparel: '服饰内衣',
    food: '食品饮料',
    beauty: '美妆护肤',
    home: '家居日用',
    digital: '手机通讯',
    baby: '母婴',
  },
};

const PRODUCTS: readonly Product[] = [
  {
    name: '纯棉宽松短袖T恤男女同款',
    specs: ['白色 L', '黑色 M', '雾霾蓝 XL'],
    price: 5900,
    category: 'apparel',
  },
  { name: '加厚摇粒绒保暖外套', specs: ['燕麦色 M', '深灰 L'], price: 12900, category: 'apparel' },
  { name: '高腰直筒牛仔裤', specs: ['浅蓝 27', '深蓝 29'], price: 8900, category: 'apparel' },
  { name: '云南高山古树红茶 250g', specs: ['罐装', '袋装'], price: 6800, category: 'food' },
  { name: '每日坚果混合果仁 30包', specs: ['750g 礼盒'], price: 9900, category: 'food' },
  { name: '东北五常稻花香大米 5kg', specs: ['5kg'], price: 6990, category: 'food' },
  { name: '手工红糖姜茶 12袋', specs: ['经典款', '红枣款'], price: 2990, category: 'food' },
  { name: '氨基酸洗面奶 120ml', specs: ['温和款'], price: 4900, category: 'beauty' },
  { name: '玻尿酸补水面膜 10片', specs: ['10片装', '20片装'], price: 3990, category: 'beauty' },
  { name: '哑光丝绒口红', specs: ['#316 豆沙', '#999 正红'], price: 7900, category: 'beauty' },
  { name: '304不锈钢保温杯 500ml', specs: ['奶白', '墨绿', '樱花粉'], price: 4590, category: 'home' },
  { name: '北欧简约陶瓷餐具套装', specs: ['4人份', '6人份'], price: 15900, category: 'home' },
  { name: '加厚珊瑚绒四件套', specs: ['1.5m床', '1.8m床'], price: 19900, category: 'home' },
  { name: '硅藻泥吸水地垫', specs: ['40x60cm', '50x80cm'], price: 2590, category: 'home' },
  { name: '20W快充数据线 1.5m', specs: ['Type-C', 'Lightning'], price: 1990, category: 'digital' },
  { name: '无线蓝牙降噪耳机', specs: ['白色', '黑色'], price: 19900, category: 'digital' },
  { name: '磁吸手机支架车载款', specs: ['出风口款'], price: 3500, category: 'digital' },
  { name: '婴儿纯棉隔尿垫 3条装', specs: ['70x50cm'], price: 3900, category: 'baby' },
  { name: '儿童学饮杯 带吸管', specs: ['小鸭黄', '恐龙绿'], price: 4500, category: 'baby' },
];

/** Exempt-category goods (WeChat does not encrypt these; seed 000). */
const EXEMPT_PRODUCTS: readonly Product[] = [
  { name: '视频会员年卡 兑换码', specs: ['12个月'], price: 16800, category: '虚拟商品' },
  { name: '少儿英语在线直播课 48课时', specs: ['标准班'], price: 129900, category: '教育培训' },
  { name: '千岛湖景区门票 成人票', specs: ['成人票'], price: 13000, category: '旅游休闲' },
  { name: '上门家政保洁 3小时', specs: ['3小时'], price: 15900, category: '生活服务' },
];

const CARRIERS: Record<DemoPlatform, readonly string[]> = {
  douyin: ['中通快递', '圆通速递', '申通快递', '韵达快递', '极兔速递', '顺丰速运'],
  wechat: ['中通快递', '圆通速递', '申通快递', '韵达快递', '极兔速递'],
  jd: ['京东物流', '京东物流', '中通快递', '顺丰速运'],
};

function trackingNo(r: Rng, carrier: string): string {
  switch (carrier) {
    case '中通快递':
      return '78' + digits(r, 12);
    case '圆通速递':
      return 'YT' + digits(r, 13);
    case '申通快递':
      return '77' + digits(r, 11);
    case '韵达快递':
      return '46' + digits(r, 11);
    case '极兔速递':
      return 'JT' + digits(r, 13);
    case '顺丰速运':
      return 'SF' + digits(r, 13);
    default:
      return 'JDVA' + digits(r, 11);
  }
}

const REMARKS = [
  '',
  '',
  '',
  '',
  '',
  '请尽快发货，谢谢',
  '不要放快递柜，放门卫室',
  '送人的，不要放价格单',
  '发顺丰可以吗',
  '包装仔细一点',
  '周末不在家，工作日送',
];

// ---- masking in each platform's style --------------------------------------------------------

function surnameOf(name: string): string {
  return COMPOUND.some((c) => name.startsWith(c)) ? name.slice(0, 2) : name.slice(0, 1);
}

/** Phone 3+4: `132****3639`; a short (malformed) phone keeps 3 and what follows the 7th digit. */
function maskPhone(phone: string): string {
  if (phone.length >= 11) return phone.slice(0, 3) + '****' + phone.slice(7);
  return phone.slice(0, 3) + '****' + phone.slice(Math.min(7, phone.length));
}

function maskName(platform: DemoPlatform, name: string): string {
  const surname = surnameOf(name);
  // Douyin shows one * per hidden character (`张**`); WeChat and JD a single * (`张*`).
  return platform === 'douyin' ? surname + '*'.repeat(name.length - surname.length) : surname + '*';
}

function maskAddress(p: DemoPlain): string {
  if (p.fullAddress === '') return '';
  const city = p.city === p.province ? '' : p.city;
  return p.province + city + p.district + '****';
}

// ---- Douyin ciphertext -----------------------------------------------------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const INDEX_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function b64(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += B64[Math.floor(r() * 64)];
  return s + '=';
}

function searchIndex(r: Rng): string {
  let s = '';
  for (let i = 0; i < 4; i++) s += INDEX_CHARS[Math.floor(r() * INDEX_CHARS.length)];
  return s;
}

/** Douyin shapes: `#<index>#<base64>#<ver>##` for names/addresses, `$<index>$<base64>$<ver>$$` for phones. */
function douyinCipher(r: Rng, kind: 'name' | 'phone' | 'address', empty: boolean): string {
  if (empty) return '';
  const sep = kind === 'phone' ? '$' : '#';
  const body = b64(r, kind === 'address' ? 87 : kind === 'phone' ? 43 : 31);
  return `${sep}${searchIndex(r)}${sep}${body}${sep}1${sep}${sep}`;
}

// ---- ids and time ----------------------------------------------------------------------------

/** 2026-11-01 00:00 China time (UTC+8) as UTC ms. */
const NOV_1_CHINA = Date.UTC(2026, 10, 1) - 8 * 3600_000;
/** "Now" of the demo data: 2026-11-23 10:00 China time. */
export const DEMO_NOW = Date.UTC(2026, 10, 23, 2);
const HOUR = 3600_000;
const DAY = 24 * HOUR;

function orderIdFor(platform: DemoPlatform, r: Rng, index: number): string {
  const serial = String(index).padStart(4, '0');
  if (platform === 'douyin') return '69' + digits(r, 13) + serial; // 19 digits
  if (platform === 'wechat') return '37' + digits(r, 13) + serial; // 19 digits
  return '3' + digits(r, 7) + serial; // 12 digits
}

// ---- special rows (fixed indices, so they exist in every set of 16+ orders) -------------------

const SPECIAL: Record<number, 'compound' | DemoMalformation | 'remark-phone' | `exempt-${number}`> = {
  1: 'compound',
  2: 'phone-missing-digit',
  4: 'markup-remark',
  6: 'empty-address',
  8: 'remark-phone',
  9: 'exempt-0',
  10: 'compound',
  12: 'exempt-1',
  14: 'exempt-2',
  15: 'exempt-3',
};

/** Every status exists on every platform, whatever the seed. */
const FIXED_STATUS: Record<number, DemoStatus> = {
  16: '待支付',
  17: '已关闭',
  18: '售后中',
  19: '已完成',
  20: '已发货',
  21: '待发货',
};

/**
 * Repeat buyers (issue 18, merge hints): these awaiting-shipment rows share one buyer (name,
 * phone, address and, where issued, the virtual number's main number), drawn from the buyer's own
 * stream, so the extension groups them as 可合并.
 */
export const REPEAT_BUYER: Readonly<Record<number, string>> = { 22: 'a', 23: 'a' };

/** Ship-by shown on the list: 48 h after payment, on every other awaiting-shipment order. */
export const SHIP_BY_HOURS = 48;

/** The markup-looking buyer remark: must show as text, never as markup. */
export const MARKUP_REMARK = '<img src=x onerror=alert(1)>好评返现';

const PLATFORM_SALT: Record<DemoPlatform, number> = { douyin: 1, wechat: 2, jd: 3 };

function makeOrder(platform: DemoPlatform, seed: number, index: number): DemoOrder {
  const r = mulberry32(hash32(`${seed}:${PLATFORM_SALT[platform]}:${index}`));
  const special = SPECIAL[index];
  const repeat = REPEAT_BUYER[index];
  // A repeat buyer's receiver comes from the buyer's stream: the same on each of their orders.
  const rb = repeat ? mulberry32(hash32(`${seed}:${PLATFORM_SALT[platform]}:buyer-${repeat}`)) : r;

  // Receiver.
  const surname = special === 'compound' || rb() < 0.06 ? pick(rb, COMPOUND) : pick(rb, SURNAMES);
  const name = surname + pick(rb, GIVEN);
  let phone = pick(rb, MOBILE_PREFIXES) + digits(rb, 8);
  if (special === 'phone-missing-digit') phone = phone.slice(0, 10);
  const [province, city, district] = pick(rb, REGIONS);
  const town = pick(rb, STREET_WORDS) + '街道';
  const street = pick(rb, STREET_WORDS) + pick(rb, STREET_KINDS) + `${int(rb, 1, 999)}号`;
  const detail = `${pick(rb, COMMUNITIES)}${int(rb, 1, 32)}栋${int(rb, 1, 4)}单元${int(rb, 2, 33)}0${int(rb, 1, 8)}室`;
  const emptyAddress = special === 'empty-address';
  const plain: DemoPlain = {
    name,
    phone,
    province: emptyAddress ? '' : province,
    city: emptyAddress ? '' : city,
    district: emptyAddress ? '' : district,
    town: emptyAddress ? '' : town,
    street: emptyAddress ? '' : street,
    detail: emptyAddress ? '' : detail,
    fullAddress: emptyAddress
      ? ''
      : province + (city === province ? '' : city) + district + town + street + detail,
  };

  // Goods.
  const exemptIndex =
    typeof special === 'string' && special.startsWith('exempt-') ? Number(special.slice(7)) : -1;
  const productOf = (): Product => (exemptIndex >= 0 ? EXEMPT_PRODUCTS[exemptIndex]! : pick(r, PRODUCTS));
  const first = productOf();
  const lineCount = exemptIndex >= 0 ? 1 : r() < 0.2 ? 2 : 1;
  const orderId = orderIdFor(platform, r, index);
  const items: DemoItem[] = [];
  for (let k = 0; k < lineCount; k++) {
    const p = k === 0 ? first : pick(r, PRODUCTS);
    const skuNo = PRODUCTS.indexOf(p) + 1 || 90 + EXEMPT_PRODUCTS.indexOf(p);
    items.push({
      subOrderId:
        platform === 'douyin' ? '69' + digits(r, 13) + String(index).padStart(3, '0') + String(k) : orderId,
      productId: platform === 'jd' ? '1000' + digits(r, 8) : '3' + digits(r, 18),
      name: p.name,
      spec: pick(r, p.specs),
      sku: `SM-${String(skuNo).padStart(3, '0')}-${String.fromCharCode(65 + int(r, 0, 5))}`,
      quantity: r() < 0.75 ? 1 : int(r, 2, 4),
      price: p.price,
    });
  }
  const category = exemptIndex >= 0 ? first.category : CATEGORY_NAMES[platform][first.category]!;
  const freight = r() < 0.8 ? 0 : 600;
  const total = items.reduce((s, it) => s + it.price * it.quantity, 0) + freight;

  // Status and times. Special rows are recent and awaiting shipment, so they land on page 1.
  let status: DemoStatus;
  if (special !== undefined || repeat !== undefined) status = '待发货';
  else if (FIXED_STATUS[index]) status = FIXED_STATUS[index];
  else {
    const x = r();
    status =
      x < 0.05
        ? '待支付'
        : x < 0.45
          ? '待发货'
          : x < 0.7
            ? '已发货'
            : x < 0.88
              ? '已完成'
              : x < 0.94
                ? '售后中'
                : '已关闭';
  }
  let createdAt: number;
  if (special !== undefined || repeat !== undefined)
    createdAt = DEMO_NOW - int(r, 1, 40) * HOUR - int(r, 0, 3599) * 1000;
  else if (status === '已完成') createdAt = NOV_1_CHINA + int(r, 0, (12 * DAY) / 1000) * 1000;
  else if (status === '已发货' || status === '售后中')
    createdAt = NOV_1_CHINA + int(r, (8 * DAY) / 1000, (20 * DAY) / 1000) * 1000;
  else createdAt = NOV_1_CHINA + int(r, (14 * DAY) / 1000, (22 * DAY) / 1000 - 1) * 1000;
  const paidAt = status === '待支付' ? undefined : createdAt + int(r, 10, 600) * 1000;
  const shipped = status === '已发货' || status === '已完成' || status === '售后中';
  const shippedAt = shipped ? createdAt + int(r, 4, 40) * HOUR : undefined;
  // Receipt 40-100 h after shipping; an after-sale order may or may not be received yet.
  const receivedCandidate = shippedAt !== undefined ? shippedAt + int(r, 40, 100) * HOUR : undefined;
  const receivedAt =
    status === '已完成' || (status === '售后中' && r() < 0.5 && receivedCandidate! < DEMO_NOW)
      ? receivedCandidate
      : undefined;
  const completedAt = status === '已完成' ? receivedAt! + int(r, 0, 3) * DAY : undefined;
  const carrier = shipped ? pick(r, CARRIERS[platform]) : undefined;
  const tracking = carrier ? trackingNo(r, carrier) : undefined;

  let remark = pick(r, REMARKS);
  if (special === 'markup-remark') remark = MARKUP_REMARK;
  if (special === 'remark-phone')
    remark = `收件电话换成这个 ${pick(r, MOBILE_PREFIXES)}${digits(r, 8)}，谢谢`;

  const exempt = platform === 'wechat' && exemptIndex >= 0;
  const validPhone = phone.length === 11;
  const vn = (): DemoVirtualNumber => ({
    main: pick(rb, MOBILE_PREFIXES) + digits(rb, 8),
    ext: digits(rb, 4),
  });

  let virtualNumber: DemoVirtualNumber | undefined;
  let virtualListed: boolean | undefined;
  if (platform === 'wechat' && validPhone && !exempt && status !== '待支付') virtualNumber = vn();
  if (platform === 'jd' && validPhone) {
    virtualNumber = vn();
    virtualListed = index % 3 === 0 && status !== '待支付';
  }

  return {
    platform,
    index,
    orderId,
    status,
    category,
    exempt,
    createdAt,
    ...(paidAt !== undefined ? { paidAt } : {}),
    ...(shippedAt !== undefined ? { shippedAt } : {}),
    ...(receivedAt !== undefined ? { receivedAt } : {}),
    ...(completedAt !== undefined ? { completedAt } : {}),
    items,
    total,
    freight,
    remark,
    ...(carrier !== undefined ? { carrier, trackingNo: tracking! } : {}),
    ...(special === 'phone-missing-digit' || special === 'empty-address' || special === 'markup-remark'
      ? { malformed: special }
      : {}),
    plain,
    masked: { name: maskName(platform, name), phone: maskPhone(phone), address: maskAddress(plain) },
    ...(platform === 'douyin'
      ? {
          cipher: {
            name: douyinCipher(r, 'name', false),
            phone: douyinCipher(r, 'phone', false),
            address: douyinCipher(r, 'address', emptyAddress),
          },
        }
      : {}),
    ...(virtualNumber ? { virtualNumber } : {}),
    ...(virtualListed !== undefined ? { virtualListed } : {}),
    ...(status === '待发货' && paidAt !== undefined && index % 2 === 0
      ? { shipBy: paidAt + SHIP_BY_HOURS * HOUR }
      : {}),
    ...(repeat !== undefined ? { repeatBuyer: repeat } : {}),
  };
}

/**
 * The demo orders of one platform, deterministic from the seed, newest first.
 * `demoOrders('wechat')` → 64 orders; `{ count: 200 }` → 200 (the first 64 are the same orders).
 */
export function demoOrders(
  platform: DemoPlatform,
  options: { count?: number; seed?: number } = {},
): DemoOrder[] {
  const count = Math.max(0, Math.min(5000, Math.floor(options.count ?? DEFAULT_COUNT)));
  const seed = options.seed ?? DEFAULT_SEED;
  const orders: DemoOrder[] = [];
  for (let i = 0; i < count; i++) orders.push(makeOrder(platform, seed, i));
  return orders.sort((a, b) => b.createdAt - a.createdAt || a.index - b.index);
}

/**
 * The receiver after the buyer changed the address (the demo control `POST /api/<p>/demo/address`):
 * another region and another detail, deterministic per order; name and phone stay. An empty
 * address stays empty.
 * @example
 * changedAddress(order).fullAddress !== order.plain.fullAddress; // true
 */
export function changedAddress(o: DemoOrder): { readonly plain: DemoPlain; readonly masked: string } {
  if (o.plain.fullAddress === '') return { plain: o.plain, masked: '' };
  const at = REGIONS.findIndex(
    ([p, c, d]) => p === o.plain.province && c === o.plain.city && d === o.plain.district,
  );
  const [province, city, district] = REGIONS[(at + 7) % REGIONS.length]!;
  const detail = `${o.plain.detail.replace(/\d+栋/u, '')}改${(o.index % 30) + 2}栋101室`;
  const p: DemoPlain = {
    ...o.plain,
    province,
    city,
    district,
    detail,
    fullAddress:
      province + (city === province ? '' : city) + district + o.plain.town + o.plain.street + detail,
  };
  return { plain: p, masked: maskAddress(p) };
}

/**
 * Every plaintext string of a platform's demo orders that must never reach storage, exports or
 * links: full names, phones (the malformed 10-digit one too), detailed addresses (street + detail
 * and the full address), and the phone a buyer typed into a remark.
 */
export function demoPlaintext(
  platform: DemoPlatform,
  options: { count?: number; seed?: number } = {},
): string[] {
  const out = new Set<string>();
  for (const o of demoOrders(platform, options)) {
    // Exempt WeChat orders show their receiver in the clear on the page; they are still secrets
    // for shipmask's storage (invariant 1 does not depend on the platform's category rule).
    out.add(o.plain.name);
    out.add(o.plain.phone);
    if (o.plain.fullAddress) {
      out.add(o.plain.town + o.plain.street + o.plain.detail);
      out.add(o.plain.street + o.plain.detail);
      out.add(o.plain.detail);
      out.add(o.plain.fullAddress);
    }
    const m = /1\d{10}/u.exec(o.remark);
    if (m) out.add(m[0]);
    // The address a buyer may change to (demo control), secret like the first.
    const c = changedAddress(o).plain;
    if (c.fullAddress) {
      out.add(c.street + c.detail);
      out.add(c.detail);
      out.add(c.fullAddress);
    }
  }
  return [...out];
}

const SHOPS: Record<DemoPlatform, DemoShop> = {
  douyin: { platform: 'douyin', id: '68923417', name: '山茶小铺', account: '山茶小铺-主账号' },
  wechat: { platform: 'wechat', id: 'wx3f8a2c1d9e6b4a70', name: '禾木生活馆', account: '禾木生活馆' },
  jd: { platform: 'jd', id: '10218365', name: '青禾家居京东旗舰店', account: 'qinghe_pop' },
};

/** The demo shop of a platform (id and display name). */
export function demoShop(platform: DemoPlatform): DemoShop {
  return SHOPS[platform];
}

export { chinaDateTime, yuan } from './format.ts';
