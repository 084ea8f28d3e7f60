/**
 * The words for an order printed on two stations (issue 22, deliver 4), as plain text the popup
 * renders with Preact (never markup). The station that lost the claim is told in so many words that
 * it printed the order too, and that two parcels may have gone out; the winner and any third
 * station are told which station printed it and which printed it again.
 * @module
 */
import type { SyncDuplicateNote } from '../../messages/sync';

const numbered = (label: string): boolean => /^[0-9]{1,4}$/u.test(label);
const zhStation = (label: string): string => (numbered(label) ? `${label} 号工位` : `「${label}」工位`);
/** `已由 2 号工位` / `已由「前台」工位`, as core's claim notice spaces them. */
const zhBy = (label: string): string => (numbered(label) ? `已由 ${label} 号工位` : `已由「${label}」工位`);
const enStation = (label: string): string => (numbered(label) ? `station ${label}` : `“${label}”`);

/**
 * The line for one duplicate print.
 * @example
 * duplicateLine({ orderId: '3718…', printedBy: '2', alsoBy: ['3'], here: 'duplicate', … }, 'zh');
 * // '订单 3718… 已由 2 号工位打印，本工位离线时也打印了：可能重复发货'
 */
export function duplicateLine(note: SyncDuplicateNote, lang: 'zh' | 'en' = 'zh'): string {
  if (lang === 'zh') {
    const others = note.alsoBy.map(zhStation).join('、');
    if (note.here === 'duplicate')
      return `订单 ${note.orderId} ${zhBy(note.printedBy)}打印，本工位离线时也打印了：可能重复发货`;
    if (note.here === 'winner')
      return `订单 ${note.orderId} 由本工位打印，${others}离线时也打印了：可能重复发货`;
    return `订单 ${note.orderId} ${zhBy(note.printedBy)}打印，${others}离线时也打印了：可能重复发货`;
  }
  const others = note.alsoBy.map(enStation).join(', ');
  if (note.here === 'duplicate')
    return `Order ${note.orderId} was printed by ${enStation(note.printedBy)}, and this station printed it too while offline: it may ship twice`;
  if (note.here === 'winner')
    return `Order ${note.orderId} was printed here, and ${others} printed it too while offline: it may ship twice`;
  return `Order ${note.orderId} was printed by ${enStation(note.printedBy)}, and ${others} printed it too while offline: it may ship twice`;
}
