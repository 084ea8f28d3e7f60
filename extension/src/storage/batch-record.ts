/**
 * The record of one hand-off batch as the `batches` store keeps it. Storage owns the shape of what
 * it persists; the hand-off service (background/handoff/batch.ts) holds the rules over it.
 *
 * Invariant 1: `orders` are the orders as sealed (masked; core's `checkBatch` passed them); `keep`
 * opens this batch's link and return codes only. The link itself is never stored.
 * @module
 */
import type { BatchKeyMaterial, HandoffOrder, Instant, PlatformId, StoredReturnResult } from '@shipmask/core';
import type { BatchGroup, HandoffSupplier } from '../messages/handoff';

/** A stored result: the supplier's result and the instant its return code was sealed. */
export type StoredResult = StoredReturnResult;

/**
 * One batch as stored. `orders` are the orders as sealed (masked; core's `checkBatch` passed
 * them); `keep` opens this batch's return codes. The link is never stored.
 */
export interface BatchRecord {
  readonly id: string;
  readonly platform: PlatformId;
  readonly shopId: string;
  readonly createdAt: Instant;
  readonly expiresAt: Instant;
  readonly supplier: HandoffSupplier;
  readonly passphrase: boolean;
  readonly orders: readonly HandoffOrder[];
  readonly keep: BatchKeyMaterial;
  /** Latest result per order id. */
  readonly results: Readonly<Record<string, StoredResult>>;
  /** Return codes imported that changed something: when, sealed when, how many changes. */
  readonly imports: readonly { readonly at: Instant; readonly sealedAt: Instant; readonly changed: number }[];
  /** When the merchant revoked the batch locally (issue 17): its return codes are refused. */
  readonly revokedAt?: Instant;
  /** When the merchant first made the bulk-ship file from the results (issue 21). */
  readonly shipFileAt?: Instant;
  /** Its place in a multi-supplier selection (issue 17 item 4). */
  readonly group?: BatchGroup;
}
