// The items of file views by hash, as ref keys name them (target-refs.ts, itemHash), so that a
// row finds its item's line and column (item-places.ts) and id. The views a process keeps for a
// store share one arena: one Int32Array and one array of ids for all their items, each view's a
// slice of them. A refs query looks up items in hundreds of files (`Option`: 253), and a view's
// own arrays were three objects more per file that no cache held (1.62 → 1.43 ms for `Option`
// with the caches flushed before each query).
import { countBelowFrom, type LineIndex } from '../../schema/src/lines.js';
import type { FileItem } from './keys.js';
import { ITEM_HASH_SPAN, itemHash } from './target-refs.js';

/**
 * The numbers an arena's table has per item, and where each is: its hash first (the items of a
 * slice are in the order of their hashes, items sharing one next to each other, as
 * countBelowFrom orders records), its start, and the 0-based line and 1-based column it starts
 * at, side by side so that one read of memory brings all four.
 */
export const BY_HASH = { stride: 4, hash: 0, start: 1, line: 2, col: 3 } as const;

/** Where a view's items are in an arena. */
export interface ArenaSlice {
  arena: ItemsArena;
  /** The slice's first item in the arena. */
  base: number;
  count: number;
}

export class ItemsArena {
  table: Int32Array;
  readonly ids: string[] = [];
  /** Items written. */
  private used = 0;
  /** Items of slices no longer used. */
  private released = 0;

  constructor(items = INITIAL_ITEMS) {
    this.table = new Int32Array(Math.max(items, 1) * BY_HASH.stride);
  }

  /** A slice of a file's items, by hash. */
  add(items: readonly FileItem[], lines: LineIndex): ArenaSlice {
    const { stride, hash: HASH, start: START, line: LINE, col: COL } = BY_HASH;
    const base = this.reserve(items.length);
    const hashes = items.map(([id]) => itemHash(id));
    // The table's items come by start, so each line is searched for from the one before.
    let line = 0;
    const startLines = items.map(([, start]) => (line = lines.lineAt(start, line)));
    const order = items.map((_, i) => i).sort((a, b) => hashes[a] - hashes[b]);
    order.forEach((i, k) => {
      const at = (base + k) * stride;
      this.table[at + HASH] = hashes[i];
      this.table[at + START] = items[i][1];
      this.table[at + LINE] = startLines[i];
      this.table[at + COL] = lines.columnAt(items[i][1], startLines[i]);
      this.ids[base + k] = items[i][0];
    });
    return { arena: this, base, count: items.length };
  }

  /** Room for `count` more items, the first of which it returns; the table grows, copied, when full. */
  private reserve(count: number): number {
    const base = this.used;
    const needed = (base + count) * BY_HASH.stride;
    if (needed > this.table.length) {
      const grown = new Int32Array(Math.max(2 * this.table.length, needed));
      grown.set(this.table);
      this.table = grown;
    }
    this.used += count;
    return base;
  }

  /** A slice copied from another arena. */
  copy({ arena, base, count }: ArenaSlice): ArenaSlice {
    const { stride } = BY_HASH;
    const to = this.reserve(count);
    this.table.set(arena.table.subarray(base * stride, (base + count) * stride), to * stride);
    for (let k = 0; k < count; k++) this.ids[to + k] = arena.ids[base + k];
    return { arena: this, base: to, count };
  }

  /** Notes that a slice is no longer used (its view was let go). */
  release(slice: ArenaSlice): void {
    if (slice.arena === this) this.released += slice.count;
  }

  /** Whether most of the arena is slices no longer used: time to copy the others to a new one. */
  get wasteful(): boolean {
    return this.used > MIN_COMPACTED && 2 * this.released > this.used;
  }
}

/** What holds a slice of an arena: a file view. */
export interface SliceHolder {
  hashArena?: ItemsArena;
  hashBase: number;
  hashCount: number;
  place(slice: ArenaSlice): void;
}

/**
 * A new arena with the slices that `holders` have in `old`, each holder placed in it; a holder
 * let go of keeps its slice in the old one, which is never cut (a query may still read it).
 */
export function compacted(old: ItemsArena, holders: Iterable<SliceHolder>): ItemsArena {
  const fresh = new ItemsArena();
  for (const holder of holders) {
    if (holder.hashArena === old) holder.place(fresh.copy({ arena: old, base: holder.hashBase, count: holder.hashCount }));
  }
  return fresh;
}

const INITIAL_ITEMS = 4096;
/** An arena smaller than this is not worth compacting. */
const MIN_COMPACTED = 65536;

/**
 * The first item of a slice (its index in the slice) with `hash` at or after item `from`, or -1.
 * Hashes are spread evenly over 24 bits, so the search starts where the hash would be were they
 * evenly spaced, and gallops from there: a probe or two, where a binary search of a file's
 * thousands of items made a dozen, each a miss of the caches when a query starts.
 */
export function findHash(table: Int32Array, base: number, count: number, hash: number, from: number): number {
  const { stride, hash: HASH } = BY_HASH;
  const guess = Math.min(count - 1, Math.max(from, Math.floor((hash * count) / ITEM_HASH_SPAN)));
  if (guess < from) return -1;
  // Items before `start` have smaller hashes: gallop back from the guess when it is too far.
  let start = guess + 1;
  if (table[(base + guess) * stride + HASH] >= hash) {
    let below = guess - 1;
    for (let step = 2; below >= from && table[(base + below) * stride + HASH] >= hash; step *= 2) below = guess - step;
    start = Math.max(below + 1, from);
  }
  const at = countBelowFrom(table, hash, base + start, stride, base + count) - base;
  return at < count && table[(base + at) * stride + HASH] === hash ? at : -1;
}
