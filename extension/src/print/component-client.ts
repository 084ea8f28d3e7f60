/**
 * A WebSocket client for a platform's local print component (打印组件), speaking through core's
 * codecs (`buildPrintRequest` / `parsePrintMessage`): printer list, print, task status, and the
 * pushed print results. Runs in the print page (an extension page may open ws://127.0.0.1).
 * @module
 */
import {
  buildPrintRequest,
  parsePrintMessage,
  type PrintMessage,
  type PrintRequest,
  type PrintTask,
  type PrinterInfo,
  type TaskResult,
} from '@shipmask/core';

/** What the page shows about the component. */
export type ComponentState = 'idle' | 'connecting' | 'connected' | 'not-running';

export interface ComponentClientOptions {
  /** Core component id (`douyin`, `cainiao`, `jd`, `wechat`, …). */
  readonly component: string;
  readonly url: string;
  /** Pushed print results (and late ones). */
  readonly onResult?: (tasks: readonly TaskResult[]) => void;
  readonly onClose?: () => void;
  /** A socket factory (tests); default `new WebSocket(url)`. */
  readonly socket?: (url: string) => WebSocket;
  readonly timeoutMs?: number;
}

/** Why a call failed. */
export class ComponentError extends Error {
  override readonly name = 'ComponentError';
}

let counter = 0;
const requestId = (): string => `sm-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/**
 * One connection to a print component.
 * @example
 * const c = await ComponentClient.connect({ component: 'douyin', url: 'ws://127.0.0.1:13888' });
 * const { printers } = await c.printers();
 */
export class ComponentClient {
  private readonly pending = new Map<string, (m: PrintMessage) => void>();
  private closed = false;

  private constructor(
    private readonly ws: WebSocket,
    private readonly options: ComponentClientOptions,
  ) {
    ws.addEventListener('message', (e) => this.receive(e.data));
    ws.addEventListener('close', () => {
      this.closed = true;
      for (const resolve of this.pending.values()) {
        resolve({
          kind: 'error',
          component: options.component,
          error: { code: 'bad-field', message: 'closed' },
        });
      }
      this.pending.clear();
      options.onClose?.();
    });
  }

  /** Connect; rejects with `ComponentError` when nothing listens (the component is not running). */
  static connect(options: ComponentClientOptions): Promise<ComponentClient> {
    return new Promise((resolve, reject) => {
      let ws: WebSocket;
      try {
        ws = options.socket ? options.socket(options.url) : new WebSocket(options.url);
      } catch (e) {
        reject(new ComponentError(e instanceof Error ? e.message : 'cannot connect'));
        return;
      }
      const timer = setTimeout(() => {
        ws.close();
        reject(new ComponentError('timeout'));
      }, options.timeoutMs ?? 3000);
      ws.addEventListener('open', () => {
        clearTimeout(timer);
        resolve(new ComponentClient(ws, options));
      });
      ws.addEventListener('error', () => {
        clearTimeout(timer);
        reject(new ComponentError('not running'));
      });
    });
  }

  /** The component this connection speaks to (core id). */
  get component(): string {
    return this.options.component;
  }

  get isOpen(): boolean {
    return !this.closed && this.ws.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.ws.close();
  }

  private receive(data: unknown): void {
    const m = parsePrintMessage(this.options.component, data);
    if (m.kind === 'print-result') this.options.onResult?.(m.tasks);
    const id = 'requestID' in m ? m.requestID : undefined;
    if (id !== undefined) {
      const resolve = this.pending.get(id);
      if (resolve) {
        this.pending.delete(id);
        resolve(m);
      }
    }
  }

  private call(request: PrintRequest): Promise<PrintMessage> {
    const built = buildPrintRequest(this.options.component, request);
    if (!built.ok) return Promise.reject(new ComponentError(built.error.message));
    if (!this.isOpen) return Promise.reject(new ComponentError('not connected'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(request.requestID);
        reject(new ComponentError('no answer'));
      }, this.options.timeoutMs ?? 10_000);
      this.pending.set(request.requestID, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      this.ws.send(built.json);
    });
  }

  /** The component's printers. */
  async printers(): Promise<{ printers: readonly PrinterInfo[]; defaultPrinter?: string }> {
    const m = await this.call({ kind: 'getPrinters', requestID: requestId() });
    if (m.kind !== 'printers') throw new ComponentError('unexpected answer to getPrinters');
    return {
      printers: m.printers,
      ...(m.defaultPrinter !== undefined ? { defaultPrinter: m.defaultPrinter } : {}),
    };
  }

  /** Send one print task; resolves with the component's acknowledgement (accepted or not). */
  async print(task: PrintTask): Promise<{ ok: boolean; message?: string }> {
    // The request id is the task id: JD keys its results by the request (`key`), so a result can
    // be matched to its document whatever the protocol.
    const request = { kind: 'print', requestID: task.taskID, task } as const;
    // A task core will not build (bad contents, over a limit) fails its documents; it is not a
    // lost connection (nothing was sent).
    const built = buildPrintRequest(this.options.component, request);
    if (!built.ok) return { ok: false, message: built.error.message };
    const m = await this.call(request);
    if (m.kind === 'print-ack')
      return { ok: m.ok, ...(m.message !== undefined ? { message: m.message } : {}) };
    if (m.kind === 'print-result') return { ok: m.tasks.every((t) => t.status !== 'failed') };
    if (m.kind === 'error') throw new ComponentError(m.error.message);
    return { ok: true };
  }

  /** Status of tasks the component may have received (after a crash). */
  async taskStatus(taskIDs: readonly string[]): Promise<readonly TaskResult[]> {
    const m = await this.call({ kind: 'getTaskStatus', requestID: requestId(), taskIDs });
    if (m.kind !== 'task-status') throw new ComponentError('unexpected answer to getTaskStatus');
    return m.tasks;
  }
}
