// Model-based test: several tabs (writers) record quota events into their own outboxes; a
// network delivers them to one shop ledger in any order, with duplicates, replays, ids reused
// with different content (a tab whose counter restarted: issue 14) and a persist / reload round
// trip. After every step quotaStatus must agree with a deliberately naive reference
// model that keeps the plain list of delivered events and recomputes everything by filtering.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyQuotaRule, douyinQuotaRule, jdQuotaRule, wechatQuotaRule } from './default-rules.js';
import { checkQuotaEvent, type QuotaEvent } from './events.js';
import { applyEvent, emptyLedger, ledgerFromEvents, type QuotaLedger } from './ledger.js';
import { arbAt, arbEventBody, status } from './quota.test-helper.js';
import type { QuotaRule } from './rule.js';

const TABS = 3;

interface Model {
  /** Every event any tab wrote. */
  readonly written: QuotaEvent[];
  /** Delivered events by identity = id + content (what the ledger must reflect). */
  readonly delivered: Map<string, QuotaEvent>;
  /** Per-tab outboxes (mirrors the real network; the model decides what is delivered). */
  readonly outbox: QuotaEvent[][];
  /** Per-tab sent log, for replays. */
  readonly sent: QuotaEvent[][];
  readonly seq: number[];
  now: number;
}
interface Real {
  ledger: QuotaLedger;
}
type Cmd = fc.Command<Model, Real>;
type EventBody = typeof arbEventBody extends fc.Arbitrary<infer T> ? T : never;

// Rules under test; `pct` lets the reference compute ratio limits in integers.
const RULES: { rule: QuotaRule; pct?: number }[] = [
  { rule: douyinQuotaRule, pct: 5 },
  { rule: { ...douyinQuotaRule, id: 'ceil-once', rounding: 'ceil', recountSameOrder: false }, pct: 5 },
  { rule: wechatQuotaRule },
  { rule: { ...wechatQuotaRule, id: 'once', recountSameOrder: false, fields: ['phone', 'name'] } },
  { rule: jdQuotaRule },
  {
    rule: {
      ...jdQuotaRule,
      id: 'pack-once',
      initial: 5,
      recountSameOrder: false,
      charges: 'every',
      fields: ['phone'],
    },
  },
  { rule: dailyQuotaRule(4, 'daily') },
];

// ---- the reference model: plain filtering over the delivered list, no buckets, no indexes ----
const periodKey = (rule: QuotaRule, at: number): string => {
  if (rule.kind === 'pack' || rule.period === 'none') return 'all';
  const iso = new Date(at + 8 * 3_600_000).toISOString();
  return rule.period === 'month' ? iso.slice(0, 7) : iso.slice(0, 10);
};
/** An event's identity: its id and its checked content (a reused id with new content is a new event). */
const identity = (e: QuotaEvent): string => {
  const c = checkQuotaEvent(e);
  return `${e.id}\u0000${c.ok ? JSON.stringify(c.event) : 'invalid'}`;
};
const forRule = (e: QuotaEvent, rule: QuotaRule): boolean =>
  !('ruleId' in e) || e.ruleId === undefined || e.ruleId === rule.id;

function reference(events: readonly QuotaEvent[], rule: QuotaRule, pct: number | undefined, now: number) {
  const p = periodKey(rule, now);
  const inP = events.filter((e) => periodKey(rule, e.at) === p);
  const localAt = (until: number) => {
    const es = inP.filter((e) => e.at <= until);
    const bulkOnly = (rule.charges ?? (rule.kind === 'pack' ? 'bulk' : 'every')) === 'bulk';
    const charged = es.filter(
      (e) =>
        e.type === 'decrypted' &&
        (rule.fields ?? ['phone', 'name', 'address', 'text']).includes(e.field) &&
        (!bulkOnly || e.via === 'bulk'),
    );
    const decrypts = rule.recountSameOrder
      ? charged.length
      : new Set(charged.map((e) => (e.type === 'decrypted' ? e.orderKey : ''))).size;
    let orders = 0;
    let grants = 0;
    let packs = 0;
    let corr = 0;
    for (const e of es) {
      if (e.type === 'orderCounted') orders += e.count ?? 1;
      if (e.type === 'granted' && forRule(e, rule)) grants += e.amount;
      if (e.type === 'packBought' && forRule(e, rule)) packs += e.amount;
      if (e.type === 'corrected' && forRule(e, rule)) corr += e.delta;
    }
    let limit: number;
    if (rule.kind === 'ratio') {
      const num = orders * (pct ?? 0);
      limit = (rule.rounding === 'ceil' ? Math.ceil(num / 100) : Math.floor(num / 100)) + grants;
    } else if (rule.kind === 'fixed') limit = rule.allowance + grants;
    else limit = rule.initial + packs + grants;
    return { used: decrypts + corr, limit, orders };
  };
  const now_ = localAt(Number.POSITIVE_INFINITY);
  const observations = inP
    .filter((e) => e.type === 'platformCounterObserved' && forRule(e, rule))
    .sort(
      (a, b) =>
        a.at - b.at ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
        // Same instant and id (a reused id): the lower remaining is the one trusted.
        (a.type === 'platformCounterObserved' && b.type === 'platformCounterObserved'
          ? b.remaining - a.remaining
          : 0),
    );
  const obs = observations.at(-1);
  let drift: number | null = null;
  if (obs && obs.type === 'platformCounterObserved') {
    const then = localAt(obs.at);
    drift = obs.remaining - (then.limit - then.used);
  }
  const localRemaining = now_.limit - now_.used;
  const used = Math.max(0, now_.used);
  const remaining = Math.max(0, localRemaining + (drift ?? 0));
  const level = remaining <= 0 ? 'exhausted' : used >= rule.warnAt * (used + remaining) ? 'warn' : 'ok';
  return { used, limit: now_.limit, orders: now_.orders, localRemaining, drift, remaining, level };
}

/** Charged decrypts per day over the trailing 7 China days (today included), from the first event. */
function referenceBurn(events: readonly QuotaEvent[], rule: QuotaRule, now: number): number {
  if (events.length === 0) return 0;
  const DAY = 86_400_000;
  const dayStart = (t: number): number => Math.floor((t + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000;
  const first = dayStart(Math.min(...events.map((e) => e.at)));
  if (first > now) return 0;
  const from = Math.max(dayStart(now) - 6 * DAY, first);
  const to = dayStart(now) + DAY;
  const bulkOnly = (rule.charges ?? (rule.kind === 'pack' ? 'bulk' : 'every')) === 'bulk';
  const perDay = new Map<number, QuotaEvent[]>();
  for (const e of events) {
    if (e.type !== 'decrypted' || e.at < from || e.at >= to) continue;
    if (
      !(rule.fields ?? ['phone', 'name', 'address', 'text']).includes(e.field) ||
      (bulkOnly && e.via !== 'bulk')
    )
      continue;
    const d = dayStart(e.at);
    perDay.set(d, [...(perDay.get(d) ?? []), e]);
  }
  let n = 0;
  for (const es of perDay.values())
    n += rule.recountSameOrder
      ? es.length
      : new Set(es.map((e) => (e.type === 'decrypted' ? e.orderKey : ''))).size;
  return (n * DAY) / Math.max(now - from, 3_600_000);
}

function agree(m: Model, r: Real): void {
  const events = [...m.delivered.values()];
  for (const { rule, pct } of RULES) {
    const s = status(r.ledger, rule, m.now);
    const { used, limit, orders, localRemaining, drift, remaining, level } = s;
    expect({ rule: rule.id, used, limit, orders, localRemaining, drift, remaining, level }).toEqual({
      rule: rule.id,
      ...reference(events, rule, pct, m.now),
    });
    expect(s.burnRatePerDay).toBeCloseTo(referenceBurn(events, rule, m.now), 9);
  }
  const byId = new Map<string, number>();
  for (const e of events) byId.set(e.id, (byId.get(e.id) ?? 0) + 1);
  expect(r.ledger.ids.size).toBe(byId.size);
  // Every content of an id delivered with several contents is listed as a conflict.
  expect(r.ledger.conflicts.size).toBe([...byId.values()].filter((n) => n > 1).reduce((a, n) => a + n, 0));
}

// ---- commands ----
class Write implements Cmd {
  constructor(
    readonly tab: number,
    readonly body: EventBody,
  ) {}
  check = (): boolean => true;
  run(m: Model): void {
    const seq = m.seq[this.tab] ?? 0;
    m.seq[this.tab] = seq + 1;
    const e = { ...this.body, id: `tab${this.tab}:${seq}` } as QuotaEvent;
    m.written.push(e);
    m.outbox[this.tab]?.push(e);
  }
  toString = (): string => `Write(tab${this.tab}, ${JSON.stringify(this.body)})`;
}

/** A tab writes an event under an id already used (by any tab), with whatever content it has. */
class Reuse implements Cmd {
  constructor(
    readonly tab: number,
    readonly pick: number,
    readonly body: EventBody,
  ) {}
  check = (m: Readonly<Model>): boolean => m.written.length > 0;
  run(m: Model): void {
    const id = (m.written[this.pick % m.written.length] as QuotaEvent).id;
    const e = { ...this.body, id } as QuotaEvent;
    m.written.push(e);
    m.outbox[this.tab]?.push(e);
  }
  toString = (): string => `Reuse(tab${this.tab}, #${this.pick}, ${JSON.stringify(this.body)})`;
}

class Deliver implements Cmd {
  constructor(
    readonly tab: number,
    readonly pick: number,
    readonly keep: boolean,
  ) {}
  check = (m: Readonly<Model>): boolean => (m.outbox[this.tab]?.length ?? 0) > 0;
  run(m: Model, r: Real): void {
    const box = m.outbox[this.tab] as QuotaEvent[];
    const i = this.pick % box.length;
    const e = box[i] as QuotaEvent;
    if (!this.keep) box.splice(i, 1); // kept events get delivered again later (duplicates)
    r.ledger = applyEvent(r.ledger, e);
    m.delivered.set(identity(e), e);
    m.sent[this.tab]?.push(e);
    agree(m, r);
  }
  toString = (): string => `Deliver(tab${this.tab}, #${this.pick}${this.keep ? ', keep' : ''})`;
}

class Replay implements Cmd {
  constructor(readonly tab: number) {}
  check = (): boolean => true;
  run(m: Model, r: Real): void {
    // The tab reloads and replays everything it ever sent, newest first.
    for (const e of [...(m.sent[this.tab] ?? [])].reverse()) r.ledger = applyEvent(r.ledger, e);
    agree(m, r);
  }
  toString = (): string => `Replay(tab${this.tab})`;
}

class Persist implements Cmd {
  check = (): boolean => true;
  run(m: Model, r: Real): void {
    r.ledger = JSON.parse(JSON.stringify(r.ledger)) as QuotaLedger;
    agree(m, r);
  }
  toString = (): string => 'Persist+Reload';
}

class Clock implements Cmd {
  constructor(readonly now: number) {}
  check = (): boolean => true;
  run(m: Model, r: Real): void {
    m.now = this.now; // may go backwards
    agree(m, r);
  }
  toString = (): string => `Clock(${new Date(this.now).toISOString()})`;
}

const tab = fc.integer({ min: 0, max: TABS - 1 });
const commands = fc.commands<Model, Real>(
  [
    fc.tuple(tab, arbEventBody).map(([t, b]) => new Write(t, b)),
    fc.tuple(tab, fc.nat(), arbEventBody).map(([t, p, b]) => new Reuse(t, p, b)),
    fc.tuple(tab, fc.nat(), fc.boolean()).map(([t, p, k]) => new Deliver(t, p, k)),
    tab.map((t) => new Replay(t)),
    fc.constant(new Persist()),
    arbAt.map((t) => new Clock(t)),
  ],
  { maxCommands: 40 },
);

describe('quota ledger against a reference model (several tabs, shuffled and duplicated delivery)', () => {
  it('agrees after every step and converges to the replay of everything written (1,000 runs)', () => {
    fc.assert(
      fc.property(commands, arbAt, (cmds, start) => {
        const model: Model = {
          written: [],
          delivered: new Map(),
          outbox: Array.from({ length: TABS }, () => []),
          sent: Array.from({ length: TABS }, () => []),
          seq: Array.from({ length: TABS }, () => 0),
          now: start,
        };
        const real: Real = { ledger: emptyLedger('shop') };
        fc.modelRun(() => ({ model, real }), cmds);
        // Flush every outbox: the ledger must equal a fresh replay of all written events.
        for (const box of model.outbox)
          for (const e of box.splice(0)) real.ledger = applyEvent(real.ledger, e);
        expect(real.ledger).toEqual(ledgerFromEvents('shop', model.written));
        // Any other arrival order of the same events gives the same ledger (and status).
        expect(ledgerFromEvents('shop', [...model.written].reverse())).toEqual(real.ledger);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});
