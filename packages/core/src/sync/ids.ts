/**
 * Opaque, deterministic document ids and revision ids.
 *
 * Doc id = the first 128 bits of HMAC-SHA256(idKey, natural identity), as 32 lowercase hex
 * characters: the same document gets the same id on every station (so concurrent writes meet in
 * one CouchDB document) and the server cannot tell which order, event or kind an id names.
 *
 * Revision id (CouchDB `N-sig`, replication protocol "Definitions: Revision"): N is the generation,
 * sig the first 128 bits of HMAC-SHA256(revKey, parent revision + NUL + canonical text), as 32
 * lowercase hex characters (the shape of CouchDB's own MD5 revisions). Two stations that write the
 * same content on the same parent produce the same revision, so replication (`_revs_diff`) sees it
 * as already present: set members never conflict, and two stations resolving one conflict the same
 * way converge instead of conflicting again.
 * @module
 */
import { _HMAC } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { docText, naturalKey, type SyncDoc } from './documents.js';

const utf8 = new TextEncoder();

// One HMAC state per key (inner and outer pads computed once), copied per message into one
// working state per key, as gate/keyed-hash.ts does but without a new hash object (and its
// buffers) per message: ids and revisions are computed for every document sealed or opened.
type Sha256 = ReturnType<typeof sha256.create>;
interface KeyedMac {
  readonly base: _HMAC<Sha256>;
  readonly work: _HMAC<Sha256>;
  readonly out: Uint8Array;
}
const macs = new WeakMap<Uint8Array, KeyedMac>();
function mac(key: Uint8Array, text: string): string {
  let m = macs.get(key);
  if (!m) {
    const base = new _HMAC<Sha256>(sha256, key);
    m = { base, work: base.clone(), out: new Uint8Array(base.outputLen) };
    macs.set(key, m);
  }
  const w = m.base._cloneInto(m.work);
  w.update(utf8.encode(text));
  w.digestInto(m.out);
  return bytesToHex(m.out);
}

/** Shape of a doc id. */
export const DOC_ID = /^[0-9a-f]{32}$/u;
/** Shape of a revision id. */
export const REV_ID = /^([1-9][0-9]{0,8})-([0-9a-f]{32})$/u;

/**
 * The opaque id of a document under the shop's id key.
 * @example
 * docId(keys.idKey, claim); // '9c1e…' (32 hex characters)
 */
export function docId(idKey: Uint8Array, doc: SyncDoc): string {
  return mac(idKey, naturalKey(doc)).slice(0, 32);
}

/**
 * The revision id of `doc` written on `parent` (absent for a first revision), or of a deletion
 * (`doc` = `null`). Generation = parent generation + 1.
 * @example
 * revisionId(keys.revKey, undefined, doc); // '1-…'
 * revisionId(keys.revKey, '1-…', null); // '2-…' (a tombstone)
 */
export function revisionId(revKey: Uint8Array, parent: string | undefined, doc: SyncDoc | null): string {
  const gen = parent === undefined ? 1 : revGeneration(parent) + 1;
  const text = doc === null ? '\u0000deleted' : docText(doc);
  const sig = mac(revKey, `${parent ?? ''}\u0000${text}`).slice(0, 32);
  return `${gen}-${sig}`;
}

/**
 * The generation of a revision id (`0` when it is not `N-sig`).
 * @example
 * revGeneration('3-abc'); // 3
 */
export function revGeneration(rev: string): number {
  const m = /^([1-9][0-9]{0,8})-/u.exec(rev);
  return m ? Number(m[1]) : 0;
}
