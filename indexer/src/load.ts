// Indexes a set of dump files: each valid dump is merged (one batch per crate), a dump that
// fails to read or validate is reported and leaves the store as it was for that dump, and
// crates the set no longer has are removed. A dump whose header digest matches the one loaded
// last time is skipped after reading its first line alone: an edit in one crate of a large workspace
// merges that crate alone.
import { readFile } from 'node:fs/promises';
import { crateId, DumpFormatError, parseDump, readDumpIdentity, SchemaVersionError } from '../../schema/src/index.js';
import { DumpSetError } from './errors.js';
import { keyParts, KeyPartError, keys, ranges, type CrateHeader } from './keys.js';
import { addStats, emptyStats, loadDump, removeCrate, type MergeOptions, type MergeStats } from './merge.js';
import type { Store } from './store.js';

export interface DumpFailure {
  file: string;
  /** One line, naming the file and where in it the problem is. */
  message: string;
}

export interface IndexResult extends MergeStats {
  cratesLoaded: number;
  /** Crates whose dump has the digest of the one loaded last time: not merged again. */
  cratesUnchanged: number;
  cratesRemoved: number;
  /**
   * Dumps that were not loaded. When any dump failed, no crate is removed: a bad dump's
   * crate cannot be told apart from a crate that left the workspace.
   */
  failures: DumpFailure[];
}

const COMPACT_FROM_KEYS = 10_000;

export interface IndexDumpsOptions extends MergeOptions {
  /** For a progress display: called before each dump and at the end, with the dumps gone through (loaded, unchanged or refused). */
  onProgress?: (done: number, total: number) => void;
  /**
   * A cheaper way to a crate's new dump (patch.ts, a one-shot resume's patches): given the crate,
   * its new dump's digest and the stored one's, what it wrote, or undefined to merge the dump.
   */
  shortcut?: (crate: string, digest: string, storedDigest: string | undefined) => Promise<MergeStats | undefined>;
}

export async function indexDumps(store: Store, dumpFiles: string[], options: IndexDumpsOptions = {}): Promise<IndexResult> {
  const result: IndexResult = { ...emptyStats(), cratesLoaded: 0, cratesUnchanged: 0, cratesRemoved: 0, failures: [] };
  const loadedFrom = new Map<string, string>();
  for (const [i, file] of dumpFiles.entries()) {
    options.onProgress?.(i, dumpFiles.length);
    try {
      // The dump is read and checked whole only when it is to be merged.
      const header = readDumpIdentity(file);
      const crate = crateId(header.crate);
      const earlier = loadedFrom.get(crate);
      if (earlier !== undefined) throw new DumpSetError(`${file}: crate '${crate}' was already loaded from ${earlier}`);
      const stored = header.digest === undefined ? undefined : (await store.getJson<CrateHeader>(keys.crate(crate)))?.digest;
      if (header.digest !== undefined && stored === header.digest) {
        loadedFrom.set(crate, file);
        result.cratesUnchanged++;
        continue;
      }
      const patched = header.digest === undefined ? undefined : await options.shortcut?.(crate, header.digest, stored);
      if (patched !== undefined) {
        addStats(result, patched);
        loadedFrom.set(crate, file);
        result.cratesLoaded++;
        continue;
      }
      addStats(result, await loadDump(store, parseDump(await readFile(file, 'utf8'), file), options));
      loadedFrom.set(crate, file);
      result.cratesLoaded++;
    } catch (error) {
      if (!isDumpProblem(error)) throw error;
      const message = (error as Error).message;
      result.failures.push({ file, message: message.startsWith(file) ? message : `${file}: ${message}` });
    }
  }
  options.onProgress?.(dumpFiles.length, dumpFiles.length);
  if (result.failures.length === 0) {
    const gone: string[] = [];
    for await (const k of store.keys(ranges.crates())) {
      const crate = keyParts(k)[0];
      if (!loadedFrom.has(crate)) gone.push(crate);
    }
    for (const crate of gone) {
      addStats(result, await removeCrate(store, crate));
      result.cratesRemoved++;
    }
  }
  await store.db.put(keys.indexedAt(), JSON.stringify(new Date().toISOString()));
  // After a large load, compact at once rather than leave the store at twice its size in logs
  // and overlapping levels until LevelDB gets to it (std: 30 ms).
  if (result.keysWritten + result.keysDeleted >= COMPACT_FROM_KEYS) await store.compact();
  return result;
}

/** Errors that condemn one dump but not the run; anything else (the store failing) propagates. */
function isDumpProblem(error: unknown): boolean {
  if (error instanceof DumpFormatError || error instanceof SchemaVersionError) return true;
  if (error instanceof DumpSetError || error instanceof KeyPartError) return true;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES';
}
