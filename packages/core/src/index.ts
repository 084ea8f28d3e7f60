/**
 * @shipmask/core: the rules for shipping when Chinese shop platforms hide the buyer.
 * Pure and deterministic: no DOM, no browser or Node APIs beyond WebCrypto and TextEncoder;
 * time, randomness and keys are arguments.
 * @module
 */
export type * from './types.js';
export type * from './quota/rule.js';
export * from './time/china-time.js';
