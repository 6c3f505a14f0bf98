// Applies dump patches: the records of the items an edit changed in one file of a crate, with
// the file's new tables (schema `DumpPatch`). Each patch is one LevelDB batch, as a whole dump's
// merge is, so a reader or a crash sees the crate entirely before or after the edit.
import type { DumpPatch } from '../../schema/src/index.js';
import { InconsistentIndexError } from './errors.js';
import { deriveItemKeys, keys, type CrateHeader, type FileItem } from './keys.js';
import { encodeFileTable, hitSpan, itemStamp } from './records.js';
import { addStats, CountingBatch, emptyStats, fileTable, forOldItems, recordStorer, shapedRecords, StoredPlaces, type MergeOptions, type MergeStats } from './merge.js';
import { itemPlaces } from './item-places.js';
import { LineIndex } from '../../schema/src/lines.js';
import type { Store } from './store.js';
import { indexDumps, type IndexDumpsOptions, type IndexResult } from './load.js';

/** What a front end's run produced: dumps to merge, or patches when it took an edit incrementally. */
export interface AnalysisOutput {
  dumpFiles: string[];
  patches?: DumpPatch[];
}

/**
 * Brings the store up to date with a front end's run, whichever form its output took: dumps, or
 * patches alone (`xref watch`), or dumps and patches of some of them (a one-shot resume), which
 * a crate whose stored dump is the patches' base takes instead of its new dump.
 */
export async function indexAnalysis(store: Store, output: AnalysisOutput, options: IndexDumpsOptions = {}): Promise<IndexResult> {
  if (output.patches === undefined) return indexDumps(store, output.dumpFiles, options);
  if (output.dumpFiles.length > 0) return indexDumps(store, output.dumpFiles, { ...options, shortcut: patchesOfDumps(store, output.patches, options) });
  const stats = await applyPatches(store, output.patches, options);
  const crates = new Set(output.patches.map((p) => p.crate)).size;
  return { ...stats, cratesLoaded: crates, cratesUnchanged: 0, cratesRemoved: 0, failures: [] };
}

export async function applyPatches(store: Store, patches: readonly DumpPatch[], options: MergeOptions = {}): Promise<MergeStats> {
  const total = emptyStats();
  for (const patch of patches) addStats(total, await applyPatch(store, patch, undefined, options));
  await store.db.put(keys.indexedAt(), JSON.stringify(new Date().toISOString()));
  return total;
}

/** `indexDumps`' shortcut: a crate's patches, when its stored dump is their base and its new one their result. */
function patchesOfDumps(store: Store, patches: readonly DumpPatch[], options: MergeOptions): NonNullable<IndexDumpsOptions['shortcut']> {
  const byCrate = new Map<string, DumpPatch[]>();
  for (const p of patches) {
    const list = byCrate.get(p.crate);
    if (list) list.push(p);
    else byCrate.set(p.crate, [p]);
  }
  return async (crate, digest, storedDigest) => {
    const list = byCrate.get(crate);
    const dump = list?.[0].dump;
    if (list === undefined || dump === undefined || dump.digest !== digest || dump.base !== storedDigest) return undefined;
    const total = emptyStats();
    // One batch per patch: until the last, the header has no digest, and a crash leaves a dump to merge.
    for (const [i, p] of list.entries()) addStats(total, await applyPatch(store, p, i === list.length - 1 ? digest : undefined, options));
    return total;
  };
}

/**
 * Writes what differs between the stored records of the patch's items and the new ones, the
 * file's table, and the crate's counts. The crate header loses its digest, unless `digest` is the
 * dump the store now holds exactly: otherwise the next whole dump of the crate is merged, not skipped.
 */
export async function applyPatch(store: Store, patch: DumpPatch, digest?: string, options: MergeOptions = {}): Promise<MergeStats> {
  const toStored = recordStorer(options);
  const { crate, file } = patch;
  const headerKey = keys.crate(crate);
  const headerText = await store.db.get(headerKey);
  const header = headerText === undefined ? undefined : (JSON.parse(headerText) as CrateHeader);
  if (header === undefined) throw new InconsistentIndexError(`a patch for crate '${crate}', which the index does not have`);
  if (!header.files.includes(file.path)) throw new InconsistentIndexError(`a patch for ${file.path}, which crate '${crate}' does not have`);

  const batch = new CountingBatch(store);
  try {
    const counts = { ...header.counts };
    const lines = new LineIndex(file);
    const incoming = shapedRecords(patch.items, () => lines);
    const stored = new StoredPlaces(store, crate);
    // Each record is read once: its stamp says whether the item changed, its keys what to replace.
    const added: string[] = [];
    await forOldItems(store, crate, [...incoming.keys()], async (old, stamp) => {
      const next = incoming.get(old.item)!;
      counts.defs += next.defs.length - old.defs.length;
      counts.refs += next.refs.length - old.refs.length;
      if (itemStamp(next.fingerprint, next.file) === stamp) return;
      batch.stats.itemsChanged++;
      batch.replace(deriveItemKeys(crate, old, await stored.of(old)), deriveItemKeys(crate, toStored(next), itemPlaces(lines, next.span[0])));
    }, (id) => added.push(id));
    for (const id of added) {
      const next = incoming.get(id)!;
      batch.stats.itemsAdded++;
      counts.items++;
      counts.defs += next.defs.length;
      counts.refs += next.refs.length;
      for (const [k, v] of deriveItemKeys(crate, toStored(next), itemPlaces(lines, next.span[0]))) batch.put(k, v);
    }

    const tableKey = keys.file(file.path, crate);
    const oldTable = await stored.table(file.path);
    // An unchanged item keeps its hit span, which is relative to its start; a changed one's is new.
    const hits = new Map<string, readonly [number, number]>(
      oldTable === undefined ? [] : oldTable.table.items.map(([id, , , hitStart, hitEnd]) => [id, [hitStart, hitEnd]]),
    );
    for (const item of patch.items) hits.set(item.item, hitSpan(item));
    const table = encodeFileTable(fileTable(file, patch.fileItems.map(([id, start, end]): FileItem => [id, start, end, ...hits.get(id) ?? [0, end - start]])));
    if (oldTable?.text !== table) batch.put(tableKey, table);
    const { digest: _stale, ...rest } = header;
    const newHeader = JSON.stringify({ ...rest, counts, ...(digest === undefined ? {} : { digest }) });
    if (newHeader !== headerText) batch.put(headerKey, newHeader);
    return await batch.write();
  } catch (error) {
    await batch.abandon();
    throw error;
  }
}
