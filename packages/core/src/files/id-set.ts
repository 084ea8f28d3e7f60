/**
 * The set of order ids a reader has seen (for `order-split`): up to a few hundred thousand short
 * ASCII ids held for a whole file. They are kept as bytes in typed arrays (an open-addressing
 * hash table over a byte arena) rather than as strings in a `Set`: no object per id for the
 * collector to copy and trace while the file streams. Ids that are not short ASCII text, and ids
 * whose probe would run long (colliding hashes, as a hostile file could make), go to a plain
 * `Set`, so membership is exact for every input.
 * @module
 */

/** A growing set of ids. */
export interface IdSet {
  /** Add an id; true when it was not in the set. */
  add(id: string): boolean;
  /** How many ids the set holds. */
  readonly size: number;
}

/** Longest id kept as bytes (`ORDER_ID` allows 64 characters). */
const MAX_ID = 64;
/** Most slots a lookup walks before the id goes to the plain set. */
const MAX_PROBE = 32;

/**
 * Create an empty id set. Never throws.
 * @example
 * const s = createIdSet();
 * s.add('6921000000000001'); // true
 * s.add('6921000000000001'); // false
 * s.size; // 1
 */
export function createIdSet(): IdSet {
  let bytes = new Uint8Array(1 << 16);
  let used = 0;
  /** Per entry: where its bytes start, how many, its hash. */
  let starts = new Int32Array(1 << 10);
  let lengths = new Uint8Array(1 << 10);
  let hashes = new Uint32Array(1 << 10);
  let entries = 0;
  /** Entries in the table (the others moved to the plain set on a rehash). */
  let inTable = 0;
  /** Slots: entry number + 1, 0 when empty. */
  let slots = new Int32Array(1 << 11);
  const others = new Set<string>();

  /**
   * Write `id`'s bytes after the used ones (staged: not an entry yet) and return their FNV-1a
   * hash, or -1 when `id` cannot be kept as bytes (not 1 to `MAX_ID` ASCII characters). One pass
   * over the id does all three.
   */
  function stage(id: string): number {
    const n = id.length;
    if (n === 0 || n > MAX_ID) return -1;
    if (used + n > bytes.length) {
      const grown = new Uint8Array(bytes.length * 2);
      grown.set(bytes);
      bytes = grown;
    }
    const b = bytes;
    const at = used;
    let h = 0x811c9dc5;
    for (let i = 0; i < n; i++) {
      const c = id.charCodeAt(i);
      if (c > 127) return -1;
      b[at + i] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    return h >>> 0;
  }

  /** Whether entry `e` holds the `n` staged bytes. */
  function same(e: number, n: number): boolean {
    if (lengths[e] !== n) return false;
    const at = starts[e] ?? 0;
    for (let i = 0; i < n; i++) if (bytes[at + i] !== bytes[used + i]) return false;
    return true;
  }

  /** The free slot for hash `h` in `table`, or -1 when the probe would run long. */
  function freeSlot(table: Int32Array, h: number): number {
    const mask = table.length - 1;
    for (let step = 0, i = h & mask; step < MAX_PROBE; step++, i = (i + 1) & mask) {
      if (table[i] === 0) return i;
    }
    return -1;
  }

  function rehash(): void {
    const table = new Int32Array(slots.length * 2);
    for (let e = 0; e < entries; e++) {
      const i = freeSlot(table, hashes[e] ?? 0);
      if (i >= 0) table[i] = e + 1;
      else {
        inTable--;
        // Keep it exact: the id moves to the plain set (its bytes stay unused).
        const at = starts[e] ?? 0;
        let id = '';
        for (let k = 0; k < (lengths[e] ?? 0); k++) id += String.fromCharCode(bytes[at + k] ?? 0);
        others.add(id);
      }
    }
    slots = table;
  }

  /** Make the `n` staged bytes an entry. */
  function append(n: number, h: number): number {
    if (entries === starts.length) {
      const n = starts.length * 2;
      const s = new Int32Array(n);
      s.set(starts);
      starts = s;
      const l = new Uint8Array(n);
      l.set(lengths);
      lengths = l;
      const hs = new Uint32Array(n);
      hs.set(hashes);
      hashes = hs;
    }
    starts[entries] = used;
    lengths[entries] = n;
    hashes[entries] = h;
    used += n;
    return entries++;
  }

  return {
    add(id: string): boolean {
      const h = typeof id === 'string' ? stage(id) : -1;
      if (h < 0) {
        const before = others.size;
        others.add(String(id));
        return others.size > before;
      }
      const mask = slots.length - 1;
      let i = h & mask;
      for (let step = 0; step < MAX_PROBE; step++, i = (i + 1) & mask) {
        const s = slots[i] ?? 0;
        if (s === 0) {
          // Not in the table; it may have gone to the plain set when its probe ran long.
          if (others.size > 0 && others.has(id)) return false;
          slots[i] = append(id.length, h) + 1;
          inTable++;
          if (entries * 2 > slots.length) rehash();
          return true;
        }
        if (hashes[s - 1] === h && same(s - 1, id.length)) return false;
      }
      const before = others.size;
      others.add(id);
      return others.size > before;
    },
    get size() {
      return inTable + others.size;
    },
  };
}
