// A file table read from the store, with what queries need from it: where each item starts,
// which items contain an offset, and item-relative spans turned into line/column ranges.
import { LineIndex, type LineRange } from '../../schema/src/lines.js';
import { InconsistentIndexError } from './errors.js';
import { keyParts, keys, ranges, type FileItem, type FileTable } from './keys.js';
import { decodeFileTable } from './records.js';
import { KeptPerStore, Store, type StoreReader } from './store.js';
import { itemHash } from './target-refs.js';

export type { LineRange };

export class FileView {
  private lineIndexCache?: LineIndex;
  /** Item id → its row in the table, built at the third lookup. */
  private rowCache?: Map<string, number>;
  private lookups = 0;
  /** Item hash (itemHash) → its row, or its rows when items share it; built at the first such lookup. */
  private rowsByHash?: Map<number, FileItem | FileItem[]>;

  constructor(
    readonly path: string,
    readonly crate: string,
    readonly table: FileTable,
  ) {}

  get lineIndex(): LineIndex {
    return (this.lineIndexCache ??= new LineIndex(this.table));
  }

  itemStart(item: string): number {
    return this.itemRow(item)[1];
  }

  /**
   * The row of the item with this hash (itemHash), as target keys name items (target-refs.ts),
   * or, in the rare case that items of the file share it, their rows.
   */
  itemsWithHash(hash: number): FileItem | FileItem[] {
    const found = (this.rowsByHash ??= rowsByHash(this.table.items)).get(hash);
    if (found === undefined) throw new InconsistentIndexError(`no item of ${this.crate} with the hash ${hash} in the table of ${this.path}`);
    return found;
  }

  /** The item's absolute byte span in the file. */
  itemSpan(item: string): readonly [number, number] {
    const [, start, end] = this.itemRow(item);
    return [start, end];
  }

  itemRow(item: string): FileItem {
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

function rowsByHash(items: FileItem[]): Map<number, FileItem | FileItem[]> {
  const byHash = new Map<number, FileItem | FileItem[]>();
  for (const row of items) {
    const hash = itemHash(row[0]);
    const there = byHash.get(hash);
    if (there === undefined) byHash.set(hash, row);
    else if (isRowList(there)) there.push(row);
    else byHash.set(hash, [there, row]);
  }
  return byHash;
}

/** Whether itemsWithHash found several rows, not one (whose first element is its id). */
export function isRowList(found: FileItem | FileItem[]): found is FileItem[] {
  return typeof found[0] !== 'string';
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
    files.forEach(({ file, crate }, i) => {
      const view = keptView(this.store, keys.file(file, crate));
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
// are not kept.
const VIEWS_KEPT = 1024;
/** Paths whose table keys are kept: a few strings each, so many more than views. */
const PATHS_KEPT = 16384;

interface KeptViews {
  views: Map<string, FileView>;
  /** Path → the keys of its tables (none for a path the store has no table for). */
  tableKeys: Map<string, string[]>;
}

const keptViews = new KeptPerStore<KeptViews>(() => ({ views: new Map(), tableKeys: new Map() }));

/** The view this process keeps for a table key, if any. */
function keptView(store: StoreReader, key: string): FileView | undefined {
  if (!(store instanceof Store)) return undefined;
  const cache = keptViews.of(store).views;
  const kept = cache.get(key);
  if (kept !== undefined) {
    // Most recently used last, so the oldest goes first.
    cache.delete(key);
    cache.set(key, kept);
  }
  return kept;
}

async function readView(store: StoreReader, key: string, path: string, crate: string): Promise<FileView | undefined> {
  const kept = keptView(store, key);
  if (kept !== undefined) return kept;
  const text = (await store.getManyText([key]))[0];
  if (text === undefined) return undefined;
  const table = decodeFileTable(text);
  const view = new FileView(path, crate, table);
  const cache = store instanceof Store ? keptViews.of(store).views : undefined;
  if (cache !== undefined) {
    cache.set(key, view);
    if (cache.size > VIEWS_KEPT) cache.delete(cache.keys().next().value!);
  }
  return view;
}
