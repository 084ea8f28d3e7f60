/**
 * Where the rows of a read came from: the built-in adapter, content-based detection, a taught
 * adapter. The content script's row source (`content/row-source.ts`) decides it; the panel and the
 * teach bar show it.
 */
export type RowSourceKind = 'adapter' | 'detected' | 'taught';
