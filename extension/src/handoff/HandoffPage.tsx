/**
 * The merchant's hand-off page (`handoff.html`): seal the overlay's selection for a supplier
 * (link + QR, or a sealed file), track batches, import the supplier's return code and turn it
 * into the back-office's bulk-ship file or pasted lines. Talks to the background only through
 * `send()`; order text is rendered by Preact as text.
 * @module
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  MIN_PASSPHRASE_BITS,
  passphraseStrength,
  type GateOverride,
  type Hold,
  type OrderView,
  type PassphraseProblem,
  type ReturnResult,
} from '@shipmask/core';
import { send } from '../client';
import type {
  BatchDetail,
  BatchReminder,
  BatchStatus,
  BatchSummary,
  HandoffConfig,
  HandoffExtra,
  ImportResult,
  SealReply,
} from '../handoff-messages';
import type { ShopRef } from '../messages';
import { HeldOrders } from '../gate/HeldOrders';
import { qrDataUrl } from '../supplier/qr';
import { PLATFORM_NAMES, useShopNames } from '../ui/shop-names';
import { useLanguage } from '../ui/language';
import { ExpiryReminders, RevokeBatch } from './BatchLifetime';
import { readHandoffExport } from './export-read';
import { generatePassphrase } from './passphrase';
import { MergedShip } from './MergedShip';
import { PlanSummary } from './PlanSummary';
import { SupplierFileButton } from './SupplierFileButton';
import { CopyText, downloadText } from './file-actions';
import { previewPlan } from './plan-preview';
import { AddressSource, useOrderPageAddresses } from '../print/AddressSource';
import { addressesForPrint } from '../print/address-sources';
import { pageVirtualExtras } from '../print/address-reply-check';
import { sourceTabOf } from '../print/order-page-addresses';
import { carrierName, shippingOf } from './ship-rows';
import { SupplierHandoff } from './SupplierHandoff';

type Lang = 'zh' | 'en';

const W = {
  zh: {
    title: '交给厂家',
    sub: '把选中的订单封装成一个加密链接交给厂家代发；厂家填好快递单号后发回回执码，在这里导入即可批量发货。链接里只有脱敏信息、虚拟号或平台密文。',
    selection: (n: number) => `已选 ${n} 个订单`,
    missing: (n: number) => `${n} 个订单没有记录（请先在后台页面打开它们）`,
    supplier: '厂家',
    shop: '店铺',
    newSupplier: '新厂家…',
    name: '厂家名称',
    note: '给厂家的留言（厂家页面上显示）',
    expiry: '有效期（天）',
    passphrase: '口令（可选）',
    passHint: '设置后链接里不含钥匙；请用另一个渠道（电话）告诉厂家口令',
    generate: '生成口令',
    show: '显示',
    hide: '隐藏',
    strength: { weak: '弱', fair: '中', strong: '强' } as Record<'weak' | 'fair' | 'strong', string>,
    strengthLine: (level: string, bits: number) => `口令强度：${level}（约 ${Math.floor(bits)} 位）`,
    tooWeak: `口令太容易被猜到：至少需要 ${MIN_PASSPHRASE_BITS} 位，请加长，或点“生成口令”`,
    problems: {
      'too-short': '太短',
      common: '是常见口令',
      repeats: '有重复',
      sequence: '有连续字符',
      mobile: '含手机号',
      date: '含日期',
      'one-class': '只有一类字符',
    } as Record<PassphraseProblem, string>,
    exportFile:
      '补充平台导出文件（可选）：抖店导出含收件人密文，京东 / 视频号导出含虚拟号，供厂家的打单软件使用',
    extrasRead: (n: number, c: number, v: number, a: number) =>
      `从导出文件补充了 ${n} 个订单（密文 ${c}，虚拟号 ${v}）；虚拟号订单收货地址 ${a} 个（只放进加密链接，不保存）`,
    carrier: '指定快递',
    anyCarrier: '厂家自选',
    seal: '封装并生成链接',
    sealing: '正在封装…',
    link: '发给厂家的链接',
    file: '链接太长，已生成供货单文件：请把文件发给厂家，厂家拖入厂家页面即可打开',
    download: '下载供货单文件',
    copy: '复制',
    copied: '已复制',
    qr: '二维码',
    noQr: '链接较长，不生成二维码，请复制链接发送',
    noBase: '还没有设置厂家页面地址：请把这段文字发给厂家，让厂家粘贴到厂家页面（supplier.html）中打开。',
    batches: '交接批次',
    none: '还没有批次',
    created: '创建',
    expires: '到期',
    orders: '订单',
    shipped: '已发',
    cannot: '无法发',
    status: '状态',
    open: '查看',
    back: '返回',
    statusText: {
      sent: '已发出，待厂家回传',
      'partly-shipped': '部分回传',
      returned: '已回传，待上传发货',
      shipped: '已生成发货文件',
      expired: '已过期',
      revoked: '已作废',
    } as Record<BatchStatus, string>,
    returnCode: '粘贴厂家发回的回执码',
    import: '导入回执码',
    changes: (n: number) => `更新了 ${n} 个订单`,
    noChanges: '没有变化（这个回执码已经导入过）',
    stale: (n: number) => `${n} 条结果比已导入的旧，未覆盖`,
    bulkFile: '下载批量发货文件',
    bulkLines: '批量发货文本（可粘贴到后台“批量发货”）',
    shipLeftOut: (n: number) => `${n} 个已发订单没有写入：快递公司或单号平台不接受，请在后台手动发货`,
    waybill: '快递单号',
    result: '结果',
    reason: '原因',
    settings: '设置',
    baseUrl: '厂家页面地址（链接指向这里；静态页面放在你信任的网站上）',
    save: '保存',
    saved: '已保存',
    standalone: '下载空白厂家页面（单个 HTML 文件，不含订单：厂家粘贴链接文字使用）',
    supplierFile: '下载发货单文件（推荐）',
    supplierFileHint:
      '一个 HTML 附件，内含本批订单：发给厂家，双击打开即可填单号，不用安装，也不联网。文件和链接一样机密：请只发给这个厂家。',
    supplierFileFailed: '没能生成发货单文件，请改用下面的链接',
    lang: 'English',
    error: '出错了：',
    multi: '按商家编码分给多个厂家（每个厂家一个链接）',
  },
  en: {
    title: 'Hand off to supplier',
    sub: 'Seal the selected orders into an encrypted link for the supplier who ships them; import the return code they send back and ship in bulk. The link holds only masked data, virtual numbers or platform ciphertext.',
    selection: (n: number) => `${n} orders selected`,
    missing: (n: number) => `${n} orders are not stored (open them in the back-office first)`,
    supplier: 'Supplier',
    shop: 'Shop',
    newSupplier: 'New supplier…',
    name: 'Supplier name',
    note: 'Message to the supplier (shown on its page)',
    expiry: 'Valid for (days)',
    passphrase: 'Passphrase (optional)',
    passHint: 'The link then holds no key; tell the supplier the passphrase another way (a call)',
    generate: 'Generate',
    show: 'Show',
    hide: 'Hide',
    strength: { weak: 'weak', fair: 'fair', strong: 'strong' } as Record<'weak' | 'fair' | 'strong', string>,
    strengthLine: (level: string, bits: number) => `Strength: ${level} (about ${Math.floor(bits)} bits)`,
    tooWeak: `Too easy to guess: at least ${MIN_PASSPHRASE_BITS} bits are needed; make it longer or press Generate`,
    problems: {
      'too-short': 'too short',
      common: 'a common password',
      repeats: 'repeats',
      sequence: 'runs of characters',
      mobile: 'a mobile number',
      date: 'a date',
      'one-class': 'one kind of character only',
    } as Record<PassphraseProblem, string>,
    exportFile:
      "Add the platform's order export (optional): Douyin exports carry receiver ciphertext, JD / WeChat exports virtual numbers, for the supplier's print software",
    extrasRead: (n: number, c: number, v: number, a: number) =>
      `${n} orders completed from the export (${c} with ciphertext, ${v} with a virtual number); ${a} delivery addresses of virtual-number orders (sealed into the link only, never stored)`,
    carrier: 'Carrier',
    anyCarrier: "Supplier's choice",
    seal: 'Seal and make link',
    sealing: 'Sealing…',
    link: 'Link for the supplier',
    file: 'Too long for a link: send this order-sheet file; the supplier drops it on the supplier page',
    download: 'Download order-sheet file',
    copy: 'Copy',
    copied: 'Copied',
    qr: 'QR code',
    noQr: 'The link is long: no QR code; copy the link instead',
    noBase:
      'No supplier page address set: send this text; the supplier pastes it into the supplier page (supplier.html).',
    batches: 'Batches',
    none: 'No batches yet',
    created: 'Created',
    expires: 'Expires',
    orders: 'Orders',
    shipped: 'Shipped',
    cannot: 'Cannot ship',
    status: 'Status',
    open: 'Open',
    back: 'Back',
    statusText: {
      sent: 'sent, waiting for the supplier',
      'partly-shipped': 'partly returned',
      returned: 'returned, ship on the platform next',
      shipped: 'bulk-ship file made',
      expired: 'expired',
      revoked: 'revoked',
    } as Record<BatchStatus, string>,
    returnCode: "Paste the supplier's return code",
    import: 'Import return code',
    changes: (n: number) => `${n} orders updated`,
    noChanges: 'Nothing changed (this code was imported before)',
    stale: (n: number) => `${n} results are older than what was imported; kept`,
    bulkFile: 'Download bulk-ship file',
    bulkLines: "Bulk-ship lines (paste into the back-office's bulk ship)",
    shipLeftOut: (n: number) =>
      `${n} shipped orders were left out: the platform does not accept their carrier or number; ship them by hand`,
    waybill: 'Tracking number',
    result: 'Result',
    reason: 'Reason',
    settings: 'Settings',
    baseUrl: 'Supplier page address (links point here; a static page on a host you trust)',
    save: 'Save',
    saved: 'Saved',
    standalone:
      'Download the blank supplier page (one HTML file, no orders: the supplier pastes the link text into it)',
    supplierFile: 'Download the order-sheet file (recommended)',
    supplierFileHint:
      'One HTML attachment with this batch inside: send it to the supplier, who double-clicks it to enter tracking numbers; no install, no network. The file is as secret as the link: send it to this supplier only.',
    supplierFileFailed: 'Could not make the order-sheet file; send the link below instead',
    lang: '中文',
    error: 'Error: ',
    multi: 'Split between several suppliers by SKU code (one link each)',
  },
};

const CARRIERS = ['ZTO', 'YTO', 'YUNDA', 'JTSD', 'STO', 'SF', 'JD', 'EMS', 'DBKD'] as const;

const time = (t: number): string =>
  new Date(t).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

function resultText(r: ReturnResult | undefined, platform: ShopRef['platform'], lang: Lang): string {
  if (!r) return '—';
  return r.status === 'shipped' ? `${carrierName(platform, r.carrier, lang)} ${r.waybill}` : `✕ ${r.reason}`;
}

/** Read the selection from the page URL: `?sel=<id>` (overlay) or `?platform=&shopId=&orders=`. */
function selectionOf(search: string): { sel?: string; shop?: ShopRef; orderIds?: string[] } {
  const q = new URLSearchParams(search);
  const sel = q.get('sel');
  if (sel) return { sel };
  const platform = q.get('platform');
  const shopId = q.get('shopId');
  const orders = q.get('orders');
  if ((platform === 'douyin' || platform === 'wechat' || platform === 'jd') && shopId && orders) {
    return { shop: { platform, shopId }, orderIds: orders.split(',').filter((x) => x !== '') };
  }
  return {};
}

export function HandoffPage(props: { search: string }) {
  const [lang, setLang] = useLanguage();
  const w = W[lang];
  const [error, setError] = useState('');
  // Exception gate (issue 18): orders held before sealing, and the merchant's overrides.
  const [held, setHeld] = useState<readonly { orderId: string; holds: readonly Hold[] }[]>([]);
  const [overrides, setOverrides] = useState<readonly GateOverride[]>([]);
  const [config, setConfig] = useState<HandoffConfig>({ baseUrl: '', suppliers: [] });
  const [baseDraft, setBaseDraft] = useState('');
  const [savedNote, setSavedNote] = useState(false);
  const [shop, setShop] = useState<ShopRef | undefined>();
  const [orders, setOrders] = useState<readonly OrderView[]>([]);
  const [missing, setMissing] = useState<readonly string[]>([]);
  const [supplierPick, setSupplierPick] = useState('');
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [days, setDays] = useState(7);
  const [passphrase, setPassphrase] = useState('');
  const [showPass, setShowPass] = useState(false);
  const strength = useMemo(() => passphraseStrength(passphrase), [passphrase]);
  const weakPass = passphrase !== '' && !strength.acceptable;
  const [carrier, setCarrier] = useState('');
  const [extras, setExtras] = useState<readonly HandoffExtra[]>([]);
  const [extrasNote, setExtrasNote] = useState('');
  // Issue 17: detailed delivery addresses of virtual-number orders, page memory only (never
  // stored or logged); they go into the one seal request and are dropped once sealed.
  const [addresses, setAddresses] = useState<ReadonlyMap<string, string>>(new Map());
  const [reminders, setReminders] = useState<readonly BatchReminder[]>([]);
  const [busy, setBusy] = useState(false);
  const [sealed, setSealed] = useState<Extract<SealReply, { ok: true }> | undefined>();
  // Several suppliers by SKU (issue 17 item 4): the form's supplier, passphrase and seal button
  // give way to the rules, the split preview and one batch per supplier (SupplierHandoff).
  const [multi, setMulti] = useState(false);
  const [multiSealed, setMultiSealed] = useState(false);
  const shopName = useShopNames();
  const [batches, setBatches] = useState<readonly BatchSummary[]>([]);
  const [open, setOpen] = useState<BatchDetail | undefined>();
  const [code, setCode] = useState('');
  const [imported, setImported] = useState<ImportResult | undefined>();

  const loadBatches = async (): Promise<void> => {
    const r = await send({ type: 'handoff/batches' });
    if (r.ok) setBatches(r.value);
    else setError(r.error.message);
    if (r.ok) {
      // One request per shop with batches (reminders are asked per shop, as the panel does).
      const shops = new Map(r.value.map((b) => [`${b.shop.platform}:${b.shop.shopId}`, b.shop]));
      const due: BatchReminder[] = [];
      for (const s of shops.values()) {
        const d = await send({ type: 'handoff/reminders', shop: s });
        if (d.ok) due.push(...d.value);
      }
      setReminders(due.sort((a, b) => a.expiresAt - b.expiresAt));
    }
  };

  useEffect(() => {
    void (async () => {
      const c = await send({ type: 'handoff/config/get' });
      if (c.ok) {
        setConfig(c.value);
        setBaseDraft(c.value.baseUrl);
        const first = c.value.suppliers[0];
        if (first) setSupplierPick(first.name);
      }
      const sel = selectionOf(props.search);
      if (sel.sel) {
        const r = await send({ type: 'selection/get', selectionId: sel.sel });
        if (r.ok) {
          setShop(r.value.shop);
          setOrders(r.value.orders);
          setMissing(r.value.missing);
        } else setError(r.error.message);
      } else if (sel.shop && sel.orderIds) {
        setShop(sel.shop);
        const r = await send({ type: 'handoff/orders', shop: sel.shop, orderIds: sel.orderIds });
        if (r.ok) {
          setOrders(r.value.orders);
          setMissing(r.value.missing);
        } else setError(r.error.message);
      }
      await loadBatches();
    })();
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const supplier = supplierPick ? config.suppliers.find((s) => s.name === supplierPick) : undefined;
  const supplierName = supplier ? supplier.name : name.trim();

  /**
   * Ciphertext and virtual numbers of the selected orders from the platform's export (core reads
   * it), and the detailed addresses of its virtual-number orders (page memory only, issue 17).
   */
  const readExport = async (file: File | undefined): Promise<void> => {
    if (!file || !shop) return;
    const r = readHandoffExport(new Uint8Array(await file.arrayBuffer()), shop.platform, orders);
    setExtras(r.extras);
    setAddresses(r.addresses);
    setExtrasNote(
      w.extrasRead(
        r.extras.length,
        r.extras.filter((e) => e.cipher).length,
        r.extras.filter((e) => e.virtual).length,
        r.addresses.size,
      ),
    );
  };
  // Issue 17 item 1: addresses (and virtual numbers) the order tab shows after the merchant's
  // reveal, asked at hand-off time; page memory only, the order page first, then the export.
  const orderPage = useOrderPageAddresses(
    shop,
    orders,
    useMemo(() => sourceTabOf(props.search), []),
  );
  const sealAddresses = useMemo(
    () => addressesForPrint(orderPage.result, addresses),
    [orderPage.result, addresses],
  );
  const sealExtras = useMemo(
    () => pageVirtualExtras(orders, extras, orderPage.result?.found ?? new Map()),
    [orders, extras, orderPage.result],
  );
  const plan = useMemo(
    () => previewPlan(orders, sealExtras, sealAddresses),
    [orders, sealExtras, sealAddresses],
  );
  const sealable = orders.length > plan.assigned.length && plan.needsAddress.length === 0;
  const leaveOut = (ids: readonly string[]): void => {
    const out = new Set(ids);
    setOrders(orders.filter((o) => !out.has(o.orderId)));
  };

  const seal = async (): Promise<void> => {
    if (!shop || !sealable || supplierName === '' || weakPass) return;
    setBusy(true);
    setError('');
    // Orders already with a supplier through the platform are excluded (issue 17).
    const orderIds = orders.filter((o) => !o.platformDropship).map((o) => o.orderId);
    const r = await send({
      type: 'handoff/seal',
      shop,
      orderIds,
      supplier:
        supplier ?? (note.trim() ? { name: supplierName, note: note.trim() } : { name: supplierName }),
      expiresInDays: days,
      ...(passphrase ? { passphrase } : {}),
      ...(carrier ? { carrier } : {}),
      ...(sealExtras.length > 0 ? { extras: sealExtras } : {}),
      ...(overrides.length > 0 ? { overrides } : {}),
      ...(sealAddresses.size > 0
        ? {
            addresses: orders
              .filter((o) => sealAddresses.has(o.orderId))
              .map((o) => ({ orderId: o.orderId, address: sealAddresses.get(o.orderId)! })),
          }
        : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    if (!r.value.ok) {
      if (r.value.code === 'held') {
        const g = await send({
          type: 'gate/check',
          shop,
          orderIds,
          action: 'seal',
          overrides,
        });
        if (g.ok) setHeld(g.value.held);
      }
      return setError(`${r.value.code}: ${r.value.message}`);
    }
    setHeld([]);
    setSealed(r.value);
    // Sealed: the addresses are in the link now and leave the page's memory.
    setAddresses(new Map());
    orderPage.clear();
    setPassphrase('');
    setShowPass(false);
    const c = await send({ type: 'handoff/config/get' });
    if (c.ok) setConfig(c.value);
    await loadBatches();
  };

  const openBatch = async (batchId: string): Promise<void> => {
    const r = await send({ type: 'handoff/batch', batchId });
    if (r.ok && r.value) {
      setOpen(r.value);
      setImported(undefined);
      setCode('');
    } else if (!r.ok) setError(r.error.message);
  };

  const revoke = async (batchId: string): Promise<void> => {
    const r = await send({ type: 'handoff/revoke', batchId });
    if (!r.ok) return setError(r.error.message);
    await openBatch(batchId);
    await loadBatches();
  };

  // Issue 21: a batch stays 已回传，待上传发货 until its bulk-ship file is made.
  const shipFileMade = async (batchId: string): Promise<void> => {
    const r = await send({ type: 'handoff/ship-file', batchId });
    if (!r.ok) return setError(r.error.message);
    if (r.value) setOpen((o) => (o && o.batchId === batchId ? { ...o, status: r.value!.status } : o));
    await loadBatches();
  };

  /** The merged file of several batches was made (issue 17 item 4): each is marked as issue 21 does. */
  const shipFilesMade = async (batchIds: readonly string[]): Promise<void> => {
    for (const id of batchIds) await shipFileMade(id);
  };

  const importCode = async (): Promise<void> => {
    if (!open || code.trim() === '') return;
    setError('');
    const r = await send({ type: 'handoff/import', batchId: open.batchId, code });
    if (!r.ok) return setError(r.error.message);
    if (!r.value.ok) return setError(`${r.value.code}: ${r.value.message}`);
    setImported(r.value);
    setOpen(r.value.batch);
    await loadBatches();
  };

  const saveBase = async (): Promise<void> => {
    const r = await send({ type: 'handoff/config/set', config: { ...config, baseUrl: baseDraft.trim() } });
    if (!r.ok) return setError(r.error.message);
    setConfig(r.value);
    setSavedNote(true);
  };

  const qr = useMemo(
    () => (sealed?.kind === 'link' && config.baseUrl ? qrDataUrl(sealed.text) : undefined),
    [sealed],
  );
  // The bulk-ship file passes the exception gate (issue 18): orders refunded, closed or changed
  // since sealing stay out unless overridden (logged).
  const [shipPass, setShipPass] = useState<ReadonlySet<string> | undefined>();
  useEffect(() => {
    setShipPass(undefined);
    if (!open) return;
    const ids = open.items.map((it) => it.order.orderId);
    void send({ type: 'gate/check', shop: open.shop, orderIds: ids, action: 'bulk-ship', overrides }).then(
      (g) => {
        if (!g.ok) return setError(g.error.message);
        setShipPass(new Set(g.value.pass));
        if (g.value.held.length > 0) setHeld(g.value.held);
      },
    );
  }, [open, overrides]);
  const passed = useMemo(
    () =>
      open && shipPass
        ? { ...open, items: open.items.filter((it) => shipPass.has(it.order.orderId)) }
        : undefined,
    [open, shipPass],
  );
  const shipping = useMemo(() => (passed ? shippingOf(passed) : undefined), [passed]);
  const shipFile = shipping?.file;
  const lines = shipping?.lines ?? '';

  return (
    <main class="ho">
      <header class="ho-head">
        <div>
          <h1>{w.title}</h1>
          <p class="ho-muted">{w.sub}</p>
        </div>
        <button type="button" class="ho-btn" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {w.lang}
        </button>
      </header>
      {error && (
        <p class="ho-error" role="alert">
          {w.error}
          {error}
        </p>
      )}
      <HeldOrders held={held} overrides={overrides} lang={lang} onChange={setOverrides} />

      {shop && !open && (
        <section class="ho-card ho-new">
          <h2>
            {w.selection(orders.length)}
            {missing.length > 0 && <span class="ho-warn"> · {w.missing(missing.length)}</span>}
          </h2>
          <div class="ho-preview">
            {orders.slice(0, 5).map((o) => (
              <div class="ho-preview-row" key={o.orderId}>
                <span class="ho-mono">{o.orderId}</span>
                <span>{o.items.map((i) => `${i.name} ×${i.quantity}`).join('，')}</span>
                <span class="ho-muted">
                  {o.receiver.name ?? ''} {o.receiver.phone ?? ''}
                </span>
              </div>
            ))}
            {orders.length > 5 && <div class="ho-muted">… +{orders.length - 5}</div>}
          </div>
          {!sealed && !multiSealed && (
            <div class="ho-form">
              <label class="ho-wide">
                <span>
                  <input
                    class="ho-multi"
                    type="checkbox"
                    checked={multi}
                    onChange={(e) => setMulti(e.currentTarget.checked)}
                  />{' '}
                  {w.multi}
                </span>
              </label>
              <label hidden={multi}>
                {w.supplier}
                <select
                  class="ho-supplier-pick"
                  value={supplierPick}
                  onChange={(e) => setSupplierPick(e.currentTarget.value)}
                >
                  {config.suppliers.map((s) => (
                    <option key={s.name} value={s.name}>
                      {s.name}
                      {s.note ? `（${s.note}）` : ''}
                    </option>
                  ))}
                  <option value="">{w.newSupplier}</option>
                </select>
              </label>
              {!supplier && !multi && (
                <>
                  <label>
                    {w.name}
                    <input
                      class="ho-supplier-name"
                      value={name}
                      maxLength={100}
                      onInput={(e) => setName(e.currentTarget.value)}
                    />
                  </label>
                  <label>
                    {w.note}
                    <input
                      class="ho-supplier-note"
                      value={note}
                      maxLength={500}
                      onInput={(e) => setNote(e.currentTarget.value)}
                    />
                  </label>
                </>
              )}
              <label>
                {w.expiry}
                <input
                  class="ho-days"
                  type="number"
                  min={1}
                  max={90}
                  value={days}
                  onInput={(e) => setDays(Math.min(90, Math.max(1, Number(e.currentTarget.value) || 7)))}
                />
              </label>
              <label>
                {w.carrier}
                <select
                  class="ho-carrier"
                  value={carrier}
                  onChange={(e) => setCarrier(e.currentTarget.value)}
                >
                  <option value="">{w.anyCarrier}</option>
                  {CARRIERS.map((c) => (
                    <option key={c} value={c}>
                      {carrierName(shop.platform, c, lang)}
                    </option>
                  ))}
                </select>
              </label>
              <label class="ho-wide">
                {w.exportFile}
                <input
                  class="ho-export-file"
                  type="file"
                  accept=".csv,.xlsx,text/csv"
                  onChange={(e) => void readExport(e.currentTarget.files?.[0])}
                />
                {extrasNote && <span class="ho-extras-note">{extrasNote}</span>}
              </label>
              <div class="ho-wide">
                <AddressSource lang={lang} platform={shop.platform} state={orderPage} file={addresses} />
              </div>
              <div class="ho-wide">
                <PlanSummary lang={lang} preview={plan} onLeaveOut={leaveOut} />
              </div>
              <label class="ho-wide" hidden={multi}>
                {w.passphrase}
                <span class="ho-pass-row">
                  {showPass ? (
                    <input
                      class="ho-passphrase"
                      type="text"
                      autocomplete="off"
                      value={passphrase}
                      onInput={(e) => setPassphrase(e.currentTarget.value)}
                    />
                  ) : (
                    <input
                      class="ho-passphrase"
                      type="password"
                      autocomplete="new-password"
                      value={passphrase}
                      onInput={(e) => setPassphrase(e.currentTarget.value)}
                    />
                  )}
                  <button
                    type="button"
                    class="ho-btn ho-pass-generate"
                    onClick={() => {
                      // Shown in clear: the merchant reads it out to the supplier.
                      setPassphrase(generatePassphrase());
                      setShowPass(true);
                    }}
                  >
                    {w.generate}
                  </button>
                  <button type="button" class="ho-btn ho-pass-show" onClick={() => setShowPass(!showPass)}>
                    {showPass ? w.hide : w.show}
                  </button>
                </span>
                {passphrase !== '' && (
                  <span
                    class={`ho-small ho-pass-strength ${weakPass ? 'ho-error' : 'ho-muted'}`}
                    data-level={strength.level}
                    data-bits={strength.bits}
                    role="status"
                  >
                    {w.strengthLine(
                      w.strength[strength.level === 'empty' ? 'weak' : strength.level],
                      strength.bits,
                    )}
                    {strength.problems.length > 0
                      ? ` · ${strength.problems.map((p) => w.problems[p]).join(lang === 'zh' ? '、' : ', ')}`
                      : ''}
                    {weakPass ? <span class="ho-pass-too-weak">{` · ${w.tooWeak}`}</span> : null}
                  </span>
                )}
                <span class="ho-muted ho-small">{w.passHint}</span>
              </label>
              <button
                type="button"
                class="ho-btn ho-primary ho-seal"
                hidden={multi}
                disabled={busy || !sealable || supplierName === '' || weakPass}
                title={weakPass ? w.tooWeak : undefined}
                onClick={() => void seal()}
              >
                {busy ? w.sealing : w.seal}
              </button>
            </div>
          )}
          {multi && !sealed && (
            <SupplierHandoff
              lang={lang}
              shop={shop}
              orders={orders}
              days={days}
              carrier={carrier}
              extras={sealExtras}
              addresses={sealAddresses}
              overrides={overrides}
              sealable={sealable}
              baseUrl={config.baseUrl}
              onSealed={() => {
                // Sealed: the addresses are in the links now and leave the page's memory.
                setMultiSealed(true);
                setAddresses(new Map());
                orderPage.clear();
                void loadBatches();
              }}
              onError={setError}
              onHeld={setHeld}
            />
          )}
          {sealed && (
            <div class="ho-sealed" data-kind={sealed.kind} data-batch-id={sealed.batch.batchId}>
              <SupplierFileButton
                sealedText={sealed.text}
                supplier={sealed.batch.supplier.name}
                orders={sealed.batch.orders}
                w={w}
                onError={setError}
              />
              {sealed.kind === 'link' ? (
                <>
                  <h3>{config.baseUrl ? w.link : w.noBase}</h3>
                  <div class="ho-link-row">
                    <textarea class="ho-link" readOnly rows={4} value={sealed.text} />
                    {qr ? (
                      <img class="ho-qr" src={qr} alt={w.qr} width={200} height={200} />
                    ) : (
                      config.baseUrl && <p class="ho-muted ho-small">{w.noQr}</p>
                    )}
                  </div>
                  <CopyText
                    text={sealed.text}
                    label={w.copy}
                    done={w.copied}
                    class="ho-primary ho-copy-link"
                  />
                </>
              ) : (
                <>
                  <h3>{w.file}</h3>
                  <button
                    type="button"
                    class="ho-btn ho-primary ho-download-sealed"
                    onClick={() =>
                      downloadText(
                        sealed.text,
                        sealed.fileName ?? `shipmask-${sealed.batch.batchId}.txt`,
                        'text/plain',
                      )
                    }
                  >
                    {w.download}
                  </button>{' '}
                  <CopyText text={sealed.text} label={w.copy} done={w.copied} />
                </>
              )}
            </div>
          )}
        </section>
      )}

      {open ? (
        <section class="ho-card ho-detail" data-batch-id={open.batchId}>
          <button type="button" class="ho-btn ho-back" onClick={() => setOpen(undefined)}>
            ← {w.back}
          </button>
          <h2>
            {open.supplier.name} · <span class="ho-mono">{open.batchId}</span> ·{' '}
            <span class={`ho-status ho-status-${open.status}`}>{w.statusText[open.status]}</span>
          </h2>
          <p class="ho-muted">
            {w.created} {time(open.createdAt)} · {w.expires} {time(open.expiresAt)} · {w.orders} {open.orders}{' '}
            · {w.shipped} {open.shipped} · {w.cannot} {open.cannotShip}
          </p>
          <RevokeBatch lang={lang} revokedAt={open.revokedAt} onRevoke={() => void revoke(open.batchId)} />
          {open.group && (
            <MergedShip
              key={`${open.batchId}:${open.imports}`}
              lang={lang}
              source={{ groupId: open.group.id }}
              onError={setError}
              onShipFile={(ids) => void shipFilesMade(ids)}
            />
          )}
          <label class="ho-wide">
            {w.returnCode}
            <textarea
              class="ho-return-code"
              rows={3}
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          </label>
          <button type="button" class="ho-btn ho-primary ho-import" onClick={() => void importCode()}>
            {w.import}
          </button>
          {imported && (
            <div class="ho-changes" data-changes={imported.changes.length}>
              <p>
                {imported.changes.length > 0 ? w.changes(imported.changes.length) : w.noChanges}
                {imported.stale > 0 ? ` · ${w.stale(imported.stale)}` : ''}
              </p>
              {imported.changes.length > 0 && (
                <table class="ho-table">
                  <tbody>
                    {imported.changes.map((c) => (
                      <tr key={c.orderId}>
                        <td class="ho-mono">{c.orderId}</td>
                        <td class="ho-muted">{resultText(c.before, open.shop.platform, lang)}</td>
                        <td>→ {resultText(c.after, open.shop.platform, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          )}
          {shipFile && shipFile.problems.length > 0 && (
            <p class="ho-warn ho-ship-problems">{w.shipLeftOut(shipFile.problems.length)}</p>
          )}
          {/* A batch of a multi-supplier selection ships through the merged file (above): its own
              file would ship a split order a second time with this parcel's number. */}
          {shipFile && shipFile.written > 0 && !(open.group && open.group.of > 1) && (
            <div class="ho-ship">
              <button
                type="button"
                class="ho-btn ho-primary ho-download-ship"
                onClick={() => {
                  downloadText(shipFile.csv, shipFile.fileName, 'text/csv;charset=utf-8');
                  void shipFileMade(open.batchId);
                }}
              >
                {w.bulkFile} ({shipFile.written})
              </button>
              <label class="ho-wide">
                {w.bulkLines}
                <textarea class="ho-ship-lines" readOnly rows={4} value={lines} />
              </label>
              <CopyText
                text={lines}
                label={w.copy}
                done={w.copied}
                onDone={() => void shipFileMade(open.batchId)}
              />
            </div>
          )}
          <table class="ho-table ho-items">
            <thead>
              <tr>
                <th>#</th>
                <th>{w.orders}</th>
                <th>{w.result}</th>
              </tr>
            </thead>
            <tbody>
              {open.items.map((it, i) => (
                <tr key={it.order.orderId} data-order-id={it.order.orderId}>
                  <td class="ho-muted">{i + 1}</td>
                  <td class="ho-mono">{it.order.orderId}</td>
                  <td>{resultText(it.result, open.shop.platform, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        <section class="ho-card">
          <h2>{w.batches}</h2>
          <ExpiryReminders lang={lang} reminders={reminders} onOpen={(id) => void openBatch(id)} />
          {[...new Map(batches.map((b) => [`${b.shop.platform}:${b.shop.shopId}`, b.shop])).values()].map(
            (s) => (
              <MergedShip
                key={`${s.platform}:${s.shopId}`}
                lang={lang}
                source={{ shop: s }}
                shopName={shopName(s)}
                onError={setError}
                onShipFile={(ids) => void shipFilesMade(ids)}
              />
            ),
          )}
          {batches.length === 0 ? (
            <p class="ho-muted">{w.none}</p>
          ) : (
            <table class="ho-table ho-batches">
              <thead>
                <tr>
                  <th>{w.shop}</th>
                  <th>{w.supplier}</th>
                  <th>{w.created}</th>
                  <th>{w.expires}</th>
                  <th>{w.orders}</th>
                  <th>{w.shipped}</th>
                  <th>{w.cannot}</th>
                  <th>{w.status}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {batches.map((b) => (
                  <tr key={b.batchId} class="ho-batch-row" data-batch-id={b.batchId}>
                    <td>
                      {PLATFORM_NAMES[b.shop.platform][lang]}{' '}
                      <span class="ho-muted ho-small ho-shop-name">{shopName(b.shop)}</span>
                    </td>
                    <td>
                      {b.supplier.name}
                      {b.group && (
                        <span class="ho-muted ho-small">{` ${b.group.part + 1}/${b.group.of}`}</span>
                      )}
                    </td>
                    <td>{time(b.createdAt)}</td>
                    <td>{time(b.expiresAt)}</td>
                    <td>{b.orders}</td>
                    <td>{b.shipped}</td>
                    <td>{b.cannotShip}</td>
                    <td>
                      <span class={`ho-status ho-status-${b.status}`}>{w.statusText[b.status]}</span>
                    </td>
                    <td>
                      <button type="button" class="ho-btn ho-open" onClick={() => void openBatch(b.batchId)}>
                        {w.open}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}

      <section class="ho-card ho-settings">
        <h2>{w.settings}</h2>
        <label class="ho-wide">
          {w.baseUrl}
          <input
            class="ho-base-url"
            value={baseDraft}
            placeholder="https://example.com/shipmask/supplier.html"
            onInput={(e) => {
              setBaseDraft(e.currentTarget.value);
              setSavedNote(false);
            }}
          />
        </label>
        <button type="button" class="ho-btn ho-save-base" onClick={() => void saveBase()}>
          {savedNote ? w.saved : w.save}
        </button>
        <p>
          <a class="ho-standalone" href="/supplier-standalone.html" download="shipmask-supplier.html">
            {w.standalone}
          </a>
        </p>
      </section>
    </main>
  );
}
