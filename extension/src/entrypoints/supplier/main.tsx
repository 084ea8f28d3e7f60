// The supplier page inside the extension (supplier.html): the same app as the single-file page.
import { render } from 'preact';
import { SupplierApp } from '../../supplier/SupplierApp';
import { takeLinkFromAddressBar } from '../../supplier/address-bar';
import '../../supplier/supplier.css';

const root = document.getElementById('app');
if (root) render(<SupplierApp initial={takeLinkFromAddressBar(window)} />, root);
