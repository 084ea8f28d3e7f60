// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { answersTick, deferToFrame } from './list-frame';

const SHELL = 'http://127.0.0.1:8790/jdm/trade/orders/order-list';
const LIST = 'http://127.0.0.1:8790/orderList';

/** An inert document (nothing loads) with these frames, at `url`. */
function page(url: string, frames: readonly string[]): Document {
  const srcs = frames.map((f) => `<iframe src="${f}"></iframe>`).join('');
  return new DOMParser().parseFromString(
    `<html><head><base href="${url}"></head><body>${srcs}</body></html>`,
    'text/html',
  );
}

describe('deferToFrame / answersTick (the frame with the rows answers 平台打单)', () => {
  it('a shell embedding the order-list frame defers and stays silent; the frame answers', () => {
    const shell = page(SHELL, ['/orderList?status=待发货']);
    expect(deferToFrame(shell)).toBe(true);
    expect(answersTick(shell, SHELL, true)).toBe(false);
    expect(answersTick(page(LIST, []), LIST, false)).toBe(true);
  });

  it('a shell without the frame answers; a child frame that is no order list stays silent', () => {
    const shell = page(SHELL, ['https://example.com/ad.html', 'http://[bad']);
    expect(deferToFrame(shell)).toBe(false);
    expect(answersTick(shell, SHELL, true)).toBe(true);
    const help = page('http://127.0.0.1:8790/help', []);
    expect(answersTick(help, 'http://127.0.0.1:8790/help', false)).toBe(false);
    // The top document answers even off an order list (the print page then says why).
    expect(answersTick(help, 'http://127.0.0.1:8790/help', true)).toBe(true);
  });
});
