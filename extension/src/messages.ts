// compatibility re-export; import from messages/<feature> instead; drop when no importer is left
// (the print, supplier, hand-off and popup pages still import this path).
export type * from './messages/shared';
export type * from './messages/shops';
export type * from './messages/orders';
export type * from './messages/quota';
export type * from './messages/print';
export type * from './messages/index';
