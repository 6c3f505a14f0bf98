// What an analysis leaves in its dumps directory for the next one to start from (resume.ts):
// per crate, its dump and that dump's digest, the files it read with their size, mtime and hash,
// and each item record's fingerprints (fingerprints.ts); plus what the result reported, so that a
// run that changes nothing can report the same. Written after the dumps, renamed into place: a
// snapshot whose dumps are not those on disk any more (a crash between the two) does not match
// their digests, and the next run is a full one. `xref watch` (session.ts) rewrites it with the
// dumps it rewrites.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { FileDiagnostic } from '../analyze.js';
import type { CrateCtx, ItemRecordDraft } from '../resolve/model.js';
import type { RecordPrint } from './fingerprints.js';
import type { RealIds } from '../std-src/real-ids.js';

const SNAPSHOT_FILE = 'snapshot.json';
const SNAPSHOT_FORMAT = 5;
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
   * Each record's id and [text, shape, defs] fingerprints, tab-separated, a line each (`printsOf`):
   * one string per crate, which a resumed analysis parses only for the crates it loads. As
   * objects they were most of the snapshot's time to read and write (7 MB on std).
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

export function writeSnapshot(outDir: string, snapshot: Omit<Snapshot, 'format'>): void {
  const file = snapshotPath(outDir);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ format: SNAPSHOT_FORMAT, ...snapshot }));
  renameSync(temp, file);
}

/** A hash of a JSON value, to compare keys and target lists without keeping them whole. */
export function digestOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('hex');
}

/** The snapshot of a crate just analyzed. */
export function crateSnapshot(
  crate: CrateCtx, dump: string, digest: string, prints: ReadonlyMap<ItemRecordDraft, RecordPrint>,
  diagnostics: FileDiagnostic[], warnings: string[],
): CrateSnapshot {
  const lines: string[] = [];
  for (const r of crate.records) {
    const p = prints.get(r);
    if (p !== undefined) lines.push(`${r.id}\t${p.text}\t${p.shape}\t${p.defs}`);
  }
  return {
    target: crate.target.key, dump, digest, files: crate.loaded.files.map(stampOf), missing: crate.loaded.missing,
    prints: lines.join('\n'), surface: surfaceDigest(crate, prints), diagnostics, warnings, items: crate.records.length,
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
export function printsOf(crate: CrateSnapshot): Map<string, [text: string, shape: string, defs: string]> {
  const out = new Map<string, [string, string, string]>();
  if (crate.prints === '') return out;
  for (const line of crate.prints.split('\n')) {
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
