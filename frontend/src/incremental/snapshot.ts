// What an analysis leaves in its dumps directory for the next one to start from (resume.ts):
// per crate, its dump and that dump's digest, the files it read with their size, mtime and hash,
// and each item record's fingerprints (fingerprints.ts); plus what the result reported, so that a
// run that changes nothing can report the same. Written after the dumps, renamed into place: a
// snapshot whose dumps are not those on disk any more (a crash between the two) does not match
// their digests, and the next run is a full one. `xref watch` (session.ts) rewrites it with the
// dumps it rewrites.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { FileDiagnostic } from '../analyze.js';
import type { CrateCtx, ItemRecordDraft } from '../resolve/model.js';
import { bytesPrint, type RecordPrint } from './fingerprints.js';
import type { RealIds } from '../std-src/real-ids.js';

const SNAPSHOT_FILE = 'snapshot.json';
const SNAPSHOT_FORMAT = 6;
/** Filesystems keep mtimes to a second or coarser on some systems; within it, size+mtime prove nothing. */
const MTIME_GRANULARITY_MS = 2000;

/** [absolute path, size, mtime in ms, sha1 hex of the bytes analyzed] */
export type FileStamp = [abs: string, size: number, mtimeMs: number, hash: string];

export interface CrateSnapshot {
  /** The crate target's key. */
  target: string;
  dump: string;
  digest: string;
  files: FileStamp[];
  /** Module files the crate looked for and did not find: if one appears, the crate is analyzed again. */
  missing: string[];
  /**
   * The file, beside the snapshot, of each record's id and [text, shape, defs] fingerprints,
   * tab-separated, a line each (`printsOf`), named by a hash of its text. A resumed analysis reads
   * only the changed crates': in the snapshot, they were most of its 7 MB on std.
   */
  prints: string;
  /**
   * A hash of every record's id, shape and defs prints: what the crate's bodies and its
   * dependents see of it. An unchanged surface keeps the surface image valid (surface/).
   */
  surface: string;
  /** What the result listed for this crate. */
  diagnostics: FileDiagnostic[];
  warnings: string[];
  items: number;
}

export interface Snapshot {
  format: number;
  /** The analysis options and the analyzing code: another key, another analysis. */
  key: string;
  /** The workspace's crate targets as discovery found them. */
  targets: string;
  /** When the analysis started: a file modified after that is checked by hash, whatever its mtime. */
  startedAtMs: number;
  crates: CrateSnapshot[];
  /**
   * In std's own workspace, the table's ids → the real ones, which its records took
   * (real-ids.ts): what a resumed analysis gives the records it resolves again.
   */
  realIds?: RealIds;
}

export function snapshotPath(outDir: string): string {
  return path.join(outDir, SNAPSHOT_FILE);
}

export function readSnapshot(outDir: string): Snapshot | undefined {
  try {
    const snapshot = JSON.parse(readFileSync(snapshotPath(outDir), 'utf8')) as Snapshot;
    return snapshot.format === SNAPSHOT_FORMAT ? snapshot : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the snapshot, then deletes the prints files it no longer names (written before it, by `storePrints`). */
export function writeSnapshot(outDir: string, snapshot: Omit<Snapshot, 'format'>): void {
  const file = snapshotPath(outDir);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ format: SNAPSHOT_FORMAT, ...snapshot }));
  renameSync(temp, file);
  const named = new Set(snapshot.crates.map((c) => c.prints));
  for (const f of readdirSync(outDir)) if (f.startsWith(PRINTS_PREFIX) && !named.has(f)) rmSync(path.join(outDir, f), { force: true });
}

const PRINTS_PREFIX = 'prints-';

/** Keeps a crate's prints text in `outDir`; returns its file's name. A file of that name holds that text already. */
export function storePrints(outDir: string, text: string): string {
  const name = `${PRINTS_PREFIX}${createHash('sha1').update(text).digest('hex').slice(0, 16)}.tsv`;
  const file = path.join(outDir, name);
  if (!existsSync(file)) {
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, file);
  }
  return name;
}

/**
 * The prints file of crate snapshot `before` with new text prints for the records at `spans` of
 * each file (those an edit was in, whose bytes changed), from the file's new bytes.
 */
export function withTextPrints(
  outDir: string, before: CrateSnapshot, spans: ReadonlyMap<string, ReadonlyArray<[item: string, start: number, end: number]>>, srcOf: (file: string) => Uint8Array,
): string {
  const texts = new Map<string, string>();
  for (const [file, records] of spans) for (const [id, start, end] of records) texts.set(id, bytesPrint(srcOf(file), [start, end]));
  if (texts.size === 0) return before.prints;
  const lines = printsText(outDir, before).split('\n').map((line) => {
    const tab = line.indexOf('\t');
    const text = texts.get(line.slice(0, tab));
    return text === undefined ? line : `${line.slice(0, tab)}\t${text}${line.slice(line.indexOf('\t', tab + 1))}`;
  });
  return storePrints(outDir, lines.join('\n'));
}

/** The prints text of a crate snapshot of `outDir`; empty when its file is gone (every record then counts as changed). */
export function printsText(outDir: string, crate: CrateSnapshot): string {
  try {
    return readFileSync(path.join(outDir, crate.prints), 'utf8');
  } catch {
    return '';
  }
}

/** A hash of a JSON value, to compare keys and target lists without keeping them whole. */
export function digestOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('hex');
}

/** The snapshot of a crate just analyzed, whose dumps directory is `outDir`; `surface` is `surfaceDigest(crate, prints)`. */
export function crateSnapshot(
  outDir: string, crate: CrateCtx, dump: string, digest: string, prints: ReadonlyMap<ItemRecordDraft, RecordPrint>, surface: string,
  diagnostics: FileDiagnostic[], warnings: string[],
): CrateSnapshot {
  const lines: string[] = [];
  for (const r of crate.records) {
    const p = prints.get(r);
    if (p !== undefined) lines.push(`${r.id}\t${p.text}\t${p.shape}\t${p.defs}`);
  }
  return {
    target: crate.target.key, dump, digest, files: crate.loaded.files.map(stampOf), missing: crate.loaded.missing,
    prints: storePrints(outDir, lines.join('\n')), surface, diagnostics, warnings, items: crate.records.length,
  };
}

/** The `surface` of a crate snapshot: a hash of each record's id with its shape and defs prints. */
export function surfaceDigest(crate: CrateCtx, prints: ReadonlyMap<ItemRecordDraft, RecordPrint>): string {
  const h = createHash('sha1');
  for (const r of crate.records) {
    const p = prints.get(r);
    if (p !== undefined) h.update(`${r.id}\t${p.shape}\t${p.defs}\n`);
  }
  return h.digest('base64');
}

/** A crate's record prints by item id: [text, shape, defs]. No id holds a tab or a newline. */
export function printsOf(outDir: string, crate: CrateSnapshot): Map<string, [text: string, shape: string, defs: string]> {
  const out = new Map<string, [string, string, string]>();
  const text = printsText(outDir, crate);
  if (text === '') return out;
  for (const line of text.split('\n')) {
    const [id, text, shape, defs] = line.split('\t');
    out.set(id, [text, shape, defs]);
  }
  return out;
}

function stampOf(f: { abs: string; entry: { hash: string } }): FileStamp {
  return stampFile(f.abs, f.entry.hash);
}

/** The stamp of the file at `abs` now, whose bytes were analyzed with sha1 `hash`. */
export function stampFile(abs: string, hash: string): FileStamp {
  const stat = statSync(abs, { throwIfNoEntry: false });
  return [abs, stat?.size ?? -1, stat?.mtimeMs ?? -1, hash];
}

/**
 * Whether the file is still the one stamped: the same size and mtime, from well before the
 * stamped analysis started; or else the same bytes.
 */
export function unchangedSince(stamp: FileStamp, startedAtMs: number): boolean {
  const [abs, size, mtimeMs, hash] = stamp;
  const stat = statSync(abs, { throwIfNoEntry: false });
  if (stat === undefined) return false;
  if (stat.size === size && stat.mtimeMs === mtimeMs && startedAtMs - mtimeMs > MTIME_GRANULARITY_MS) return true;
  if (stat.size !== size) return false;
  try {
    return createHash('sha1').update(readFileSync(abs)).digest('hex') === hash;
  } catch {
    return false;
  }
}
