import { describe, expect, it } from 'vitest';
import { divisionTables } from './division-tables.js';
import { DIVISIONS, DIVISIONS_SOURCE, TRADITIONAL } from './divisions-data.js';

describe('divisionTables', () => {
  it('hands out the tables core reads, unchanged', () => {
    const t = divisionTables();
    expect(t).toEqual({ source: DIVISIONS_SOURCE, divisions: DIVISIONS, traditional: TRADITIONAL });
    expect(t.divisions.split('\n')).toHaveLength(34);
    expect(t.traditional.length % 2).toBe(0);
  });
});
