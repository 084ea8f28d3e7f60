// A fake local print component speaking the Cainiao-standard protocol over WebSocket on
// 127.0.0.1, as its public documentation describes it: `getPrinters`, `print` (a task of
// documents, each with encrypted or plain contents), `getTaskStatus`, and the pushed
// `notifyPrintResult`. It records everything it receives, so tests can assert that every label
// was printed exactly once. Written from the protocol description, independent of core's codec.
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';

export interface FakePrintedDocument {
  readonly taskID: string;
  readonly documentID: string;
  readonly printer: string;
  readonly contents: unknown[];
  readonly at: number;
}

export interface FakeComponentOptions {
  /** 0 = random free port (default). The real Cainiao component listens on 13528 (ws) / 13529 (wss). */
  readonly port?: number;
  readonly printers?: readonly string[];
  /** Milliseconds the fake "printer" takes per document before notifying (default 0). */
  readonly msPerDocument?: number;
}

export interface FakeComponent {
  readonly url: string;
  readonly port: number;
  /** Every message received, parsed (or the raw text when it was not JSON). */
  readonly received: unknown[];
  /** Every document printed, in order. */
  readonly printed: FakePrintedDocument[];
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Start the fake component. */
export async function startFakePrintComponent(options: FakeComponentOptions = {}): Promise<FakeComponent> {
  const printers = options.printers ?? ['Fake Thermal 76x130', 'Fake Thermal 100x150'];
  const received: unknown[] = [];
  const printed: FakePrintedDocument[] = [];
  const taskStatus = new Map<string, { documentID: string; status: string }[]>();
  /** Document ids of every task received. */
  const tasks = new Map<string, string[]>();
  const wss = new WebSocketServer({ host: '127.0.0.1', port: options.port ?? 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const port = (wss.address() as AddressInfo).port;

  const send = (ws: WebSocket, msg: Json): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };

  wss.on('connection', (ws) => {
    ws.on('message', (data) => {
      const text = data.toString();
      let msg: unknown;
      try {
        msg = JSON.parse(text);
      } catch {
        received.push(text);
        send(ws, { cmd: 'error', status: 'failed', msg: 'invalid json' });
        return;
      }
      received.push(msg);
      if (!isObject(msg)) return;
      const requestID = msg.requestID;
      switch (msg.cmd) {
        case 'getPrinters':
          send(ws, {
            cmd: 'getPrinters',
            requestID,
            status: 'success',
            defaultPrinter: printers[0],
            printers: printers.map((name) => ({ name })),
          });
          return;
        case 'print': {
          const task = isObject(msg.task) ? msg.task : undefined;
          const taskID = typeof task?.taskID === 'string' ? task.taskID : '';
          const documents = Array.isArray(task?.documents) ? task.documents.filter(isObject) : [];
          const printer =
            typeof task?.printer === 'string' && task.printer ? task.printer : (printers[0] ?? '');
          if (!taskID || documents.length === 0) {
            send(ws, {
              cmd: 'print',
              requestID,
              taskID,
              status: 'failed',
              msg: 'task.taskID and task.documents are required',
            });
            return;
          }
          send(ws, { cmd: 'print', requestID, taskID, status: 'success' });
          const statuses: { documentID: string; status: string }[] = [];
          taskStatus.set(taskID, statuses);
          tasks.set(
            taskID,
            documents.map((d) => String(d.documentID ?? '')),
          );
          void (async () => {
            for (const doc of documents) {
              if (options.msPerDocument) await new Promise((r) => setTimeout(r, options.msPerDocument));
              const documentID = String(doc.documentID ?? '');
              printed.push({
                taskID,
                documentID,
                printer,
                contents: Array.isArray(doc.contents) ? doc.contents : [],
                at: Date.now(),
              });
              statuses.push({ documentID, status: 'success' });
            }
            send(ws, {
              cmd: 'notifyPrintResult',
              taskID,
              printer,
              taskStatus: 'printed',
              printStatus: statuses.map((s) => ({
                documentID: s.documentID,
                status: s.status,
                msg: '',
                detail: '',
              })),
            });
          })();
          return;
        }
        case 'getTaskStatus': {
          // One entry per document of each known task (`success` once printed, else `pending`);
          // a task this component never received is listed with status `unknown`.
          const ids = Array.isArray(msg.taskID) ? msg.taskID.map(String) : [];
          send(ws, {
            cmd: 'getTaskStatus',
            requestID,
            status: 'success',
            printStatus: ids.flatMap((taskID) => {
              const task = tasks.get(taskID);
              if (!task) return [{ taskID, status: 'unknown' }];
              const done = new Map((taskStatus.get(taskID) ?? []).map((s) => [s.documentID, s.status]));
              return task.map((documentID) => ({
                taskID,
                documentID,
                status: done.get(documentID) ?? 'pending',
              }));
            }),
          });
          return;
        }
        default:
          send(ws, { cmd: String(msg.cmd ?? ''), requestID, status: 'failed', msg: 'unknown cmd' });
      }
    });
  });

  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    received,
    printed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}
