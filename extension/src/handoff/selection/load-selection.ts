/**
 * Loading the selection named by the page URL: the overlay's stored selection
 * (`selection/get`) or a shop and order ids (`handoff/orders`).
 * @module
 */
import { send } from '../../client';
import { selectionOf, type SelectionAction } from './selection-state';

/**
 * Ask the background for the selection and dispatch it; a refusal is reported, the page then
 * shows the batches only.
 * @example
 * await loadSelection(location.search, selDispatch, setError);
 */
export async function loadSelection(
  search: string,
  dispatch: (a: SelectionAction) => void,
  onError: (message: string) => void,
): Promise<void> {
  const source = selectionOf(search);
  if (source.sel) {
    const r = await send({ type: 'selection/get', selectionId: source.sel });
    if (!r.ok) return onError(r.error.message);
    dispatch({ type: 'shop', shop: r.value.shop });
    dispatch({ type: 'loaded', orders: r.value.orders, missing: r.value.missing });
  } else if (source.shop && source.orderIds) {
    dispatch({ type: 'shop', shop: source.shop });
    const r = await send({ type: 'handoff/orders', shop: source.shop, orderIds: source.orderIds });
    if (!r.ok) return onError(r.error.message);
    dispatch({ type: 'loaded', orders: r.value.orders, missing: r.value.missing });
  }
}
