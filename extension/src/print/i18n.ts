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
  numberMode: '运单号',
  numberModes: {
    list: '粘贴列表 / CSV（每行「订单号,运单号」）',
    each: '逐单填写',
    range: '号段（起始号依次递增）',
  },
  listHint:
    '每行「订单号,运单号」（逗号、制表符或空格分隔，可直接粘贴电子面单软件导出的表格）；只有运单号的行按页面顺序分给尚无运单号的订单。',
  numbersGiven: (n: number, total: number) => `已有运单号 ${n} / ${total} 单`,
  numberProblem: (code: string, value: string, other: string): string =>
    ({
      'too-many-lines': '行数太多，只读了前 5000 行',
      'no-number': '没有运单号',
      shape: `「${value}」不是运单号（字母、数字或短横线，最多 64 位）`,
      mobile: `「${value}」像手机号，不是运单号`,
      'unknown-order': `订单 ${value} 不在本次打印中`,
      'number-twice': `运单号 ${value} 已给了订单 ${other}`,
      'order-twice': `该订单已有运单号 ${other}`,
      'left-over': `运单号 ${value} 多出：运单号比订单多`,
      unreadable: `无法识别：「${value}」`,
    })[code] ?? code,
  lineOf: (n: number) => `第 ${n} 行`,
  preview: (n: number) => `预览（${n} 张，浏览器打印）`,
  componentOrders: (n: number) => `${n} 单有打印数据，可发送到打印组件（平台签名的打印数据原样交给组件）`,
  platformTitle: (n: number) => `平台打单（${n} 单）`,
  platformWhy:
    'shipmask 只持有这些订单的平台密文或脱敏信息，不能自己打面单。面单要用平台电子面单接口取号时返回的打印数据（带平台签名）打印，这需要平台开放平台的应用凭证，扩展没有。请用平台自己的「批量打印」：shipmask 在平台订单页勾选这些订单，你在该页点「批量打印」，shipmask 随后从订单状态（已打待发货 / 已发货）记录打印结果。',
  platformTick: (n: number) => `在平台订单页勾选这 ${n} 单`,
  platformTicked: (n: number, missing: number, entry: string | null) =>
    `已在平台订单页勾选 ${n} 单${missing ? `，${missing} 单不在该页（翻页后再点一次）` : ''}。请在该页点「${entry ?? '批量打印'}」。`,
  platformNoTab: (reason: string): string =>
    reason === 'other-shop'
      ? '打开的平台订单页不是这个店铺：请打开本店铺的订单列表后再试。'
      : '没有找到打开的平台订单页：请在浏览器中打开本店铺的订单列表后再试。',
  dataFile: '打印数据文件（打单软件按平台电子面单接口导出的 JSON，可选）',
  dataRead: (n: number, bad: number) =>
    `读入 ${n} 单的打印数据${bad ? `；${bad} 条不完整（缺签名 / params 等），组件会拒收，未采用` : ''}（仅在本页内存中使用，不保存）`,
  needData: '请先重新选择打印数据文件（打印数据只在页面内存中，页面关闭后需重新选择）。',
  wechatNoticeHint:
    '微信小店要求打印后调用「打印成功通知」（需商家服务器与平台 access_token），发货另需调用「订单发货」。下载通知数据交给对接方：',
  wechatNotice: (n: number) => `下载打印成功通知数据（${n} 单）`,
  refused: (n: number) => `无法合规打印（${n} 单）`,
  needsNumber: (n: number) => `待填运单号（${n} 单）`,
  whyNoOrders: '没有可打印的订单：请在订单列表选择订单，或拖入平台导出的订单文件。',
  whyNeedsNumber: (n: number) => `还不能打印：${n} 单待填运单号。`,
  whyNoLabels: '这些订单没有可由 shipmask 打印的面单：见下方「平台打单」或「无法合规打印」。',
  senderMissing: '面单上没有完整的寄件人（姓名、电话、地址）：快递公司可能拒收，请先填写寄件人。',
  needsNumberHint: '在上方「运单号」中粘贴或填写这些订单的运单号，面单随即出现在预览中。',
  reasons: {
    'masked-only': '只有脱敏信息（张* / 132****3639），包裹无法送达：请用平台打印组件或先获取虚拟号',
    'virtual-expired': '虚拟号已过有效期',
    'virtual-dates-invalid': '订单日期不一致（如签收早于下单），无法判断虚拟号是否有效：请核对订单',
    'invalid-phone': '买家手机号格式异常，平台未生成虚拟号：请联系买家或用平台打印组件',
    'address-masked': '详细地址已脱敏：在订单页查看后点「从订单页获取地址」，或用平台电子面单打印',
    'plaintext-phone': '电话为明文：shipmask 不在自有面单上打印买家真实号码',
    'address-missing': '没有收件地址，无法打印面单：请联系买家补充地址',
    'no-receiver': '订单没有收件人信息',
    'invalid-virtual': '虚拟号格式不对（应为 11 位主号 + 4 位分机号）',
    'no-tracking-number': '运单号不够：请填写起始运单号',
    'no-shipment-needed': '服务类订单，无需发货',
  } as Record<string, string>,
  notAwaiting: (status: string) => `订单状态为「${status}」，不是待发货：不打面单`,
  orderStatus: {
    unpaid: '待付款',
    awaiting_shipment: '待发货',
    printed: '已打单',
    shipped: '已发货',
    received: '已签收',
    completed: '已完成',
    after_sale: '售后中',
    cancelled: '已关闭',
    unknown: '未知',
  } as Record<string, string>,
  printBrowser: (n: number) => `浏览器打印 ${n} 张`,
  /** Merge groups (issue 18): one label per 可合并 group; `orders` ride on `parcels` labels. */
  mergePrint: (parcels: number, orders: number) =>
    `可合并订单合并打印（${orders} 单合为 ${parcels} 个包裹，每组一张面单）`,
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
  status: {
    running: '打印中',
    paused: '已暂停',
    done: '已完成',
    canceled: '已取消',
    interrupted: '已中断',
  } as Record<string, string>,
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
  fillFailed: (n: number) => `填入失败的 ${n} 单`,
  inFlight: (n: number) =>
    `${n} 张发送给组件后状态未知（中断前已发送）。继续打印时会先向组件查询；组件无法查询时，请到打印机处确认：`,
  inFlightPrinted: '已出纸：记为已打印',
  inFlightRequeue: '未出纸：重新排队（需填原因）',
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
  numberMode: 'Waybill numbers',
  numberModes: {
    list: 'Paste a list / CSV (order id, number)',
    each: 'One per order',
    range: 'Range (a start number counted up)',
  },
  listHint:
    'One "order id, number" per line (comma, tab or spaces; a table exported by e-waybill software pastes as is); lines with a number only go to the orders still without one, in page order.',
  numbersGiven: (n: number, total: number) => `Numbers given: ${n} of ${total} orders`,
  numberProblem: (code: string, value: string, other: string): string =>
    ({
      'too-many-lines': 'Too many lines: only the first 5,000 were read',
      'no-number': 'No waybill number',
      shape: `"${value}" is not a waybill number (letters, digits or dashes, up to 64)`,
      mobile: `"${value}" looks like a mobile number, not a waybill number`,
      'unknown-order': `Order ${value} is not in this print`,
      'number-twice': `Number ${value} is already given to order ${other}`,
      'order-twice': `This order already has number ${other}`,
      'left-over': `Number ${value} is left over: more numbers than orders`,
      unreadable: `Cannot read "${value}"`,
    })[code] ?? code,
  lineOf: (n: number) => `Line ${n}`,
  preview: (n) => `Preview (${n} labels, browser print)`,
  componentOrders: (n) =>
    `${n} orders have print data: send them to the print component (the platform's signed print data, passed through untouched)`,
  platformTitle: (n) => `Platform print (${n} orders)`,
  platformWhy:
    "shipmask holds only platform ciphertext or masked text for these orders and cannot label them itself. Their labels print from the print data the platform's e-waybill API returns with the waybill number (signed by the platform), which needs the platform's open-API app credentials the extension does not have. Use the platform's own bulk print (“批量打印”): shipmask ticks these orders on the platform's order page, you click “批量打印” there, and shipmask records the result from the order status (“已打待发货” / “已发货”).",
  platformTick: (n) => `Tick these ${n} orders on the platform page`,
  platformTicked: (n, missing, entry) =>
    `Ticked ${n} orders on the platform's order page${missing ? `; ${missing} are not on that page (turn the page and click again)` : ''}. Click “${entry ?? '批量打印'}” there.`,
  platformNoTab: (reason) =>
    reason === 'other-shop'
      ? "The open order page is another shop's: open this shop's order list and try again."
      : "No platform order page is open: open this shop's order list in the browser and try again.",
  dataFile:
    "Print-data file (JSON your waybill-printing software wrote from the platform's e-waybill API, optional)",
  dataRead: (n, bad) =>
    `Read print data for ${n} orders${bad ? `; ${bad} incomplete entries (no signature / params …) the component would refuse were not used` : ''} (page memory only, never stored)`,
  needData: 'Choose the print-data file again first (print data lives in page memory only).',
  wechatNoticeHint:
    "The WeChat shop requires a print-success notice (“打印成功通知”, from the merchant's server with the platform access token) after printing; shipping is a separate “订单发货” call. Download the notice data for your integrator:",
  wechatNotice: (n) => `Download the print-success notice data (${n} orders)`,
  refused: (n) => `Cannot be printed compliantly (${n})`,
  needsNumber: (n) => `Waiting for a waybill number (${n})`,
  whyNoOrders:
    'No orders to print: select orders in the order list, or drop an order export from the platform.',
  whyNeedsNumber: (n) => `Cannot print yet: ${n} orders are waiting for a waybill number.`,
  whyNoLabels:
    'shipmask cannot print labels for these orders: see "Platform print" or "Cannot be printed" below.',
  senderMissing:
    'The labels carry no complete sender (name, phone, address): carriers may refuse them. Fill in the sender first.',
  needsNumberHint:
    'Paste or type these orders\' numbers under "Waybill numbers" above; their labels then appear in the preview.',
  reasons: {
    'masked-only':
      'Masked data only (a masked name and 132****3639): the parcel cannot arrive. Use the print component or get a virtual number',
    'virtual-expired': 'The virtual number has expired',
    'virtual-dates-invalid':
      "The order's dates contradict each other (received before created): the virtual number's validity is unknown",
    'invalid-phone':
      "The buyer's phone is malformed, no virtual number was issued: contact the buyer or use the print component",
    'address-masked':
      'The detailed address is masked: reveal it on the order page and click “Get addresses from the order page”, or print with the platform’s e-waybill',
    'plaintext-phone': "Plaintext phone: shipmask never prints a buyer's real number on its own labels",
    'address-missing': 'No receiving address: ask the buyer to add one',
    'no-receiver': 'The order has no receiver',
    'invalid-virtual': 'Malformed virtual number (11-digit main number + 4-digit extension expected)',
    'no-tracking-number': 'Not enough waybill numbers: enter the first number',
    'no-shipment-needed': 'A service order: nothing to ship',
  },
  notAwaiting: (status) => `Status "${status}", not awaiting shipment: no label`,
  orderStatus: {
    unpaid: 'unpaid',
    awaiting_shipment: 'awaiting shipment',
    printed: 'printed',
    shipped: 'shipped',
    received: 'received',
    completed: 'completed',
    after_sale: 'after-sale',
    cancelled: 'closed',
    unknown: 'unknown',
  },
  printBrowser: (n) => `Print ${n} labels (browser)`,
  mergePrint: (parcels, orders) =>
    `Merge orders marked “可合并” (${orders} orders in ${parcels} parcels, one label per group)`,
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
  status: {
    running: 'Printing',
    paused: 'Paused',
    done: 'Done',
    canceled: 'Canceled',
    interrupted: 'Interrupted',
  },
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel the rest',
  unfinished: 'Unfinished print jobs',
  open: 'Open',
  shipTitle: 'Ship soon after printing',
  shipHint:
    'Printed but unshipped orders can be refunded: download the bulk-ship file and upload it in “批量发货”.',
  shipFile: (n) => `Download the bulk-ship file (${n} orders)`,
  reprint: 'Reprint',
  reprintOrders: 'Order ids (comma separated)',
  reprintReason: 'Reason (required, logged)',
  reprintDone: (n) => `${n} orders queued again`,
  fillFailed: (n) => `Fill in the ${n} failed`,
  inFlight: (n) =>
    `${n} labels were sent before the interruption and their outcome is unknown. Resume asks the component first; when it cannot tell, check at the printer:`,
  inFlightPrinted: 'Came out: mark printed',
  inFlightRequeue: 'Did not: queue again (reason required)',
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
