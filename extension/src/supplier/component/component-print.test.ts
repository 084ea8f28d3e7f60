import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  parsePrintDataFile,
  type HandoffBatch,
  type PrintDataEntry,
  type PrintTask,
  type TaskResult,
} from '@shipmask/core';
import {
  applyResults,
  componentTasks,
  componentUrl,
  connectLocalComponent,
  defaultPort,
  isLocalComponentUrl,
  localSocket,
  printTasks,
  type OrderPrintState,
} from './component-print';
import { ComponentError } from '../../print/component-client';

const cipher = (k: number) => ({
  name: `#ML3B#0BB1W4Xn${k}A=#1##`,
  phone: `$ML3B$0BB1W4Xn${k}A=$1$$`,
  address: `#ML3B#0BB1W4Xn${k}B=#1##`,
});
const batch = (n: number): HandoffBatch => ({
  shop: '山茶小铺',
  platform: 'douyin',
  batchId: 'q3Zk8Jd0WcLm',
  createdAt: Date.UTC(2026, 10, 23),
  expiresAt: Date.UTC(2026, 10, 30),
  orders: Array.from({ length: n }, (_, k) => ({
    orderId: `69200000000000${String(k).padStart(5, '0')}`,
    items: [{ name: '保温杯', quantity: 1 }],
    receiver: { name: '张**', phone: '132****3639', cipher: cipher(k) },
  })),
});

describe('host restriction', () => {
  it('accepts ws://127.0.0.1:<port> only', () => {
    expect(isLocalComponentUrl('ws://127.0.0.1:13888')).toBe(true);
    expect(isLocalComponentUrl('ws://127.0.0.1:13888/')).toBe(true);
    // Kuaishou's component serves its own path (from its record), and only that one.
    expect(componentUrl('16888', 'kuaishou')).toBe('ws://127.0.0.1:16888/ks/printer');
    expect(isLocalComponentUrl('ws://127.0.0.1:16888/ks/printer')).toBe(true);
    for (const bad of [
      'ws://127.0.0.1:16888/ks/printer/',
      'ws://127.0.0.1:16888/ks/printerx',
      'ws://127.0.0.1:16888/ks/printer?x',
      'ws://localhost:13888',
      'ws://127.0.0.2:13888',
      'ws://[::1]:13888',
      'wss://127.0.0.1:13888',
      'http://127.0.0.1:13888',
      'ws://127.0.0.1',
      'ws://127.0.0.1:13888/x',
      'ws://127.0.0.1:13888?x=1',
      'ws://127.0.0.1:13888#x',
      'ws://user@127.0.0.1:13888',
      'ws://127.0.0.1@evil.example:13888',
      'ws://127.0.0.1.evil.example:13888',
      'ws://2130706433:13888',
      'ws://0x7f.0.0.1:13888',
      'ws://127.1:13888',
      ' ws://127.0.0.1:13888',
      'ws://evil.example:13888',
      '',
    ]) {
      expect(isLocalComponentUrl(bad), bad).toBe(false);
    }
  });

  it('refuses every other host (property)', () => {
    const host = fc.oneof(
      fc.domain(),
      fc.ipV4().filter((ip) => ip !== '127.0.0.1'),
      fc.ipV6().map((ip) => `[${ip}]`),
    );
    fc.assert(
      fc.property(host, fc.integer({ min: 1, max: 65535 }), (h, port) => {
        expect(isLocalComponentUrl(`ws://${h}:${port}`)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts ws's default port 80 written out, and refuses port 0", () => {
    // The URL parser drops a default port (`new URL('ws://127.0.0.1:80').port === ''`).
    expect(componentUrl('80')).toBe('ws://127.0.0.1:80');
    expect(isLocalComponentUrl('ws://127.0.0.1:80')).toBe(true);
    expect(isLocalComponentUrl('ws://127.0.0.1:0')).toBe(false);
    expect(isLocalComponentUrl('ws://127.0.0.1')).toBe(false);
  });

  it('builds a local URL from any valid port and nothing from anything else (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65535 }), (port) => {
        const url = componentUrl(String(port));
        expect(url).toBe(`ws://127.0.0.1:${port}`);
        expect(isLocalComponentUrl(url!)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const url = componentUrl(text);
        if (url !== undefined) expect(isLocalComponentUrl(url)).toBe(true);
        else expect(/^\s*\d{1,5}\s*$/u.test(text) && Number(text) >= 1 && Number(text) <= 65535).toBe(false);
      }),
      { numRuns: 2000 },
    );
    expect(componentUrl('0')).toBeUndefined();
    expect(componentUrl('65536')).toBeUndefined();
    expect(componentUrl('80@evil.example')).toBeUndefined();
    expect(defaultPort('douyin')).toBe(13888);
    expect(defaultPort('pdd')).toBe(5000);
  });

  it('opens no socket for a refused URL', async () => {
    const opened: string[] = [];
    const make = (u: string) => {
      opened.push(u);
      return {} as WebSocket;
    };
    expect(() => localSocket('ws://evil.example:13888', make)).toThrow(ComponentError);
    expect(() => localSocket('ws://localhost:13888', make)).toThrow(ComponentError);
    expect(opened).toEqual([]);
    localSocket('ws://127.0.0.1:13888', make);
    expect(opened).toEqual(['ws://127.0.0.1:13888']);
    await expect(connectLocalComponent('douyin', 'evil.example:80')).rejects.toThrow(ComponentError);
  });
});

// Real-shaped print data per order (what 打单 software got from 取号); core checks it.
const printDataFor = (
  b: HandoffBatch,
  component: string,
  extra: object = {},
): Map<string, PrintDataEntry> => {
  const r = parsePrintDataFile(
    JSON.stringify({
      component,
      waybills: b.orders.map((o, k) => ({
        orderId: o.orderId,
        waybillCode: `ZT${7800000 + k}`,
        printData: {
          encryptedData: `AES:rU904rj6UH2oqfSUb43${k}`,
          signature: `19d6f7759487e556ddcdd3d4${k}`,
          templateURL: 'http://cloudprint.cainiao.com/template/standard/101/123',
          ver: 'waybill_print_secret_version_1',
          ...extra,
        },
        params: 'access_token=t&app_key=k&method=logistics.getShopKey&param_json={}&timestamp=1&v=2&sign=s',
      })),
    }),
    component,
  );
  if (!r.ok) throw new Error(r.error.message);
  return new Map(r.entries.map((e) => [e.orderId, e]));
};

describe('componentTasks', () => {
  it('sends each order its print data untouched (never the order ciphertext), one document per task for Douyin', () => {
    const b = batch(3);
    const data = printDataFor(b, 'douyin');
    const r = componentTasks(
      'douyin',
      b.orders.map((order) => ({ order, printData: data.get(order.orderId)! })),
      'P1',
      'sp-x',
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.tasks.map((t) => t.documents.length)).toEqual([1, 1, 1]);
    expect(new Set(r.tasks.map((t) => t.taskID)).size).toBe(3);
    r.tasks.forEach((t, k) => {
      expect(t.printer).toBe('P1');
      const doc = t.documents[0]!;
      expect(doc.documentID).toBe(b.orders[k]!.orderId);
      expect(doc.waybillCode).toBe(`ZT${7800000 + k}`);
      expect(doc.contents).toEqual([data.get(b.orders[k]!.orderId)!.content]);
      expect(JSON.stringify(doc.contents)).not.toContain(cipher(k).name);
    });
  });

  it('refuses print data of another order, and what the component would refuse, before any send', () => {
    const b = batch(2);
    const data = printDataFor(b, 'douyin');
    const swapped = componentTasks(
      'douyin',
      [{ order: b.orders[0]!, printData: data.get(b.orders[1]!.orderId)! }],
      '',
      'j',
    );
    expect(swapped.ok).toBe(false);
    // Douyin print data used on the Kuaishou component: no key, refused by core's codec.
    const ks = componentTasks(
      'kuaishou',
      b.orders.map((order) => ({ order, printData: data.get(order.orderId)! })),
      '',
      'j',
    );
    expect(ks).toMatchObject({ ok: false, message: expect.stringContaining('key') });
  });

  it('splits Kuaishou jobs into tasks of at most 10', () => {
    const b = batch(25);
    const data = printDataFor(b, 'kuaishou', { key: 'K' });
    const r = componentTasks(
      'kuaishou',
      b.orders.map((order) => ({ order, printData: data.get(order.orderId)! })),
      '',
      'j',
    );
    expect(r.ok && r.tasks.map((t) => t.documents.length)).toEqual([10, 10, 5]);
  });
});

describe('printTasks', () => {
  const tasksOf = (n: number): PrintTask[] =>
    Array.from({ length: n }, (_, k) => ({
      taskID: `t${k}`,
      preview: false,
      printer: '',
      documents: [{ documentID: `o${k}`, contents: [] }],
    }));

  it('marks printed from pushed results, failed from a refused task, unknown when nobody can tell', async () => {
    const tasks = tasksOf(3);
    let push: (r: readonly TaskResult[]) => void = () => undefined;
    const seen: ReadonlyMap<string, OrderPrintState>[] = [];
    const client = {
      print: (task: PrintTask): Promise<{ ok: boolean; message?: string }> => {
        if (task.taskID === 't1') return Promise.resolve({ ok: false, message: 'no paper' });
        if (task.taskID === 't0')
          queueMicrotask(() => push([{ taskID: 't0', status: 'printed', documents: [] }]));
        return Promise.resolve({ ok: true });
      },
      taskStatus: (): Promise<readonly TaskResult[]> => Promise.reject(new ComponentError('unsupported')),
    };
    const states = await printTasks(
      client,
      tasks,
      (l) => {
        push = l;
        return () => (push = () => undefined);
      },
      (s) => seen.push(s),
      { waitMs: 50 },
    );
    expect(Object.fromEntries(states)).toEqual({ o0: 'printed', o1: 'failed', o2: 'unknown' });
    expect(seen.length).toBeGreaterThan(3);
  });

  it('never overwrites a final state', () => {
    const tasks = tasksOf(1);
    const s = applyResults(new Map([['o0', 'printed']]), tasks, [
      { taskID: 't0', status: 'failed', documents: [] },
    ]);
    expect(s.get('o0')).toBe('printed');
    // A result for a task we did not send changes nothing.
    expect(applyResults(new Map(), tasks, [{ taskID: 'x', status: 'printed', documents: [] }]).size).toBe(0);
  });
});
