/**
 * Entry of the single-file supplier page (scripts/build-supplier.ts inlines it into one HTML file
 * with a strict CSP). The batch comes from the URL fragment, from inside the file itself (the
 * merchant's one-attachment hand-off), a paste or a dropped file.
 * @module
 */
import { render } from 'preact';
import { SupplierApp } from './SupplierApp';
import { takeLinkFromAddressBar } from './open/address-bar';
import { embeddedBatch } from './open/embedded-batch';

// A link's fragment wins; otherwise the batch the merchant put inside this file (issue 21).
const link = takeLinkFromAddressBar(window);
const initial = link.includes('#') ? link : (embeddedBatch(document) ?? link);
const root = document.getElementById('app');
if (root) render(<SupplierApp initial={initial} />, root);
