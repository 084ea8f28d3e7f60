import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { OrderView } from '@shipmask/core';
import type { PrintJobView, SelectionView } from '../../messages/print';
import type { Reply, ShopRef } from '../../messages/shared';
import { Store } from '../../storage';
import { defaultLocks } from '../shared/locks';
import { createRouter } from '../router';
import type { SenderInfo } from '../shared/sender';
import { createService } from '../service';
import { memoryTabShops } from '../shops/tab-shops';

const EXT = 'testextensionid';
const policy = { extensionId: EXT, extensionOrigin: `chrome-extension://${EXT}/`, allowDemo: true };
const page: SenderInfo = { id: EXT, url: `chrome-extension://${EXT}/print.html` };
const content: SenderInfo = { id: EXT, url: 'http://127.0.0.1:4173/douyin/orders', tab: { id: 4 } };
const shop: ShopRef = { platform: 'douyin', shopId: 'dy1' };
const NOW = Date.UTC(2026, 10, 23, 2);

const order = (orderId: string): OrderView => ({
  platform: 'douyin',
  shopId: 'dy1',
  orderId,
  status: 'awaiting_shipment',
  createdAt: NOW - 3600_000,
  items: [{ name: '保温杯', quantity: 1 }],
  receiver: { name: '张*', phone: '132****3639', cipher: { address: '#ML3B#0BB1W4Xn5A=#1##' } },
});

function background(factory: IDBFactory, opened: string[]) {
  const store = new Store({ factory });
  let n = 0;
  const service = createService({
    store,
    locks: defaultLocks(),
    tabShops: memoryTabShops(),
    now: () => NOW + n++,
    randomBytes: (k) => new Uint8Array(k).map(() => Math.floor(Math.random() * 256)),
    openPage: (path) => {
      opened.push(path);
      return Promise.resolve(9);
    },
  });
  const route = createRouter({ policy, handlers: service.handlers });
  return { store, call: <T>(m: unknown, s: SenderInfo = page) => route(m, s) as Promise<Reply<T>> };
}

const ok = <T>(r: Reply<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

describe('print messages', () => {
  it('selection/open from the overlay opens the print page; the page reads the masked orders', async () => {
    const opened: string[] = [];
    const bg = background(new IDBFactory(), opened);
    ok(await bg.call({ type: 'orders/seen', shop, orders: [order('6900000000000000001')] }, content));
    const sel = ok(
      await bg.call<{ selectionId: string; tabId: number }>(
        {
          type: 'selection/open',
          shop,
          orderIds: ['6900000000000000001', '6900000000000000002'],
          purpose: 'print',
        },
        content,
      ),
    );
    // The source tab's id travels to the page (no order data): it asks that tab for addresses.
    expect(opened).toEqual([`/print.html?sel=${sel.selectionId}&tab=4`]);
    expect(sel.tabId).toBe(9);
    const view = ok(await bg.call<SelectionView>({ type: 'selection/get', selectionId: sel.selectionId }));
    expect(view.orders.map((o) => o.orderId)).toEqual(['6900000000000000001']);
    expect(view.missing).toEqual(['6900000000000000002']);
    // A content script may not create jobs.
    const refused = await bg.call({ type: 'print/jobs', shop }, content);
    expect(refused.ok).toBe(false);
  });

  it('a job survives a restarted worker; sent marks persist; reprint needs a reason and is logged', async () => {
    const factory = new IDBFactory();
    const a = background(factory, []);
    ok(
      await a.call(
        { type: 'orders/seen', shop, orders: [order('6900000000000000001'), order('6900000000000000002')] },
        content,
      ),
    );
    const job = ok(
      await a.call<PrintJobView>({
        type: 'print/job-create',
        shop,
        path: 'component',
        component: 'douyin',
        carrier: 'ZTO',
        labelSize: '76x130',
        documents: [
          { orderId: '6900000000000000001', trackingNumber: '78900000000001' },
          { orderId: '6900000000000000002', trackingNumber: '78900000000002' },
        ],
      }),
    );
    ok(
      await a.call({
        type: 'print/job-mark',
        jobId: job.id,
        marks: [{ documentId: `${job.id}-1`, state: 'sent' }],
      }),
    );
    await a.store.connection.close();

    const b = background(factory, []);
    const got = ok(
      await b.call<{ job: PrintJobView; orders: OrderView[] }>({ type: 'print/job-get', jobId: job.id }),
    );
    expect(got.job.documents.map((d) => d.state)).toEqual(['sent', 'queued']);
    expect(got.orders).toHaveLength(2);
    ok(
      await b.call({
        type: 'print/job-mark',
        jobId: job.id,
        marks: [{ documentId: `${job.id}-1`, state: 'printed' }],
      }),
    );
    expect(
      (await b.call({ type: 'print/reprint', jobId: job.id, orderIds: ['6900000000000000001'], reason: ' ' }))
        .ok,
    ).toBe(false);
    const re = ok(
      await b.call<PrintJobView>({
        type: 'print/reprint',
        jobId: job.id,
        orderIds: ['6900000000000000001'],
        reason: '卡纸重打',
      }),
    );
    expect(re.documents[0]).toMatchObject({ state: 'queued', taskId: `${job.id}-1-r1` });
    const log = ok(
      await b.call<{ kind: string; reason?: string }[]>({
        type: 'print/log',
        shop,
        orderId: '6900000000000000001',
      }),
    );
    expect(log.map((l) => l.kind)).toEqual(['sent', 'printed', 'reprint']);
    expect(log[2]!.reason).toBe('卡纸重打');
    const jobs = ok(await b.call<{ id: string }[]>({ type: 'print/jobs', shop }));
    expect(jobs.map((j) => j.id)).toEqual([job.id]);
  });

  it('refuses bad print messages', async () => {
    const bg = background(new IDBFactory(), []);
    const bad = [
      { type: 'print/job-create', shop, path: 'browser', carrier: 'ZTO', labelSize: '76x130', documents: [] },
      {
        type: 'print/job-create',
        shop,
        path: 'browser',
        carrier: 'ZTO',
        labelSize: '76x130',
        documents: [{ orderId: '1', trackingNumber: '<script>' }],
      },
      { type: 'print/job-mark', jobId: 'p', marks: [{ documentId: 'd', state: 'done' }] },
      { type: 'selection/open', shop, orderIds: [], purpose: 'print' },
      // A platform job holds no waybill number (the platform takes it); others need one.
      {
        type: 'print/job-create',
        shop,
        path: 'platform',
        carrier: 'ZTO',
        labelSize: '76x130',
        documents: [{ orderId: '1', trackingNumber: '7890' }],
      },
      {
        type: 'print/job-create',
        shop,
        path: 'component',
        carrier: 'ZTO',
        labelSize: '76x130',
        documents: [{ orderId: '1', trackingNumber: '' }],
      },
    ];
    for (const m of bad) expect((await bg.call(m)).ok).toBe(false);
  });
});

describe('平台打单 jobs follow the platform list', () => {
  it('orders/seen from the order page marks ticked orders printed when the page shows 已打待发货', async () => {
    const bg = background(new IDBFactory(), []);
    const ids = ['6900000000000000001', '6900000000000000002'];
    ok(await bg.call({ type: 'orders/seen', shop, orders: ids.map(order) }, content));
    const job = ok(
      await bg.call<PrintJobView>({
        type: 'print/job-create',
        shop,
        path: 'platform',
        carrier: 'ZTO',
        labelSize: '76x130',
        documents: ids.map((orderId) => ({ orderId, trackingNumber: '' })),
      }),
    );
    ok(
      await bg.call({
        type: 'print/job-mark',
        jobId: job.id,
        marks: job.documents.map((d) => ({ documentId: d.documentId, state: 'sent' })),
      }),
    );
    // The merchant clicked the platform's 批量打印: the list now shows the first one printed.
    ok(
      await bg.call(
        {
          type: 'orders/seen',
          shop,
          orders: [{ ...order(ids[0]!), status: 'printed' }, order(ids[1]!)],
          summary: true,
        },
        content,
      ),
    );
    const after = ok(await bg.call<{ job: PrintJobView }>({ type: 'print/job-get', jobId: job.id })).job;
    expect(after.documents.map((d) => d.state)).toEqual(['printed', 'sent']);
    const log = ok(
      await bg.call<{ kind: string; message?: string }[]>({ type: 'print/log', shop, orderId: ids[0] }),
    );
    expect(log.map((l) => [l.kind, l.message])).toEqual([
      ['sent', undefined],
      ['printed', 'platform:printed'],
    ]);
  });
});
