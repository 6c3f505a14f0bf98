// Where the store is, which workspace root its paths are relative to, and opening it.
//
// `xref index` writes `<root>/.xref/db`; queries find it by walking up from the current
// directory, so they work from anywhere inside the workspace. `--db` names it directly, as the
// store directory, its `.xref` directory or the workspace root.
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { openStoreReader } from '../../indexer/src/reader.js';
import { RemoteStore } from '../../indexer/src/remote.js';
import { openStore, type Store, type StoreReader } from '../../indexer/src/store.js';
import { CliFailure, EXIT } from './failure.js';

export interface StoreLocation {
  dbDir: string;
  /** The directory the store's file paths are relative to. */
  root: string;
}

const XREF_DIR = '.xref';
const DB_DIR = 'db';

export function defaultStoreDir(root: string): string {
  return join(root, XREF_DIR, DB_DIR);
}

/** The store directory `--db` means; it need not exist yet (`xref index --db`). */
export function storeDirFromFlag(dbFlag: string, cwd: string): string {
  const dir = resolve(cwd, dbFlag);
  if (isStore(dir)) return dir;
  if (basename(dir) === XREF_DIR || isStore(join(dir, DB_DIR))) return join(dir, DB_DIR);
  if (existsSync(join(dir, XREF_DIR)) || existsSync(join(dir, 'Cargo.toml'))) return defaultStoreDir(dir);
  return dir;
}

/** The store a query reads: `--db`, else the nearest `.xref/db` at or above `cwd`. */
export function locateStore(dbFlag: string | undefined, cwd: string): StoreLocation {
  const dbDir = dbFlag === undefined ? findUpwards(cwd) : storeDirFromFlag(dbFlag, cwd);
  return { dbDir, root: rootOf(dbDir) ?? cwd };
}

function findUpwards(cwd: string): string {
  const found = nearestStore(cwd);
  if (found !== undefined) return found;
  throw new CliFailure(EXIT.index, `no index in ${resolve(cwd)} or above it: run 'xref index' first, or pass --db`);
}

export function nearestStore(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = defaultStoreDir(dir);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The `xref watch` that owns the store of the workspace around `dir` (or `--db`), if one runs. */
export async function findWatcher(dir: string, dbFlag: string | undefined): Promise<RemoteStore | undefined> {
  const dbDir = dbFlag === undefined ? nearestStore(dir) : storeDirFromFlag(dbFlag, process.cwd());
  return dbDir === undefined ? undefined : RemoteStore.connect(dbDir);
}

/**
 * The workspace root of a store at `<root>/.xref/db`. A store elsewhere has no known root;
 * the caller then takes the current directory.
 */
export function rootOf(dbDir: string): string | undefined {
  const xref = dirname(dbDir);
  return basename(dbDir) === DB_DIR && basename(xref) === XREF_DIR ? dirname(xref) : undefined;
}

/** LevelDB writes CURRENT when it creates a store, so its presence marks one. */
function isStore(dir: string): boolean {
  return existsSync(join(dir, 'CURRENT'));
}

/**
 * How long a command waits for a store another process holds (`xref index` holds it while it
 * loads dumps) before it gives up: XREF_LOCK_WAIT_MS, default 10 s.
 */
export function lockWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.XREF_LOCK_WAIT_MS;
  const ms = text === undefined ? NaN : Number(text);
  return Number.isFinite(ms) && ms >= 0 ? ms : DEFAULT_LOCK_WAIT_MS;
}

const DEFAULT_LOCK_WAIT_MS = 10_000;

/** Opens the store to write (`xref index`) for the length of `use`. */
export async function withStore<T>(dbDir: string, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(dbDir, { create: true, waitForLockMs: lockWaitMs() });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/**
 * Opens the store to read for the length of `use`, through `xref watch` when it owns the store;
 * one open serves a whole --stdin batch.
 */
export async function withReader<T>(dbDir: string, use: (store: StoreReader) => Promise<T>): Promise<T> {
  const store = await openStoreReader(dbDir, { waitForLockMs: lockWaitMs() });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
