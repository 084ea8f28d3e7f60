// The contract other code relies on (extension storage checks, hand-off gate): whatever a mask
// returns classifies as safe to store, and masking twice finds nothing new.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyField } from '../classify/classify-field.js';
import { fuzzText, mobile, RUNS } from '../classify/fuzz.test-helper.js';
import { maskAddress } from './mask-address.js';
import { maskName } from './mask-name.js';
import { maskPhone } from './mask-phone.js';
import { maskText } from './mask-text.js';

const realistic = fc.oneof(
  fuzzText,
  mobile,
  fc.constantFrom(
    '13440963639',
    '+86 134 4096 3639',
    '020-87654321',
    '13240968483-9647',
    '1344096363',
    '张三',
    '欧阳娜娜',
    'John Smith',
    '店小二(转3639)',
    '广东省广州市天河区花城广场888号',
    '广东省广州市天河区',
    '北京',
    '花城广场888号',
    '#ML3B#0BB1W4Xn5AbCdEfGh1234=#1##',
    '$$9Uq0Xr2bTz1Kc8Yw4Lm7Pn==$1$$',
  ),
);

describe('mask outputs classify as safe to store', () => {
  it('maskPhone → masked / ciphertext / virtual / empty', () => {
    fc.assert(
      fc.property(realistic, (s) => {
        expect(['masked', 'ciphertext', 'virtual', 'empty']).toContain(
          classifyField(maskPhone(s).value, 'phone').form,
        );
      }),
      RUNS,
    );
  });
  it('maskName → masked / ciphertext / empty', () => {
    fc.assert(
      fc.property(realistic, (s) => {
        expect(['masked', 'ciphertext', 'empty']).toContain(classifyField(maskName(s).value, 'name').form);
      }),
      RUNS,
    );
  });
  it('maskAddress → masked / ciphertext / empty', () => {
    fc.assert(
      fc.property(realistic, (s) => {
        expect(['masked', 'ciphertext', 'empty']).toContain(
          classifyField(maskAddress(s).value, 'address').form,
        );
      }),
      RUNS,
    );
  });
  it('maskText leaves no mobile, landline or ID number to find', () => {
    fc.assert(
      fc.property(realistic, realistic, (a, b) => {
        const kinds = maskText(maskText(`${a} ${b}`).value).found.map((f) => f.kind);
        expect(kinds.filter((k) => k !== 'virtual' && k !== 'extension')).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('a mask reports the same form of its input as classifyField', () => {
  // Callers that mask anyway (the page reader) take `form` from the mask and skip classifyField.
  // Not for addresses: classifyField calls text that is no address at all `invalid`, maskAddress
  // calls it `plain` (and masks it whole).
  it.each([
    ['phone', maskPhone],
    ['name', maskName],
  ] as const)('%s', (kind, mask) => {
    fc.assert(
      fc.property(realistic, (s) => {
        expect(mask(s).form).toBe(classifyField(s, kind).form);
      }),
      RUNS,
    );
  });
});
