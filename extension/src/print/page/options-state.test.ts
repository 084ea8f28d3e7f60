import { describe, expect, it } from 'vitest';
import { optionsFromSettings } from './options-state';

const sender = { name: '店', phone: '0571-1', address: '杭州' };

describe('optionsFromSettings', () => {
  it('before a job: sender, size and the saved carrier apply', () => {
    expect(
      optionsFromSettings({ sender, labelSize: '100x150', defaultCarrier: 'SF' }, 'douyin', false),
    ).toEqual({
      sender,
      size: '100x150',
      carrier: 'SF',
    });
  });
  it('京东 ships with 京东快递 unless the shop set another; other platforms have no default', () => {
    expect(optionsFromSettings({}, 'jd', false)).toEqual({ carrier: 'JD' });
    expect(optionsFromSettings({ defaultCarrier: 'ZTO' }, 'jd', false)).toEqual({ carrier: 'ZTO' });
    expect(optionsFromSettings({}, 'wechat', false)).toEqual({});
  });
  it('a saved carrier shipmask does not print is ignored (then the platform default)', () => {
    expect(optionsFromSettings({ defaultCarrier: 'NOPE' }, 'jd', false)).toEqual({ carrier: 'JD' });
    expect(optionsFromSettings({ defaultCarrier: 'NOPE' }, 'douyin', false)).toEqual({});
  });
  it('a loaded job keeps its carrier and size; the sender still applies', () => {
    expect(optionsFromSettings({ sender, labelSize: '100x150', defaultCarrier: 'SF' }, 'jd', true)).toEqual({
      sender,
    });
  });
});
