import { describe, expect, it } from 'vitest';
import { getLabelTemplate } from '@shipmask/core';
import { LABEL_SIZES, printRoute, wherePlatformPrints } from './routes';

describe('supplier print routes', () => {
  it('routes platform-dropship orders to the platform, the rest to the label', () => {
    const o = { orderId: '1', items: [{ name: '杯', quantity: 1 }], receiver: {} };
    expect(printRoute(o)).toBe('label');
    expect(printRoute({ ...o, route: 'platform-dropship' })).toBe('platform');
  });

  it('names where each platform prints, and offers core label sizes only', () => {
    expect(wherePlatformPrints('douyin', 'zh')).toContain('厂商代发');
    expect(wherePlatformPrints('wechat', 'zh')).toContain('代发管理');
    expect(wherePlatformPrints('jd', 'en')).toContain('打单');
    for (const id of LABEL_SIZES) expect(getLabelTemplate(id)?.id).toBe(id);
  });
});
