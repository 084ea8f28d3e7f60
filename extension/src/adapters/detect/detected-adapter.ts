import type { SiteAdapter } from '../types';
import type { DetectedLayout } from './infer';

/**
 * The site adapter that reads a page through an inferred (or taught) layout: the platform's own
 * adapter for everything the layout does not say (statuses, reveal control, counter, shop), the
 * layout's list, row and fields instead of the adapter's. Items are not detected: an order
 * selected on such a page carries no item lines.
 * Rule (issue 15, item 4): the layout is data; reading it is `readRow`, as for a built-in adapter.
 * @example
 * readRow(found.element, detectedAdapter(douyin, layout), shopId, Date.now(), false, found.blocks);
 */
export function detectedAdapter(base: SiteAdapter, layout: DetectedLayout): SiteAdapter {
  const { items: _items, quantities: _quantities, rowGroup: _rowGroup, fields: _fields, ...rest } = base;
  return {
    ...rest,
    list: layout.list,
    row: layout.row,
    fields: layout.fields,
  };
}
