// Parsed files kept between analyses of a long-running process (`xref watch`). A file whose size
// and mtime are unchanged is taken as it is; one whose bytes hash the same is too; any other is
// read again, and then only its changed items are parsed again (ItemCache).
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Edition } from '../syntax/lexer.js';
import { ItemCache } from '../syntax/item-cache.js';
import { readSourceFile, type SourceFile, type SourceReader } from './modules.js';

interface Cached {
  file: SourceFile;
  edition: Edition;
  workspaceRoot: string;
  size: number;
  mtimeMs: number;
  /** When the file was read: an mtime this close to it may hide a later write (see `read`). */
  readAtMs: number;
}

/** Filesystems keep mtimes to a second or coarser on some systems; within it, size+mtime prove nothing. */
const MTIME_GRANULARITY_MS = 2000;

export interface SourceCacheStats {
  /** Files taken as they were, by size and mtime or by hash. */
  reused: number;
  /** Files read and parsed again. */
  parsed: number;
}

export class SourceCache {
  private readonly files = new Map<string, Cached>();
  private readonly items = new ItemCache();
  private counts: SourceCacheStats = { reused: 0, parsed: 0 };

  /** The file at `abs` as parsed now, from the cache when it has not changed. */
  read(abs: string, workspaceRoot: string, edition: Edition): SourceFile {
    const stat = statSync(abs);
    const known = this.files.get(abs);
    const same = known !== undefined && known.edition === edition && known.workspaceRoot === workspaceRoot;
    if (same && known.size === stat.size && known.mtimeMs === stat.mtimeMs && known.readAtMs - stat.mtimeMs > MTIME_GRANULARITY_MS) {
      this.counts.reused++;
      return known.file;
    }
    const bytes = new Uint8Array(readFileSync(abs));
    const readAtMs = Date.now();
    const hash = createHash('sha1').update(bytes).digest('hex');
    if (same && known.file.entry.hash === hash) {
      this.files.set(abs, { ...known, size: stat.size, mtimeMs: stat.mtimeMs, readAtMs });
      this.counts.reused++;
      return known.file;
    }
    const file = readSourceFile(abs, workspaceRoot, edition, { bytes, hash, itemCache: this.items });
    this.files.set(abs, { file, edition, workspaceRoot, size: stat.size, mtimeMs: stat.mtimeMs, readAtMs });
    this.counts.parsed++;
    return file;
  }

  /**
   * A reader that takes files from this cache, and reads a file it has never seen through
   * `fallback` (on worker threads, for a first analysis) and keeps it.
   */
  readerOver(fallback: SourceReader, workspaceRoot: string): SourceReader {
    return async (abs, edition) => {
      if (this.files.has(abs)) return this.read(abs, workspaceRoot, edition);
      const file = await fallback(abs, edition);
      const stat = statSync(abs);
      // The file may have changed between the read and this stat: the next read checks its hash.
      this.files.set(abs, { file, edition, workspaceRoot, size: stat.size, mtimeMs: stat.mtimeMs, readAtMs: stat.mtimeMs });
      this.counts.parsed++;
      return file;
    };
  }

  /** Counts since the last call. */
  takeStats(): SourceCacheStats {
    const out = this.counts;
    this.counts = { reused: 0, parsed: 0 };
    return out;
  }
}
