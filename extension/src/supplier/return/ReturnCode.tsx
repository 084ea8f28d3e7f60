/**
 * The return code: how many orders are still open, 生成回执码, core's refusal in words, and the
 * code with its QR and a copy button.
 * @module
 */
import { useRef } from 'preact/hooks';
import { words, type Lang } from '../i18n';
import { copyText } from '../page-io';
import { qrDataUrl } from '../qr';

/**
 * The return-code section.
 * @example
 * <ReturnCode lang="zh" total={50} done={48} code={code} codeError="" copied={false} onMake={make} onCopied={set} />
 */
export function ReturnCode(props: {
  lang: Lang;
  total: number;
  done: number;
  code?: { readonly text: string; readonly count: number } | undefined;
  codeError: string;
  copied: boolean;
  onMake: () => void;
  onCopied: (ok: boolean) => void;
}) {
  const w = words[props.lang];
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const { code, done, total } = props;
  const qr = code ? qrDataUrl(code.text) : undefined;
  return (
    <div class="sp-return">
      {done < total && <p class="sp-note">{w.missing(total - done)}</p>}
      <button type="button" class="sp-primary sp-make-code" disabled={done === 0} onClick={props.onMake}>
        {w.makeCode}
      </button>
      {props.codeError && (
        <p class="sp-error" role="alert">
          {props.codeError}
        </p>
      )}
      {code && (
        <div class="sp-code-box">
          <h2>{w.codeTitle}</h2>
          <p class="sp-note">{w.codeOrders(code.count)}</p>
          <div class="sp-code-row">
            <textarea ref={codeRef} class="sp-code" readOnly rows={4} value={code.text} />
            {qr && <img class="sp-qr" src={qr} alt={w.qrAlt} width={180} height={180} />}
          </div>
          <button
            type="button"
            class="sp-primary sp-copy"
            onClick={() => void copyText(code.text, codeRef.current).then(props.onCopied)}
          >
            {props.copied ? w.copied : w.copy}
          </button>
        </div>
      )}
    </div>
  );
}
