/**
 * Validators of the reveal-quota messages (messages/quota.ts), in the style of validate.ts: every
 * field type-checked and bounded, each request rebuilt from known fields only.
 * @module
 */
import type { FieldKind } from '@shipmask/core';
import type { PageRequest } from '../../messages/index';
import type { QuotaContentRequest, QuotaPageRequest } from '../../messages/quota';
import type { RecordKit } from '../shared/validate-kit';

/** Quota request types: clicks, counter and meter come from content scripts; the daily chart from pages. */
export const quotaRequestTypes = {
  'reveal/recorded': 'content',
  'counter/observed': 'content',
  'quota/status': 'content',
  'reveals/daily': 'page',
} as const satisfies Record<(QuotaContentRequest | QuotaPageRequest)['type'], 'content' | 'page'>;

export type QuotaRequestType = keyof typeof quotaRequestTypes;

/** Whether `type` is a quota request type. */
export function isQuotaType(type: string): type is QuotaRequestType {
  return Object.prototype.hasOwnProperty.call(quotaRequestTypes, type);
}

/**
 * Bounds. Ledger event ids are at most 200 characters (core `checkQuotaEvent`): `c:` + a click
 * id fits; the chart covers at most a year.
 */
export const QUOTA_LIMITS = { clickId: 128, days: 366 } as const;

const FIELDS: readonly (FieldKind | 'all')[] = ['phone', 'name', 'address', 'text', 'all'];

/**
 * Rebuild one quota request (throws through `kit.fail` on bad input).
 * @example
 * quotaRequest({ type: 'reveals/daily', shop, days: 30 }, 'reveals/daily', kit); // { type, shop, days: 30 }
 */
export function quotaRequest(o: Record<string, unknown>, type: QuotaRequestType, k: RecordKit): PageRequest {
  switch (type) {
    case 'reveal/recorded':
      return {
        type,
        shop: k.shopRef(o.shop, 'shop'),
        orderId: k.id(o.orderId, 'orderId'),
        field: k.oneOf(o.field, FIELDS, 'field'),
        at: k.instant(o.at, 'at'),
        clickId: k.str(o.clickId, 'clickId', QUOTA_LIMITS.clickId, 1),
      };
    case 'counter/observed':
      return {
        type,
        shop: k.shopRef(o.shop, 'shop'),
        remaining: k.num(o.remaining, 'remaining', 0, 1e9, true),
        at: k.instant(o.at, 'at'),
      };
    case 'quota/status':
      return { type, shop: k.shopRef(o.shop, 'shop') };
    case 'reveals/daily':
      return {
        type,
        shop: k.shopRef(o.shop, 'shop'),
        days: k.num(o.days, 'days', 1, QUOTA_LIMITS.days, true),
      };
  }
}
