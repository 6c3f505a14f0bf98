// A file table read from the store, with what queries need from it: where each item starts,
// which items contain an offset, and item-relative spans turned into line/column ranges.
import { LineIndex, type LineRange } from '../../schema/src/lines.js';
import { InconsistentIndexError } from './errors.js';
import { compacted, ItemsArena, type ArenaSlice, type SliceHolder } from './items-arena.js';
import { keyParts, keys, ranges, type FileItem, type FileTable } from './keys.js';
import { decodeFileTable } from './records.js';
import { KeptPerStore, Store, type StoreReader } from './store.js';

export type { LineRange };

export class FileView implements SliceHolder {
  private lineIndexCache?: LineIndex;
  /** Item id → its row in the table, built at the third lookup. */
  private rowCache?: Map<string, number>;
  private lookups = 0;
  /**
   * The view's items by hash (items-arena.ts): `hashCount` of them from `hashBase` in
   * `hashArena`, once `byHash` has built them. Fields of the view itself, so that a query reaches
   * them without one more object per file.
   */
  hashArena?: ItemsArena;
  hashBase = 0;
  hashCount = 0;
  /** Where a kept view builds its items by hash: its store's arena (keepView). */
  keptIn?: { arena: ItemsArena };

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

  /** The arena holding the table's items in the order of their hashes (itemHash), built at the first use. */
  byHash(): ItemsArena {
    if (this.hashArena === undefined) this.place((this.keptIn?.arena ?? new ItemsArena(this.table.items.length)).add(this.table.items, this.lineIndex));
    return this.hashArena!;
  }

  /** Where the view's items by hash are now. */
  place({ arena, base, count }: ArenaSlice): void {
    this.hashArena = arena;
    this.hashBase = base;
    this.hashCount = count;
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
  /** The kept views' items by hash (items-arena.ts). */
  arena: ItemsArena;
  /** The views kept, oldest first, the first to go. */
  order: FileView[];
  /** Path → the keys of its tables (none for a path the store has no table for). */
  tableKeys: Map<string, string[]>;
}

const keptViews = new KeptPerStore<KeptViews>(() => ({ views: new Map(), arena: new ItemsArena(), order: [], tableKeys: new Map() }));

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
  view.keptIn = kept;
  kept.order.push(view);
  if (kept.order.length > VIEWS_KEPT) {
    const oldest = kept.order.shift()!;
    kept.views.get(oldest.crate)!.delete(oldest.path);
    // A query may still hold it: its slice stays where it is, and the arena is never cut.
    oldest.keptIn = undefined;
    if (oldest.hashArena !== undefined) kept.arena.release({ arena: oldest.hashArena, base: oldest.hashBase, count: oldest.hashCount });
    if (kept.arena.wasteful) kept.arena = compacted(kept.arena, kept.order);
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
