// Order-export sheets of the demo back-offices: exactly the headers each platform's export uses
// for the columns shipmask cares about, one line per item (sub-order), receivers never in clear.
import { chinaDateTime, yuan, type DemoOrder, type DemoPlatform } from './data.ts';
import { toCsv } from './csv.ts';

export const exportHeaders: Readonly<Record<DemoPlatform, readonly string[]>> = {
  douyin: [
    '主订单编号',
    '子订单编号',
    '选购商品',
    '商品规格',
    '商品数量',
    '商家编码',
    '商品单价',
    '订单应付金额',
    '收件人',
    '收件人手机号',
    '省',
    '市',
    '区',
    '街道',
    '详细地址',
    '买家留言',
    '订单提交时间',
    '订单状态',
    '商品一级类目',
    '快递公司',
    '快递单号',
  ],
  wechat: [
    '订单号',
    '商品名称',
    '商品编码',
    '商品数量',
    '收件人姓名',
    '收件人手机号',
    '虚拟号分机号',
    '省份',
    '城市',
    '区县',
    '详细地址',
    '买家备注',
    '下单时间',
    '订单状态',
    '商品类目',
    '快递公司',
    '快递单号',
  ],
  jd: [
    '订单号',
    '商品ID',
    '商品名称',
    '订购数量',
    '客户姓名',
    '客户地址',
    '联系电话',
    '订单状态',
    '下单时间',
    '订单备注',
    '商品类目',
    '快递公司',
    '运单号',
  ],
};

/** What an export shows for an order whose status / shipment may have changed on the server. */
export interface ExportOrder {
  readonly order: DemoOrder;
  readonly status: string;
  readonly carrier: string;
  readonly trackingNo: string;
}

function lines(platform: DemoPlatform, e: ExportOrder): string[][] {
  const o = e.order;
  const p = o.plain;
  return o.items.map((it) => {
    switch (platform) {
      case 'douyin':
        // Douyin exports receivers as ciphertext; the region columns stay clear.
        return [
          o.orderId,
          it.subOrderId,
          it.name,
          it.spec,
          String(it.quantity),
          it.sku,
          yuan(it.price),
          yuan(o.total),
          o.cipher?.name ?? '',
          o.cipher?.phone ?? '',
          p.province,
          p.city,
          p.district,
          p.town,
          o.cipher?.address ?? '',
          o.remark,
          chinaDateTime(o.createdAt),
          e.status,
          o.category,
          e.carrier,
          e.trackingNo,
        ];
      case 'wechat': {
        // WeChat: masked name/address; the phone column holds the virtual number `main-ext` when
        // there is one, else the masked phone. Exempt categories are not encrypted: masked anyway
        // here (the demo export never carries clear receivers).
        const vn = o.virtualNumber;
        return [
          o.orderId,
          it.name,
          it.sku,
          String(it.quantity),
          o.masked.name,
          vn ? `${vn.main}-${vn.ext}` : o.masked.phone,
          vn ? vn.ext : '',
          p.province,
          p.city,
          p.district,
          o.masked.address === '' ? '' : '****',
          o.remark,
          chinaDateTime(o.createdAt),
          e.status,
          o.category,
          e.carrier,
          e.trackingNo,
        ];
      }
      case 'jd':
        // JD's free export: receiver info with the masked number.
        return [
          o.orderId,
          it.productId,
          it.name,
          String(it.quantity),
          o.masked.name,
          o.masked.address,
          o.masked.phone,
          e.status,
          chinaDateTime(o.createdAt),
          o.remark,
          o.category,
          e.carrier,
          e.trackingNo,
        ];
    }
  });
}

/** The export CSV (UTF-8 with BOM) of a platform for the given orders. */
export function exportCsv(platform: DemoPlatform, orders: readonly ExportOrder[]): string {
  return toCsv([exportHeaders[platform], ...orders.flatMap((e) => lines(platform, e))]);
}
