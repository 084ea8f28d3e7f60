/**
 * The quota rule in force for a shop: the platform's default (`getPlatform(id).quota[0]`)
 * overridden by the shop's settings. Every number is a setting (DOMAIN.md: open questions become
 * settings with the stated default).
 * @module
 */
import {
  DAY_MS,
  getPlatform,
  startOfChinaDay,
  startOfChinaMonth,
  type Instant,
  type PlatformId,
  type QuotaRule,
} from '@shipmask/core';
import type { ShopRef } from '../../messages/shared';
import type { SettingsView, ShopSettings } from '../../messages/shops';
import { DEFAULT_RETENTION_DAYS } from '../../storage';

/**
 * The effective rule. Overrides apply to the default's own numbers; a setting that names another
 * kind of rule switches to it: `allowance` on a ratio platform makes a fixed monthly allowance,
 * `packSize` makes a prepaid pack. Undefined when the platform has no quota rule.
 * @example
 * effectiveRule('wechat', { platform: 'wechat', quota: { allowance: 600 } }); // fixed, 600 a month
 */
export function effectiveRule(platform: PlatformId, settings?: ShopSettings): QuotaRule | undefined {
  const base = getPlatform(settings?.platform ?? platform)?.quota[0];
  if (!base) return undefined;
  const q = settings?.quota;
  if (!q) return base;
  const common = {
    ...(q.warnAt !== undefined ? { warnAt: q.warnAt } : {}),
    ...(q.recountSameOrder !== undefined ? { recountSameOrder: q.recountSameOrder } : {}),
  };
  if (q.packSize !== undefined && (base.kind === 'pack' || q.allowance === undefined)) {
    return base.kind === 'pack'
      ? { ...base, initial: q.packSize, ...common }
      : {
          kind: 'pack',
          id: `${base.id}-pack`,
          initial: q.packSize,
          recountSameOrder: true,
          warnAt: 0.8,
          ...common,
        };
  }
  if (q.allowance !== undefined) {
    return base.kind === 'fixed'
      ? { ...base, allowance: q.allowance, ...common }
      : {
          kind: 'fixed',
          id: `${base.id}-fixed`,
          allowance: q.allowance,
          period: 'month',
          recountSameOrder: true,
          warnAt: 0.8,
          ...common,
        };
  }
  if (q.ratio !== undefined && base.kind === 'ratio') return { ...base, ratio: q.ratio, ...common };
  return { ...base, ...common };
}

/**
 * The settings view for the popup: stored settings (or defaults) and the platform's defaults.
 * @example
 * settingsView({ platform: 'wechat', shopId: 'demo' }, undefined).defaults.allowance; // 500
 */
export function settingsView(shop: ShopRef, stored: ShopSettings | undefined): SettingsView {
  const base = getPlatform(stored?.platform ?? shop.platform)?.quota[0];
  const defaults: SettingsView['defaults'] = {
    quotaKind: base?.kind ?? null,
    ...(base?.kind === 'ratio' ? { ratio: base.ratio } : {}),
    ...(base?.kind === 'fixed' ? { allowance: base.allowance } : {}),
    ...(base?.kind === 'pack' ? { packSize: base.initial } : {}),
    ...(base ? { warnAt: base.warnAt, recountSameOrder: base.recountSameOrder } : {}),
    retentionDays: DEFAULT_RETENTION_DAYS,
    language: 'zh',
  };
  return {
    settings: stored ?? { platform: shop.platform, retentionDays: DEFAULT_RETENTION_DAYS, language: 'zh' },
    saved: stored !== undefined,
    defaults,
  };
}

/**
 * Where a ledger replay may start for `rule` at `now`: the start of the previous China month
 * (status reads the current period, and the burn rate the trailing `burnWindowDays`, default 7),
 * earlier if the burn window reaches further; null (all events) for packs and `period: 'none'`.
 * @example
 * replayFrom(wechatQuotaRule, Date.UTC(2026, 10, 15)); // 2026-10-01 00:00 China time
 */
export function replayFrom(rule: QuotaRule | undefined, now: Instant): Instant | null {
  if (!rule || rule.kind === 'pack' || rule.period === 'none') return null;
  const previousMonth = startOfChinaMonth(startOfChinaMonth(now) - 1);
  const burnWindow = startOfChinaDay(now) - ((rule.burnWindowDays ?? 7) - 1) * DAY_MS;
  return Math.min(previousMonth, burnWindow);
}
