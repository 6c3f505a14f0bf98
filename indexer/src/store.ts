// Opening and closing the LevelDB store, its format-version check, and the read helpers the
// merge and the queries share.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Level } from 'level';
import { IndexLockedError, NoIndexError, StoreFormatError } from './errors.js';
import { HIGHEST, keys, STORE_FORMAT_VERSION, type Range } from './keys.js';

export interface OpenOptions {
  /** Create the store when `dbDir` holds none (indexing); queries pass false. */
  create: boolean;
  /**
   * Empty the store once it is open and locked, whatever format it had (`xref index --full`).
   * Doing it under the lock means a store another process is using is never wiped.
   */
  reset?: boolean;
  /**
   * How long to keep trying while another process holds the store (an `xref index` loading
   * dumps holds it for a few seconds), before IndexLockedError. Default 0: fail at once.
   */
  waitForLockMs?: number;
}

/** Entries a range read asks LevelDB for at a time (classic-level's own chunk). */
const RANGE_CHUNK = 1000;
/**
 * Bytes of values a range read takes from LevelDB at a time. classic-level stops a chunk at
 * 16 KB, and each chunk is a trip to its thread pool (0.1–0.15 ms): `Option`'s refs are 120 KB.
 * Past this many bytes a range read takes another chunk, so a short chunk under it is the end.
 */
const RANGE_CHUNK_BYTES = 4 << 20;

/**
 * Whether a chunk of `count` entries and `units` UTF-16 units of text ends its range: one cut
 * short by neither limit (bytes are at most 3 units' worth each) is the last, with no trip to
 * learn that the next is empty.
 */
function endsRange(count: number, units: number): boolean {
  return count < RANGE_CHUNK && units < RANGE_CHUNK_BYTES / 4;
}

/** classic-level's synchronous get, which `level`'s browser-neutral types leave out. */
interface SyncReads {
  getSync(key: string): string | undefined;
}

/** Between two tries at a locked store. */
const LOCK_RETRY_MS = 50;

/**
 * LevelDB's block size. Larger blocks compress better (snappy), and keys and values here repeat
 * ids and paths a lot: std's compacted store is 35.5 MB with 64 KB blocks against 47.0 MB with
 * the default 4 KB, and random gets were no slower (p50 0.08 ms, p99 0.27 ms).
 */
const BLOCK_SIZE = 64 * 1024;

/**
 * LevelDB's cache of uncompressed blocks. With the default 8 MB, random reads over std's store
 * (a query's defs and records are scattered) mostly miss it and each decompresses a 64 KB block:
 * 22 µs a get against 2.7 µs from the cache (bench/RESULTS.md, issue 6, fourth session). Only
 * blocks read take memory, so a one-query process pays nothing for the size.
 */
const BLOCK_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * What queries read. A local `Store` is one; so is a watcher's store over its socket
 * (remote.ts), which is how queries answer while `xref watch` owns the store.
 */
export interface StoreReader {
  getJson<T>(key: string): Promise<T | undefined>;
  getManyJson<T>(keyList: string[]): Promise<Array<T | undefined>>;
  /** The values as stored, for a reader that parses only part of them. */
  getManyText(keyList: string[]): Promise<Array<string | undefined>>;
  entries<T>(range: Range): AsyncGenerator<[string, T]>;
  keys(range: Range): AsyncGenerator<string>;
  close(): Promise<void>;
}

/**
 * What a process keeps from a local store it opened (file views, crate ids), to serve queries
 * without reading it again: made at its first use, and forgotten each time the store is written
 * or cleared.
 */
export class KeptPerStore<T> {
  private readonly kept = new WeakMap<Store, T>();
  private readonly watched = new WeakSet<Store>();

  constructor(private readonly make: (store: Store) => T) {}

  of(store: Store): T {
    let value = this.kept.get(store);
    if (value === undefined) {
      if (!this.watched.has(store)) {
        this.watched.add(store);
        const forget = () => this.kept.delete(store);
        store.db.on('write', forget);
        store.db.on('clear', forget);
      }
      value = this.make(store);
      this.kept.set(store, value);
    }
    return value;
  }
}

export class Store implements StoreReader {
  private constructor(
    readonly dir: string,
    readonly db: Level<string, string>,
  ) {}

  /**
   * Opens the store at `dbDir`. Throws NoIndexError when there is none and `create` is false,
   * IndexLockedError when another process has it open, StoreFormatError when it was written
   * by an xref with another key layout.
   */
  static async open(dbDir: string, options: OpenOptions): Promise<Store> {
    // LevelDB's own "does not exist" comes back as a generic open failure; CURRENT is the
    // file every LevelDB directory has, so checking it first gives the clear error.
    if (!options.create && !existsSync(join(dbDir, 'CURRENT'))) throw new NoIndexError(dbDir);
    const db = await openLevel(dbDir, options.create, Date.now() + (options.waitForLockMs ?? 0));
    const store = new Store(dbDir, db);
    try {
      if (options.reset) await db.clear();
      await store.checkFormat();
    } catch (error) {
      await db.close();
      throw error;
    }
    return store;
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  /** Compacts every key. `level` types the store as the browser-neutral Level; under Node it is classic-level's. */
  async compact(): Promise<void> {
    const db = this.db as unknown as { compactRange(start: string, end: string): Promise<void> };
    await db.compactRange('', HIGHEST);
  }

  // Point reads are synchronous: an asynchronous get waits for a thread of libuv's pool and
  // back, 35–50 µs on std's store against 3 µs for the read itself (bench/RESULTS.md, issue 6,
  // fourth session), and a query makes a dozen of them.
  async getJson<T>(key: string): Promise<T | undefined> {
    return parsed<T>(this.getText(key));
  }

  async getManyJson<T>(keyList: string[]): Promise<Array<T | undefined>> {
    return keyList.map((k) => parsed<T>(this.getText(k)));
  }

  async getManyText(keyList: string[]): Promise<Array<string | undefined>> {
    return keyList.map((k) => this.getText(k));
  }

  /** The value at `key`, read synchronously. */
  getText(key: string): string | undefined {
    return (this.db as unknown as SyncReads).getSync(key);
  }

  async *entries<T>(range: Range): AsyncGenerator<[string, T]> {
    for (const [k, v] of await this.entryTexts(range)) yield [k, JSON.parse(v) as T];
  }

  async *keys(range: Range): AsyncGenerator<string> {
    const iterator = this.db.keys({ ...range, highWaterMarkBytes: RANGE_CHUNK_BYTES });
    try {
      for (;;) {
        const chunk = await iterator.nextv(RANGE_CHUNK);
        yield* chunk;
        if (endsRange(chunk.length, chunk.reduce((n, k) => n + k.length, 0))) return;
      }
    } finally {
      await iterator.close();
    }
  }

  /**
   * The entries of a range, values as stored. `for await` over a LevelDB iterator reads one
   * entry, then the rest: two trips to the thread pool where nextv makes one for a short range.
   */
  async entryTexts(range: Range): Promise<Array<[string, string]>> {
    const iterator = this.db.iterator({ ...range, highWaterMarkBytes: RANGE_CHUNK_BYTES });
    try {
      const out: Array<[string, string]> = [];
      for (;;) {
        const chunk = await iterator.nextv(RANGE_CHUNK);
        let bytes = 0;
        for (const entry of chunk) {
          out.push(entry);
          bytes += entry[0].length + entry[1].length;
        }
        if (endsRange(chunk.length, bytes)) return out;
      }
    } finally {
      await iterator.close();
    }
  }

  private async isEmpty(): Promise<boolean> {
    for await (const _ of this.db.keys({ limit: 1 })) return false;
    return true;
  }

  /** A fresh store gets the current format; a store without one, or with another, is refused. */
  private async checkFormat(): Promise<void> {
    const found = await this.getJson<unknown>(keys.format());
    if (found === STORE_FORMAT_VERSION) return;
    if (found === undefined && (await this.isEmpty())) {
      await this.db.put(keys.format(), JSON.stringify(STORE_FORMAT_VERSION));
      return;
    }
    throw new StoreFormatError(this.dir, found, STORE_FORMAT_VERSION);
  }
}

function parsed<T>(value: string | undefined): T | undefined {
  return value === undefined ? undefined : (JSON.parse(value) as T);
}

async function openLevel(dbDir: string, create: boolean, deadline: number): Promise<Level<string, string>> {
  for (;;) {
    const db = new Level<string, string>(dbDir, { keyEncoding: 'utf8', valueEncoding: 'utf8', blockSize: BLOCK_SIZE, cacheSize: BLOCK_CACHE_BYTES });
    try {
      await db.open({ createIfMissing: create });
      return db;
    } catch (error) {
      if (!isLockedError(error)) throw error;
      if (Date.now() >= deadline) throw new IndexLockedError(dbDir);
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
  }
}

export function openStore(dbDir: string, options: OpenOptions): Promise<Store> {
  return Store.open(dbDir, options);
}

/** level 10 reports a held LOCK as LEVEL_DATABASE_NOT_OPEN caused by LEVEL_LOCKED. */
function isLockedError(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return (error as { code?: unknown } | null)?.code === 'LEVEL_DATABASE_NOT_OPEN' && cause?.code === 'LEVEL_LOCKED';
}
