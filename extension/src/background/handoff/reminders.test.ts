import { describe, expect, it } from 'vitest';
import { DAY_MS } from '@shipmask/core';
import type { BatchRecord } from '../../storage/batch-record';
import { dueReminders, REMINDER_WINDOW_MS } from './reminders';

const NOW = Date.UTC(2026, 10, 23, 2);
const order = (orderId: string) => ({ orderId, items: [{ name: '杯', quantity: 1 }], receiver: {} });

function record(id: string, expiresAt: number, patch: Partial<BatchRecord> = {}): BatchRecord {
  return {
    id,
    platform: 'wechat',
    shopId: 's',
    createdAt: NOW - DAY_MS,
    expiresAt,
    supplier: { name: '义乌杯厂' },
    passphrase: false,
    orders: [order('1'), order('2')],
    keep: { batchId: id, key: 'k', expiresAt, orderIds: ['1', '2'] },
    results: {},
    imports: [],
    ...patch,
  };
}

describe('dueReminders', () => {
  it('lists batches expiring within two days with orders not returned, soonest first', () => {
    const shipped = {
      result: { orderId: '1', status: 'shipped' as const, carrier: 'ZTO', waybill: 'ZT1234567890' },
      sealedAt: NOW,
    };
    const due = dueReminders(
      [
        record('late', NOW + REMINDER_WINDOW_MS + 1),
        record('b', NOW + DAY_MS, { results: { '1': shipped } }),
        record('a', NOW + 3600_000),
        record('expired', NOW),
        record('revoked', NOW + 3600_000, { revokedAt: NOW - 1 }),
        record('done', NOW + 3600_000, {
          results: { '1': shipped, '2': { ...shipped, result: { ...shipped.result, orderId: '2' } } },
        }),
      ],
      NOW,
    );
    expect(due.map((r) => [r.batchId, r.pending])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(due[0]).toMatchObject({
      shop: { platform: 'wechat', shopId: 's' },
      supplier: { name: '义乌杯厂' },
    });
  });
});
