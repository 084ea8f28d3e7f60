import { isExemptCategory, virtualNumberValidity, type OrderView } from '@shipmask/core';
import type { Badge } from '../ui/badge';
import type { Strings } from '../ui/i18n';

const HOUR = 3_600_000;

function span(ms: number, t: Strings): string {
  return ms >= 48 * HOUR ? t.days(Math.floor(ms / (24 * HOUR))) : t.hours(Math.max(0, Math.ceil(ms / HOUR)));
}

/**
 * The badges a row gets: what form the receiver takes (ciphertext / virtual number with its
 * validity countdown / masked), exempt categories, a malformed phone ("no virtual number") and an
 * empty address. Rules: an order of an exempt category (DOMAIN.md: the platform shows it in the
 * clear) is badged 无需脱敏, never 脱敏; an order of another category whose page shows no address
 * (and no address ciphertext) is badged 无地址.
 * @example
 * badgesFor(order, false, Date.now(), strings('zh')).map((b) => b.label); // ['虚拟号 转3639']
 */
export function badgesFor(order: OrderView, revealed: boolean, now: number, t: Strings): Badge[] {
  const badges: Badge[] = [];
  const r = order.receiver;
  const exempt = order.category !== undefined && isExemptCategory(order.platform, order.category);
  if (exempt) badges.push({ kind: 'exempt', label: t.exempt, title: t.exemptLong(order.category ?? '') });
  else if (!r.address && !r.cipher?.address)
    badges.push({ kind: 'noaddress', label: t.noAddress, title: t.noAddressLong });
  if (r.phoneInvalid) badges.push({ kind: 'invalid', label: t.invalidPhone, title: t.invalidPhoneLong });
  if (r.cipher) badges.push({ kind: 'cipher', label: t.cipher });
  if (r.virtual) {
    const v = virtualNumberValidity(order.platform, order, now);
    if (v.state === 'valid' && v.validUntil !== undefined) {
      badges.push({
        kind: 'virtual',
        label: `${t.virtual} 转${r.virtual.ext}`,
        title: t.validFor(span(v.validUntil - now, t)),
      });
    } else if (v.state === 'valid') {
      badges.push({ kind: 'virtual', label: `${t.virtual} 转${r.virtual.ext}` });
    } else if (v.state === 'expired' || v.state === 'reobtainable') {
      badges.push({
        kind: 'expired',
        label: t.expired,
        title: v.state === 'reobtainable' ? t.renewable : undefined,
      });
    } else {
      badges.push({ kind: 'virtual', label: `${t.virtual} 转${r.virtual.ext}`, title: v.reason });
    }
  }
  if (!exempt && !r.cipher && !r.virtual && (r.phone || r.name || r.address))
    badges.push({ kind: 'masked', label: t.masked });
  // Exempt categories are shown in the clear by the platform itself: not a decrypt.
  if (revealed && !exempt) badges.push({ kind: 'revealed', label: t.revealed });
  // Issue 17: already with a supplier through the platform's own drop-ship.
  if (order.platformDropship)
    badges.push({ kind: 'dropship', label: t.platformDropship, title: t.platformDropshipLong });
  return badges;
}
