/** @module */
export type * from './rule.js';
export * from './default-rules.js';
