/**
 * Which frame of a tab holds the order list (京东's shell may draw trade-order-jdm.jd.com/orderList
 * in a child frame; the content script runs in every frame). The shell then leaves the list to the
 * frame: it starts no overlay and does not answer 平台打单 tick requests, which reach every frame
 * of the tab and are settled by the FIRST answer, so only the frame with the rows may answer.
 * @module
 */
import { adapterFor } from '../adapters';

/**
 * Whether this document leaves the order list to a child frame: it embeds a frame whose `src` an
 * adapter claims. Reads the frames' `src` only.
 * @example
 * deferToFrame(document); // true on shop.jd.com/jdm/… with <iframe src="…/orderList">
 */
export function deferToFrame(doc: Document): boolean {
  for (const frame of doc.querySelectorAll('iframe[src]')) {
    const src = frame.getAttribute('src') ?? '';
    let url: string;
    try {
      url = new URL(src, doc.baseURI).href;
    } catch {
      continue;
    }
    if (adapterFor(url)) return true;
  }
  return false;
}

/**
 * Whether this frame answers a tick request. Rule: a document that leaves the list to a child
 * frame stays silent; a child frame that is no order list stays silent; the top document answers
 * otherwise (with why not, when it is no order list), so the print page hears from the frame that
 * holds the rows.
 * @example
 * answersTick(shellDocument, 'https://shop.jd.com/jdm/trade/orders/order-list', true); // false with the list in a frame
 */
export function answersTick(doc: Document, url: string, top: boolean): boolean {
  if (deferToFrame(doc)) return false;
  return top || adapterFor(url) !== undefined;
}
