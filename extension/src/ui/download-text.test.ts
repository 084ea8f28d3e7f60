// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText } from './download-text';

afterEach(() => vi.useRealTimers());

describe('downloadText', () => {
  it('clicks a download link for a blob of the text, leaves no element behind, revokes the URL later', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:shipmask/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
    downloadText('订单编号\r\n1\r\n', 'ship.csv');
    expect(clicked).toEqual([{ href: 'blob:shipmask/1', download: 'ship.csv', attached: true }]);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    expect(await blobs[0]!.text()).toBe('订单编号\r\n1\r\n');
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(revoke).toHaveBeenCalledWith('blob:shipmask/1');
    downloadText('{}', 'n.json', 'application/json');
    expect(blobs[1]!.type).toBe('application/json');
    create.mockRestore();
    revoke.mockRestore();
    click.mockRestore();
  });
});
