/**
 * One memo of masked addresses for every reader of a row: the receiver-cell split (does a line
 * start with a region?), the row read (the address's mask) and the gate's fingerprint (its form)
 * each asked core to parse the same address, twice per row on a page load. Already-masked
 * addresses only (masked-memo.ts): a revealed, plaintext one is parsed each time and kept nowhere.
 * @module
 */
import { classifyField, maskAddress } from '@shipmask/core';
import { maskedMemo } from './masked-memo';

/**
 * `maskAddress` with the address's form (`classifyField(text, 'address')`), remembered for
 * already-masked addresses.
 * @example
 * maskAddressOnce('广东省广州市天河区****').region.city; // '广州市'
 */
export const maskAddressOnce = maskedMemo((text: string) => ({
  ...maskAddress(text),
  form: classifyField(text, 'address').form,
}));
