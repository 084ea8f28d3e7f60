/**
 * Messages of shops, their settings and the UI language: what the popup edits and the panel
 * reads. A shop is whatever a content script reported (`orders/seen`); settings are the
 * merchant's own data, never a buyer's.
 * @module
 */
import type { Instant, PlatformId } from '@shipmask/core';
import type { ShopRef } from './shared';

/** Shop requests a content script may send (the panel toggles the language). */
export type ShopsContentRequest =
  /** The one language of every shipmask page (issue 21 item 9); the panel toggles it too. */
  { readonly type: 'ui/language' } | { readonly type: 'ui/language/set'; readonly language: 'zh' | 'en' };

/** Shop requests of the popup and extension pages. */
export type ShopsPageRequest =
  | { readonly type: 'settings/get'; readonly shop: ShopRef }
  | { readonly type: 'settings/set'; readonly shop: ShopRef; readonly settings: ShopSettings }
  | { readonly type: 'shops/list' }
  /** The shop a content script last reported from this tab (popup: "the active tab's shop"). */
  | { readonly type: 'shops/active'; readonly tabId: number };

/** Per-shop settings (popup). Every quota number is a setting; defaults come from the platform. */
export interface ShopSettings {
  readonly platform: PlatformId;
  /** Display name of the shop. */
  readonly shopName?: string;
  /** Override of the platform's default quota rule numbers. */
  readonly quota?: {
    readonly ratio?: number;
    readonly allowance?: number;
    readonly packSize?: number;
    readonly warnAt?: number;
    readonly recountSameOrder?: boolean;
  };
  /** The merchant's sender block for labels (the merchant's own data, not a buyer's). */
  readonly sender?: { readonly name: string; readonly phone: string; readonly address: string };
  readonly defaultCarrier?: string;
  readonly labelSize?: '76x130' | '100x150' | '100x180';
  /** Days after completion before an order is purged (default 90). */
  readonly retentionDays?: number;
  readonly language?: 'zh' | 'en';
}

/** Reply of `settings/get` and `settings/set`: the stored settings and the platform defaults. */
export interface SettingsView {
  /** Stored settings, or the defaults when none were saved (`saved: false`). */
  readonly settings: ShopSettings;
  readonly saved: boolean;
  /** The platform's defaults, for placeholders. */
  readonly defaults: {
    readonly quotaKind: 'ratio' | 'fixed' | 'pack' | null;
    readonly ratio?: number;
    readonly allowance?: number;
    readonly packSize?: number;
    readonly warnAt?: number;
    readonly recountSameOrder?: boolean;
    readonly retentionDays: number;
    readonly language: 'zh' | 'en';
  };
}

/** One shop in `shops/list`. */
export interface ShopSummary extends ShopRef {
  readonly shopName?: string;
  readonly lastSeenAt: Instant;
}

/** Reply values of the shop requests. */
export interface ShopsReplyValues {
  'ui/language': 'zh' | 'en';
  'ui/language/set': 'zh' | 'en';
  'settings/get': SettingsView;
  'settings/set': SettingsView;
  'shops/list': readonly ShopSummary[];
  'shops/active': ShopRef | null;
}
