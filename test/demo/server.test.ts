// The demo server's JSON API without a browser: paging covers every order once, filters, the
// per-platform counter, reveal refusal at 0, bulk-ship validation, export and reset.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './server.ts';
import { demoOrders, demoPlatforms } from './data.ts';
import type { OrdersResponse, RevealResponse, ShipResponse, ApiError } from './api.ts';
import { parseCsv } from './csv.ts';
import { exportHeaders } from './export.ts';

let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0, revealDelayMs: 0 });
});
afterAll(async () => {
  await demo.close();
});
beforeEach(() => demo.state.reset());

async function get<T>(path: string): Promise<T> {
  const res = await fetch(`${demo.url}${path}`);
  return (await res.json()) as T;
}

async function post<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

describe.each(demoPlatforms)('demo API (%s)', (platform) => {
  const orders = demoOrders(platform);

  it('pages cover every order exactly once, in order, for every page size', async () => {
    for (const size of [20, 50, 100, 200]) {
      const ids: string[] = [];
      for (let page = 1; page <= Math.ceil(orders.length / size); page++) {
        const r = await get<OrdersResponse>(`/api/${platform}/orders?page=${page}&pageSize=${size}`);
        expect(r.total).toBe(orders.length);
        expect(r.pageSize).toBe(size);
        ids.push(...r.orders.map((o) => o.orderId));
      }
      expect(ids).toEqual(orders.map((o) => o.orderId));
    }
  });

  it('never sends plaintext in the list (except clear WeChat exempt orders)', async () => {
    const r = await get<OrdersResponse>(`/api/${platform}/orders?pageSize=200`);
    const text = JSON.stringify(r.orders.filter((o) => !o.receiver.clear));
    for (const o of orders.filter((x) => !x.exempt)) {
      expect(text).not.toContain(o.plain.phone);
      expect(text).not.toContain(o.plain.name);
      if (o.plain.detail) expect(text).not.toContain(o.plain.detail);
    }
  });

  it('filters by status and search; counts per tab add up', async () => {
    const r = await get<OrdersResponse>(`/api/${platform}/orders?status=待发货&pageSize=200`);
    expect(r.orders.every((o) => o.status === '待发货')).toBe(true);
    expect(r.total).toBe(orders.filter((o) => o.status === '待发货').length);
    const sum = Object.entries(r.counts)
      .filter(([k]) => k !== '全部')
      .reduce((s, [, n]) => s + n, 0);
    expect(sum).toBe(r.counts['全部']);
    const target = orders[17]!;
    const q = await get<OrdersResponse>(`/api/${platform}/orders?q=${target.orderId}`);
    expect(q.orders.map((o) => o.orderId)).toEqual([target.orderId]);
    const byItem = await get<OrdersResponse>(
      `/api/${platform}/orders?q=${encodeURIComponent(target.items[0]!.name)}&pageSize=200`,
    );
    expect(byItem.orders.some((o) => o.orderId === target.orderId)).toBe(true);
  });

  it('?count=200 serves 200 orders, and reveals work on the extra ones', async () => {
    const r = await get<OrdersResponse>(`/api/${platform}/orders?count=200&pageSize=200`);
    expect(r.orders).toHaveLength(200);
    const extra = demoOrders(platform, { count: 200 }).find((o) => o.index === 150)!;
    const rev = await post<RevealResponse>(`/api/${platform}/reveal`, { orderId: extra.orderId });
    expect(rev.status).toBe(200);
    expect(rev.body.name).toBe(extra.plain.name);
  });

  it('reveal returns the plaintext, decrements the shared counter, and refuses at 0', async () => {
    const start = demo.state.remaining[platform];
    const o = orders.find((x) => x.plain.phone.length === 11 && !x.exempt)!;
    const a = await post<RevealResponse>(`/api/${platform}/reveal`, { orderId: o.orderId });
    expect(a.body).toMatchObject({
      ok: true,
      name: o.plain.name,
      address: o.plain.fullAddress,
      remaining: start - 1,
    });
    if (platform === 'jd') expect(a.body.phone).toBe(`${o.virtualNumber!.main}-${o.virtualNumber!.ext}`);
    else expect(a.body.phone).toBe(o.plain.phone);
    const list = await get<OrdersResponse>(`/api/${platform}/orders`);
    expect(list.remaining).toBe(start - 1);

    demo.state.remaining[platform] = 0;
    const refused = await post<ApiError>(`/api/${platform}/reveal`, { orderId: o.orderId });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('QUOTA_EXHAUSTED');
    expect(demo.state.reveals).toHaveLength(1);
    const unknown = await post<ApiError>(`/api/${platform}/reveal`, { orderId: '1' });
    expect(unknown.status).toBe(404);
  });

  it('bulk ship validates rows and headers, records shipments, and reset restores', async () => {
    const pending = orders.filter((o) => o.status === '待发货');
    const closed = orders.find((o) => o.status === '已关闭')!;
    const rows = [
      { orderId: pending[0]!.orderId, carrier: '中通快递', trackingNo: '78000000000001' },
      { orderId: closed.orderId, carrier: '中通快递', trackingNo: '78000000000002' },
      { orderId: '999', carrier: '中通快递', trackingNo: '78000000000003' },
      { orderId: pending[1]!.orderId, carrier: '', trackingNo: '78000000000004' },
      { orderId: pending[2]!.orderId, carrier: '中通快递', trackingNo: '短' },
    ];
    const r = await post<ShipResponse>(`/api/${platform}/ship`, { rows });
    expect(r.body.succeeded).toBe(1);
    expect(r.body.failed.map((f) => f.line)).toEqual([2, 3, 4, 5]);
    expect(r.body.failed[0]!.reason).toContain('已关闭');
    expect(r.body.failed[1]!.reason).toBe('订单不存在');
    const again = await post<ShipResponse>(`/api/${platform}/ship`, { rows: rows.slice(0, 1) });
    expect(again.body.succeeded).toBe(0);
    const bad = await post<ApiError>(`/api/${platform}/ship`, { csv: 'a,b,c\r\n1,2,3\r\n' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_HEADER');

    const shipped = await get<OrdersResponse>(`/api/${platform}/orders?q=${pending[0]!.orderId}`);
    expect(shipped.orders[0]).toMatchObject({ status: '已发货', trackingNo: '78000000000001' });
    expect(demo.state.shipments).toHaveLength(1);

    await post(`/api/${platform}/reset`, {});
    expect(demo.state.shipments).toHaveLength(0);
    const back = await get<OrdersResponse>(`/api/${platform}/orders?q=${pending[0]!.orderId}`);
    expect(back.orders[0]!.status).toBe('待发货');
  });

  it('exports a CSV attachment filtered like the list', async () => {
    const res = await fetch(`${demo.url}/api/${platform}/export?status=${encodeURIComponent('已完成')}`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[a-z]+-orders-\d{14}\.csv"; filename\*=UTF-8''/u,
    );
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(exportHeaders[platform]);
    const done = orders.filter((o) => o.status === '已完成');
    expect(rows).toHaveLength(1 + done.reduce((n, o) => n + o.items.length, 0));
    expect(demo.state.exports).toHaveLength(1);
  });

  it("the platform's own 批量打印 prints ticked 待发货 orders: 已打待发货 under the 待发货 tab, until reset", async () => {
    const waiting = (await get<OrdersResponse>('/api/douyin/orders?status=待发货')).orders;
    const shipped = demoOrders('douyin').find((o) => o.status === '已发货')!;
    const ids = [waiting[0]!.orderId, waiting[1]!.orderId];
    const r = await post<{ ok: true; printed: string[]; skipped: string[] }>('/api/douyin/print', {
      orderIds: [...ids, shipped.orderId, 'nope'],
    });
    expect(r.body.printed).toEqual(ids);
    expect(r.body.skipped).toEqual([shipped.orderId, 'nope']);
    const after = (await get<OrdersResponse>('/api/douyin/orders?status=待发货')).orders;
    expect(after.filter((o) => ids.includes(o.orderId)).map((o) => o.status)).toEqual([
      '已打待发货',
      '已打待发货',
    ]);
    expect((await get<{ printed: string[] }>('/api/douyin/state')).printed.sort()).toEqual([...ids].sort());
    // Printing again skips them (only 待发货 prints); bad bodies are typed errors.
    expect((await post<{ skipped: string[] }>('/api/douyin/print', { orderIds: ids })).body.skipped).toEqual(
      ids,
    );
    expect((await post<ApiError>('/api/douyin/print', { orderIds: [] })).status).toBe(400);
    expect((await post<ApiError>('/api/douyin/print', { orderIds: new Array(1001).fill('1') })).status).toBe(
      400,
    );
    demo.state.reset('douyin');
    expect((await get<{ printed: string[] }>('/api/douyin/state')).printed).toEqual([]);
  });

  it('demo controls (issue 18): a refund request and an address change show from the next load, until reset', async () => {
    const waiting = (await get<OrdersResponse>(`/api/${platform}/orders?status=待发货`)).orders.filter(
      (o) => o.receiver.address !== '',
    );
    const [a, b] = [waiting[0]!, waiting[1]!];
    expect(a.refund).toBeUndefined();
    expect((await post<{ ok: true }>(`/api/${platform}/demo/refund`, { orderId: a.orderId })).status).toBe(
      200,
    );
    expect((await post<{ ok: true }>(`/api/${platform}/demo/address`, { orderId: b.orderId })).status).toBe(
      200,
    );
    const after = (await get<OrdersResponse>(`/api/${platform}/orders?status=待发货`)).orders;
    const a2 = after.find((o) => o.orderId === a.orderId)!;
    const b2 = after.find((o) => o.orderId === b.orderId)!;
    // A refund request leaves the status as it was (the merchant has not acted), with the tag.
    expect([a2.status, a2.refund]).toEqual([a.status, '退款中']);
    expect(b2.addressChanged).toBe(true);
    expect(b2.receiver.address).not.toBe(b.receiver.address);
    // A reveal shows the new address; unknown orders and bad bodies are typed errors.
    const r = await post<RevealResponse>(`/api/${platform}/reveal`, { orderId: b.orderId });
    const order = orders.find((o) => o.orderId === b.orderId)!;
    expect(r.body.address).not.toBe(order.plain.fullAddress);
    expect((await post<ApiError>(`/api/${platform}/demo/refund`, { orderId: 'nope' })).status).toBe(404);
    expect((await post<ApiError>(`/api/${platform}/demo/refund`, 'x')).status).toBe(404);
    const state = await get<{ refunds: string[]; addressChanged: string[] }>(`/api/${platform}/state`);
    expect([state.refunds, state.addressChanged]).toEqual([[a.orderId], [b.orderId]]);
    demo.state.reset(platform);
    const reset = (await get<OrdersResponse>(`/api/${platform}/orders?status=待发货`)).orders;
    expect(reset.find((o) => o.orderId === a.orderId)!.refund).toBeUndefined();
    expect(reset.find((o) => o.orderId === b.orderId)!.receiver.address).toBe(b.receiver.address);
  });

  it('ship-by times on some awaiting-shipment rows; the repeat buyer on page 1 of 待发货', async () => {
    const waiting = (await get<OrdersResponse>(`/api/${platform}/orders?status=待发货`)).orders;
    const withShipBy = waiting.filter((o) => o.shipBy !== undefined);
    expect(withShipBy.length).toBeGreaterThan(0);
    expect(withShipBy.length).toBeLessThan(waiting.length);
    for (const o of withShipBy) expect(o.shipBy! - o.paidAt!).toBe(48 * 3600_000);
    const repeat = orders.filter((o) => o.repeatBuyer);
    expect(repeat).toHaveLength(2);
    const rows = waiting.filter((o) => repeat.some((r) => r.orderId === o.orderId));
    expect(rows).toHaveLength(2);
    // Same masked receiver (and, where issued, the same virtual main number) on both rows.
    expect(rows[0]!.receiver.name).toBe(rows[1]!.receiver.name);
    expect(rows[0]!.receiver.phone).toBe(rows[1]!.receiver.phone);
    expect(rows[0]!.receiver.address).toBe(rows[1]!.receiver.address);
    expect(rows[0]!.receiver.virtual?.main).toBe(rows[1]!.receiver.virtual?.main);
  });
});
