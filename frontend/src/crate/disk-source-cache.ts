// Parsed files kept on disk from one analysis to the next, for a one-shot `xref index` that
// resumes (incremental/resume.ts): it loads the crates around an edit again, and reading their
// unchanged files back is several times cheaper than lexing and parsing them (std's core and
// alloc, 323 files: 262 ms against 1.73 s, bench/RESULTS.md). An entry is named by the hash of the file's
// bytes and its edition, in a directory named by the analyzing code, so it is never stale: a
// file that changed has another hash, a new build of xref another directory. Each crate's macro
// expansions' parses are kept beside them, one file per crate (expand/expansion-parses.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileEntry } from '../../../schema/src/index.js';
import type { Edition, TokenStream } from '../syntax/lexer.js';
import type { ParsedFile } from '../syntax/ast.js';
import { relativePath, type SourceFile, type SourceReader } from './modules.js';
import { parsedJsonOf } from '../parallel/source-wire.js';
import { ExpansionParses } from '../expand/expansion-parses.js';

/**
 * What an entry holds: the file but for its paths. Its bytes are read again to check the hash;
 * kept, they tell what an edit changed when the file is the old side of it (`sourceOf`).
 */
interface Entry {
  entry: Omit<FileEntry, 'path'>;
  ts: TokenStream;
  /** The AST as JSON, as it crosses from a worker thread (parallel/source-wire.ts): it holds only plain data. */
  parsedJson: string;
}

export class DiskSourceCache {
  private readonly dir: string;
  /** The expansion parses of each crate this analysis loaded, by crate key. */
  private readonly expansions = new Map<string, ExpansionParses>();

  /**
   * `root` is the cache's directory; the analyzing code's fingerprint names the one it uses.
   * Without `reuse` it only writes entries: `xref index --full` parses everything again.
   */
  constructor(root: string, codeFingerprint: string, private readonly reuse = true) {
    this.dir = path.join(root, codeFingerprint.slice(0, 16));
  }

  /**
   * A reader that takes a file from the cache when its bytes hash the same, and otherwise reads
   * it through `fallback` and keeps it. An entry that cannot be read is parsed again.
   */
  readerOver(fallback: SourceReader, workspaceRoot: string): SourceReader {
    return async (abs, edition) => {
      const bytes = new Uint8Array(readFileSync(abs));
      const hash = createHash('sha1').update(bytes).digest('hex');
      const name = entryName(hash, edition);
      const cached = this.reuse ? this.load(name) : undefined;
      if (cached !== undefined) return sourceOfEntry(cached, abs, relativePath(workspaceRoot, abs), bytes);
      const file = await fallback(abs, edition);
      // Kept only when what was parsed is what was hashed: the file may have changed in between.
      // A cache that cannot be written (a full disk, another process cleaning it) costs a parse later, nothing more.
      if (file.entry.hash === hash) {
        try {
          this.store(name, file);
        } catch {
          // Left unwritten.
        }
      }
      return file;
    };
  }

  /**
   * The file at `abs` (`rel` from the workspace root) as the last analysis that parsed it left
   * it, when its bytes hashed to `hash`: the old side of an edit (incremental/body-edits.ts).
   */
  sourceOf(hash: string, edition: Edition, abs: string, rel: string): SourceFile | undefined {
    const cached = this.reuse ? this.load(entryName(hash, edition)) : undefined;
    return cached && sourceOfEntry(cached, abs, rel, cached.ts.src);
  }

  /** Keeps a file parsed outside a reader (incremental/body-edits.ts), so that the next edit of it finds its parse. */
  keepSource(file: SourceFile, edition: Edition): void {
    try {
      this.store(entryName(file.entry.hash, edition), file);
    } catch {
      // Left unwritten: the next edit of the file binds its crate.
    }
  }

  /** The macro expansions' parses of the crate `crateKey` (expand/expansion-parses.ts), as the last analysis that loaded it left them. */
  expansionsOf(crateKey: string): ExpansionParses {
    let parses = this.expansions.get(crateKey);
    if (parses === undefined) {
      const known = this.reuse ? this.loadAny<Map<string, string>>(expansionsName(crateKey)) : undefined;
      this.expansions.set(crateKey, (parses = new ExpansionParses(known)));
    }
    return parses;
  }

  /** Keeps the expansion parses of the crates this analysis loaded: those it made or used. */
  writeExpansions(): void {
    for (const [crateKey, parses] of this.expansions) {
      try {
        this.write(expansionsName(crateKey), serialize(parses.used));
      } catch {
        // Left unwritten, as a file entry.
      }
    }
  }

  /**
   * Deletes the entries of files whose hash is not in `hashes` and the expansion parses of crates
   * not in `crateKeys`, what a killed process left half written, and the directories of other builds.
   */
  keepOnly(hashes: ReadonlySet<string>, crateKeys: readonly string[]): void {
    const root = path.dirname(this.dir);
    if (!existsSync(root)) return;
    for (const d of readdirSync(root)) if (path.join(root, d) !== this.dir) rmSync(path.join(root, d), { recursive: true, force: true });
    if (!existsSync(this.dir)) return;
    const crates = new Set(crateKeys.map(expansionsName));
    for (const f of readdirSync(this.dir)) {
      const kept = f.startsWith(EXPANSIONS_PREFIX) ? crates.has(f) : f.endsWith(ENTRY_SUFFIX) && hashes.has(f.slice(0, f.indexOf('-')));
      if (!kept) rmSync(path.join(this.dir, f), { force: true });
    }
  }

  private load(name: string): Entry | undefined {
    return this.loadAny<Entry>(name);
  }

  private loadAny<T>(name: string): T | undefined {
    try {
      return deserialize(readFileSync(path.join(this.dir, name))) as T;
    } catch {
      return undefined;
    }
  }

  private store(name: string, source: SourceFile): void {
    const { entry: { path: _path, ...entry }, ts } = source;
    this.write(name, serialize({ entry, ts, parsedJson: parsedJsonOf(source) } satisfies Entry));
  }

  private write(name: string, bytes: Uint8Array): void {
    mkdirSync(this.dir, { recursive: true });
    const file = path.join(this.dir, name);
    // Renamed into place: a reader never sees half an entry.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  }
}

/** The file an entry holds, at `abs` (`rel` from the workspace root), with bytes `src`. */
function sourceOfEntry(cached: Entry, abs: string, rel: string, src: Uint8Array): SourceFile {
  return { abs, rel, entry: { path: rel, ...cached.entry }, ts: { ...cached.ts, src }, parsed: JSON.parse(cached.parsedJson) as ParsedFile };
}

const ENTRY_SUFFIX = '.v8';
const EXPANSIONS_PREFIX = 'expansions-';

/** The file of a crate's expansion parses, named by a hash of its key (which holds spaces and paths). */
function expansionsName(crateKey: string): string {
  return `${EXPANSIONS_PREFIX}${createHash('sha1').update(crateKey).digest('hex')}${ENTRY_SUFFIX}`;
}

function entryName(hash: string, edition: Edition): string {
  return `${hash}-${edition}${ENTRY_SUFFIX}`;
}
