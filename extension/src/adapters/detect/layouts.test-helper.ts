// Random order-list pages for detection tests: the same orders drawn in many layouts (table or div
// grid, an order header row with its rows under it, random nesting and hashed class names, labels
// inline or apart, one receiver cell or several, inside an open <micro-app> shadow root), with
// blocks that are not orders (a table header, a pager, product cards, a side panel with numbers).

/** One invented order as the page shows it (already masked, as the platforms do). */
export interface DemoOrder {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
  readonly address: string;
  readonly status: string;
  readonly product: string;
}

export interface LayoutSpec {
  readonly table: boolean;
  /** Table only: an order header row, then a receiver row and a remark row. */
  readonly group: boolean;
  readonly wrapDepth: number;
  readonly fieldDepth: number;
  readonly seed: number;
  readonly hashStyle: 'module' | 'dash' | 'plain' | 'none';
  readonly label: 'inline' | 'separate';
  readonly receiver: 'split' | 'combined' | 'lines';
  readonly labelledPhone: boolean;
  readonly header: boolean;
  readonly pagerInside: boolean;
  /** Product cards among the rows (not orders). */
  readonly products: number;
  readonly shadow: boolean;
  readonly sidePanel: boolean;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '欧阳', '上官', '赵', '黄', '周'];
const REGIONS = [
  '广东省广州市天河区',
  '陕西省安康市紫阳县',
  '北京市朝阳区',
  '浙江省杭州市西湖区',
  '四川省成都市武侯区',
  '江苏省南京市鼓楼区',
  '上海市浦东新区',
];
const PRODUCTS = ['南京盐水鸭 500g', '山茶花洗面奶', '吉林大米 5kg', '纸巾*3包', '北京烤鸭礼盒'];
const STATUSES = ['待发货', '已发货', '待支付', '已完成'];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` orders from `seed`; ids are 19 digits, phones masked 3+4 or 11+4 virtual numbers. */
export function demoOrders(count: number, seed: number): DemoOrder[] {
  const r = rng(seed);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
  return Array.from({ length: count }, (_, i) => {
    const surname = SURNAMES[Math.floor(r() * SURNAMES.length)]!;
    const virtual = r() < 0.3;
    return {
      id: `69${String(i).padStart(3, '0')}${digits(14)}`,
      name: `${surname}${'*'.repeat(1 + Math.floor(r() * 2))}`,
      phone: virtual
        ? `1${3 + Math.floor(r() * 6)}${digits(9)}-${digits(4)}`
        : `1${3 + Math.floor(r() * 6)}${digits(1)}****${digits(4)}`,
      address: `${REGIONS[Math.floor(r() * REGIONS.length)]!}****`,
      status: STATUSES[Math.floor(r() * STATUSES.length)]!,
      product: PRODUCTS[Math.floor(r() * PRODUCTS.length)]!,
    };
  });
}

/** Build the page for `orders` in `spec`'s layout into `doc.body`. */
export function buildPage(doc: Document, orders: readonly DemoOrder[], spec: LayoutSpec): void {
  const r = rng(spec.seed);
  const hash = () => {
    const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    let s = '';
    for (let i = 0; i < 6; i++) s += alphabet[Math.floor(r() * alphabet.length)];
    return /\d|[A-Z]/u.test(s.slice(1)) ? s : `${s.slice(0, 5)}7`;
  };
  const names = new Map<string, string>();
  const cls = (name: string): string => {
    let c = names.get(name);
    if (!c) {
      c =
        spec.hashStyle === 'module'
          ? `index_${name}__${hash()}`
          : spec.hashStyle === 'dash'
            ? `${name}-${hash()}`
            : spec.hashStyle === 'plain'
              ? name
              : '';
      names.set(name, c);
    }
    return c;
  };
  const h = (tag: string, c: string, children: (Node | string)[] = []): HTMLElement => {
    const el = doc.createElement(tag);
    const k = cls(c);
    if (k) el.className = k;
    for (const ch of children) el.append(typeof ch === 'string' ? doc.createTextNode(ch) : ch);
    return el;
  };
  const wrap = (el: HTMLElement, depth: number, name: string): HTMLElement => {
    let out = el;
    for (let i = 0; i < depth; i++) out = h('div', `${name}Wrap${i}`, [out]);
    return out;
  };
  const idNodes = (o: DemoOrder): HTMLElement[] =>
    spec.label === 'inline'
      ? [h('span', 'orderNo', [`订单编号 ${o.id}`])]
      : [h('span', 'orderLabel', ['订单号：']), h('span', 'orderValue', [o.id])];
  const phoneText = (o: DemoOrder) => (spec.labelledPhone ? `手机号：${o.phone}` : o.phone);
  const receiverNodes = (o: DemoOrder): HTMLElement[] => {
    if (spec.receiver === 'combined')
      return [h('div', 'consName', [`${o.name}，${o.address}`]), h('div', 'consPhone', [phoneText(o)])];
    if (spec.receiver === 'lines')
      return [
        h('div', 'locationDetail', [
          h('div', 'line', [o.name]),
          h('div', 'line', [phoneText(o)]),
          h('div', 'line', [o.address]),
        ]),
      ];
    return [
      h('span', 'receiverName', [o.name]),
      h('span', 'receiverPhone', [phoneText(o)]),
      h('div', 'receiverAddress', [o.address]),
    ];
  };
  const product = (o: DemoOrder) =>
    h('div', 'productItem', [
      h('div', 'productName', [o.product]),
      h('div', 'productSku', [`商家编码：${10000000000 + Math.floor(r() * 1e9)}`]),
    ]);

  const blocks: HTMLElement[] = [];
  const productCard = () =>
    h(spec.table ? 'tr' : 'div', 'recommendCard', [
      h(spec.table ? 'td' : 'div', 'cardTitle', [PRODUCTS[Math.floor(r() * PRODUCTS.length)]!]),
      h(spec.table ? 'td' : 'div', 'cardPrice', [`¥${Math.floor(r() * 100)}.00`]),
      h(spec.table ? 'td' : 'div', 'cardCode', [String(100000000000 + Math.floor(r() * 1e11))]),
    ]);
  const insertProductsAt = new Set(
    Array.from({ length: spec.products }, () => Math.floor(r() * (orders.length + 1))),
  );
  if (spec.header) {
    const cells = ['订单编号', '商品', '收货信息', '状态'].map((t) =>
      h(spec.table ? 'th' : 'div', 'headCell', [t]),
    );
    blocks.push(h(spec.table ? 'tr' : 'div', 'tableHeader', cells));
  }
  orders.forEach((o, i) => {
    if (insertProductsAt.has(i)) blocks.push(productCard());
    if (spec.table) {
      const cell = (name: string, kids: HTMLElement[]) =>
        h('td', name, [wrap(h('div', `${name}Inner`, kids), spec.fieldDepth, name)]);
      if (spec.group) {
        blocks.push(
          h('tr', 'rowLevel0', [
            cell('orderHead', [...idNodes(o), h('span', 'time', ['下单时间 2026-11-20 10:00:00'])]),
          ]),
        );
        blocks.push(
          h('tr', 'rowBody', [
            cell('products', [product(o)]),
            cell('receiver', receiverNodes(o)),
            cell('status', [h('span', 'statusText', [o.status])]),
          ]),
        );
        blocks.push(
          h('tr', 'rowRemark', [cell('remark', [h('span', 'remarkText', ['买家备注：尽快发货'])])]),
        );
      } else {
        blocks.push(
          h('tr', 'orderRow', [
            cell('orderHead', idNodes(o)),
            cell('products', [product(o)]),
            cell('receiver', receiverNodes(o)),
            cell('status', [h('span', 'statusText', [o.status])]),
          ]),
        );
      }
    } else {
      blocks.push(
        h('div', 'orderCard', [
          wrap(h('div', 'cardHeader', idNodes(o)), spec.fieldDepth, 'head'),
          h('div', 'cardBody', [
            product(o),
            wrap(h('div', 'consInfo', receiverNodes(o)), spec.fieldDepth, 'cons'),
            h('div', 'statusCell', [o.status]),
          ]),
        ]),
      );
    }
  });
  if (insertProductsAt.has(orders.length)) blocks.push(productCard());
  const pager = () =>
    h(
      'ul',
      'pager',
      [1, 2, 3, 4].map((n) => h('li', 'pagerItem', [String(n)])),
    );
  let list: HTMLElement;
  if (spec.table) {
    list = h('tbody', 'tableBody', blocks);
    if (spec.pagerInside) list.append(h('tr', 'pagerRow', [h('td', 'pagerCell', [pager()])]));
    list = h('table', 'orderTable', [list]);
  } else {
    list = h('div', 'orderList', blocks);
    if (spec.pagerInside) list.append(pager());
  }
  const app = h('div', 'app', [wrap(list, spec.wrapDepth, 'list'), pager()]);
  if (spec.sidePanel)
    app.prepend(
      h('aside', 'stats', [
        h('div', 'statLine', ['今日订单 128']),
        h('div', 'statLine', ['剩余解密次数 120']),
        h('div', 'statLine', ['客服电话 400****800']),
      ]),
    );
  if (spec.shadow) {
    const host = doc.createElement('micro-app');
    const root = host.attachShadow({ mode: 'open' });
    root.append(app);
    doc.body.append(host);
  } else doc.body.append(app);
}
