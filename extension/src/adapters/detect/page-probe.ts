// Test harness entry (bundled by test/e2e/detect-probe.ts for plain demo pages; not part of the
// extension build): run detection on the page and report what it found, masked values only.
import type { PlatformId } from '@shipmask/core';
import { readRow } from '../read';
import { commonStatuses } from '../statuses';
import type { SiteAdapter } from '../types';
import { detectedAdapter } from './detected-adapter';
import { findRows, inferLayout, type DetectedLayout } from './infer';

let kept: { layout: DetectedLayout; adapter: SiteAdapter } | undefined;

function read(layout: DetectedLayout, adapter: SiteAdapter) {
  return findRows(document, layout).map((r) => {
    const o = readRow(r.element, adapter, 's', 0, false, r.blocks)?.order;
    return {
      orderId: o?.orderId ?? '',
      name: Boolean(o?.receiver.name ?? o?.receiver.cipher?.name),
      phone: Boolean(o?.receiver.phone ?? o?.receiver.virtual ?? o?.receiver.cipher?.phone),
      address: Boolean(o?.receiver.address ?? o?.receiver.cipher?.address),
    };
  });
}

/** Infer a layout (twice: the first run also pays core's one-time table set-up) and read the rows. */
function probe(platform: PlatformId) {
  const base: SiteAdapter = {
    platform,
    pages: [],
    list: '.none',
    row: '.none',
    fields: { orderId: { selector: '.none' } },
    statuses: commonStatuses,
    reveal: '.none',
    revealFree: { shown: '.none' },
  };
  let t0 = performance.now();
  inferLayout(document, Object.keys(commonStatuses));
  const coldMs = performance.now() - t0;
  t0 = performance.now();
  const layout = inferLayout(document, Object.keys(commonStatuses));
  const inferMs = performance.now() - t0;
  if (!layout) return { found: false, signature: '', coldMs, inferMs, swapMs: 0, orders: [] };
  const adapter = detectedAdapter(base, layout);
  kept = { layout, adapter };
  const t1 = performance.now();
  const orders = read(layout, adapter);
  return {
    found: true,
    signature: layout.signature,
    coldMs,
    inferMs,
    swapMs: performance.now() - t1,
    orders,
  };
}

/** Read the rows again with the kept layout (after a page swap), and whether it is still the page's structure. */
function reread() {
  if (!kept) return undefined;
  const again = inferLayout(document, Object.keys(commonStatuses));
  return {
    orders: read(kept.layout, kept.adapter),
    sameSignature: again?.signature === kept.layout.signature,
  };
}

Object.assign(globalThis, { __shipmaskDetect: probe, __shipmaskReread: reread });
