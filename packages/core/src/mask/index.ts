/**
 * Masking: phones (3 + 4), names (surname + `*`), addresses (province / city / district +
 * `****`) and free text. Every mask is idempotent and total; `.value` is always safe to store.
 * The GB/T 2260 division table is reachable only from `maskAddress`.
 * @module
 */
export { FIXED_MASK, type Masked } from './types.js';
export { maskPhone } from './mask-phone.js';
export { maskName, NAME_MASK } from './mask-name.js';
export { COMPOUND_SURNAMES } from './compound-surnames.js';
export { maskAddress, type MaskedAddress, type AddressRegion } from './mask-address.js';
export { divisionTables, type DivisionTables } from './division-tables.js';
export {
  maskText,
  maskMobilesIn,
  type MaskedText,
  type TextFinding,
  type TextFindingKind,
} from './mask-text.js';
