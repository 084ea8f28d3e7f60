// The supplier page inside the extension (supplier.html): the same app as the single-file page,
// in the language every shipmask page shares (issue 21 item 9).
import { render } from 'preact';
import { SupplierApp } from '../../supplier/SupplierApp';
import { takeLinkFromAddressBar } from '../../supplier/open/address-bar';
import { useLanguage } from '../../ui/language';
import '../../supplier/supplier.css';

function InExtension(props: { initial: string }) {
  const [lang, setLang] = useLanguage();
  return <SupplierApp initial={props.initial} lang={lang} onLang={setLang} />;
}

const root = document.getElementById('app');
if (root) render(<InExtension initial={takeLinkFromAddressBar(window)} />, root);
