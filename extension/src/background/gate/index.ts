/**
 * What the exception gate offers the other background features: print, hand-off and orders ask
 * the gate service, print and hand-off validate overrides with the gate's checker, and sync
 * replicates the gate's store. Everything else in gate/ is the gate's own.
 * @module
 */
export type { GateService } from './service';
export { gateOverrides } from './validate';
export { GateStore } from './store';
