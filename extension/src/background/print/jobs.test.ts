import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PrintDocState } from '../../messages/print';
import type { ShopRef } from '../../messages/shared';
import { applyMarks, canMark, createJob, followPlatform, reprint, setJobStatus } from './jobs';

const shop: ShopRef = { platform: 'douyin', shopId: 'dy1' };
const NOW = Date.UTC(2026, 10, 23, 2);
const STATES: PrintDocState[] = ['queued', 'sent', 'printed', 'failed', 'canceled'];

const job = (n: number) =>
  createJob(
    {
      id: 'p1',
      shop,
      path: 'component',
      component: 'douyin',
      carrier: 'ZTO',
      labelSize: '76x130',
      documents: Array.from({ length: n }, (_, i) => ({
        orderId: `69${String(i).padStart(17, '0')}`,
        trackingNumber: `7890${String(i).padStart(10, '0')}`,
      })),
    },
    NOW,
  );

describe('print jobs', () => {
  it('creates one queued document per order, one document per task', () => {
    const j = job(3);
    expect(j.documents.map((d) => [d.documentId, d.taskId, d.state])).toEqual([
      ['p1-1', 'p1-1', 'queued'],
      ['p1-2', 'p1-2', 'queued'],
      ['p1-3', 'p1-3', 'queued'],
    ]);
    expect(j.counts).toEqual({ total: 3, queued: 3, sent: 0, printed: 0, failed: 0, canceled: 0 });
    expect(j.status).toBe('running');
  });

  it('marks, logs and finishes', () => {
    let j = job(2);
    const a = applyMarks(
      j,
      [
        { documentId: 'p1-1', state: 'sent' },
        { documentId: 'p1-2', state: 'sent' },
      ],
      NOW,
    );
    expect(a.log.map((l) => l.kind)).toEqual(['sent', 'sent']);
    j = applyMarks(
      a.job,
      [
        { documentId: 'p1-1', state: 'printed' },
        { documentId: 'p1-2', state: 'failed', message: '缺纸' },
      ],
      NOW + 1,
    ).job;
    expect(j.status).toBe('done');
    expect(j.documents[1]).toMatchObject({ state: 'failed', message: '缺纸', attempts: 1 });
    // A late duplicate notification changes nothing.
    const late = applyMarks(j, [{ documentId: 'p1-1', state: 'failed' }], NOW + 2);
    expect(late.refused).toBe(1);
    expect(late.job.documents[0]!.state).toBe('printed');
  });

  it('property: final states never revert through marks; counts always add up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ doc: fc.integer({ min: 1, max: 6 }), state: fc.constantFrom(...STATES) }), {
          maxLength: 40,
        }),
        (marks) => {
          let j = job(5);
          const finals = new Map<string, PrintDocState>();
          for (const m of marks) {
            j = applyMarks(j, [{ documentId: `p1-${m.doc}`, state: m.state }], NOW).job;
            for (const d of j.documents) {
              const f = finals.get(d.documentId);
              if (f) expect(d.state).toBe(f);
              if (d.state === 'printed' || d.state === 'failed' || d.state === 'canceled')
                finals.set(d.documentId, d.state);
            }
            const c = j.counts;
            expect(c.queued + c.sent + c.printed + c.failed + c.canceled).toBe(5);
            expect(j.status === 'done').toBe(c.queued + c.sent === 0);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('canMark: nothing leaves a final state', () => {
    for (const from of STATES)
      for (const to of STATES) {
        const final = from === 'printed' || from === 'failed' || from === 'canceled';
        expect(canMark(from, to)).toBe(!final && from !== to);
      }
  });

  it('reprint reopens only finished documents, with a new task id and the reason logged', () => {
    let j = applyMarks(job(2), [{ documentId: 'p1-1', state: 'printed' }], NOW).job;
    const r = reprint(j, [j.documents[0]!.orderId, j.documents[1]!.orderId], '卡纸', NOW + 5);
    expect(r.refused).toBe(1); // the second is still queued
    expect(r.log).toEqual([
      expect.objectContaining({ kind: 'reprint', reason: '卡纸', orderId: j.documents[0]!.orderId }),
    ]);
    j = r.job;
    expect(j.documents[0]).toMatchObject({ state: 'queued', taskId: 'p1-1-r1' });
    j = applyMarks(j, [{ documentId: 'p1-1', state: 'printed' }], NOW).job;
    expect(reprint(j, [j.documents[0]!.orderId], '再来', NOW).job.documents[0]!.taskId).toBe('p1-1-r2');
  });

  it('reprint of an in-flight document only when asked (checked at the printer)', () => {
    const j = applyMarks(job(1), [{ documentId: 'p1-1', state: 'sent' }], NOW).job;
    expect(reprint(j, [j.documents[0]!.orderId], '没出纸', NOW).refused).toBe(1);
    const r = reprint(j, [j.documents[0]!.orderId], '没出纸', NOW, true);
    expect(r.refused).toBe(0);
    expect(r.job.documents[0]).toMatchObject({ state: 'queued', taskId: 'p1-1-r1' });
  });

  it('pause keeps documents; cancel cancels queued ones only', () => {
    let j = applyMarks(job(3), [{ documentId: 'p1-1', state: 'sent' }], NOW).job;
    j = setJobStatus(j, 'paused', NOW).job;
    expect(j.status).toBe('paused');
    expect(j.counts.queued).toBe(2);
    j = setJobStatus(j, 'canceled', NOW).job;
    expect(j.status).toBe('canceled');
    expect(j.counts).toMatchObject({ sent: 1, canceled: 2 });
  });
});

describe('platform jobs (平台打单) follow the statuses read off the platform list', () => {
  const platformJob = (n: number) =>
    createJob(
      {
        id: 'q1',
        shop,
        path: 'platform',
        carrier: 'ZTO',
        labelSize: '76x130',
        documents: Array.from({ length: n }, (_, i) => ({
          orderId: `69${String(i).padStart(17, '0')}`,
          trackingNumber: '',
        })),
      },
      NOW,
    );
  it('printed / shipped rows become printed once, cancelled ones canceled; others wait', () => {
    let j = applyMarks(platformJob(4), [{ documentId: 'q1-1', state: 'sent' }], NOW).job;
    const ids = j.documents.map((d) => d.orderId);
    const a = followPlatform(
      j,
      [
        { orderId: ids[0]!, status: 'printed' },
        { orderId: ids[1]!, status: 'shipped' },
        { orderId: ids[2]!, status: 'awaiting_shipment' },
        { orderId: ids[3]!, status: 'cancelled' },
        { orderId: '69999', status: 'printed' },
      ],
      NOW,
    );
    j = a.job;
    expect(j.documents.map((d) => d.state)).toEqual(['printed', 'printed', 'queued', 'canceled']);
    expect(a.log.map((l) => [l.kind, l.message])).toEqual([
      ['printed', 'platform:printed'],
      ['printed', 'platform:shipped'],
      ['canceled', 'platform:cancelled'],
    ]);
    // Seen again: nothing changes, nothing logged twice (the journal has each print once).
    expect(followPlatform(j, [{ orderId: ids[0]!, status: 'shipped' }], NOW).log).toEqual([]);
  });
  it('never touches a component or browser job', () => {
    const j = job(1);
    expect(followPlatform(j, [{ orderId: j.documents[0]!.orderId, status: 'printed' }], NOW)).toEqual({
      job: j,
      log: [],
      refused: 0,
    });
  });
});
