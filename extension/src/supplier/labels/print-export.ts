/**
 * The batch as a CSV for the supplier's print software (打单软件): the tools that print from
 * platform ciphertext through the official print component (seed: "hand the supplier ciphertext
 * orders for a tool that prints from ciphertext"). One row per item line, the platform's own
 * column names where it has them; receiver columns hold ciphertext, or the virtual number, or the
 * masked reference — never plaintext (the batch has none). Written with core's `writeCsv`
 * (UTF-8 with BOM, CRLF, formula guard).
 * @module
 */
import { writeCsv, type HandoffBatch } from '@shipmask/core';

/** Column names per platform (as in each platform's order export). */
const HEADERS = {
  douyin: [
    '主订单编号',
    '选购商品',
    '商品数量',
    '商家编码',
    '收件人',
    '收件人手机号',
    '详细地址',
    '买家留言',
    '快递公司',
  ],
  wechat: [
    '订单号',
    '商品名称',
    '商品数量',
    '商品编码',
    '收件人姓名',
    '收件人手机号',
    '详细地址',
    '买家备注',
    '快递公司',
  ],
  jd: [
    '订单号',
    '商品名称',
    '订购数量',
    '商品ID',
    '客户姓名',
    '联系电话',
    '客户地址',
    '订单备注',
    '快递公司',
  ],
} as const;

/**
 * The print-software CSV of a batch, and how many orders carry ciphertext or a virtual number.
 * @example
 * printSoftwareCsv(batch).csv; // '\uFEFF主订单编号,选购商品,…\r\n6920…,保温杯,1,SM-001,#Zx3…#,$Ab9…$,#Qm2…#,,\r\n'
 */
export function printSoftwareCsv(batch: HandoffBatch): { csv: string; fileName: string; printable: number } {
  const rows: string[][] = [[...(HEADERS[batch.platform] ?? HEADERS.douyin)]];
  let printable = 0;
  for (const o of batch.orders) {
    const r = o.receiver;
    if (r.cipher || r.virtual) printable++;
    const vn = r.virtual ? `${r.virtual.main}-${r.virtual.ext}` : undefined;
    for (const item of o.items) {
      rows.push([
        o.orderId,
        item.name,
        String(item.quantity),
        item.sku ?? '',
        r.cipher?.name ?? r.name ?? '',
        r.cipher?.phone ?? vn ?? r.phone ?? '',
        r.cipher?.address ?? r.address ?? '',
        o.remark ?? '',
        o.carrier ?? '',
      ]);
    }
  }
  return { csv: writeCsv(rows), fileName: `shipmask-${batch.batchId}-print.csv`, printable };
}
