/**
 * The sealed batch carried inside the supplier page file itself (issue 21 item 8: the merchant
 * sends one HTML attachment). The hand-off page writes it into `<meta name="shipmask-batch">`
 * (handoff/supplier-file.ts); this reads it back as `#<payload>`, the form the page
 * opens like a link. Only base64url is taken: anything else is not a batch this code wrote.
 * @module
 */

/** The part of `document` read here (a test passes a stand-in). */
export interface MetaSource {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}

const PAYLOAD = /^[A-Za-z0-9_-]+$/u;
/** Same bound as core's `MAX_TEXT_CHARS` (a 16 MiB payload is ~22.4 M characters). */
const MAX_CHARS = 24_000_000;

/**
 * `#<payload>` when the page file carries a batch, otherwise `undefined`.
 * @example
 * embeddedBatch(document); // '#AQAB…' in a file made by 下载发货单文件
 */
export function embeddedBatch(doc: MetaSource): string | undefined {
  const content = doc.querySelector('meta[name="shipmask-batch"]')?.getAttribute('content') ?? '';
  if (content.length < 16 || content.length > MAX_CHARS || !PAYLOAD.test(content)) return undefined;
  return `#${content}`;
}
