/**
 * The field checkers validate.ts hands each feature's validator (print, gate): one failure path
 * (`fail` throws, the router replies `invalid-message`), every field type-checked and bounded.
 * @module
 */
import type { ShopRef } from '../../messages/shared';

/** The validate.ts helpers a feature validator uses. */
export interface ValidateKit {
  fail(path: string, what: string): never;
  obj(v: unknown, path: string): Record<string, unknown>;
  str(v: unknown, path: string, max?: number, min?: number): string;
  id(v: unknown, path: string): string;
  num(v: unknown, path: string, min?: number, max?: number, integer?: boolean): number;
  oneOf<T extends string>(v: unknown, options: readonly T[], path: string): T;
  shopRef(v: unknown, path: string): ShopRef;
}
