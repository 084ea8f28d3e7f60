/**
 * Entry of the single-file supplier page (scripts/build-supplier.ts inlines it into one HTML file
 * with a strict CSP). The batch comes from the URL fragment, a paste or a dropped file.
 * @module
 */
import { render } from 'preact';
import { SupplierApp } from './SupplierApp';
import { takeLinkFromAddressBar } from './address-bar';

const root = document.getElementById('app');
if (root) render(<SupplierApp initial={takeLinkFromAddressBar(window)} />, root);
