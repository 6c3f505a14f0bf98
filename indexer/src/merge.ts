// Loads one crate's dump into the store by diffing item fingerprints against what the store
// holds for that crate, and removes a crate. Each runs as one LevelDB batch, so a reader (or a
// crash) sees the crate entirely before or entirely after.
import { crateId, type Dump, type FileEntry, type ItemRecord } from '../../schema/src/index.js';
import {
  compareStrings, deriveItemKeys, isDefKey, keyParts, keys, ranges, storedItem,
  type CrateHeader, type FileItem, type FileTable, type StoredItem,
} from './keys.js';
import { InconsistentIndexError } from './errors.js';
import { readStampedItems } from './items.js';
import { decodeFileTable, encodeFileTable, hitSpan, itemStamp, stampOf } from './records.js';
import { itemPlaces, shapedFingerprint, type ItemPlaces } from './item-places.js';
import { LineIndex } from '../../schema/src/lines.js';
import { SetKeys, isSetMember } from './set-keys.js';
import { SharedLists } from './shared-lists.js';
import { ListCrates } from './list-crates.js';
import { OwnRefKeys } from './own-ref-keys.js';
import { SourceFiles } from './source-docs.js';
import { TargetRefs, isRefContribution } from './target-refs.js';
import { deleteVocabulary, writeVocabulary } from './search-vocabulary.js';
import type { Store } from './store.js';

export interface MergeStats {
  itemsAdded: number;
  itemsChanged: number;
  itemsRemoved: number;
  keysWritten: number;
  keysDeleted: number;
}

export function emptyStats(): MergeStats {
  return { itemsAdded: 0, itemsChanged: 0, itemsRemoved: 0, keysWritten: 0, keysDeleted: 0 };
}

export function addStats(total: MergeStats, more: MergeStats): void {
  total.itemsAdded += more.itemsAdded;
  total.itemsChanged += more.itemsChanged;
  total.itemsRemoved += more.itemsRemoved;
  total.keysWritten += more.keysWritten;
  total.keysDeleted += more.keysDeleted;
}

/** Old records are read this many at a time, so a crate the size of core never sits in memory twice. */
const READ_CHUNK = 512;

/**
 * A chained batch (it streams each op to LevelDB's native batch) that counts what it does. The
 * keys items share (candidate lists, shared-lists.ts; ref keys, target-refs.ts; impl and
 * overrider sets, set-keys.ts) are settled when it is written.
 */
export class CountingBatch {
  readonly stats = emptyStats();
  private readonly batch;
  private readonly lists;
  readonly targetRefs;
  private readonly ownKeys;
  private readonly listCrates;
  private readonly sets;
  /** Def keys put in this batch, and those deleted and not put, which are deleted when it is written. */
  private readonly putDefs = new Set<string>();
  private readonly deletedDefs = new Set<string>();

  constructor(store: Store) {
    this.batch = store.db.batch();
    this.ownKeys = new OwnRefKeys(store);
    this.lists = new SharedLists(store, this.ownKeys);
    this.listCrates = new ListCrates(store);
    this.targetRefs = new TargetRefs(store, this.ownKeys, this.listCrates);
    this.sets = new SetKeys(store);
  }

  put(key: string, value: string): void {
    if (isRefContribution(key)) this.targetRefs.note(key, undefined, value);
    else if (isSetMember(key)) this.sets.note(key, value);
    else if (!this.lists.notePut(key, value)) this.putKey(key, value);
  }

  /** Deletes `key`; an item's ref contribution needs the `value` it had, to know its file. */
  del(key: string, value?: string): void {
    if (isRefContribution(key)) {
      if (value === undefined) throw new Error(`deleting the ref contribution ${JSON.stringify(key)} needs its value`);
      this.targetRefs.note(key, value, undefined);
    } else if (isSetMember(key)) this.sets.note(key, false);
    else if (!this.lists.noteDel(key)) this.delKey(key);
  }

  private putKey(key: string, value: string): void {
    this.batch.put(key, value);
    this.stats.keysWritten++;
    if (isDefKey(key)) {
      this.putDefs.add(key);
      this.deletedDefs.delete(key);
    }
  }

  private delKey(key: string): void {
    // A def key names no item (keys.ts): when a def moves between items in one load, the old
    // item's delete and the new item's put come in either order, and the put must win.
    if (isDefKey(key)) {
      if (!this.putDefs.has(key)) this.deletedDefs.add(key);
      return;
    }
    this.batch.del(key);
    this.stats.keysDeleted++;
  }

  /** Writes only what differs between an item's old keys and its new ones. */
  replace(oldKeys: Map<string, string>, newKeys: Map<string, string>): void {
    for (const [k, v] of newKeys) {
      const was = oldKeys.get(k);
      if (was === v) continue;
      // A ref contribution that changed may have changed files: both ends are noted.
      if (was !== undefined && isRefContribution(k)) this.targetRefs.note(k, was, v);
      else this.put(k, v);
    }
    for (const [k, v] of oldKeys) if (!newKeys.has(k)) this.del(k, v);
  }

  async write(): Promise<MergeStats> {
    // The cref keys it settles tell the lists which of them are still used.
    await this.targetRefs.settle((k, v) => this.put(k, v), (k) => this.del(k));
    await this.listCrates.settle((k, v) => this.putKey(k, v), (k) => this.delKey(k));
    await this.sets.settle((k, v) => this.putKey(k, v), (k) => this.delKey(k));
    await this.lists.settle((k, v) => this.putKey(k, v), (k) => this.delKey(k));
    // Last: the targets' own ref keys, whose directories the two settles before changed.
    await this.ownKeys.settle((k, v) => this.putKey(k, v), (k) => this.delKey(k));
    for (const k of this.deletedDefs) {
      this.batch.del(k);
      this.stats.keysDeleted++;
    }
    await this.batch.write();
    return this.stats;
  }

  async abandon(): Promise<void> {
    await this.batch.close();
  }
}

export interface MergeOptions {
  /**
   * The directory the dumps' paths are relative to. With it, docs that are a def's `///` lines
   * in its file are read from there when asked for, not stored (source-docs.ts).
   */
  sourceRoot?: string;
}

/** How a merge turns a dump's records into what the store keeps. */
export function recordStorer(options: MergeOptions): (record: ItemRecord) => StoredItem {
  if (options.sourceRoot === undefined) return storedItem;
  const sources = new SourceFiles(options.sourceRoot);
  return (record) => sources.stored(record);
}

/**
 * Brings the store's copy of the dump's crate up to date with the dump, which must be valid
 * (parseDump validates). Items whose fingerprint and file are unchanged are not touched.
 */
export async function loadDump(store: Store, dump: Dump, options: MergeOptions = {}): Promise<MergeStats> {
  const toStored = recordStorer(options);
  const crate = crateId(dump.header.crate);
  const lines = new Map(dump.header.files.map((file) => [file.path, new LineIndex(file)]));
  const incoming = shapedRecords(dump.items, (path) => lines.get(path)!);
  const placesOf = (item: ItemRecord) => itemPlaces(lines.get(item.file)!, item.span[0]);

  const batch = new CountingBatch(store);
  try {
    const stale: string[] = [];
    const present = new Set<string>();
    for (const [k, value] of await store.entryTexts(ranges.itemsOf(crate))) {
      const id = keyParts(k)[1];
      present.add(id);
      const next = incoming.get(id);
      if (next === undefined) batch.stats.itemsRemoved++;
      else if (itemStamp(next.fingerprint, next.file) !== stampOf(value)) batch.stats.itemsChanged++;
      else continue;
      stale.push(id);
    }
    const stored = new StoredPlaces(store, crate);
    await forOldItems(store, crate, stale, async (old) => {
      const next = incoming.get(old.item);
      batch.replace(deriveItemKeys(crate, old, await stored.of(old)), next ? deriveItemKeys(crate, toStored(next), placesOf(next)) : new Map());
    });
    batch.targetRefs.freshCrate = present.size === 0;
    for (const [id, item] of incoming) {
      if (present.has(id)) continue;
      batch.stats.itemsAdded++;
      for (const [k, v] of deriveItemKeys(crate, toStored(item), placesOf(item))) batch.put(k, v);
    }
    await writeFileTablesAndHeader(store, batch, crate, dump);
    await writeVocabulary(store, batch, crate, dump);
    return await batch.write();
  } catch (error) {
    await batch.abandon();
    throw error;
  }
}

/** Deletes every key of a crate. Returns zero stats for a crate the store does not have. */
export async function removeCrate(store: Store, crate: string): Promise<MergeStats> {
  const header = await store.getJson<CrateHeader>(keys.crate(crate));
  if (header === undefined) return emptyStats();
  const batch = new CountingBatch(store);
  try {
    const ids: string[] = [];
    for await (const k of store.keys(ranges.itemsOf(crate))) ids.push(keyParts(k)[1]);
    batch.stats.itemsRemoved = ids.length;
    const stored = new StoredPlaces(store, crate);
    await forOldItems(store, crate, ids, async (old) => {
      for (const [k, v] of deriveItemKeys(crate, old, await stored.of(old))) batch.del(k, v);
    });
    for (const path of header.files) batch.del(keys.file(path, crate));
    batch.del(keys.crate(crate));
    await deleteVocabulary(store, batch, crate);
    return await batch.write();
  } catch (error) {
    await batch.abandon();
    throw error;
  }
}

export async function forOldItems(
  store: Store, crate: string, ids: string[], visit: (old: StoredItem, stamp: string) => Promise<void>, absent?: (id: string) => void,
): Promise<void> {
  for (let i = 0; i < ids.length; i += READ_CHUNK) {
    const chunk = ids.slice(i, i + READ_CHUNK);
    const records = await readStampedItems(store, crate, chunk);
    for (const [j, record] of records.entries()) {
      if (record !== undefined) await visit(record.item, record.stamp);
      else if (absent !== undefined) absent(chunk[j]);
      else throw new InconsistentIndexError(`no record for ${chunk[j]}`);
    }
  }
}

/**
 * A dump's records by id, each with its fingerprint shaped by its lines (shapedFingerprint), so
 * that its stamp changes when the places of its refs do.
 */
export function shapedRecords(items: readonly ItemRecord[], linesOf: (path: string) => LineIndex): Map<string, ItemRecord> {
  return new Map(items.map((item) => [item.item, { ...item, fingerprint: shapedFingerprint(item, linesOf(item.file)) }]));
}

/**
 * Where the stored items of a crate start, from the file tables the store holds (read once per
 * file, before the batch rewrites them): what places an old item's refs in the keys it wrote.
 */
export class StoredPlaces {
  private readonly tables = new Map<string, Promise<StoredTable | undefined>>();

  constructor(
    private readonly store: Store,
    private readonly crate: string,
  ) {}

  async of(item: StoredItem): Promise<ItemPlaces> {
    const found = await this.table(item.file);
    const start = found?.starts.get(item.item);
    if (found === undefined || start === undefined) throw new InconsistentIndexError(`${item.item} is not in the stored table of ${item.file}`);
    return itemPlaces(found.lines, start);
  }

  /** A file's table as the store holds it, read once. */
  table(path: string): Promise<StoredTable | undefined> {
    let table = this.tables.get(path);
    if (table === undefined) this.tables.set(path, (table = this.read(path)));
    return table;
  }

  private async read(path: string): Promise<StoredTable | undefined> {
    const text = await this.store.db.get(keys.file(path, this.crate));
    if (text === undefined) return undefined;
    const table = decodeFileTable(text);
    return { text, table, lines: new LineIndex(table), starts: new Map(table.items.map(([id, start]) => [id, start])) };
  }
}

/** A file table as stored: its text, decoded, its lines, and where each item starts. */
interface StoredTable {
  text: string;
  table: FileTable;
  lines: LineIndex;
  starts: Map<string, number>;
}

/** File tables and the crate header are compared as JSON text and written only when they differ. */
async function writeFileTablesAndHeader(store: Store, batch: CountingBatch, crate: string, dump: Dump): Promise<void> {
  const headerKey = keys.crate(crate);
  const oldHeaderText = await store.db.get(headerKey);
  const oldFiles = oldHeaderText === undefined ? [] : (JSON.parse(oldHeaderText) as CrateHeader).files;

  const tables = fileTables(dump);
  const paths = [...tables.keys()];
  const oldTexts = await store.db.getMany(paths.map((path) => keys.file(path, crate)));
  paths.forEach((path, i) => {
    const text = encodeFileTable(tables.get(path)!);
    if (oldTexts[i] !== text) batch.put(keys.file(path, crate), text);
  });
  for (const path of oldFiles) if (!tables.has(path)) batch.del(keys.file(path, crate));

  const headerText = JSON.stringify(crateHeader(crate, dump));
  if (headerText !== oldHeaderText) batch.put(headerKey, headerText);
}

function fileTables(dump: Dump): Map<string, FileTable> {
  const itemsByFile = new Map<string, FileItem[]>();
  for (const file of dump.header.files) itemsByFile.set(file.path, []);
  for (const item of dump.items) itemsByFile.get(item.file)!.push([item.item, item.span[0], item.span[1], ...hitSpan(item)]);
  const tables = new Map<string, FileTable>();
  for (const file of dump.header.files) tables.set(file.path, fileTable(file, itemsByFile.get(file.path)!));
  return tables;
}

/** A file's table: its line tables, and its items sorted for the innermost-item lookup. */
export function fileTable(file: FileEntry, items: FileItem[]): FileTable {
  // Outer before inner at one start, so the last containing item in the list is the innermost.
  items.sort((a, b) => a[1] - b[1] || b[2] - a[2] || compareStrings(a[0], b[0]));
  const { hash, bytes, lines, lineStarts, multibyte } = file;
  return { hash, bytes, lines, lineStarts, multibyte, items };
}

function crateHeader(crate: string, dump: Dump): CrateHeader {
  let defs = 0;
  let refs = 0;
  for (const item of dump.items) {
    defs += item.defs.length;
    refs += item.refs.length;
  }
  const { schemaVersion, tool, dependencies, files } = dump.header;
  return {
    id: crate,
    schemaVersion,
    tool,
    crate: dump.header.crate,
    dependencies,
    files: files.map((f) => f.path),
    counts: { items: dump.items.length, defs, refs },
    ...(dump.header.digest === undefined ? {} : { digest: dump.header.digest }),
  };
}
