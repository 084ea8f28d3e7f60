import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskResult } from '@shipmask/core';
import { startFakePrintComponent, type FakeComponent } from '../../../test/print/fake-component';
import { ComponentClient, ComponentError } from './component-client';

// Node 24 has a global WebSocket: the client runs here as in the print page.
let fake: FakeComponent;
beforeAll(async () => {
  fake = await startFakePrintComponent();
});
afterAll(async () => {
  await fake.close();
});

describe('ComponentClient (Cainiao standard, against the fake component)', () => {
  it('lists printers, prints, receives the pushed result and answers task status', async () => {
    const results: TaskResult[] = [];
    const c = await ComponentClient.connect({
      component: 'douyin',
      url: fake.url,
      onResult: (t) => results.push(...t),
    });
    // The page closes a connection whose component is no longer the routed one.
    expect(c.component).toBe('douyin');
    const p = await c.printers();
    expect(p.printers.map((x) => x.name)).toEqual(['Fake Thermal 76x130', 'Fake Thermal 100x150']);
    expect(p.defaultPrinter).toBe('Fake Thermal 76x130');
    const ack = await c.print({
      taskID: 'j1-1',
      printer: '',
      preview: false,
      documents: [
        { documentID: 'j1-1', contents: [{ kind: 'data', data: { orderId: '1' }, templateURL: 'u' }] },
      ],
    });
    expect(ack.ok).toBe(true);
    await new Promise<void>((r) => {
      const t = setInterval(() => results.length > 0 && (clearInterval(t), r()), 5);
    });
    expect(results[0]).toMatchObject({ taskID: 'j1-1', status: 'printed' });
    const status = await c.taskStatus(['j1-1', 'never-sent']);
    expect(status.find((t) => t.taskID === 'j1-1')?.status).toBe('printed');
    expect(status.find((t) => t.taskID === 'never-sent')?.status).toBe('unknown');
    expect(fake.printed.map((d) => d.documentID)).toEqual(['j1-1']);
    c.close();
  });

  it('a port where nothing listens is "not running" (a typed error, no hang)', async () => {
    await expect(
      ComponentClient.connect({ component: 'douyin', url: 'ws://127.0.0.1:9' }),
    ).rejects.toBeInstanceOf(ComponentError);
  });

  it('a refused print is reported, not thrown: by core (unbuildable task) or by the component', async () => {
    const c = await ComponentClient.connect({ component: 'douyin', url: fake.url });
    const unbuildable = await c.print({ taskID: 'j2-1', printer: '', preview: false, documents: [] });
    expect(unbuildable.ok).toBe(false);
    const refused = await c.print({
      taskID: '',
      printer: '',
      preview: false,
      documents: [{ documentID: 'd', contents: [{ kind: 'data', data: {}, templateURL: 'u' }] }],
    });
    expect(refused.ok).toBe(false);
    c.close();
  });
});
