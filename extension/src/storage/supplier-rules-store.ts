/**
 * The `supplierRules` store (schema v3, issue 17 item 4): one supplier-per-SKU rule set per shop
 * (platform + shop id), written only by the background. A stored record is read back through
 * core's `checkSupplierRules`, so a record that fails the rule (an older build, a hand edit)
 * reads as an empty rule set instead of reaching the seal.
 * @module
 */
import { checkSupplierRules, type Instant, type SupplierRuleSet } from '@shipmask/core';
import type { ShopRef } from '../messages/shared';
import type { StoredSupplierRules } from './schema';
import type { Store } from './store';

/** A shop's rule set and default supplier as the background uses them. */
export interface ShopSupplierRules {
  readonly rules: SupplierRuleSet;
  /** Default supplier for SKUs no rule names; absent: those orders stay unassigned. */
  readonly fallback?: string;
  /** When the merchant last saved them (absent: never saved). */
  readonly updatedAt?: Instant;
}

/** No rules yet. */
export const EMPTY_SUPPLIER_RULES: ShopSupplierRules = { rules: { version: 1, rules: [] } };

/**
 * The rule set of a shop (empty when none was saved or the stored one fails core's check).
 * @example
 * const { rules, fallback } = await getSupplierRules(store, { platform: 'douyin', shopId: '123' });
 */
export async function getSupplierRules(store: Store, shop: ShopRef): Promise<ShopSupplierRules> {
  const r = await (await store.db()).get('supplierRules', [shop.platform, shop.shopId]);
  if (!r) return EMPTY_SUPPLIER_RULES;
  const checked = checkSupplierRules(r.rules);
  if (!checked.ok) return EMPTY_SUPPLIER_RULES;
  const fallback = typeof r.fallback === 'string' ? r.fallback.trim() : '';
  return {
    rules: checked.value,
    ...(fallback !== '' ? { fallback } : {}),
    updatedAt: r.updatedAt,
  };
}

/**
 * Save a shop's rule set (already checked by the validator) in one write, and announce it to the
 * sync outbox unless `quiet` (a rule set pulled from another station).
 * @example
 * await setSupplierRules(store, shop, { version: 1, rules: [{ sku: 'SM-001-A', supplier: '义乌杯厂' }] }, '自营仓', Date.now());
 */
export async function setSupplierRules(
  store: Store,
  shop: ShopRef,
  rules: SupplierRuleSet,
  fallback: string | undefined,
  now: Instant,
  options: { readonly quiet?: boolean } = {},
): Promise<void> {
  const record: StoredSupplierRules = {
    platform: shop.platform,
    shopId: shop.shopId,
    rules: { version: 1, rules: rules.rules.map((r) => ({ ...r })) },
    ...(fallback ? { fallback } : {}),
    updatedAt: now,
  };
  await (await store.db()).put('supplierRules', record);
  if (!options.quiet)
    store.writes.emit({
      kind: 'supplierRules',
      shop: { platform: shop.platform, shopId: shop.shopId },
      rules: record.rules,
      ...(fallback ? { fallback } : {}),
      at: now,
    });
}
