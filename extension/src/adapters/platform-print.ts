/**
 * 平台打单 on the platform's own order list (issue 16): tick exactly the rows of the orders the
 * print page routed to the platform's own print, and point at the page's 批量打印 control. The
 * platform's print holds the signed print data shipmask has not got; shipmask only selects rows
 * (clicks on the row checkboxes, as the merchant would, so the page's own state follows) and
 * never clicks the print control itself: the merchant's click starts the print.
 * @module
 */
import { readOrderId } from './read';
import { findRoots } from './roots';
import { queryAllFirst, queryFirst, rowScope } from './select';
import type { SiteAdapter } from './types';
import type { TickResult } from '../messages/print';

/**
 * Tick the rows of `orderIds` (and untick every other ticked row) in `doc` through the adapter's
 * row checkbox, then scroll the page's print control into view and focus it. Rule: only
 * checkboxes are clicked; a row without a checkbox counts as missing. Rows, checkboxes and the
 * control are looked for in the document and its open shadow roots (微信小店 draws its list in
 * the micro-app's), a table order's checkbox in any of its rows. Pure DOM, no messaging.
 * @example
 * tickRows(document, douyin, ['6920…']); // { ticked: ['6920…'], missing: [], unticked: 0, entry: '批量打印' }
 */
export function tickRows(doc: Document, adapter: SiteAdapter, orderIds: readonly string[]): TickResult {
  const spec = adapter.platformPrint;
  const wanted = new Set(orderIds);
  if (!spec) return { ticked: [], missing: [...wanted], unticked: 0, entry: null };
  const ticked: string[] = [];
  let unticked = 0;
  const roots = findRoots(doc);
  for (const row of queryAllFirst(roots, adapter.row)) {
    const box = queryFirst(
      rowScope(row, adapter.rowGroup, adapter.row),
      spec.select,
    ) as HTMLInputElement | null;
    if (!box || box.disabled) continue;
    const id = readOrderId(row, adapter);
    const want = id !== undefined && wanted.has(id);
    if (box.checked !== want) {
      box.click();
      if (!want) unticked++;
    }
    if (want && box.checked && !ticked.includes(id)) ticked.push(id);
  }
  const missing = [...wanted].filter((id) => !ticked.includes(id));
  const entry = queryFirst(roots, spec.entry) as HTMLElement | null;
  if (entry && ticked.length > 0) {
    entry.scrollIntoView?.({ block: 'center' });
    entry.focus?.();
  }
  return { ticked, missing, unticked, entry: entry ? (entry.textContent ?? '').trim().slice(0, 40) : null };
}
