// Issue 16: an integrator-held print-data file prints through ANY of the seven components core has
// codecs for, routed by the print page's own code (extension/src/print/component-route.ts: the
// component the file names; host 127.0.0.1 + port + the record's path, never from order data),
// sent by the print page's own client and runner (component-client.ts, runner.ts: sent before
// send, one document per task) to fakes that refuse what the real components refuse. Node's
// global WebSocket stands in for the browser's.
import { parsePrintDataFile, wechatPrintNotice, type TaskResult } from '@shipmask/core';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ComponentClient } from '../../extension/src/print/component-client.ts';
import { componentUrl, namedComponent, routeComponent } from '../../extension/src/print/component-route.ts';
import { componentContents } from '../../extension/src/print/build.ts';
import { runJob } from '../../extension/src/print/runner.ts';
import type { PrintJobDocument } from '../../extension/src/messages/print.ts';
import { startFakeJdComponent, startFakePrintComponent, startFakeWechatComponent } from './fake-component.ts';
import { printDataFile, type FixtureComponent } from './print-data-fixture.ts';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

const ORDERS = ['6920000000000000101', '6920000000000000102', '6920000000000000103'];

/** A fake of `component` on a free port: how many documents it printed, and refusals. */
async function fakeOf(
  component: FixtureComponent,
  file: string,
): Promise<{ port: number; printed: () => unknown[]; refused: () => unknown[] }> {
  if (component === 'jd') {
    const f = await startFakeJdComponent();
    cleanup.push(() => f.close());
    return { port: f.port, printed: () => f.printed, refused: () => f.refused };
  }
  if (component === 'wechat') {
    // The platform's side: the e-waybill order id each print message belongs to.
    const ids = new Map(
      (JSON.parse(file) as { waybills: { printData: string; ewaybillOrderId: string }[] }).waybills.map(
        (w) => [w.printData, w.ewaybillOrderId],
      ),
    );
    const f = await startFakeWechatComponent({ ewaybillOrderIdOf: (info) => ids.get(info) });
    cleanup.push(() => f.close());
    return { port: f.port, printed: () => f.printed, refused: () => [] };
  }
  const f = await startFakePrintComponent({ flavour: component });
  cleanup.push(() => f.close());
  return { port: f.port, printed: () => f.printed, refused: () => f.refused };
}

const components: FixtureComponent[] = [
  'cainiao',
  'douyin',
  'pdd',
  'kuaishou',
  'xiaohongshu',
  'jd',
  'wechat',
];

describe('print-data file → routed component → fake that validates like the real one', () => {
  it.each(components)(
    '%s: every waybill printed once, through the endpoint from the component record',
    async (id) => {
      const text = printDataFile(id, ORDERS);
      // Routing: a Douyin shop's print page, a file made for `id`.
      const component = routeComponent({
        platform: 'douyin',
        ...(namedComponent(text) ? { file: namedComponent(text)! } : {}),
      });
      expect(component).toBe(id);
      const data = parsePrintDataFile(text, component);
      expect(data.ok && data.refused).toEqual([]);
      if (!data.ok) return;
      const fake = await fakeOf(id, text);
      const endpoint = componentUrl(component, fake.port);
      expect(endpoint.ok && new URL(endpoint.url).hostname).toBe('127.0.0.1');
      expect(endpoint.ok && new URL(endpoint.url).pathname).toBe(id === 'kuaishou' ? '/ks/printer' : '/');
      if (!endpoint.ok) return;
      const listeners = new Set<(t: readonly TaskResult[]) => void>();
      const results: TaskResult[] = [];
      const client = await ComponentClient.connect({
        component,
        url: endpoint.url,
        onResult: (t) => {
          results.push(...t);
          listeners.forEach((l) => l(t));
        },
      });
      cleanup.push(() => Promise.resolve(client.close()));
      const { printers } = await client.printers();
      expect(printers.length).toBeGreaterThan(0);
      const byOrder = new Map(data.entries.map((e) => [e.orderId, e]));
      const docs: PrintJobDocument[] = data.entries.map((e, i) => ({
        orderId: e.orderId,
        documentId: `job1-${i + 1}`,
        taskId: `job1-${i + 1}`,
        trackingNumber: e.waybillCode,
        state: 'queued',
        attempts: 0,
      }));
      const marks: string[] = [];
      const out = await runJob(docs, {
        mark: (m) => {
          marks.push(...m.map((x) => `${x.documentId}:${x.state}`));
          return Promise.resolve();
        },
        print: (task) => client.print(task),
        taskStatus: (ids) => client.taskStatus(ids),
        onResult: (l) => {
          listeners.add(l);
          return () => listeners.delete(l);
        },
        contents: (d) => componentContents(byOrder.get(d.orderId)!),
        printer: printers[0]!.name,
        paused: () => false,
        progress: () => undefined,
      });
      expect(out.map((d) => d.state)).toEqual(['printed', 'printed', 'printed']);
      expect(fake.refused()).toEqual([]);
      expect(fake.printed()).toHaveLength(3);
      // WeChat: the print-success notice the platform requires (sent server-side by an
      // integrator), one entry per printed waybill, from the component's own results.
      if (id === 'wechat') {
        const notice = wechatPrintNotice(
          results,
          docs.map((d) => {
            const e = byOrder.get(d.orderId)!;
            return {
              documentID: d.documentId,
              ewaybillOrderId: e.ewaybillOrderId!,
              deliveryId: e.deliveryId!,
              waybillId: e.waybillCode,
            };
          }),
        );
        expect(notice.req_list).toEqual(
          data.entries.map((e) => ({
            ewaybill_order_id: e.ewaybillOrderId,
            delivery_id: 'ZTO',
            waybill_id: e.waybillCode,
            re_print: 0,
          })),
        );
      }
      // Sent (on disk) before printed, once per document.
      for (const d of docs)
        expect(marks.filter((m) => m.startsWith(`${d.documentId}:`))).toEqual([
          `${d.documentId}:sent`,
          `${d.documentId}:printed`,
        ]);
    },
  );

  it.each(['cainiao', 'douyin', 'pdd', 'kuaishou', 'xiaohongshu'] as const)(
    '%s: an order ciphertext is not print data: refused in the file and by core before anything is sent',
    async (id) => {
      const stand = JSON.stringify({
        component: id,
        waybills: [
          {
            orderId: ORDERS[0],
            waybillCode: '78901000000000',
            printData: {
              encryptedData: '#3kTp#V2hhdGV2ZXI=#1##',
              signature: '',
              templateURL: 'https://t.example/x.xml',
            },
          },
        ],
      });
      const data = parsePrintDataFile(stand, id);
      expect(data.ok && data.entries).toEqual([]);
      const fake = await startFakePrintComponent({ flavour: id });
      cleanup.push(() => fake.close());
      const endpoint = componentUrl(id, fake.port);
      const client = await ComponentClient.connect({ component: id, url: endpoint.ok ? endpoint.url : '' });
      cleanup.push(() => Promise.resolve(client.close()));
      const ack = await client.print({
        taskID: 't1',
        printer: '',
        preview: false,
        documents: [
          {
            documentID: 'd1',
            waybillCode: '78901000000000',
            contents: [
              {
                kind: 'encrypted',
                encryptedData: '#3kTp#V2hhdGV2ZXI=#1##',
                signature: '',
                templateURL: 'https://t.example/x.xml',
              },
            ],
          },
        ],
      });
      expect(ack.ok).toBe(false);
      expect(ack.message).toMatch(/signature/u);
      expect(fake.received.filter((m) => (m as { cmd?: string }).cmd === 'print')).toEqual([]);
    },
  );
});

/** Send raw JSON messages to a fake and collect `n` replies. */
function talk(url: string, messages: object[], n: number): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const got: Record<string, unknown>[] = [];
    ws.on('open', () => messages.forEach((m) => ws.send(JSON.stringify(m))));
    ws.on('message', (d) => {
      got.push(JSON.parse(d.toString()) as Record<string, unknown>);
      if (got.length === n) {
        ws.close();
        resolve(got);
      }
    });
    ws.on('error', reject);
  });
}

describe('fake JD print component (9113)', () => {
  it('answers by code with success as strings; refuses what the real one refuses', async () => {
    const f = await startFakeJdComponent();
    cleanup.push(() => f.close());
    const print = (key: string, parameters: object, extra: object = {}) => ({
      orderType: 'PRINT',
      version: '2',
      key,
      parameters,
      ...extra,
    });
    const tempUrl = 'https://template-content.jd.com/template-oss?tempCode=jdkd76x130';
    const got = await talk(
      f.url,
      [
        { orderType: 'GET_Printers', version: '2', key: 'r1', parameters: {} },
        print('r2', { printName: 'JD KM-118', tempUrl, printData: ['AAAA', 'BBBB'] }),
        print('r3', { printName: 'JD KM-118', printData: ['AAAA'] }),
        print('r4', { printName: 'JD KM-118', tempUrl, printData: [{ encryptedData: 'x', signature: '' }] }),
        print('r5', { printName: 'JD KM-118', tempUrl, printData: [''] }),
        print('r6', { printName: 'No Such Printer', tempUrl, printData: ['AAAA'] }),
        print('r7', { printName: 'JD KM-118', tempUrl, printData: ['AAAA'], customData: [] }),
        print('r8', { printName: 'JD KM-118', tempUrl, printData: ['AAAA'] }, { version: '1.0' }),
        { orderType: 'getTaskStatus', version: '2', key: 'r9', parameters: {} },
        {
          orderType: 'PRE_View',
          version: '2',
          key: 'r10',
          parameters: { printName: 'JD KM-118', tempUrl, printData: ['AAAA'] },
        },
      ],
      10,
    );
    const byKey = Object.fromEntries(got.map((m) => [m.key, m]));
    expect(byKey.r1).toMatchObject({
      code: '6',
      success: 'true',
      detailinfo: { printers: ['JD KM-118', 'JD Thermal 100x113'] },
    });
    expect(byKey.r2).toMatchObject({ code: '2', success: 'true' });
    for (const k of ['r3', 'r4', 'r5', 'r6', 'r7', 'r8'])
      expect(byKey[k]).toMatchObject({ code: '2', success: 'false' });
    expect(byKey.r9).toMatchObject({ success: 'false' });
    expect(byKey.r10).toMatchObject({ code: '8', success: 'true' });
    expect(f.printed.map((p) => [p.key, p.printData])).toEqual([
      ['r2', 'AAAA'],
      ['r2', 'BBBB'],
    ]);
    expect(f.refused.map((r) => r.key)).toEqual(['r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9']);
  });

  it('the print page client reads a comma-separated printer list and a refused print', async () => {
    const f = await startFakeJdComponent({ printerList: 'content', printers: ['KM-118', 'ZTO 76x130'] });
    cleanup.push(() => f.close());
    const endpoint = componentUrl('jd', f.port);
    const client = await ComponentClient.connect({ component: 'jd', url: endpoint.ok ? endpoint.url : '' });
    cleanup.push(() => Promise.resolve(client.close()));
    expect((await client.printers()).printers.map((p) => p.name)).toEqual(['KM-118', 'ZTO 76x130']);
    const ack = await client.print({
      taskID: 't1',
      printer: 'Unknown',
      preview: false,
      documents: [
        {
          documentID: 'd1',
          contents: [
            {
              kind: 'encrypted',
              encryptedData: 'AAAA',
              signature: '',
              templateURL: 'https://t.example/jd.xml',
            },
          ],
        },
      ],
    });
    expect(ack.ok).toBe(false);
    expect(f.printed).toEqual([]);
    expect(f.refused).toEqual([{ key: 't1', message: '打印机不存在: Unknown' }]);
  });
});
