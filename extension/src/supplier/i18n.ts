/**
 * Words of the supplier page (Chinese by default, English available). Errors of core's
 * `openBatch` / `sealReturn` are explained in plain words: what happened and what to do.
 * @module
 */
import type { OpenErrorCode, ReturnErrorCode } from '@shipmask/core';

export type Lang = 'zh' | 'en';

const zh = {
  title: '厂家发货页',
  subtitle: '打开商家发来的供货单，填写快递单号，把回执码发回给商家。所有内容只在这台电脑上处理，不会上传。',
  pasteLabel: '粘贴商家发来的链接或供货单文字',
  pastePlaceholder: '例如：https://…/supplier.html#AQ…，或整段聊天文字',
  dropHint: '也可以把供货单文件拖到这里，或',
  chooseFile: '选择文件',
  passphrase: '口令',
  passphraseHint: '商家单独告诉你的口令（区分大小写）',
  open: '打开供货单',
  opening: '正在打开…',
  shop: '店铺',
  merchantNote: '商家留言',
  batch: '批次',
  expires: '有效期至',
  orders: '订单',
  items: '商品',
  receiver: '收件人',
  remark: '备注',
  carrier: '快递公司',
  waybill: '快递单号',
  cannotShip: '无法发货',
  reason: '原因',
  reasonPlaceholder: '例如：缺货',
  defaultCarrier: '默认快递公司',
  bulkLabel: '批量填写：每行一个（订单号 + 快递单号，或按顺序只写快递单号），也可导入打单软件导出的 CSV',
  bulkApply: '填入',
  importCsv: '导入 CSV',
  bulkResult: (n: number, skipped: number) => `已填入 ${n} 条${skipped > 0 ? `，${skipped} 行无法识别` : ''}`,
  print: '打印面单',
  labelSize: '面单尺寸',
  platformBadge: '平台代发',
  platformRoute: (n: number) => `${n} 个订单是平台代发（密文订单，本页不打印）：`,
  platformRouteTracking: '打印发货后把快递单号填在下面，一起生成回执码。',
  exportCsv: '导出给打单软件',
  exportHint: '导出含平台密文 / 虚拟号的订单表，用你的打单软件和平台官方打印组件打印电子面单',
  printNone: '先填写快递单号再打印面单。',
  printRefused: (n: number) => `${n} 个订单无法用浏览器打印面单：`,
  makeCode: '生成回执码',
  codeTitle: '回执码：复制后发回给商家',
  copy: '复制',
  copied: '已复制',
  progress: (done: number, total: number) => `已填写 ${done} / ${total}`,
  missing: (n: number) =>
    `还有 ${n} 个订单没有快递单号，也没有标记无法发货。可以先发部分回执，之后再发一次。`,
  virtual: '虚拟号',
  ciphertext: '密文（需平台打印组件）',
  language: 'English',
  reset: '换一个供货单',
  offline: '本页不联网：供货单在本机解密，回执码在本机生成。',
  codeOrders: (n: number) => `包含 ${n} 个订单的结果`,
  invalidWaybill: '快递单号只能是字母和数字',
  qrAlt: '回执码二维码',
  none: '（无）',
  compOpen: '用打印组件打印',
  compHint:
    '打印组件只打印平台电子面单接口取号时返回的打印数据（含平台签名）；订单自身的密文不是打印数据，组件会拒收。请选择商家的打单软件导出的打印数据文件（JSON）。本页只连接本机 127.0.0.1 上的打印组件，不连接其他任何地址。',
  compDataFile: '打印数据文件',
  compData: (n: number, bad: number) =>
    `读入 ${n} 单的打印数据${bad ? `；${bad} 条不完整（缺签名等），组件会拒收，已跳过` : ''}。`,
  compComponent: '打印组件',
  compPort: '端口',
  compConnect: '连接',
  compConnecting: '正在连接…',
  compConnected: '已连接',
  compNotRunning: (name: string, port: string) =>
    `没有连上${name}（127.0.0.1:${port}）。请先打开打印组件，确认端口正确，再点“连接”。`,
  compBadPort: '端口应为 1–65535 的数字。',
  compPrinter: '打印机',
  compPrint: (n: number) => `打印 ${n} 个密文订单`,
  compNone: '没有可用打印组件打印的订单：需要打印数据文件里有的、未标记无法发货的订单。',
  compSkipped: (n: number) =>
    `${n} 个密文订单没有打印数据，未发送：请用平台自己的打单打印，或让商家提供打印数据。`,
  compSummary: (printed: number, failed: number, unknown: number) =>
    `已打印 ${printed}，失败 ${failed}${unknown > 0 ? `，${unknown} 个未收到结果（请检查打印机，不要重复打印）` : ''}`,
  compState: { sent: '已发送', printed: '已打印', failed: '打印失败', unknown: '结果未知' } as Record<
    string,
    string
  >,
};

type Words = typeof zh;

const en: Words = {
  title: 'Supplier shipping page',
  subtitle:
    "Open the merchant's order sheet, fill in tracking numbers, send the return code back. Everything stays on this computer; nothing is uploaded.",
  pasteLabel: 'Paste the link or text the merchant sent',
  pastePlaceholder: 'e.g. https://…/supplier.html#AQ…, or the whole chat message',
  dropHint: 'or drop the order-sheet file here, or',
  chooseFile: 'choose a file',
  passphrase: 'Passphrase',
  passphraseHint: 'the passphrase the merchant told you separately (case-sensitive)',
  open: 'Open order sheet',
  opening: 'Opening…',
  shop: 'Shop',
  merchantNote: 'Message from the merchant',
  batch: 'Batch',
  expires: 'Valid until',
  orders: 'Orders',
  items: 'Items',
  receiver: 'Receiver',
  remark: 'Remark',
  carrier: 'Carrier',
  waybill: 'Tracking number',
  cannotShip: 'Cannot ship',
  reason: 'Reason',
  reasonPlaceholder: 'e.g. out of stock',
  defaultCarrier: 'Default carrier',
  bulkLabel:
    'Fill many at once: one per line (order id + tracking number, or tracking numbers only, in order), or import the CSV your print software exports',
  bulkApply: 'Fill in',
  importCsv: 'Import CSV',
  bulkResult: (n: number, skipped: number) =>
    `Filled ${n}${skipped > 0 ? `; ${skipped} lines not understood` : ''}`,
  print: 'Print labels',
  labelSize: 'Label size',
  platformBadge: 'Platform drop-ship',
  platformRoute: (n: number) =>
    `${n} orders are platform drop-ship (ciphertext orders; this page does not print them):`,
  platformRouteTracking: 'Once shipped, enter their tracking numbers below for the return code.',
  exportCsv: 'Export for print software',
  exportHint:
    "Orders with platform ciphertext / virtual numbers, for your print software and the platform's official print component",
  printNone: 'Fill in tracking numbers before printing labels.',
  printRefused: (n: number) => `${n} orders cannot get a browser-printed label:`,
  makeCode: 'Make return code',
  codeTitle: 'Return code: copy it and send it back to the merchant',
  copy: 'Copy',
  copied: 'Copied',
  progress: (done: number, total: number) => `${done} / ${total} filled in`,
  missing: (n: number) =>
    `${n} orders have no tracking number and are not marked as impossible. You can send a partial code now and another one later.`,
  virtual: 'virtual number',
  ciphertext: "ciphertext (needs the platform's print component)",
  language: '中文',
  reset: 'Open another order sheet',
  offline:
    'This page does not go online: the order sheet is decrypted here and the return code is made here.',
  codeOrders: (n: number) => `results of ${n} orders`,
  invalidWaybill: 'letters and digits only',
  qrAlt: 'QR code of the return code',
  none: '(none)',
  compOpen: 'Print with my print component',
  compHint:
    "The print component prints only the print data the platform's e-waybill API returned with the waybill number (signed by the platform); an order's own ciphertext is not print data and the component refuses it. Choose the print-data file (JSON) the merchant's waybill-printing software wrote. This page connects only to the print component on this computer (127.0.0.1), nowhere else.",
  compDataFile: 'Print-data file',
  compData: (n: number, bad: number) =>
    `Read print data for ${n} orders${bad ? `; ${bad} incomplete entries (no signature etc.) the component would refuse were skipped` : ''}.`,
  compComponent: 'Print component',
  compPort: 'Port',
  compConnect: 'Connect',
  compConnecting: 'Connecting…',
  compConnected: 'Connected',
  compNotRunning: (name: string, port: string) =>
    `Could not reach the ${name} (127.0.0.1:${port}). Start the print component, check the port, then press Connect.`,
  compBadPort: 'The port is a number from 1 to 65535.',
  compPrinter: 'Printer',
  compPrint: (n: number) => `Print ${n} ciphertext orders`,
  compNone:
    'No order to print with the component: it needs an entry in the print-data file, and not be marked as impossible.',
  compSkipped: (n: number) =>
    `${n} ciphertext orders have no print data and were not sent: print them with the platform's own print, or ask the merchant for print data.`,
  compSummary: (printed: number, failed: number, unknown: number) =>
    `printed ${printed}, failed ${failed}${unknown > 0 ? `, ${unknown} without a result (check the printer; do not print again)` : ''}`,
  compState: { sent: 'sent', printed: 'printed', failed: 'failed', unknown: 'unknown' },
};

/** The words of a language. */
export const words: Record<Lang, Words> = { zh, en };

const openErrorsZh: Record<OpenErrorCode, string> = {
  'not-a-link': '没有找到供货单内容。请粘贴商家发来的完整链接或整段文字，或者拖入供货单文件。',
  truncated: '链接不完整，复制时可能被截断了。请让商家重新发送，或请商家改用“文件”方式发送。',
  'too-large': '内容太大，不像是一个供货单。请让商家重新发送。',
  'unknown-version': '这个供货单是更新版本的 shipmask 生成的，这个页面太旧了。请向商家要最新的厂家页面。',
  'wrong-key': '链接里的钥匙和内容对不上（可能两条消息被拼在了一起）。请只粘贴一条链接，或让商家重新发送。',
  'wrong-passphrase': '口令不对。请再输入一次，或向商家确认口令（区分大小写）。',
  'passphrase-required': '这个供货单设置了口令。请输入商家另外告诉你的口令。',
  tampered: '内容被改动过，无法确认是商家发出的原件，为了安全不予打开。请让商家重新发送。',
  expired: '这个供货单已经过期，不能再打开。请让商家重新发送一个新的链接。',
  'crypto-failed': '这个浏览器缺少需要的加密功能。请用新版 Chrome、Edge 或 Firefox 打开。',
};

const openErrorsEn: Record<OpenErrorCode, string> = {
  'not-a-link':
    'No order sheet found. Paste the whole link or message the merchant sent, or drop the file in.',
  truncated:
    'The link is incomplete: it was probably cut off when copied. Ask the merchant to send it again, or to send it as a file.',
  'too-large': 'This is too large to be an order sheet. Ask the merchant to send it again.',
  'unknown-version':
    'This order sheet was made by a newer shipmask; this page is too old. Ask the merchant for the latest supplier page.',
  'wrong-key':
    'The key in the link does not match its content (two messages may have been joined). Paste one link only, or ask the merchant to resend.',
  'wrong-passphrase': 'Wrong passphrase. Try again, or check it with the merchant (it is case-sensitive).',
  'passphrase-required':
    'This order sheet is protected by a passphrase. Enter the one the merchant told you.',
  tampered:
    'The content was changed after the merchant sealed it, so it cannot be trusted and is not opened. Ask the merchant to send it again.',
  expired: 'This order sheet has expired and can no longer be opened. Ask the merchant for a new link.',
  'crypto-failed':
    'This browser lacks the encryption it needs. Open the page in a recent Chrome, Edge or Firefox.',
};

const returnErrorsZh: Record<ReturnErrorCode, string> = {
  'not-a-code': '这不是回执码。',
  truncated: '回执码不完整。',
  'too-large': '回执码太大。',
  'unknown-version': '回执码版本不认识。',
  'wrong-batch': '这个回执码属于另一个批次。',
  tampered: '回执码被改动过。',
  'unknown-order': '有订单不在这个供货单里。',
  'invalid-result': '有快递单号格式不对（只能是字母和数字，且不能像手机号）。',
  'bad-time': '这台设备的时间不对（早于供货单创建时间），请校准时间后再生成回执码。',
  'crypto-failed': '这个浏览器缺少需要的加密功能。',
};

const returnErrorsEn: Record<ReturnErrorCode, string> = {
  'not-a-code': 'This is not a return code.',
  truncated: 'The return code is incomplete.',
  'too-large': 'The return code is too large.',
  'unknown-version': 'Unknown return code version.',
  'wrong-batch': 'This return code belongs to another batch.',
  tampered: 'The return code was altered.',
  'unknown-order': 'An order is not in this order sheet.',
  'invalid-result':
    'A tracking number is malformed (letters and digits only, and not shaped like a mobile number).',
  'bad-time':
    "This device's clock is wrong (earlier than when the order sheet was made); set the clock and make the code again.",
  'crypto-failed': 'This browser lacks the encryption it needs.',
};

/**
 * A plain-words explanation of an `openBatch` error.
 * @example
 * explainOpenError('expired', 'zh'); // '这个供货单已经过期，…'
 */
export function explainOpenError(code: OpenErrorCode, lang: Lang): string {
  return (lang === 'en' ? openErrorsEn : openErrorsZh)[code] ?? code;
}

/**
 * A plain-words explanation of a `sealReturn` / `openReturn` error.
 * @example
 * explainReturnError('wrong-batch', 'en'); // 'This return code belongs to another batch.'
 */
export function explainReturnError(code: ReturnErrorCode, lang: Lang): string {
  return (lang === 'en' ? returnErrorsEn : returnErrorsZh)[code] ?? code;
}
