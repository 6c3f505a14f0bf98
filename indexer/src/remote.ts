// A store shared over a local socket. LevelDB lets one process open a store; while `xref watch`
// owns it, other `xref` processes read through the watcher instead of failing on its LOCK. The
// watcher answers the few read operations queries use (`StoreReader`) and any extra operations
// it registers (`index`: update now). Requests and answers are JSON lines; values travel as the
// stored JSON text and are parsed by the reader, as a local read would.
//
// `<db>.watch.json` names the socket and the watcher's pid; it exists only while a watcher runs.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Range } from './keys.js';
import type { Store, StoreReader } from './store.js';

interface Request {
  id: number;
  op: string;
  args: unknown[];
}

type Answer = { id: number; ok: unknown } | { id: number; error: { code?: string; message: string } };

interface WatchFile {
  pid: number;
  socket: string;
}

/** Extra operations a watcher serves next to the reads, e.g. `index`. */
export type RemoteOps = Record<string, (...args: unknown[]) => Promise<unknown>>;

export function watchFileOf(dbDir: string): string {
  return `${dbDir}.watch.json`;
}

/** A Unix socket path must stay under about 100 bytes; a deep workspace gets one in the temp dir. */
function socketPathFor(dbDir: string): string {
  const beside = `${dbDir}.watch.sock`;
  if (Buffer.byteLength(beside) < 100) return beside;
  return join(tmpdir(), `xref-${createHash('sha1').update(dbDir).digest('hex').slice(0, 16)}.sock`);
}

export interface StoreServer {
  close(): Promise<void>;
}

/** Serves `store` (and `ops`) to other processes until closed. */
export async function serveStore(store: Store, ops: RemoteOps = {}): Promise<StoreServer> {
  const socket = socketPathFor(store.dir);
  rmSync(socket, { force: true });
  const reads: RemoteOps = {
    get: async (key) => (await store.db.get(key as string)) ?? null,
    getMany: async (keyList) => (await store.db.getMany(keyList as string[])).map((v) => v ?? null),
    entries: async (range) => store.db.iterator(range as Range).all(),
    keys: async (range) => store.db.keys(range as Range).all(),
  };
  const handlers: RemoteOps = { ...reads, ...ops };
  const server = createServer((conn) => answerLines(conn, handlers));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  const watchFile = watchFileOf(store.dir);
  writeFileSync(watchFile, JSON.stringify({ pid: process.pid, socket } satisfies WatchFile));
  return {
    close: async () => {
      rmSync(watchFile, { force: true });
      await closeServer(server);
      rmSync(socket, { force: true });
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Calls `handle` with each line that arrives on `conn`. */
function onLines(conn: Socket, handle: (line: string) => void): void {
  let buffered = '';
  conn.setEncoding('utf8');
  conn.on('data', (chunk: string) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      handle(line);
    }
  });
}

function answerLines(conn: Socket, handlers: RemoteOps): void {
  onLines(conn, (line) => void answer(conn, handlers, line));
  conn.on('error', () => conn.destroy());
}

async function answer(conn: Socket, handlers: RemoteOps, line: string): Promise<void> {
  let reply: Answer;
  let id = -1;
  try {
    const request = JSON.parse(line) as Request;
    id = request.id;
    const handler = handlers[request.op];
    if (handler === undefined) throw new Error(`unknown operation '${request.op}'`);
    reply = { id, ok: await handler(...request.args) };
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown };
    reply = { id, error: { code: typeof e.code === 'string' ? e.code : undefined, message: String(e.message ?? error) } };
  }
  if (!conn.destroyed) conn.write(JSON.stringify(reply) + '\n');
}

/** An error the watcher answered with; its `code` (an IndexError code) gives the CLI the same exit status. */
export class RemoteError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

/** A connection to a watcher's store. */
export class RemoteStore implements StoreReader {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  private constructor(private readonly conn: Socket) {
    onLines(conn, (line) => {
      const reply = JSON.parse(line) as Answer;
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (!waiter) return;
      if ('ok' in reply) waiter.resolve(reply.ok);
      else waiter.reject(new RemoteError(reply.error.code, reply.error.message));
    });
    conn.on('close', () => {
      for (const w of this.waiting.values()) w.reject(new RemoteError(undefined, 'the xref watcher closed the connection'));
      this.waiting.clear();
    });
  }

  /** The watcher serving `dbDir`, or undefined when none runs (a stale watch file is removed). */
  static async connect(dbDir: string): Promise<RemoteStore | undefined> {
    const watchFile = watchFileOf(dbDir);
    if (!existsSync(watchFile)) return undefined;
    let info: WatchFile;
    try {
      info = JSON.parse(readFileSync(watchFile, 'utf8')) as WatchFile;
    } catch {
      return undefined;
    }
    if (!processAlive(info.pid)) {
      rmSync(watchFile, { force: true });
      return undefined;
    }
    const conn = await new Promise<Socket | undefined>((resolve) => {
      const c = createConnection(info.socket, () => resolve(c));
      c.once('error', () => resolve(undefined));
    });
    return conn && new RemoteStore(conn);
  }

  call<T>(op: string, ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.conn.write(JSON.stringify({ id, op, args } satisfies Request) + '\n');
    });
  }

  async getJson<T>(key: string): Promise<T | undefined> {
    const value = await this.call<string | null>('get', key);
    return value === null ? undefined : (JSON.parse(value) as T);
  }

  async getManyJson<T>(keyList: string[]): Promise<Array<T | undefined>> {
    return (await this.getManyText(keyList)).map((v) => (v === undefined ? undefined : (JSON.parse(v) as T)));
  }

  async getManyText(keyList: string[]): Promise<Array<string | undefined>> {
    return (await this.call<Array<string | null>>('getMany', keyList)).map((v) => v ?? undefined);
  }

  async *entries<T>(range: Range): AsyncGenerator<[string, T]> {
    for (const [k, v] of await this.call<Array<[string, string]>>('entries', range)) yield [k, JSON.parse(v) as T];
  }

  async *keys(range: Range): AsyncGenerator<string> {
    yield* await this.call<string[]>('keys', range);
  }

  async close(): Promise<void> {
    this.conn.end();
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
