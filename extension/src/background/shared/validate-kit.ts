/**
 * The field checkers validate.ts hands each feature's validator (orders, quota, shops, print,
 * gate): one failure path (`fail` throws, the router replies `invalid-message`), every field
 * type-checked and bounded, values rebuilt from known fields only.
 * @module
 */
import type { PlatformId } from '@shipmask/core';
import type { ShopRef } from '../../messages/shared';

/** The kit's default bounds: an id is 1–200 characters, any other string at most 2,000. */
export const KIT_LIMITS = { id: 200, text: 2000 } as const;

/** The platforms a request may name. */
export const PLATFORMS: readonly PlatformId[] = ['douyin', 'wechat', 'jd'];

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

/** The kit with what a rebuilt record needs too (orders, quota, shops): instants, booleans, optional fields. */
export interface RecordKit extends ValidateKit {
  /** An instant: epoch ms between 2000 and 2100 (a property: passed on as a checker). */
  readonly instant: (v: unknown, path: string) => number;
  readonly bool: (v: unknown, path: string) => boolean;
  /** `{ [key]: check(src[key]) }` when `src[key]` is present (undefined counts as absent), else `{}`. */
  opt<T>(
    src: Record<string, unknown>,
    key: string,
    path: string,
    check: (v: unknown, p: string) => T,
  ): {
    [k: string]: T;
  };
}
