/**
 * Copy and save-as-file actions of the hand-off page (one batch, several suppliers, the order-sheet
 * attachment): text goes to the clipboard or into a file through a blob URL, never to the network.
 * @module
 */
import { useState } from 'preact/hooks';

// One download helper for every page (ui/download-text.ts).
export { downloadText } from '../ui/download-text';

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
