// Decrypt-quota ledger (issue 4, item 5): quotaStatus over 100,000 events (target < 50 ms),
// applyEvent time per event at 10^3 and 10^6 events (O(1): the two should be close), each side by
// side with a naive "replay everything" peer measured in the same run: an immutable array of
// events (apply = dedupe scan + copy) whose status is recomputed by filtering every event.
import {
  applyEvent,
  ledgerFromEvents,
  quotaStatus,
  wechatQuotaRule,
  type QuotaEvent,
  type QuotaLedger,
  type QuotaRule,
} from '../../packages/core/src/index.ts';
import { medianMs, type BenchRow, type BenchSuite } from './types.ts';
import { mulberry32 as rng } from '../demo/data.ts';

const DAY = 86_400_000;
const DEC_31_CN = Date.parse('2026-12-30T16:00:00Z'); // 31 Dec 2026 00:00 China
const FIELDS = ['phone', 'name', 'address'] as const;

/** `n` events ending at 31 Dec 2026 China time, spread over `days` days, arriving slightly out of order. */
function makeEvents(n: number, days: number, prefix: string, seed: number): QuotaEvent[] {
  const rand = rng(seed);
  const span = days * DAY;
  const out: QuotaEvent[] = [];
  for (let i = 0; i < n; i++) {
    const at = Math.round(DEC_31_CN - span + (i / n) * span + (rand() - 0.5) * 6 * 3_600_000);
    if (i % 3 === 0) out.push({ type: 'orderCounted', id: `${prefix}${i}`, at, count: 1 });
    else
      out.push({
        type: 'decrypted',
        id: `${prefix}${i}`,
        at,
        orderKey: Math.floor(rand() * 2 ** 52)
          .toString(16)
          .padStart(16, '0'),
        field: FIELDS[i % 3] as (typeof FIELDS)[number],
        source: i % 7 === 0 ? 'tool' : 'backoffice',
        via: 'single',
      });
  }
  return out;
}

// ---- the naive peer: keep every event, recompute from all of them ----
function naiveApply(events: readonly QuotaEvent[], e: QuotaEvent): readonly QuotaEvent[] {
  for (const x of events) if (x.id === e.id) return events;
  return [...events, e];
}
function naiveUsed(events: readonly QuotaEvent[], now: number): number {
  const month = new Date(now + 8 * 3_600_000).toISOString().slice(0, 7);
  let used = 0;
  const seen = new Set<string>();
  for (const e of events) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    if (e.type !== 'decrypted' || e.field !== 'phone') continue;
    if (new Date(e.at + 8 * 3_600_000).toISOString().slice(0, 7) === month) used++;
  }
  return used;
}

/** Mean microseconds per applyEvent when adding `k` fresh events to a ledger of `base`. */
function perEventUs(base: QuotaLedger, fresh: readonly QuotaEvent[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 3; pass++) {
    let l = base;
    const start = performance.now();
    for (const e of fresh) l = applyEvent(l, e);
    best = Math.min(best, ((performance.now() - start) * 1000) / fresh.length);
  }
  return best;
}

function naivePerEventUs(base: readonly QuotaEvent[], fresh: readonly QuotaEvent[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 3; pass++) {
    let l = base;
    const start = performance.now();
    for (const e of fresh) l = naiveApply(l, e);
    best = Math.min(best, ((performance.now() - start) * 1000) / fresh.length);
  }
  return best;
}

const suite: BenchSuite = {
  name: 'quota',
  async run(): Promise<readonly BenchRow[]> {
    const rows: BenchRow[] = [];
    const now = DEC_31_CN + 12 * 3_600_000;
    const phoneOnce: QuotaRule = { ...wechatQuotaRule, id: 'once', recountSameOrder: false };

    // quotaStatus over 100,000 events, all in the current China month.
    const e100k = makeEvents(100_000, 30, 's', 1);
    let ledger100k = ledgerFromEvents('shop', e100k);
    const replayMs = await medianMs(() => ledgerFromEvents('shop', e100k), 3);
    const statusMs = await medianMs(() => quotaStatus(ledger100k, wechatQuotaRule, now), 21);
    const naiveStatusMs = await medianMs(() => naiveUsed(e100k, now), 7);
    const r = quotaStatus(ledger100k, wechatQuotaRule, now);
    const same = r.ok && r.status.used === naiveUsed(e100k, now);
    rows.push({
      name: 'quotaStatus, 100,000 events (WeChat rule)',
      value: statusMs,
      unit: 'ms',
      target: '< 50 ms',
      ok: statusMs < 50,
      note: `naive replay-everything peer ${naiveStatusMs.toFixed(1)} ms (${(naiveStatusMs / statusMs).toFixed(0)}× slower); same used: ${same ? 'yes' : 'no'}`,
    });
    const onceMs = await medianMs(() => quotaStatus(ledger100k, phoneOnce, now), 7);
    rows.push({
      name: 'quotaStatus, 100,000 events, re-views not recounted',
      value: onceMs,
      unit: 'ms',
      target: '< 50 ms',
      ok: onceMs < 50,
      note: 'month: O(1) from the field histogram; the burn rate walks 7 day logs',
    });
    ledger100k = applyEvent(ledger100k, {
      type: 'platformCounterObserved',
      id: 'obs',
      at: now - 10 * DAY,
      remaining: 100,
    });
    const obsMs = await medianMs(() => quotaStatus(ledger100k, wechatQuotaRule, now), 7);
    rows.push({
      name: 'quotaStatus, 100,000 events, platform counter 10 days ago',
      value: obsMs,
      unit: 'ms',
      target: '< 50 ms',
      ok: obsMs < 50,
      note: 'reconciles through one day log + 10 day buckets',
    });
    rows.push({
      name: 'ledgerFromEvents, 100,000 events (replay at start-up)',
      value: replayMs,
      unit: 'ms',
      note: `${Math.round(100_000 / (replayMs / 1000)).toLocaleString('en-US')} events/s`,
    });

    // applyEvent per event at 10^3 and 10^6 events.
    const fresh = makeEvents(2_000, 30, 'f', 3);
    const small = makeEvents(1_000, 30, 'a', 2);
    const usSmall = perEventUs(ledgerFromEvents('shop', small), fresh);
    const naiveSmall = naivePerEventUs(small, fresh.slice(0, 500));
    const big = makeEvents(1_000_000, 365, 'b', 4);
    let bigLedger = ledgerFromEvents('shop', []);
    const buildStart = performance.now();
    for (const e of big) bigLedger = applyEvent(bigLedger, e);
    const buildMs = performance.now() - buildStart;
    const usBig = perEventUs(bigLedger, fresh);
    const naiveBig = naivePerEventUs(big, fresh.slice(0, 20));
    rows.push({
      name: 'applyEvent at 10^3 events',
      value: usSmall,
      unit: 'µs/event',
      note: `naive peer ${naiveSmall.toFixed(1)} µs/event (${(naiveSmall / usSmall).toFixed(1)}×)`,
    });
    rows.push({
      name: 'applyEvent at 10^6 events',
      value: usBig,
      unit: 'µs/event',
      target: 'O(1): ≤ 4× the 10^3 time',
      ok: usBig <= 4 * usSmall,
      note: `${(usBig / usSmall).toFixed(2)}× the 10^3 time; naive peer ${(naiveBig / 1000).toFixed(2)} ms/event (${Math.round(naiveBig / usBig).toLocaleString('en-US')}× slower, ${(naiveBig / naiveSmall).toFixed(0)}× its 10^3 time)`,
    });
    rows.push({
      name: 'ledger of 10^6 events built event by event',
      value: buildMs / 1000,
      unit: 's',
      note: `${Math.round(1_000_000 / (buildMs / 1000)).toLocaleString('en-US')} events/s`,
    });
    const bytes = JSON.stringify(ledger100k).length;
    rows.push({
      name: 'serialised ledger size, 100,000 events (JSON)',
      value: bytes / 100_000,
      unit: 'bytes/event',
      note: `${(bytes / 1e6).toFixed(1)} MB; events themselves ${(JSON.stringify(e100k).length / 100_000).toFixed(0)} bytes/event`,
    });
    return rows;
  },
};

export default suite;
