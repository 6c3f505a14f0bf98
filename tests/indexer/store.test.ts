import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Level } from 'level';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  IndexLockedError, NoIndexError, openStore, STORE_FORMAT_VERSION, StoreFormatError,
} from '../../indexer/src/index.js';

let dir: string;
let child: ChildProcess | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xref-store-'));
});
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill();
    await exited;
  }
  child = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('openStore', () => {
  it('refuses to create a store unless asked, with a one-line error', async () => {
    const db = join(dir, 'db');
    const error = await openStore(db, { create: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoIndexError);
    expect(error).toMatchObject({ code: 'NO_INDEX', message: `no index at ${db}: run 'xref index' first` });
    // An existing directory that holds no LevelDB is no index either.
    await expect(openStore(dir, { create: false })).rejects.toThrow(NoIndexError);
  });

  it('creates a store that opens again without create', async () => {
    const db = join(dir, 'db');
    await (await openStore(db, { create: true })).close();
    const store = await openStore(db, { create: false });
    expect(JSON.parse((await store.db.get('meta\0format'))!)).toBe(STORE_FORMAT_VERSION);
    await store.close();
  });

  it('refuses a store of another format version', async () => {
    const db = join(dir, 'db');
    const store = await openStore(db, { create: true });
    await store.db.put('meta\0format', JSON.stringify(STORE_FORMAT_VERSION + 1));
    await store.close();
    const error = await openStore(db, { create: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreFormatError);
    expect((error as Error).message).toMatch(/run 'xref index --full'$/);
    expect((error as Error).message).not.toContain('\n');
    // The refused store was closed again, so a full re-index in this process can open it.
    const raw = new Level(db);
    await raw.open();
    await raw.close();
  });

  it('reset empties a store of any format, so a full re-index can start over', async () => {
    const db = join(dir, 'db');
    const old = await openStore(db, { create: true });
    await old.db.put('meta\0format', JSON.stringify('0.old'));
    await old.db.put('item\0x', '{}');
    await old.close();
    await expect(openStore(db, { create: true })).rejects.toThrow(StoreFormatError);
    const store = await openStore(db, { create: true, reset: true });
    const all: Array<[string, string]> = [];
    for await (const entry of store.db.iterator()) all.push(entry);
    expect(all).toEqual([['meta\0format', JSON.stringify(STORE_FORMAT_VERSION)]]);
    await store.close();
  });

  it('refuses a non-empty store that has no format at all', async () => {
    const db = join(dir, 'db');
    const store = await openStore(db, { create: true });
    await store.db.del('meta\0format');
    await store.db.put('item\0x', '{}');
    await store.close();
    await expect(openStore(db, { create: false })).rejects.toMatchObject({ code: 'STORE_FORMAT' });
  });

  it('reports a store another process holds as locked', async () => {
    const db = join(dir, 'db');
    await (await openStore(db, { create: true })).close();
    const script = `import { Level } from 'level'; const db = new Level(${JSON.stringify(db)}); await db.open(); console.log('open'); setInterval(() => {}, 1000);`;
    child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on('data', (data: Buffer) => data.toString().includes('open') && resolve());
      child!.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
    const error = await openStore(db, { create: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexLockedError);
    expect(error).toMatchObject({ code: 'INDEX_LOCKED' });
    expect((error as Error).message).toMatch(new RegExp(`^index at ${db} is locked by another xref process`));
    // With a wait, it keeps trying until the holder lets go.
    const started = Date.now();
    setTimeout(() => child!.kill(), 300);
    const store = await openStore(db, { create: false, waitForLockMs: 5000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await store.close();
  });
});
