// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { handleTick } from './platform-tick';

const URL = 'http://127.0.0.1:8080/ffa/morder/order/list';
function page(): Document {
  document.body.replaceChildren();
  const shop = document.createElement('span');
  shop.className = 'index_shopId__k2Lx';
  shop.textContent = '店铺ID：dy1';
  const list = document.createElement('div');
  list.className = 'auxo-spin-container';
  const row = document.createElement('div');
  row.setAttribute('data-kora_order_status', '2');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.className = 'auxo-checkbox-input';
  // The div-row variant of the 抖店 adapter: header text in `index_leftWrapper…` spans.
  const header = document.createElement('div');
  header.className = 'index_leftWrapper__q8Zt';
  const id = document.createElement('span');
  id.textContent = '订单编号 692000000000000001';
  header.append(id);
  row.append(box, header);
  list.append(row);
  document.body.append(shop, list);
  return document;
}
const req = (o: object) => ({
  type: 'platform-print/tick',
  shop: { platform: 'douyin', shopId: 'dy1' },
  orderIds: ['692000000000000001'],
  ...o,
});

describe('handleTick', () => {
  it('ticks on the right shop page', () => {
    expect(handleTick(req({}), page(), URL)).toMatchObject({ ok: true, ticked: ['692000000000000001'] });
  });
  it('refuses another shop, a non-list page and malformed requests, ticking nothing', () => {
    const doc = page();
    expect(handleTick(req({ shop: { platform: 'douyin', shopId: 'other' } }), doc, URL)).toEqual({
      ok: false,
      reason: 'other-shop',
    });
    expect(handleTick(req({ shop: { platform: 'jd', shopId: 'dy1' } }), doc, URL)).toEqual({
      ok: false,
      reason: 'other-shop',
    });
    expect(handleTick(req({}), doc, 'https://example.com/')).toEqual({
      ok: false,
      reason: 'not-an-order-list',
    });
    for (const orderIds of [[], ['<img>'], ['1'.repeat(65)], new Array(1001).fill('1'), 'x', [1]])
      expect(handleTick(req({ orderIds }), doc, URL)).toEqual({ ok: false, reason: 'bad-request' });
    expect(handleTick(null, doc, URL)).toEqual({ ok: false, reason: 'bad-request' });
    expect(doc.querySelector<HTMLInputElement>('.auxo-checkbox-input')!.checked).toBe(false);
  });
});
