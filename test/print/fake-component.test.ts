import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startFakePrintComponent, startFakeWechatComponent, type FakeComponent } from './fake-component.ts';

let fake: FakeComponent;
beforeAll(async () => {
  fake = await startFakePrintComponent();
});
afterAll(async () => {
  await fake.close();
});

function talk(messages: object[], until: (msgs: any[]) => boolean, url = fake.url): Promise<any[]> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
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
            documents: [{ documentID: 'd5', contents: [{ data: { a: 1 }, templateURL: 'u' }] }],
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

const printTask = (requestID: string, documents: object[]) => ({
  cmd: 'print',
  requestID,
  version: '1.0',
  task: { taskID: `t-${requestID}`, preview: false, printer: '', documents },
});
const signed = { encryptedData: 'AES:x', signature: 'sig', templateURL: 'http://t/1', ver: '1' };

describe('the fakes refuse what the real components refuse (issue 16)', () => {
  it('an encrypted content without signature (an order ciphertext used as print data) fails', async () => {
    const standIn = {
      encryptedData: '{"name":"#a#","phone":"$b$"}',
      signature: '',
      templateURL: 'http://t/1',
    };
    const got = await talk(
      [printTask('s1', [{ documentID: 'd', contents: [standIn] }])],
      (m) => m.length > 0,
    );
    expect(got[0]).toMatchObject({ cmd: 'print', requestID: 's1', status: 'failed' });
    expect(got[0].msg).toContain('signature');
    expect(fake.printed.some((p) => p.taskID === 't-s1')).toBe(false);
  });
  it('Douyin: params required', async () => {
    const dy = await startFakePrintComponent({ flavour: 'douyin' });
    try {
      const got = await talk(
        [
          printTask('p1', [{ documentID: 'd', contents: [signed] }]),
          printTask('p2', [{ documentID: 'd', contents: [{ ...signed, params: 'sign=s' }] }]),
        ],
        (m) => m.some((x) => x.cmd === 'notifyPrintResult'),
        dy.url,
      );
      expect(got.find((x) => x.requestID === 'p1')).toMatchObject({ status: 'failed' });
      expect(got.find((x) => x.requestID === 'p2')).toMatchObject({ status: 'success' });
      expect(dy.printed.map((p) => p.taskID)).toEqual(['t-p2']);
    } finally {
      await dy.close();
    }
  });
  it('Kuaishou: only /ks/printer; documents need waybillCode, ksOrderFlag and key; custom area is customData', async () => {
    const ks = await startFakePrintComponent({ flavour: 'kuaishou' });
    try {
      expect(ks.url).toBe(`ws://127.0.0.1:${ks.port}/ks/printer`);
      await expect(talk([], () => true, `ws://127.0.0.1:${ks.port}/`)).rejects.toThrow();
      const good = {
        documentID: 'd',
        waybillCode: 'SF1236547356',
        ksOrderFlag: true,
        contents: [
          { ...signed, key: 'K' },
          { customData: { a: 1 }, templateURL: 'u' },
        ],
      };
      const got = await talk(
        [
          printTask('k1', [{ ...good, ksOrderFlag: undefined }]),
          printTask('k2', [{ ...good, waybillCode: '' }]),
          printTask('k3', [{ ...good, contents: [signed] }]),
          printTask('k4', [
            {
              ...good,
              contents: [
                { ...signed, key: 'K' },
                { data: { a: 1 }, templateURL: 'u' },
              ],
            },
          ]),
          printTask('k5', [good]),
        ],
        (m) => m.some((x) => x.cmd === 'notifyPrintResult'),
        ks.url,
      );
      for (const id of ['k1', 'k2', 'k3', 'k4'])
        expect(got.find((x) => x.requestID === id)).toMatchObject({ status: 'failed' });
      expect(got.find((x) => x.requestID === 'k5')).toMatchObject({ status: 'success' });
      expect(ks.printed.map((p) => p.taskID)).toEqual(['t-k5']);
    } finally {
      await ks.close();
    }
  });
  it('WeChat: printInfo and version 2.0 required; results carry the e-waybill order id', async () => {
    const wx = await startFakeWechatComponent({
      ewaybillOrderIdOf: (info) => (info.startsWith('PI-') ? info.slice(3) : undefined),
    });
    try {
      const got = await talk(
        [
          { command: 'getPrinterList', requestID: 'g' },
          {
            command: 'print',
            version: '2.0',
            requestID: 'w',
            taskList: [
              { taskID: 'a', printInfo: 'PI-3878012001699676166', printNum: { curNum: 1, sumNum: 3 } },
              { taskID: 'b', printInfo: '', printNum: { curNum: 2, sumNum: 3 } },
              { taskID: 'c', printInfo: 'made-up', printNum: { curNum: 3, sumNum: 3 } },
            ],
          },
          { command: 'print', requestID: 'v', taskList: [{ taskID: 'd', printInfo: 'PI-1' }] },
        ],
        (m) => m.length === 3,
        wx.url,
      );
      expect(got[0].printerList[0].name).toBe('_KM_202_NEW_');
      expect(got[1].results).toEqual([
        { taskID: 'a', ewaybillOrderID: '3878012001699676166', success: true, failureReason: '' },
        { taskID: 'b', ewaybillOrderID: '', success: false, failureReason: 'printInfo is required' },
        { taskID: 'c', ewaybillOrderID: '', success: false, failureReason: '打印报文无效' },
      ]);
      expect(got[2].results[0]).toMatchObject({ success: false, failureReason: 'version 2.0 is required' });
      expect(wx.printed.map((p) => p.taskID)).toEqual(['a']);
    } finally {
      await wx.close();
    }
  });
});
