import { describe, expect, it } from 'vitest';
import type { SyncDuplicateNote } from '../../messages/sync';
import { duplicateLine } from './sync-duplicate-line';

const note = (over: Partial<SyncDuplicateNote>): SyncDuplicateNote => ({
  at: 0,
  shop: { platform: 'douyin', shopId: 's1' },
  orderId: '6931000000000001',
  printedBy: '2',
  alsoBy: ['3'],
  here: 'duplicate',
  ...over,
});

describe('duplicateLine', () => {
  it('tells the station that lost that it printed the order too', () => {
    expect(duplicateLine(note({}))).toBe(
      '订单 6931000000000001 已由 2 号工位打印，本工位离线时也打印了：可能重复发货',
    );
    expect(duplicateLine(note({}), 'en')).toBe(
      'Order 6931000000000001 was printed by station 2, and this station printed it too while offline: it may ship twice',
    );
  });

  it('tells the winner and a third station who printed it again; named stations in brackets', () => {
    expect(duplicateLine(note({ here: 'winner', alsoBy: ['3', '前台'] }))).toBe(
      '订单 6931000000000001 由本工位打印，3 号工位、「前台」工位离线时也打印了：可能重复发货',
    );
    expect(duplicateLine(note({ here: 'neither', printedBy: '前台' }))).toBe(
      '订单 6931000000000001 已由「前台」工位打印，3 号工位离线时也打印了：可能重复发货',
    );
  });
});
