import { describe, expect, it } from 'vitest';
import { pageWords } from '../words';
import { EXPORT_START, exportReducer } from './export-state';

const VN = { main: '13476567876', ext: '3639' };

describe('exportReducer', () => {
  it('an export replaces the last one and says what it added', () => {
    const s = exportReducer(EXPORT_START, {
      type: 'read',
      extras: [
        { orderId: '1', virtual: VN },
        { orderId: '2', cipher: { address: '#x#' } },
        { orderId: '3', virtual: VN },
      ],
      addresses: new Map([['1', '广东省广州市天河区花城广场888号']]),
      lang: 'zh',
    });
    expect(s.extras).toHaveLength(3);
    expect(s.note).toBe(pageWords('zh').extrasRead(3, 1, 2, 1));
    const again = exportReducer(s, { type: 'read', extras: [], addresses: new Map(), lang: 'en' });
    expect(again).toEqual({ extras: [], addresses: new Map(), note: pageWords('en').extrasRead(0, 0, 0, 0) });
  });

  it('sealing drops the addresses from memory and keeps the extras and note', () => {
    const s = exportReducer(EXPORT_START, {
      type: 'read',
      extras: [{ orderId: '1', virtual: VN }],
      addresses: new Map([['1', '广东省广州市天河区花城广场888号']]),
      lang: 'zh',
    });
    const sealed = exportReducer(s, { type: 'sealed' });
    expect(sealed.addresses.size).toBe(0);
    expect(sealed.extras).toBe(s.extras);
    expect(sealed.note).toBe(s.note);
    expect(JSON.stringify([...sealed.addresses])).not.toContain('花城广场');
    expect(exportReducer(EXPORT_START, { type: 'sealed' })).toBe(EXPORT_START);
  });
});
