// Docs that are the `///` comments above a def are read from its source file when asked for, not
// stored: they were 5 MB of std's def keys, a third of them on disk, and only hover shows them.
// So are a file module's `//!` docs, the lines at the top of its file (0.26 MB of std's store).
// The merge keeps a def's docs out of its def key when those lines, read from the file as it is
// then, give exactly the front end's docs; the key then holds a hash of them, with which hover
// tells the docs it reads from a file edited since (and not indexed again) from the right ones.
// Any other docs (`#[doc = …]`, `/** */`, a `mod x;`'s `///` lines joined to its file's `//!`
// ones) are stored as they are.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Def, ItemRecord } from '../../schema/src/index.js';
import { storedItem, type StoredItem } from './keys.js';

/** A def whose docs its def key holds as a hash of them: they are in its source (this file). */
export interface SourceDocsDef extends Def {
  docsInSource?: string;
}

/** A def the docs of which may be in its source: what says where they are. */
type DocsPlace = Pick<Def, 'kind' | 'span' | 'nameSpan'>;

/**
 * The doc comments a def's docs would be: `//!` for a file module's def, which has no name in its
 * file (the crate root's, a `mod x;`'s, whose record spans the file's inner docs and attributes),
 * else `///`.
 */
function markerOf(def: DocsPlace): '///' | '//!' {
  const fileModule = (def.kind === 'mod' || def.kind === 'crate') && def.nameSpan[0] === 0 && def.nameSpan[1] === 0;
  return fileModule ? '//!' : '///';
}

/**
 * The docs of the `marker` lines of `text` (`///` or `//!`), as the front end gives them
 * (frontend/src/syntax/docs.ts): each line's text after the marker, one leading space and a
 * trailing CR removed, joined by newlines; undefined when there is none. Other lines
 * (attributes, plain comments, the def's keywords) are passed over.
 */
export function lineDocs(text: string, marker: '///' | '//!' = '///'): string | undefined {
  const docs: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trimStart();
    if (!trimmed.startsWith(marker) || (marker === '///' && trimmed.startsWith('////'))) continue;
    const body = trimmed.slice(3).replace(/\r$/, '');
    docs.push(body.startsWith(' ') ? body.slice(1) : body);
  }
  return docs.length > 0 ? docs.join('\n') : undefined;
}

/**
 * 4 characters (24 bits) of a hash of docs: enough to tell a file edited since it was indexed, the
 * one thing it is for (hover then says so and shows what the file has). 8 took 0.04 MB more of
 * std's store.
 */
export function docsHash(docs: string): string {
  return createHash('sha1').update(docs).digest('base64url').slice(0, 4);
}

/**
 * Where a def's docs are in its file, its item starting at `itemStart`: its head, from its start
 * to its name, or a file module's whole def (markerOf).
 */
function headRange(itemStart: number, def: DocsPlace): [start: number, end: number] {
  const start = itemStart + def.span[0];
  if (markerOf(def) === '//!') return [start, itemStart + def.span[1]];
  return [start, Math.max(start, itemStart + def.nameSpan[0])];
}

function headText(source: Buffer, itemStart: number, def: DocsPlace): string {
  return source.toString('utf8', ...headRange(itemStart, def));
}

/**
 * The head of a def (headRange) read from the file at `path` alone: hover reads a few hundred
 * bytes, not the file (std's largest are 200 KB, which took hover's median from 0.04 to 0.07 ms).
 * Undefined when the file cannot be read.
 */
export function readHead(path: string, itemStart: number, def: DocsPlace): string | undefined {
  const [start, end] = headRange(itemStart, def);
  const bytes = Buffer.alloc(end - start);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const read = readSync(fd, bytes, 0, bytes.length, start);
    return bytes.toString('utf8', 0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Source files read once per merge: their bytes, or null for one that could not be read. */
export class SourceFiles {
  private readonly cache = new Map<string, Buffer | null>();

  constructor(readonly root: string) {}

  private read(path: string): Buffer | undefined {
    let bytes = this.cache.get(path);
    if (bytes === undefined) {
      try {
        bytes = readFileSync(resolve(this.root, path));
      } catch {
        bytes = null;
      }
      this.cache.set(path, bytes);
    }
    return bytes ?? undefined;
  }

  /**
   * The record as the store keeps it, each def whose docs are its `///` lines (a file module's
   * `//!` lines, markerOf) in the file as it is now holding their hash instead (storedItem
   * without sources).
   */
  stored(record: ItemRecord): StoredItem {
    const stored = storedItem(record);
    if (!stored.defs.some((def) => def.docs !== undefined)) return stored;
    const source = this.read(record.file);
    if (source === undefined) return stored;
    const defs = stored.defs.map((def): SourceDocsDef => {
      if (def.docs === undefined || lineDocs(headText(source, record.span[0], def), markerOf(def)) !== def.docs) return def;
      const { docs, ...rest } = def;
      return { ...rest, docsInSource: docsHash(docs) };
    });
    return { ...stored, defs };
  }
}

/**
 * A def read back from its def key, with its docs read from its head (readHead) if the key holds
 * their hash; `docsStale` when the file no longer has them.
 */
export function withSourceDocs(def: SourceDocsDef, head: string | undefined): Def & { docsStale?: true } {
  if (def.docsInSource === undefined) return def;
  const { docsInSource, ...rest } = def;
  const docs = head === undefined ? undefined : lineDocs(head, markerOf(def));
  return docs !== undefined && docsHash(docs) === docsInSource ? { ...rest, docs } : { ...rest, docsStale: true };
}
