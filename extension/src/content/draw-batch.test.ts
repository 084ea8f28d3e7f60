import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batchDraws } from './draw-batch';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('batchDraws', () => {
  it('draws once for every reply that arrives within the wait', () => {
    const draw = vi.fn();
    const batch = batchDraws(globalThis, draw, 100);
    batch.soon();
    vi.advanceTimersByTime(40);
    batch.soon();
    vi.advanceTimersByTime(40);
    batch.soon();
    expect(draw).not.toHaveBeenCalled();
    vi.advanceTimersByTime(20);
    expect(draw).toHaveBeenCalledTimes(1);
    // A later reply is a new batch.
    batch.soon();
    vi.advanceTimersByTime(100);
    expect(draw).toHaveBeenCalledTimes(2);
  });

  it('a draw for another reason settles the pending one', () => {
    const draw = vi.fn();
    const batch = batchDraws(globalThis, draw, 100);
    batch.soon();
    batch.drawn();
    vi.advanceTimersByTime(500);
    expect(draw).not.toHaveBeenCalled();
    batch.drawn(); // nothing pending: nothing to do
    batch.soon();
    vi.advanceTimersByTime(100);
    expect(draw).toHaveBeenCalledTimes(1);
  });
});
