/** Print page strings. Chinese by default (the merchants' language), English available. */
export type Lang = 'zh' | 'en';

const zh = {
  title: '批量打印面单',
  source: '订单来源',
  fromSelection: (n: number) => `从订单列表选中 ${n} 单`,
  missing: (n: number) => `${n} 单已不在本地（已清理或未加载），请回到订单列表重新选择`,
  dropFile: '或拖入/选择平台导出的订单文件（CSV / XLSX）',
  fileRead: (n: number, a: number) =>
    `文件读入 ${n} 单；其中 ${a} 单带详细地址（仅本次打印在内存中使用，不保存）`,
  carrier: '快递公司',
  size: '面单尺寸',
  sender: '寄件人',
  senderName: '姓名',
  senderPhone: '电话',
  senderAddress: '地址',
  numbers: '起始运单号（号段，依次递增）',
  numbersHint: '运单号来自快递公司电子面单账号',
  preview: (n: number) => `预览（${n} 张，浏览器打印）`,
  componentOrders: (n: number) => `${n} 单为平台密文，需用平台打印组件打印（密文原样交给组件，扩展不解密）`,
  refused: (n: number) => `无法合规打印（${n} 单）`,
  reasons: {
    'masked-only': '只有脱敏信息（张* / 132****3639），包裹无法送达：请用平台打印组件或先获取虚拟号',
    'virtual-expired': '虚拟号已过有效期',
    'invalid-phone': '买家手机号格式异常，平台未生成虚拟号：请联系买家或用平台打印组件',
    'address-masked': '详细地址已脱敏：拖入含详细地址的导出文件（仅在内存中使用），或用平台打印组件',
    'plaintext-phone': '电话为明文：shipmask 不在自有面单上打印买家真实号码',
    'address-missing': '没有收件地址，无法打印面单：请联系买家补充地址',
    'no-receiver': '订单没有收件人信息',
    'invalid-virtual': '虚拟号格式不对（应为 11 位主号 + 4 位分机号）',
    'no-tracking-number': '运单号不够：请填写起始运单号',
  } as Record<string, string>,
  printBrowser: (n: number) => `浏览器打印 ${n} 张`,
  printComponent: (n: number) => `发送到打印组件 ${n} 张`,
  component: '打印组件',
  port: '端口',
  connect: '连接',
  printer: '打印机',
  state: {
    idle: '未连接',
    connecting: '连接中…',
    connected: '已连接',
    'not-running': '未检测到打印组件',
  } as Record<string, string>,
  install: (name: string, port: number, url?: string) =>
    `在 127.0.0.1:${port} 没有找到${name}。请安装并启动${name}${url ? `（下载：${url}）` : ''}，或修改端口后重新连接。`,
  job: '打印任务',
  counts: (p: number, t: number, f: number, s: number) => `已打印 ${p} / ${t}，失败 ${f}，发送中 ${s}`,
  status: { running: '打印中', paused: '已暂停', done: '已完成', canceled: '已取消' } as Record<
    string,
    string
  >,
  pause: '暂停',
  resume: '继续打印',
  cancel: '取消剩余',
  unfinished: '未完成的打印任务',
  open: '打开',
  shipTitle: '打印后请尽快发货',
  shipHint: '已打单未发货的订单可能被买家退款：下载批量发货文件，在后台「批量发货」上传。',
  shipFile: (n: number) => `下载批量发货文件（${n} 单）`,
  reprint: '重打',
  reprintOrders: '订单号（逗号分隔）',
  reprintReason: '重打原因（必填，会记录）',
  reprintDone: (n: number) => `已重新排队 ${n} 单`,
  log: '打印记录',
  logOrder: '查询订单号',
  logKinds: {
    sent: '已发送',
    printed: '已打印',
    failed: '失败',
    canceled: '已取消',
    reprint: '重打',
  } as Record<string, string>,
  browserNote: '浏览器打印无法得知打印机是否真的出纸：打印对话框关闭后记为已打印。',
  ready: '可以打印',
  error: (m: string) => `出错：${m}`,
};

export type PrintStrings = typeof zh;

const en: PrintStrings = {
  title: 'Bulk print waybills',
  source: 'Orders',
  fromSelection: (n) => `${n} orders selected in the order list`,
  missing: (n) => `${n} orders are no longer stored (purged or not loaded): select them again in the list`,
  dropFile: 'or drop / choose the platform order export (CSV / XLSX)',
  fileRead: (n, a) =>
    `${n} orders read; ${a} with a detailed address (used in memory for this print only, never stored)`,
  carrier: 'Carrier',
  size: 'Label size',
  sender: 'Sender',
  senderName: 'Name',
  senderPhone: 'Phone',
  senderAddress: 'Address',
  numbers: 'First waybill number (range, counting up)',
  numbersHint: "Waybill numbers come from the carrier's e-waybill account",
  preview: (n) => `Preview (${n} labels, browser print)`,
  componentOrders: (n) =>
    `${n} orders hold platform ciphertext: print them with the platform's print component (ciphertext passed through, never decrypted)`,
  refused: (n) => `Cannot be printed compliantly (${n})`,
  reasons: {
    'masked-only':
      'Masked data only (张* / 132****3639): the parcel cannot arrive. Use the print component or get a virtual number',
    'virtual-expired': 'The virtual number has expired',
    'invalid-phone':
      "The buyer's phone is malformed, no virtual number was issued: contact the buyer or use the print component",
    'address-masked':
      'The detailed address is masked: drop an export with addresses (memory only) or use the print component',
    'plaintext-phone': "Plaintext phone: shipmask never prints a buyer's real number on its own labels",
    'address-missing': 'No receiving address: ask the buyer to add one',
    'no-receiver': 'The order has no receiver',
    'invalid-virtual': 'Malformed virtual number (11-digit main number + 4-digit extension expected)',
    'no-tracking-number': 'Not enough waybill numbers: enter the first number',
  },
  printBrowser: (n) => `Print ${n} labels (browser)`,
  printComponent: (n) => `Send ${n} to the print component`,
  component: 'Print component',
  port: 'Port',
  connect: 'Connect',
  printer: 'Printer',
  state: {
    idle: 'Not connected',
    connecting: 'Connecting…',
    connected: 'Connected',
    'not-running': 'Print component not running',
  },
  install: (name, port, url) =>
    `Nothing answers on 127.0.0.1:${port}. Install and start the ${name}${url ? ` (download: ${url})` : ''}, or change the port and connect again.`,
  job: 'Print job',
  counts: (p, t, f, s) => `Printed ${p} / ${t}, failed ${f}, in flight ${s}`,
  status: { running: 'Printing', paused: 'Paused', done: 'Done', canceled: 'Canceled' },
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel the rest',
  unfinished: 'Unfinished print jobs',
  open: 'Open',
  shipTitle: 'Ship soon after printing',
  shipHint:
    'Printed but unshipped orders can be refunded: download the bulk-ship file and upload it in 批量发货.',
  shipFile: (n) => `Download the bulk-ship file (${n} orders)`,
  reprint: 'Reprint',
  reprintOrders: 'Order ids (comma separated)',
  reprintReason: 'Reason (required, logged)',
  reprintDone: (n) => `${n} orders queued again`,
  log: 'Print log',
  logOrder: 'Order id',
  logKinds: { sent: 'sent', printed: 'printed', failed: 'failed', canceled: 'canceled', reprint: 'reprint' },
  browserNote:
    'A browser print cannot tell whether paper came out: documents count as printed once the print dialog closes.',
  ready: 'Ready to print',
  error: (m) => `Error: ${m}`,
};

/** The strings of a language. */
export function printStrings(lang: Lang): PrintStrings {
  return lang === 'en' ? en : zh;
}
