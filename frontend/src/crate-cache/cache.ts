// The per-user cache of analyses that every workspace shares: the dumps of std (std-src/) and of
// registry crates (registry.ts) are the same for any workspace, so they are written once under a
// key and loaded by each workspace's store from there. A key covers everything a dump depends on:
// the sources (their bytes and where they are, since dumps name files by absolute path) and the
// code that analyzed them.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_VERSION } from '../../../schema/src/index.js';
import { TOOL } from '../tool.js';
import { walkRustFiles } from '../rust-files.js';

/** `$XREF_CACHE_DIR`, else `$XDG_CACHE_HOME/rust-xref`, else `~/.cache/rust-xref`. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XREF_CACHE_DIR) return path.resolve(env.XREF_CACHE_DIR);
  return path.join(env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(homedir(), '.cache'), 'rust-xref');
}

/** What a cache entry records next to its dumps; `entry.json` is written last, so its presence means complete. */
export interface EntryInfo {
  /** The sources the entry was made from, so that a newer analysis of them replaces it. */
  sources: string;
  /** Dump file names in the entry directory. */
  dumps: string[];
}

const ENTRY_FILE = 'entry.json';
const STALE_TMP_MS = 24 * 3600_000;
/**
 * Entries kept per set of sources, the most recently used first: one per version of the code
 * that made them, so that two builds of xref (two clones) sharing the cache do not keep
 * replacing each other's entry, while a developer's many builds do not fill the disk.
 */
const ENTRIES_PER_SOURCES = 2;

/** The entry directory for `key` under `kind` (e.g. `std`), when it is complete; marked as used now. */
export function findEntry(root: string, kind: string, key: string): { dir: string; info: EntryInfo } | undefined {
  const dir = path.join(root, kind, key);
  const info = readEntry(dir);
  if (!info || !info.dumps.every((d) => existsSync(path.join(dir, d)))) return undefined;
  const now = new Date();
  utimesSync(path.join(dir, ENTRY_FILE), now, now);
  return { dir, info };
}

function readEntry(dir: string): EntryInfo | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, ENTRY_FILE), 'utf8')) as EntryInfo;
  } catch {
    return undefined;
  }
}

/**
 * Makes the entry `key`: `fill` writes its files into a fresh directory, which then takes the
 * entry's name in one rename, so a reader never sees half an entry, and two processes filling the
 * same key leave one of theirs. Entries of the same sources beyond ENTRIES_PER_SOURCES are
 * removed, the least recently used first: each is as large as this one.
 */
export function writeEntry(root: string, kind: string, key: string, sources: string, fill: (dir: string) => string[]): { dir: string; info: EntryInfo } {
  const parent = path.join(root, kind);
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(path.join(parent, 'tmp-'));
  try {
    const info: EntryInfo = { sources, dumps: fill(tmp) };
    writeFileSync(path.join(tmp, ENTRY_FILE), JSON.stringify(info));
    const dir = path.join(parent, key);
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // Another process made the same entry meanwhile: it holds the same dumps.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw e;
    }
    pruneEntries(parent, key, sources);
    return { dir, info };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function pruneEntries(parent: string, keep: string, sources: string): void {
  const others: Array<{ dir: string; usedMs: number }> = [];
  for (const name of readdirSync(parent)) {
    const dir = path.join(parent, name);
    if (name === keep) continue;
    if (name.startsWith('tmp-')) {
      // A directory a killed run left behind; a fresh one may be another run's, still filling.
      if (Date.now() - statSync(dir).mtimeMs > STALE_TMP_MS) rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (readEntry(dir)?.sources === sources) others.push({ dir, usedMs: statSync(path.join(dir, ENTRY_FILE)).mtimeMs });
  }
  others.sort((a, b) => b.usedMs - a.usedMs);
  for (const { dir } of others.slice(ENTRIES_PER_SOURCES - 1)) rmSync(dir, { recursive: true, force: true });
}

let codeHash: string | undefined;

/**
 * A hash of the analyzing code: the front end's and the schema's files as this process runs them
 * (TypeScript under the tests, dist/ JavaScript otherwise). The tool's version alone would let a
 * cache outlive a change to the resolver between releases.
 */
export function analyzerFingerprint(): string {
  if (codeHash === undefined) {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const h = createHash('sha1').update(`${TOOL.name} ${TOOL.version} ${SCHEMA_VERSION}\n`);
    for (const dir of [path.resolve(here, '..'), path.resolve(here, '../../../schema/src')]) hashTree(h, dir);
    codeHash = h.digest('hex');
  }
  return codeHash;
}

/** A hash of a crate's sources: every `.rs` file under `packageDir`, by relative path and bytes, and its Cargo.toml. */
export function sourcesHash(packageDir: string): string {
  const h = createHash('sha1');
  const manifest = path.join(packageDir, 'Cargo.toml');
  if (existsSync(manifest)) h.update('Cargo.toml\n').update(readFileSync(manifest));
  const files: string[] = [];
  walkRustFiles(packageDir, (abs) => void files.push(abs));
  for (const f of files.sort()) h.update(`${path.relative(packageDir, f)}\n`).update(readFileSync(f));
  return h.digest('hex');
}

function hashTree(h: ReturnType<typeof createHash>, dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) hashTree(h, abs);
    else h.update(`${name}\n`).update(readFileSync(abs));
  }
}

/** A short hash of a JSON value, for entry names. */
export function keyOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}
