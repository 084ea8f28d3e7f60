import { carrierNames, shipCarrierNames } from '@shipmask/core';
import { describe, expect, it } from 'vitest';
import { carrierNamesFor } from './carrier-names';

describe('carrierNamesFor', () => {
  it("English: core's English names; Chinese: the platform's names; no batch: none", () => {
    expect(carrierNamesFor('en', 'wechat').ZTO).toBe(carrierNames.ZTO.en);
    expect(carrierNamesFor('zh', 'wechat')).toBe(shipCarrierNames.wechat);
    expect(carrierNamesFor('zh', undefined)).toEqual({});
  });
});
