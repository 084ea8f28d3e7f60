/**
 * The print page's header: title, the shop, the language switch.
 * @module
 */
import type { ShopRef } from '../../messages/shared';
import { PLATFORM_NAMES } from '../../ui/shop-names';
import type { Lang, PrintStrings } from '../i18n';

/** The header. */
export function PageHeader(p: {
  readonly t: PrintStrings;
  readonly lang: Lang;
  readonly shop: ShopRef | undefined;
  readonly shopName: (shop: ShopRef) => string;
  readonly onLang: (lang: Lang) => void;
}) {
  const { t, lang, shop } = p;
  return (
    <header>
      <h1>{t.title}</h1>
      {shop ? (
        <span class="shop">{`${PLATFORM_NAMES[shop.platform][lang]} · ${p.shopName(shop)}`}</span>
      ) : null}
      <button type="button" class="lang" onClick={() => p.onLang(lang === 'zh' ? 'en' : 'zh')}>
        {lang === 'zh' ? 'English' : '中文'}
      </button>
    </header>
  );
}
