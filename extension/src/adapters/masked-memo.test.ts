import { maskAddress, maskName, maskText, type Masked } from '@shipmask/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanTextMemo, maskedMemo } from './masked-memo';

/** A mask that counts its calls. */
function counting<M extends Masked>(mask: (v: string) => M) {
  const calls: string[] = [];
  return { calls, mask: (v: string) => (calls.push(v), mask(v)) };
}

describe('maskedMemo', () => {
  it('masks an already-masked value once', () => {
    const c = counting(maskAddress);
    const memo = maskedMemo(c.mask);
    expect(memo('重庆市渝北区****')).toEqual(maskAddress('重庆市渝北区****'));
    expect(memo('重庆市渝北区****')).toBe(memo('重庆市渝北区****'));
    expect(c.calls).toEqual(['重庆市渝北区****']);
  });

  it('never remembers plaintext or invalid input (invariant 1)', () => {
    const c = counting(maskName);
    const memo = maskedMemo(c.mask);
    memo('何雨桐');
    memo('何雨桐');
    expect(c.calls).toEqual(['何雨桐', '何雨桐']);
  });

  it('returns what the mask returns, for any input (property)', () => {
    const memo = maskedMemo(maskAddress);
    const input = fc.oneof(
      fc.string(),
      fc.constantFrom('广东省深圳市南山区****', '北京市朝阳区建国路1号', '', '  ', '#ML3B#0BB1W4Xn5A=#1##'),
    );
    fc.assert(
      fc.property(fc.array(input, { maxLength: 20 }), (values) => {
        for (const v of values) expect(memo(v)).toEqual(maskAddress(v));
      }),
    );
  });

  it('starts over when full instead of growing', () => {
    const c = counting(maskName);
    const memo = maskedMemo(c.mask);
    // 5,000 distinct masked names (`一*`, `丁*`, …): one more than fits starts the memo over.
    const names = Array.from({ length: 5000 }, (_, i) => `${String.fromCharCode(0x4e00 + i)}*`);
    for (const n of names) expect(memo(n).form).toBe('masked');
    c.calls.length = 0;
    memo(names[0]!); // gone: the memo started over at the 4,097th
    memo(names[4999]!); // kept: remembered after the restart
    expect(c.calls).toEqual([names[0]]);
  });
});

describe('cleanTextMemo', () => {
  it('remembers only text the mask left alone (invariant 1)', () => {
    const calls: string[] = [];
    const free = cleanTextMemo((t) => (calls.push(t), maskText(t).value));
    expect(free('保温杯 500ml')).toBe('保温杯 500ml');
    expect(free('保温杯 500ml')).toBe('保温杯 500ml');
    expect(free('电话13476567876')).not.toContain('13476567876');
    expect(free('电话13476567876')).not.toContain('13476567876');
    expect(calls).toEqual(['保温杯 500ml', '电话13476567876', '电话13476567876']);
  });
});
