import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { HandoffBatch, PrintTask, TaskResult } from '@shipmask/core';
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
import { ComponentError } from '../print/component-client';

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
    for (const bad of [
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

describe('componentTasks', () => {
  it('passes each order ciphertext through untouched, one document per task for Douyin', () => {
    const b = batch(3);
    const r = componentTasks(
      'douyin',
      b,
      b.orders.map((order, k) => ({ order, waybill: `ZT${7800000 + k}`, carrier: 'ZTO' })),
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
      const enc = doc.contents.find((c) => c.kind === 'encrypted');
      expect(enc && enc.kind === 'encrypted' && JSON.parse(enc.encryptedData)).toEqual(cipher(k));
    });
  });

  it('splits Kuaishou jobs into tasks of at most 10', () => {
    const b = batch(25);
    const r = componentTasks(
      'kuaishou',
      b,
      b.orders.map((order) => ({ order, waybill: 'KS1', carrier: 'ZTO' })),
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
