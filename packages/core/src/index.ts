/**
 * @shipmask/core: the rules for shipping when Chinese shop platforms hide the buyer.
 * Pure and deterministic: no DOM, no browser or Node APIs beyond WebCrypto and TextEncoder;
 * time, randomness and keys are arguments.
 * @module
 */
export type * from './types.js';
export * from './time/china-time.js';
export * from './platform/index.js';
export * from './classify/index.js';
export * from './mask/index.js';
export * from './virtual/index.js';
export * from './quota/index.js';
export * from './waybill/index.js';
export * from './print/index.js';
export * from './handoff/index.js';
export * from './files/index.js';
export * from './gate/index.js';
export * from './deadline/index.js';
export * from './merge/index.js';
export * from './picking/index.js';
export * from './sync/index.js';
