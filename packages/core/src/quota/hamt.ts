/**
 * A persistent (immutable, structure-sharing) string-keyed hash map made only of plain arrays and
 * objects: a hash array mapped trie (Bagwell 2001) with 32-way bitmap nodes. It lets the quota
 * ledger stay a pure value (`applyEvent` never changes its input) while adding an event costs
 * O(log32 n) node copies — at most 7 levels for 32-bit hashes, about 4 at a million keys, i.e.
 * constant in practice. Being plain data it survives `JSON.stringify`/`JSON.parse` and
 * `structuredClone` (IndexedDB), and its shape depends only on the set of keys, never on the
 * order they were added in, so two ledgers built from the same events in any order are deeply
 * equal.
 *
 * Why hand-written: the persistent-map libraries on npm (immutable, hamt_plus, @collectable/map)
 * build class instances, which IndexedDB's structured clone and JSON do not round-trip.
 * @module
 */

/** A leaf: `[key, value]`. */
export type HamtLeaf<V> = readonly [string, V];
/** Keys whose 32-bit hashes are equal, sorted by key. */
export interface HamtCollision<V> {
  readonly h: number;
  readonly l: readonly HamtLeaf<V>[];
}
/** An inner node: `b` has bit i set when slot i is present; `c` holds the present slots in order. */
export interface HamtNode<V> {
  readonly b: number;
  readonly c: readonly HamtEntry<V>[];
}
/** Anything in a node slot. */
export type HamtEntry<V> = HamtLeaf<V> | HamtNode<V> | HamtCollision<V>;
/** A persistent map: its size and root node. */
export interface Hamt<V> {
  readonly size: number;
  readonly root: HamtNode<V>;
}

const BITS = 5;
const MASK = 31;

/**
 * 32-bit FNV-1a over UTF-16 code units with a murmur3 finaliser (spreads the bits every level
 * uses). Deterministic across runs and engines, so serialised maps stay valid.
 * @example
 * hashKey('a') === hashKey('a'); // true
 */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 63;
}

const isLeaf = <V>(e: HamtEntry<V>): e is HamtLeaf<V> => Array.isArray(e);
const isCollision = <V>(e: HamtEntry<V>): e is HamtCollision<V> => 'l' in e;

/**
 * An empty map.
 * @example
 * hamtEmpty<number>().size; // 0
 */
export function hamtEmpty<V>(): Hamt<V> {
  return { size: 0, root: { b: 0, c: [] } };
}

/**
 * The value stored under `key`, or `undefined`.
 * @example
 * hamtGet(hamtSet(hamtEmpty<number>(), 'a', 1), 'a'); // 1
 */
export function hamtGet<V>(map: Hamt<V>, key: string): V | undefined {
  const h = hashKey(key);
  let node: HamtEntry<V> = map.root;
  for (let shift = 0; ; shift += BITS) {
    if (isLeaf(node)) return node[0] === key ? node[1] : undefined;
    if (isCollision(node)) return node.l.find((l) => l[0] === key)?.[1];
    const bit = 1 << ((h >>> shift) & MASK);
    if ((node.b & bit) === 0) return undefined;
    node = node.c[popcount(node.b & (bit - 1))] as HamtEntry<V>;
  }
}

/**
 * Whether `key` is present.
 * @example
 * hamtHas(hamtEmpty<number>(), 'a'); // false
 */
export function hamtHas<V>(map: Hamt<V>, key: string): boolean {
  return hamtGet(map, key) !== undefined;
}

// Two leaves that share the slot at `shift`: push both down until their hashes differ.
function merge<V>(a: HamtLeaf<V>, ha: number, b: HamtLeaf<V>, hb: number, shift: number): HamtEntry<V> {
  if (shift >= 32) {
    return { h: ha, l: a[0] < b[0] ? [a, b] : [b, a] };
  }
  const ia = (ha >>> shift) & MASK;
  const ib = (hb >>> shift) & MASK;
  if (ia === ib) return { b: 1 << ia, c: [merge(a, ha, b, hb, shift + BITS)] };
  return { b: (1 << ia) | (1 << ib), c: ia < ib ? [a, b] : [b, a] };
}

function updateEntry<V>(
  entry: HamtEntry<V>,
  key: string,
  h: number,
  shift: number,
  fn: (old: V | undefined) => V,
  added: { n: number },
): HamtEntry<V> {
  if (isLeaf(entry)) {
    if (entry[0] === key) return [key, fn(entry[1])];
    added.n = 1;
    return merge(entry, hashKey(entry[0]), [key, fn(undefined)], h, shift);
  }
  if (isCollision(entry)) {
    const i = entry.l.findIndex((l) => l[0] === key);
    const l = entry.l.slice();
    if (i >= 0) l[i] = [key, fn((entry.l[i] as HamtLeaf<V>)[1])];
    else {
      added.n = 1;
      l.push([key, fn(undefined)]);
      l.sort((x, y) => (x[0] < y[0] ? -1 : 1));
    }
    return { h: entry.h, l };
  }
  const bit = 1 << ((h >>> shift) & MASK);
  const at = popcount(entry.b & (bit - 1));
  const c = entry.c.slice();
  if ((entry.b & bit) === 0) {
    added.n = 1;
    c.splice(at, 0, [key, fn(undefined)]);
    return { b: entry.b | bit, c };
  }
  c[at] = updateEntry(entry.c[at] as HamtEntry<V>, key, h, shift + BITS, fn, added);
  return { b: entry.b, c };
}

/**
 * A new map where `key` holds `fn(old)` (`old` is `undefined` when absent). One walk down the
 * trie; the input map is unchanged.
 * @example
 * const m = hamtUpdate(hamtEmpty<number>(), 'a', (n) => (n ?? 0) + 1);
 * hamtGet(hamtUpdate(m, 'a', (n) => (n ?? 0) + 1), 'a'); // 2
 */
export function hamtUpdate<V>(map: Hamt<V>, key: string, fn: (old: V | undefined) => V): Hamt<V> {
  const added = { n: 0 };
  const root = updateEntry(map.root, key, hashKey(key), 0, fn, added) as HamtNode<V>;
  return { size: map.size + added.n, root };
}

/**
 * A new map with `key` set to `value`.
 * @example
 * hamtSet(hamtEmpty<string>(), 'k', 'v').size; // 1
 */
export function hamtSet<V>(map: Hamt<V>, key: string, value: V): Hamt<V> {
  return hamtUpdate(map, key, () => value);
}

function visit<V>(e: HamtEntry<V>, fn: (key: string, value: V) => void): void {
  if (isLeaf(e)) fn(e[0], e[1]);
  else if (isCollision(e)) for (const l of e.l) fn(l[0], l[1]);
  else for (const c of e.c) visit(c, fn);
}

/**
 * Call `fn` for every entry, in hash order (the same for the same keys).
 * @example
 * let n = 0; hamtForEach(hamtSet(hamtEmpty<number>(), 'a', 2), (_k, v) => (n += v)); // n === 2
 */
export function hamtForEach<V>(map: Hamt<V>, fn: (key: string, value: V) => void): void {
  visit(map.root, fn);
}
