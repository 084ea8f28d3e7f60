import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { parsePrintMessage, splitPrintTask } from './codec.js';
import { applyPrintMessage, printJobSummary, startPrintJob, type PrintJobState } from './job.js';
import type { PrintMessage, PrintTask } from './types.js';

// Property tests run 1,000+ cases; on a shared, loaded machine that can pass 5 s. No timing is
// asserted, so allow a minute.
vi.setConfig({ testTimeout: 60_000 });

const task = (taskID: string, ids: string[], kind: 'encrypted' | 'printInfo' = 'encrypted'): PrintTask => ({
  taskID,
  preview: false,
  printer: '',
  documents: ids.map((documentID) => ({
    documentID,
    contents: [
      kind === 'encrypted'
        ? { kind, encryptedData: `E-${documentID}`, signature: 'S', templateURL: 'https://t/1' }
        : { kind, printInfo: `P-${documentID}` },
    ],
  })),
});

describe('print job tracking', () => {
  it('PDD: PrintResultNotify settles the named task by taskID', () => {
    let job = startPrintJob('pdd', [
      { requestID: 'r1', task: task('t1', ['a', 'b']) },
      { requestID: 'r2', task: task('t2', ['c']) },
    ]);
    expect(printJobSummary(job)).toEqual({
      total: 3,
      printed: 0,
      failed: 0,
      canceled: 0,
      pending: 3,
      done: false,
    });
    job = applyPrintMessage(
      job,
      parsePrintMessage(
        'pdd',
        '{"cmd":"PrintResultNotify","taskID":"t1","taskStatus":"failed","printStatus":[{"documentID":"a","status":"success"},{"documentID":"b","status":"failed","msg":"缺纸"}]}',
      ),
    );
    expect(job.documents.map((d) => d.status)).toEqual(['printed', 'failed', 'pending']);
    expect(job.documents[1]?.message).toBe('缺纸');
    job = applyPrintMessage(
      job,
      parsePrintMessage('pdd', '{"cmd":"PrintResultNotify","taskID":"t2","taskStatus":"printed"}'),
    );
    expect(printJobSummary(job)).toMatchObject({ printed: 2, failed: 1, pending: 0, done: true });
  });
  it('a later non-final state never reverts a final one', () => {
    let job = startPrintJob('xiaohongshu', [{ requestID: 'r', task: task('t', ['d']) }]);
    job = applyPrintMessage(
      job,
      parsePrintMessage(
        'xiaohongshu',
        '{"cmd":"notifyDocResult","status":"printed","taskId":"t","documentId":"d","code":0}',
      ),
    );
    const after = applyPrintMessage(
      job,
      parsePrintMessage(
        'xiaohongshu',
        '{"cmd":"notifyDocResult","status":"rendered","taskId":"t","documentId":"d","code":0}',
      ),
    );
    expect(after).toBe(job);
    expect(after.documents[0]?.status).toBe('printed');
  });
  it('JD: results keyed by the request id', () => {
    let job = startPrintJob('jd', [
      { requestID: 'jd-1', task: task('jd-1', ['1', '2']) },
      { requestID: 'jd-2', task: task('jd-2', ['1']) },
    ]);
    job = applyPrintMessage(job, parsePrintMessage('jd', '{"code":"2","key":"jd-1","success":"true"}'));
    expect(job.documents.map((d) => d.status)).toEqual(['printed', 'printed', 'pending']);
  });
  it('WeChat: one result per waybill, by document id', () => {
    let job = startPrintJob('wechat', [{ requestID: 'w', task: task('w', ['x', 'y'], 'printInfo') }]);
    job = applyPrintMessage(
      job,
      parsePrintMessage(
        'wechat',
        '{"command":"print","requestID":"w","taskList":[{"taskID":"y","success":false,"failureReason":"面单已过期"}]}',
      ),
    );
    expect(job.documents.map((d) => [d.documentID, d.status, d.message])).toEqual([
      ['x', 'pending', undefined],
      ['y', 'failed', '面单已过期'],
    ]);
  });
  it('a refused print fails the whole request', () => {
    let job = startPrintJob('kuaishou', [{ requestID: 'k1', task: task('t', ['a', 'b']) }]);
    job = applyPrintMessage(
      job,
      parsePrintMessage('kuaishou', '{"cmd":"print","requestID":"k1","status":"failed","msg":"打印机离线"}'),
    );
    expect(printJobSummary(job)).toMatchObject({ failed: 2, done: true });
  });
  it('tracks a job split for Kuaishou end to end', () => {
    const big = task(
      'job',
      Array.from({ length: 25 }, (_, i) => `d${i}`),
    );
    const split = splitPrintTask('kuaishou', big, (i) => `job-${i}`);
    expect(split.ok).toBe(true);
    if (!split.ok) return;
    let job = startPrintJob(
      'kuaishou',
      split.tasks.map((t, i) => ({ requestID: `r${i}`, task: t })),
    );
    for (const t of split.tasks) {
      job = applyPrintMessage(
        job,
        parsePrintMessage(
          'kuaishou',
          JSON.stringify({ cmd: 'notifyPrintResult', taskID: t.taskID, taskStatus: 'printed' }),
        ),
      );
    }
    expect(printJobSummary(job)).toEqual({
      total: 25,
      printed: 25,
      failed: 0,
      canceled: 0,
      pending: 0,
      done: true,
    });
  });
});

describe('print job properties', () => {
  const statuses = ['printed', 'failed', 'canceled', 'pending', 'rendered', 'unknown'] as const;
  const idArb = fc.constantFrom('t0', 't1', 't2', 'd0', 'd1', 'd2', 'r0', 'r1', 'zz');
  const messageArb: fc.Arbitrary<PrintMessage> = fc.oneof(
    fc.record({
      kind: fc.constantFrom('print-result' as const, 'task-status' as const),
      component: fc.constant('x'),
      requestID: idArb,
      tasks: fc.array(
        fc.record({
          taskID: idArb,
          status: fc.constantFrom(...statuses),
          documents: fc.array(fc.record({ documentID: idArb, status: fc.constantFrom(...statuses) }), {
            maxLength: 3,
          }),
        }),
        { maxLength: 3 },
      ),
    }),
    fc.record({
      kind: fc.constant('print-ack' as const),
      component: fc.constant('x'),
      requestID: idArb,
      ok: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('other' as const), component: fc.constant('x'), command: fc.string() }),
  );
  it('never throws, keeps every document, and final states never go back to pending', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('pdd', 'jd', 'wechat', 'douyin'),
        fc.array(messageArb, { maxLength: 20 }),
        (component, messages) => {
          let job: PrintJobState = startPrintJob(component, [
            { requestID: 'r0', task: task('t0', ['d0', 'd1']) },
            { requestID: 'r1', task: task('t1', ['d2']) },
          ]);
          for (const m of messages) {
            const before = job.documents.map((d) => d.status);
            job = applyPrintMessage(job, m);
            expect(job.documents).toHaveLength(3);
            job.documents.forEach((d, i) => {
              if (['printed', 'failed', 'canceled'].includes(before[i]!)) {
                expect(['printed', 'failed', 'canceled']).toContain(d.status);
              }
            });
          }
          const s = printJobSummary(job);
          expect(s.printed + s.failed + s.canceled + s.pending).toBe(3);
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('garbage state or messages never throw', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        applyPrintMessage(a as PrintJobState, b as PrintMessage);
        printJobSummary(a as PrintJobState);
        startPrintJob('pdd', b as never);
        startPrintJob(a as string, a as never);
      }),
      { numRuns: 1000 },
    );
  });
});
