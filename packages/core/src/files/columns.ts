/**
 * The columns of each platform's order export, as data: what shipmask reads from them and the
 * header names that carry it. The first name of each list is the one the platform's own export
 * uses (as far as public material shows; the demo back-offices write exactly these); the others
 * are aliases seen in other export templates, custom reports and ERP re-exports.
 *
 * Sources: public ERP and analysis scripts that read Douyin 抖店 order CSVs (`主订单编号`,
 * `子订单编号`, `选购商品`, `商品规格`, `商品数量`, `商家编码`, `订单应付金额`, `订单提交时间`,
 * `商家备注`, `售后状态`); the Douyin help page on order reports (standard report: 54 fields,
 * by-product dimension = one row per sub-order, by-order dimension = one row per main order).
 * For WeChat Channels shop and JD no public field list was found; their names follow the
 * back-office wording and the demo exports, with generic aliases.
 * @module
 */
import type { PlatformId } from '../types.js';

/** What shipmask reads from an order export row. */
export type OrderColumn =
  | 'orderId'
  | 'subOrderId'
  | 'itemName'
  | 'itemSpec'
  | 'quantity'
  | 'sku'
  | 'productId'
  | 'receiverName'
  | 'receiverPhone'
  | 'virtualExt'
  | 'province'
  | 'city'
  | 'district'
  | 'street'
  | 'address'
  | 'remark'
  | 'createdAt'
  | 'status'
  | 'category'
  | 'carrier'
  | 'trackingNumber'
  | 'receivedAt'
  | 'completedAt';

/** Header names per column for one platform's export; first name = the platform's own. */
export type ExportColumns = Readonly<Partial<Record<OrderColumn, readonly string[]>>>;

/** Aliases every platform accepts (generic wording of re-exports and ERPs). */
const COMMON: ExportColumns = {
  orderId: ['订单编号', '订单号', '订单ID', '主订单号', '父订单号'],
  subOrderId: ['子订单号', '子订单ID', '商品订单编号'],
  itemName: ['商品名称', '商品标题', '商品', '宝贝标题'],
  itemSpec: ['商品规格', '规格', 'SKU名称', '销售属性'],
  quantity: ['商品数量', '数量', '购买数量', '订购数量', '件数'],
  sku: ['商家编码', '商品编码', 'SKU编码', '商家SKU编码', '货号', '外部编码'],
  productId: ['商品ID', '商品编号'],
  receiverName: ['收件人', '收件人姓名', '收货人', '收货人姓名', '客户姓名'],
  receiverPhone: [
    '收件人手机号',
    '收件人电话',
    '收货人手机号',
    '收货人电话',
    '联系电话',
    '手机号',
    '联系方式',
  ],
  virtualExt: ['虚拟号分机号', '分机号'],
  province: ['省', '省份', '收货省份'],
  city: ['市', '城市', '收货城市'],
  district: ['区', '区县', '县区', '收货区县'],
  street: ['街道', '乡镇', '街道/乡镇'],
  address: ['详细地址', '收件地址', '收货地址', '客户地址', '地址'],
  remark: ['买家留言', '买家备注', '订单备注', '用户留言', '留言'],
  createdAt: ['下单时间', '订单提交时间', '订单创建时间', '创建时间', '提交时间'],
  status: ['订单状态', '状态'],
  category: ['商品类目', '商品一级类目', '一级类目', '类目'],
  carrier: ['快递公司', '物流公司', '承运公司'],
  trackingNumber: ['快递单号', '运单号', '物流单号'],
  receivedAt: ['确认收货时间', '收货时间', '签收时间'],
  completedAt: ['完成时间', '订单完成时间'],
};

/**
 * Each platform's own header names (first) for the columns its order export has.
 * @example
 * exportColumns.douyin.orderId?.[0]; // '主订单编号'
 * exportColumns.wechat.virtualExt?.[0]; // '虚拟号分机号'
 * exportColumns.jd.trackingNumber?.[0]; // '运单号'
 */
export const exportColumns: Readonly<Record<PlatformId, ExportColumns>> = {
  douyin: {
    orderId: ['主订单编号'],
    subOrderId: ['子订单编号'],
    itemName: ['选购商品'],
    itemSpec: ['商品规格'],
    quantity: ['商品数量'],
    sku: ['商家编码'],
    receiverName: ['收件人'],
    receiverPhone: ['收件人手机号'],
    province: ['省'],
    city: ['市'],
    district: ['区'],
    street: ['街道'],
    address: ['详细地址'],
    remark: ['买家留言'],
    createdAt: ['订单提交时间'],
    status: ['订单状态'],
    category: ['商品一级类目'],
    carrier: ['快递公司'],
    trackingNumber: ['快递单号'],
  },
  wechat: {
    orderId: ['订单号'],
    itemName: ['商品名称'],
    sku: ['商品编码'],
    quantity: ['商品数量'],
    receiverName: ['收件人姓名'],
    receiverPhone: ['收件人手机号'],
    virtualExt: ['虚拟号分机号'],
    province: ['省份'],
    city: ['城市'],
    district: ['区县'],
    address: ['详细地址'],
    remark: ['买家备注'],
    createdAt: ['下单时间'],
    status: ['订单状态'],
    category: ['商品类目'],
    carrier: ['快递公司'],
    trackingNumber: ['快递单号'],
  },
  jd: {
    orderId: ['订单号'],
    productId: ['商品ID'],
    itemName: ['商品名称'],
    quantity: ['订购数量'],
    receiverName: ['客户姓名'],
    address: ['客户地址'],
    receiverPhone: ['联系电话'],
    status: ['订单状态'],
    createdAt: ['下单时间'],
    remark: ['订单备注'],
    category: ['商品类目'],
    carrier: ['快递公司', '物流公司'],
    trackingNumber: ['运单号'],
  },
};

/**
 * Columns without which a row cannot become an `OrderView`.
 * @example
 * REQUIRED_COLUMNS; // ['orderId', 'createdAt']
 */
export const REQUIRED_COLUMNS: readonly OrderColumn[] = ['orderId', 'createdAt'];

/** A header row resolved to column positions. */
export interface HeaderMap {
  readonly platform: PlatformId;
  /** Position of each column found (first matching header wins). */
  readonly index: Readonly<Partial<Record<OrderColumn, number>>>;
  /** Required columns that are missing. */
  readonly missing: readonly OrderColumn[];
  /** Header cells that map to nothing shipmask reads (kept for the record, never read). */
  readonly unused: readonly string[];
}

/**
 * Normalise a header cell: trim, drop `*` required-markers and bracketed units.
 * @example
 * normalizeHeader(' *商品单价(元) '); // '商品单价'
 */
export function normalizeHeader(cell: string): string {
  if (typeof cell !== 'string') return '';
  return cell
    .replace(/^[\s\uFEFF*]+|[\s*]+$/gu, '')
    .replace(/[(（][^)）]{0,20}[)）]$/u, '')
    .trim();
}

function namesFor(platform: PlatformId, column: OrderColumn): readonly string[] {
  const own = (Object.hasOwn(exportColumns, platform) ? exportColumns[platform][column] : undefined) ?? [];
  const common = COMMON[column] ?? [];
  return own.length === 0 ? common : [...own, ...common.filter((n) => !own.includes(n))];
}

/**
 * Resolve a header row for a platform. Each column takes the first header cell that carries
 * one of its names, the platform's own name before the aliases.
 * @example
 * mapHeader(['主订单编号', '选购商品', '订单提交时间'], 'douyin').index; // { orderId: 0, itemName: 1, createdAt: 2 }
 */
export function mapHeader(cells: readonly string[], platform: PlatformId): HeaderMap {
  const norm = cells.map(normalizeHeader);
  const index: Partial<Record<OrderColumn, number>> = {};
  const taken = new Set<number>();
  const columns = Object.keys(COMMON) as OrderColumn[];
  for (const column of columns) {
    for (const name of namesFor(platform, column)) {
      const at = norm.findIndex((c, i) => c === name && !taken.has(i));
      if (at >= 0) {
        index[column] = at;
        taken.add(at);
        break;
      }
    }
  }
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] === undefined);
  const unused = norm.filter((c, i) => !taken.has(i) && c !== '');
  return { platform, index, missing, unused };
}

/**
 * Guess the platform from a header row: the platform whose own header names match most cells
 * (ties and no match give `undefined`).
 * @example
 * detectPlatform(['主订单编号', '子订单编号', '选购商品']); // 'douyin'
 * detectPlatform(['订单号', '虚拟号分机号']); // 'wechat'
 * detectPlatform(['订单号', '客户姓名', '运单号']); // 'jd'
 */
export function detectPlatform(cells: readonly string[]): PlatformId | undefined {
  const norm = new Set(cells.map(normalizeHeader));
  let best: PlatformId | undefined;
  let bestScore = 0;
  let tie = false;
  for (const platform of Object.keys(exportColumns) as PlatformId[]) {
    let score = 0;
    for (const names of Object.values(exportColumns[platform])) {
      if (names.some((n) => norm.has(n))) score++;
    }
    if (score > bestScore) {
      best = platform;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && score > 0) tie = true;
  }
  return tie || bestScore < 2 ? undefined : best;
}

/**
 * Whether a row looks like a header: one of its cells is an order-id name and one more cell is
 * any known column name.
 * @example
 * looksLikeHeader(['订单号', '商品名称']); // true
 * looksLikeHeader(['3718000000000001', '保温杯']); // false
 */
export function looksLikeHeader(cells: readonly string[]): boolean {
  const norm = cells.map(normalizeHeader);
  const all = new Set<string>();
  for (const p of Object.keys(exportColumns) as PlatformId[]) {
    for (const names of Object.values(exportColumns[p])) for (const n of names) all.add(n);
  }
  for (const names of Object.values(COMMON)) for (const n of names) all.add(n);
  const ids = new Set([...(COMMON.orderId ?? []), '主订单编号']);
  let known = 0;
  let hasId = false;
  for (const c of norm) {
    if (ids.has(c)) hasId = true;
    if (all.has(c)) known++;
  }
  return hasId && known >= 2;
}
