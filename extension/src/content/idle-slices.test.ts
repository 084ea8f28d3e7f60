import { describe, expect, it } from 'vitest';
import { idleSlices, SLICE_MS, SLICE_TIMEOUT_MS, type IdleHost } from './idle-slices';

/** A window whose idle callbacks run when the test says, with the idle time it says. */
function fakeHost(withIdle = true) {
  let clock = 1000;
  const idle = new Map<number, { cb: (d: { timeRemaining(): number }) => void; timeout: number }>();
  const timers = new Map<number, () => void>();
  let n = 0;
  const host: IdleHost = {
    setTimeout(cb) {
      timers.set(++n, cb);
      return n;
    },
    clearTimeout(h) {
      timers.delete(h);
    },
  };
  if (withIdle) {
    host.requestIdleCallback = (cb, opts) => {
      idle.set(++n, { cb, timeout: opts?.timeout ?? 0 });
      return n;
    };
    host.cancelIdleCallback = (h) => void idle.delete(h);
  }
  return {
    host,
    clock: () => clock,
    idle,
    timers,
    /** Run the pending idle callbacks with `remaining` ms of idle time. */
    runIdle(remaining: number) {
      for (const [h, { cb }] of [...idle]) {
        idle.delete(h);
        cb({ timeRemaining: () => remaining });
      }
    },
    runTimers() {
      for (const [h, cb] of [...timers]) {
        timers.delete(h);
        cb();
      }
    },
    advance(ms: number) {
      clock += ms;
    },
  };
}

describe('idle slices', () => {
  it('waits for idle time and ends the slice within SLICE_MS, or the idle time left if less', async () => {
    const f = fakeHost();
    const idle = idleSlices(f.host, f.clock);
    const a = idle.next();
    expect(f.idle.size).toBe(1);
    expect([...f.idle.values()][0]!.timeout).toBe(SLICE_TIMEOUT_MS);
    f.runIdle(40);
    expect(await a).toBe(1000 + SLICE_MS);
    const b = idle.next();
    f.runIdle(2);
    expect(await b).toBe(1002);
    // A timed-out callback reports no idle time: still one millisecond of work, so work advances.
    const c = idle.next();
    f.runIdle(0);
    expect(await c).toBe(1001);
  });

  it('hurry: the waiting slice and every later one run at once, without a limit', async () => {
    const f = fakeHost();
    const idle = idleSlices(f.host, f.clock);
    const a = idle.next();
    idle.hurry();
    expect(await a).toBe(Infinity);
    expect(f.idle.size).toBe(0);
    expect(await idle.next()).toBe(Infinity);
    expect(f.idle.size).toBe(0);
  });

  it('reset: the waiting slice is stale (undefined) and later waits are idle again', async () => {
    const f = fakeHost();
    const idle = idleSlices(f.host, f.clock);
    idle.hurry();
    idle.reset();
    const a = idle.next();
    expect(f.idle.size).toBe(1);
    idle.reset();
    expect(await a).toBeUndefined();
    expect(f.idle.size).toBe(0);
    // A new wait replaces an older one: the older resolves as stale.
    const b = idle.next();
    const c = idle.next();
    expect(await b).toBeUndefined();
    f.runIdle(10);
    expect(await c).toBe(1000 + SLICE_MS);
  });

  it('without requestIdleCallback, a zero timer gives the slice', async () => {
    const f = fakeHost(false);
    const idle = idleSlices(f.host, f.clock);
    const a = idle.next();
    expect(f.timers.size).toBe(1);
    f.advance(3);
    f.runTimers();
    expect(await a).toBe(1003 + SLICE_MS);
  });
});
