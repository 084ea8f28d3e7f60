/**
 * The result type shared by the masks.
 * @module
 */
import type { FieldForm } from '../types.js';

/**
 * A masked value. `value` is always safe to store, export and show: it never carries more of
 * the input than the masking rule allows, and input that is not recognised gets a fixed mask,
 * never a guess. `form` is what the INPUT was (e.g. `plain` for a real number that was masked,
 * `masked` for an already-masked value, `virtual` for a virtual number left as it is).
 * @example
 * const m: Masked = { value: '132****3639', form: 'plain' };
 */
export interface Masked {
  readonly value: string;
  readonly form: FieldForm;
  /** Why the input was not masked by the normal rule (e.g. `invalid`), in English. */
  readonly reason?: string;
}

/**
 * The fixed mask for input that cannot be recognised: it reveals nothing, not even the length.
 * @example
 * FIXED_MASK; // '****'
 */
export const FIXED_MASK = '****';
