/**
 * Per-shop serialisation of ledger writes. In the extension this is the Web Locks API
 * (`navigator.locks`, available in service workers): one lock name per shop,
 * `shipmask-ledger-<platform>:<shopId>`, so reveals from several tabs of the same shop are
 * appended and replayed one at a time and the count is exact. Where Web Locks are missing (old
 * runtimes) an in-process queue gives the same guarantee inside the one background worker.
 * @module
 */
import type { ShopRef } from '../../messages/shared';

/** The subset of `LockManager` used here. */
export interface Locks {
  request<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** The lock name of a shop's ledger. */
export const ledgerLockName = (shop: ShopRef): string => `shipmask-ledger-${shop.platform}:${shop.shopId}`;

/**
 * An in-process lock manager: callbacks for the same name run one after another, in call order.
 * @example
 * const locks = queueLocks();
 * await locks.request('a', async () => 1); // 1
 */
export function queueLocks(): Locks {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, fn: () => Promise<T>): Promise<T> {
      const prev = tails.get(name) ?? Promise.resolve();
      const run = prev.then(fn, fn);
      const tail = run.catch(() => undefined);
      tails.set(name, tail);
      void tail.then(() => {
        if (tails.get(name) === tail) tails.delete(name);
      });
      return run;
    },
  };
}

/** `navigator.locks` when the runtime has it, else `queueLocks()`. */
export function defaultLocks(): Locks {
  const nav = (globalThis as { navigator?: { locks?: LockManager } }).navigator;
  const lm = nav?.locks;
  if (lm && typeof lm.request === 'function') {
    return { request: <T>(name: string, fn: () => Promise<T>) => lm.request(name, fn) as Promise<T> };
  }
  return queueLocks();
}
