// A file table read from the store, with what queries need from it: where each item starts,
// which items contain an offset, and item-relative spans turned into line/column ranges.
import { countBelowFrom, LineIndex, type LineRange } from '../../schema/src/lines.js';
import { InconsistentIndexError } from './errors.js';
import { keyParts, keys, ranges, type FileItem, type FileTable } from './keys.js';
import { decodeFileTable } from './records.js';
import { KeptPerStore, Store, type StoreReader } from './store.js';
import { ITEM_HASH_SPAN, itemHash } from './target-refs.js';

export type { LineRange };

export class FileView {
  private lineIndexCache?: LineIndex;
  /** Item id → its row in the table, built at the third lookup. */
  private rowCache?: Map<string, number>;
  private lookups = 0;
  private hashOrder?: ItemsByHash;

  constructor(
    readonly path: string,
    readonly crate: string,
    readonly table: FileTable,
  ) {}

  get lineIndex(): LineIndex {
    return (this.lineIndexCache ??= new LineIndex(this.table));
  }

  itemStart(item: string): number {
    return this.row(item)[1];
  }

  /** The table's items in the order of their hashes (itemHash), built at the first use. */
  get itemsByHash(): ItemsByHash {
    return (this.hashOrder ??= itemsByHash(this.table.items, this.lineIndex));
  }

  /** The item's absolute byte span in the file. */
  itemSpan(item: string): readonly [number, number] {
    const [, start, end] = this.row(item);
    return [start, end];
  }

  private row(item: string): FileItem {
    const items = this.table.items;
    // Most views of a one-query process answer one lookup: a scan then beats a map of every
    // item (std: up to 8,000).
    const index = this.rowCache === undefined && this.lookups++ < 2
      ? items.findIndex(([id]) => id === item)
      : (this.rowCache ??= new Map(items.map(([id], i) => [id, i]))).get(item);
    if (index === undefined || index < 0) throw new InconsistentIndexError(`${item} is not in the table of ${this.path}`);
    return items[index];
  }

  /** Items with a def name or ref that may be at `offset` (their hit span contains it), innermost first. */
  itemsWithHitsAt(offset: number): FileItem[] {
    const found: FileItem[] = [];
    for (const entry of this.table.items) {
      const [, start, end, hitStart, hitEnd] = entry;
      if (start > offset) break;
      if (offset < end && start + hitStart <= offset && offset < start + hitEnd) found.push(entry);
    }
    return found.reverse();
  }

  range(itemStart: number, span: readonly [number, number]): LineRange {
    return this.lineIndex.range(itemStart + span[0], itemStart + span[1]);
  }
}

/**
 * A file's items by hash, as target keys name them (target-refs.ts), in flat arrays: a query
 * looks up thousands of items in hundreds of files, and a Map of rows per file had it chase a
 * pointer or three per item through memory no cache held.
 */
export interface ItemsByHash {
  /**
   * Per item, in the order of their hashes (items sharing one are next to each other): its hash,
   * its start, and the 0-based line and 1-based column it starts at (what its refs' places are
   * relative to, item-places.ts), side by side so that one read of memory brings all four.
   */
  table: Int32Array;
  ids: string[];
}

/** The numbers ItemsByHash.table has per item, and where each is: the hash first, as countBelowFrom orders records. */
export const BY_HASH = { stride: 4, hash: 0, start: 1, line: 2, col: 3 } as const;

function itemsByHash(items: FileItem[], lineIndex: LineIndex): ItemsByHash {
  const hashes = items.map(([id]) => itemHash(id));
  // The table's items come by start, so each line is searched for from the one before.
  let line = 0;
  const lines = items.map(([, start]) => (line = lineIndex.lineAt(start, line)));
  const order = items.map((_, i) => i).sort((a, b) => hashes[a] - hashes[b]);
  const table = new Int32Array(order.length * BY_HASH.stride);
  order.forEach((i, k) => {
    table[k * BY_HASH.stride + BY_HASH.hash] = hashes[i];
    table[k * BY_HASH.stride + BY_HASH.start] = items[i][1];
    table[k * BY_HASH.stride + BY_HASH.line] = lines[i];
    table[k * BY_HASH.stride + BY_HASH.col] = lineIndex.columnAt(items[i][1], lines[i]);
  });
  return { table, ids: order.map((i) => items[i][0]) };
}

/**
 * The first item (its index in ItemsByHash) with `hash` at or after item `from`, or -1. Hashes
 * are spread evenly over 24 bits, so the search starts where the hash would be were they evenly
 * spaced, and gallops from there: a probe or two, where a binary search of a file's thousands of
 * items made a dozen, each a miss of the caches when a query starts.
 */
export function findHash({ table }: ItemsByHash, hash: number, from: number): number {
  const { stride, hash: HASH } = BY_HASH;
  const n = table.length / stride;
  const guess = Math.min(n - 1, Math.max(from, Math.floor((hash * n) / ITEM_HASH_SPAN)));
  if (guess < from) return -1;
  // Items before `start` have smaller hashes: gallop back from the guess when it is too far.
  let start = guess + 1;
  if (table[guess * stride + HASH] >= hash) {
    let below = guess - 1;
    for (let step = 2; below >= from && table[below * stride + HASH] >= hash; step *= 2) below = guess - step;
    start = Math.max(below + 1, from);
  }
  const at = countBelowFrom(table, hash, start, stride);
  return at < n && table[at * stride + HASH] === hash ? at : -1;
}

/** Caches file views for the length of one query: a file is read and indexed once however many hits it has. */
export class FileViews {
  private readonly views = new Map<string, Promise<FileView>>();

  constructor(private readonly store: StoreReader) {}

  get(path: string, crate: string): Promise<FileView> {
    const k = keys.file(path, crate);
    let view = this.views.get(k);
    if (view === undefined) {
      view = readView(this.store, k, path, crate).then((found) => {
        if (found === undefined) throw new InconsistentIndexError(`no table for ${path} in ${crate}`);
        return found;
      });
      this.views.set(k, view);
    }
    return view;
  }

  /**
   * The views of many files at once, in order: those this process keeps are taken without
   * waiting, the others read together (`Option` has refs in 250 files).
   */
  async getAll(files: ReadonlyArray<{ file: string; crate: string }>): Promise<FileView[]> {
    const found: FileView[] = new Array(files.length);
    const missing: number[] = [];
    const kept = keptViewsOf(this.store);
    files.forEach(({ file, crate }, i) => {
      const view = kept?.get(crate)?.get(file);
      if (view === undefined) missing.push(i);
      else found[i] = view;
    });
    const read = await Promise.all(missing.map((i) => this.get(files[i].file, files[i].crate)));
    missing.forEach((i, j) => (found[i] = read[j]));
    return found;
  }

  /** The file's view in every crate that compiles it; empty when the index does not know the file. */
  async allCratesOf(path: string): Promise<FileView[]> {
    const found: FileView[] = [];
    for (const k of await tableKeysOf(this.store, path)) {
      const view = await readView(this.store, k, path, keyParts(k)[1]);
      if (view === undefined) continue;
      this.views.set(k, Promise.resolve(view));
      found.push(view);
    }
    return found;
  }
}

/** The keys of a file's tables, one per crate compiling it: a range read, kept as the views are. */
async function tableKeysOf(store: StoreReader, path: string): Promise<string[]> {
  const kept = store instanceof Store ? keptViews.of(store).tableKeys : undefined;
  const known = kept?.get(path);
  if (known !== undefined) return known;
  const found: string[] = [];
  for await (const k of store.keys(ranges.filesOf(path))) found.push(k);
  if (kept !== undefined) {
    kept.set(path, found);
    if (kept.size > PATHS_KEPT) kept.delete(kept.keys().next().value!);
  }
  return found;
}

// File views, kept from one query to the next for a store this process opened: parsing a file's
// table is most of a query's time (std's reach 462 KB of JSON). Any write to the store drops
// them. A remote store (`xref watch`'s) changes without this process knowing, so its views
// are not kept. The first kept is the first to go: keeping them in order of use (a map entry
// deleted and set again for each view a query touched) was 5% of the refs of `Option::None`.
const VIEWS_KEPT = 1024;
/** Paths whose table keys are kept: a few strings each, so many more than views. */
const PATHS_KEPT = 16384;

interface KeptViews {
  /** Crate → path → view: found with the strings a query has, no key built. */
  views: Map<string, Map<string, FileView>>;
  /** The views kept, oldest first, the first to go. */
  order: FileView[];
  /** Path → the keys of its tables (none for a path the store has no table for). */
  tableKeys: Map<string, string[]>;
}

const keptViews = new KeptPerStore<KeptViews>(() => ({ views: new Map(), order: [], tableKeys: new Map() }));

/** The views this process keeps for a store, by crate and path; none for a remote store. */
function keptViewsOf(store: StoreReader): Map<string, Map<string, FileView>> | undefined {
  return store instanceof Store ? keptViews.of(store).views : undefined;
}

/** The view this process keeps for a file of a crate, if any. */
function keptView(store: StoreReader, path: string, crate: string): FileView | undefined {
  return keptViewsOf(store)?.get(crate)?.get(path);
}

function keepView(store: StoreReader, view: FileView): void {
  if (!(store instanceof Store)) return;
  const kept = keptViews.of(store);
  let paths = kept.views.get(view.crate);
  if (paths === undefined) kept.views.set(view.crate, (paths = new Map()));
  paths.set(view.path, view);
  kept.order.push(view);
  if (kept.order.length > VIEWS_KEPT) {
    const oldest = kept.order.shift()!;
    kept.views.get(oldest.crate)!.delete(oldest.path);
  }
}

async function readView(store: StoreReader, key: string, path: string, crate: string): Promise<FileView | undefined> {
  const kept = keptView(store, path, crate);
  if (kept !== undefined) return kept;
  const text = (await store.getManyText([key]))[0];
  if (text === undefined) return undefined;
  const view = new FileView(path, crate, decodeFileTable(text));
  keepView(store, view);
  return view;
}
