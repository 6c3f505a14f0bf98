// Parsed items kept across parses, so that re-reading an edited file parses only the items that
// changed. An item's parse depends on its tokens and their bytes (names matter, not only token
// kinds), on how its delimiters pair, and on the column of its first token (the splitter's
// recovery rules compare columns inside bodies); the key is a hash of the bytes, the kinds and
// that column. Delimiters that all pair inside the item pair the same wherever the item sits.
// A hit is the cached item moved to its new byte offset and token index: an edit above an item
// shifts both.
//
// Only items that parsed cleanly and refer to nothing outside themselves are kept: a syntax
// error's message can name the token after the item, and an empty node at an item's end has a
// span at the next token's start, wherever that is.
import { createHash } from 'node:crypto';
import type { TokenStream } from './lexer.js';
import type { Item, Range, TokenRange } from './ast.js';
import { columnOf, isCloser, isOpener } from './split.js';
import { mapItemRanges, relocateItem } from './relocate.js';

export interface ItemCacheOptions {
  /** Estimated heap the cached items may take, in bytes; the least recently used go first. */
  budgetBytes?: number;
}

export interface ItemCacheStats {
  hits: number;
  misses: number;
  /** Items parsed and kept. */
  stored: number;
  evicted: number;
  entries: number;
  /** Estimated heap of the cached items. */
  bytes: number;
}

interface Entry {
  item: Item;
  /** Byte offset and token index of the item when it was parsed. */
  byteStart: number;
  first: number;
  cost: number;
}

const DEFAULT_BUDGET_BYTES = 256 * 1024 * 1024;
/**
 * Heap per byte of cached item source: the AST copy and its strings (names, signatures,
 * attribute text, docs). Measured 6 to 9 on std's alloc and core_arch/x86 (heap after a GC), so
 * the budget is an estimate too.
 */
const HEAP_PER_SOURCE_BYTE = 8;
const HEAP_PER_ENTRY = 200;

export class ItemCache {
  private readonly entries = new Map<string, Entry>();
  private readonly budget: number;
  private readonly counts = { hits: 0, misses: 0, stored: 0, evicted: 0, bytes: 0 };

  constructor(options: ItemCacheOptions = {}) {
    this.budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  }

  /** The key of the item over tokens `[first, end)`. */
  keyOf(ts: TokenStream, first: number, end: number): string {
    // The token count keeps the kinds and the bytes that follow them from running together.
    const head = new Uint8Array(new Uint32Array([columnOf(ts, first), end - first]).buffer);
    return createHash('sha1')
      .update(head)
      .update(ts.kinds.subarray(first, end))
      .update(ts.src.subarray(ts.starts[first], ts.ends[end - 1]))
      .digest('base64');
  }

  /** The item cached under `key`, moved to start at token `first`; undefined on a miss. */
  get(key: string, ts: TokenStream, first: number): Item | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.counts.misses++;
      return undefined;
    }
    this.counts.hits++;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return relocateItem(entry.item, ts.starts[first] - entry.byteStart, first - entry.first);
  }

  /**
   * Keeps a copy of `item`, parsed without errors from tokens `[first, end)`, unless `key` is
   * cached already, one of its delimiters pairs outside it or one of its ranges reaches outside it.
   */
  set(key: string, ts: TokenStream, partner: Int32Array, first: number, end: number, item: Item): void {
    if (this.entries.has(key) || !pairsInside(ts, partner, first, end)) return;
    const bytes: Range = [ts.starts[first], ts.ends[end - 1]];
    let inside = true;
    const copy = mapItemRanges(item, {
      bytes: (r) => { inside &&= within(r, bytes); return [r[0], r[1]]; },
      tokens: (r) => { inside &&= within(r, [first, end]); return [r[0], r[1]]; },
    });
    if (!inside) return;
    const cost = (bytes[1] - bytes[0]) * HEAP_PER_SOURCE_BYTE + HEAP_PER_ENTRY;
    this.entries.set(key, { item: copy, byteStart: bytes[0], first, cost });
    this.counts.bytes += cost;
    this.counts.stored++;
    this.evictOverBudget();
  }

  stats(): ItemCacheStats {
    return { ...this.counts, entries: this.entries.size };
  }

  private evictOverBudget(): void {
    for (const [key, entry] of this.entries) {
      if (this.counts.bytes <= this.budget) return;
      this.entries.delete(key);
      this.counts.bytes -= entry.cost;
      this.counts.evicted++;
    }
  }
}

function pairsInside(ts: TokenStream, partner: Int32Array, first: number, end: number): boolean {
  const { kinds } = ts;
  for (let t = first; t < end; t++) {
    const k = kinds[t];
    if ((isOpener(k) || isCloser(k)) && (partner[t] < first || partner[t] >= end)) return false;
  }
  return true;
}

function within([a, b]: Range | TokenRange, [lo, hi]: Range | TokenRange): boolean {
  return lo <= a && a <= b && b <= hi;
}
