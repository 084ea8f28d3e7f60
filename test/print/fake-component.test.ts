import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startFakePrintComponent, type FakeComponent } from './fake-component.ts';

let fake: FakeComponent;
beforeAll(async () => {
  fake = await startFakePrintComponent();
});
afterAll(async () => {
  await fake.close();
});

function talk(messages: object[], until: (msgs: any[]) => boolean): Promise<any[]> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(fake.url);
    const got: any[] = [];
    ws.on('open', () => messages.forEach((m) => ws.send(JSON.stringify(m))));
    ws.on('message', (d) => {
      got.push(JSON.parse(d.toString()));
      if (until(got)) {
        ws.close();
        resolve(got);
      }
    });
    ws.on('error', reject);
  });
}

describe('fake Cainiao-standard print component', () => {
  it('lists printers, prints a task, notifies and records every document', async () => {
    const got = await talk(
      [
        { cmd: 'getPrinters', requestID: 'r1', version: '1.0' },
        {
          cmd: 'print',
          requestID: 'r2',
          version: '1.0',
          task: {
            taskID: 't1',
            preview: false,
            printer: 'Fake Thermal 76x130',
            documents: [
              {
                documentID: 'd1',
                contents: [{ encryptedData: 'AAA', signature: 's', templateURL: 'u', ver: '1' }],
              },
              { documentID: 'd2', contents: [{ data: { a: 1 }, templateURL: 'u' }] },
            ],
          },
        },
      ],
      (m) => m.some((x) => x.cmd === 'notifyPrintResult'),
    );
    expect(got[0]).toMatchObject({
      cmd: 'getPrinters',
      requestID: 'r1',
      printers: [{ name: 'Fake Thermal 76x130' }, { name: 'Fake Thermal 100x150' }],
    });
    expect(got.find((x) => x.cmd === 'print')).toMatchObject({
      requestID: 'r2',
      taskID: 't1',
      status: 'success',
    });
    expect(got.find((x) => x.cmd === 'notifyPrintResult')).toMatchObject({
      taskID: 't1',
      taskStatus: 'printed',
      printStatus: [
        { documentID: 'd1', status: 'success' },
        { documentID: 'd2', status: 'success' },
      ],
    });
    expect(fake.printed.map((p) => p.documentID)).toEqual(['d1', 'd2']);
    expect(fake.received).toHaveLength(2);
  });

  it('answers malformed requests with a failure, not silence', async () => {
    const got = await talk(
      [
        { cmd: 'print', requestID: 'r3', task: {} },
        { cmd: 'nope', requestID: 'r4' },
      ],
      (m) => m.length === 2,
    );
    expect(got[0]).toMatchObject({ requestID: 'r3', status: 'failed' });
    expect(got[1]).toMatchObject({ requestID: 'r4', status: 'failed' });
  });

  it('answers getTaskStatus per document, and lists a task it never received as unknown', async () => {
    await talk(
      [
        {
          cmd: 'print',
          requestID: 'r5',
          version: '1.0',
          task: {
            taskID: 't5',
            preview: false,
            printer: '',
            documents: [{ documentID: 'd5', contents: [] }],
          },
        },
      ],
      (m) => m.some((x) => x.cmd === 'notifyPrintResult'),
    );
    const got = await talk(
      [{ cmd: 'getTaskStatus', requestID: 'r6', version: '1.0', taskID: ['t5', 'never'] }],
      (m) => m.length > 0,
    );
    expect(got[0]).toMatchObject({
      cmd: 'getTaskStatus',
      requestID: 'r6',
      printStatus: [
        { taskID: 't5', documentID: 'd5', status: 'success' },
        { taskID: 'never', status: 'unknown' },
      ],
    });
  });
});
