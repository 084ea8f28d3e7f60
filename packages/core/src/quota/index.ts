/** @module */
export type * from './rule.js';
