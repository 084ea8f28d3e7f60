/**
 * The one language setting of every shipmask page (issue 21 item 9): the panel, the popup, the
 * print, hand-off and supplier pages all read it from the background and a toggle on any of them
 * sets it for all. Chinese by default (the merchants' language).
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../client';

/** A page language (one type for every page: ui/i18n.ts). */
export type { Lang } from './i18n';
import type { Lang } from './i18n';

/**
 * Hook for extension pages: the stored language (Chinese until it has loaded) and a setter that
 * stores the choice for every page.
 * @example
 * const [lang, setLang] = useLanguage();
 * <button onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{lang === 'zh' ? 'English' : '中文'}</button>
 */
export function useLanguage(): [Lang, (lang: Lang) => void] {
  const [lang, setLocal] = useState<Lang>('zh');
  useEffect(() => {
    void send({ type: 'ui/language' }).then((r) => {
      if (r.ok) setLocal(r.value);
    });
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  }, [lang]);
  const set = (next: Lang): void => {
    setLocal(next);
    void send({ type: 'ui/language/set', language: next });
  };
  return [lang, set];
}
