/**
 * Copy and save-as-file actions of the hand-off page (one batch, several suppliers, the order-sheet
 * attachment): text goes to the clipboard or into a file through a blob URL, never to the network.
 * @module
 */
import { useState } from 'preact/hooks';

/**
 * Save text as a file through a blob URL (no network).
 * @example
 * downloadText('\uFEFF订单编号,快递公司,快递单号\r\n', 'douyin-bulk-ship.csv', 'text/csv;charset=utf-8');
 */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A copy button (clipboard API) that says when it copied; `onDone` runs after a copy that worked.
 * @example
 * <CopyText text={link} label="复制" done="已复制" class="ho-primary" />
 */
export function CopyText(props: {
  text: string;
  label: string;
  done: string;
  class?: string;
  onDone?: () => void;
}) {
  const [ok, setOk] = useState(false);
  return (
    <button
      type="button"
      class={`ho-btn ${props.class ?? ''}`}
      onClick={() =>
        void navigator.clipboard.writeText(props.text).then(
          () => {
            setOk(true);
            props.onDone?.();
          },
          () => setOk(false),
        )
      }
    >
      {ok ? props.done : props.label}
    </button>
  );
}
