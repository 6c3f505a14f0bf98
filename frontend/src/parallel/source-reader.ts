// Where crate files are read and parsed: in this thread for a small workspace, on worker threads
// for a large one. Parsing is most of a cold index's front-end time, and module files of every
// crate are independent once their parent is parsed.
import { availableParallelism } from 'node:os';
import { readSourceFile, type SourceReader } from '../crate/modules.js';
import { compiledScript, WorkerPool } from './pool.js';
import { walkRustFiles } from '../rust-files.js';
import { PARSE_WORKER_LIMITS } from './limits.js';
import { fromWire, type SourceJob, type WireSource } from './source-wire.js';

/** Below this many bytes of Rust under the crates, starting worker threads costs more than it saves. */
const WORKERS_FROM_BYTES = 2_000_000;

export interface SourceReaderHandle {
  read: SourceReader;
  /** Worker threads used; 1 means this thread. */
  workers: number;
  close(): Promise<void>;
}

/**
 * A reader for the files of a workspace, on `workers` threads. The default leaves one core to
 * this thread, which turns the workers' answers back into objects and then resolves: on 2 cores,
 * std's files took 2.95 s to load in this thread and 3.2–3.5 s on 2 workers. It is this thread
 * alone when the crate directories hold under WORKERS_FROM_BYTES of `.rs` files.
 */
export function openSourceReader(workspaceRoot: string, crateDirs: readonly string[], workers?: number): SourceReaderHandle {
  const count = workers ?? (rustBytesUnder(crateDirs, WORKERS_FROM_BYTES) >= WORKERS_FROM_BYTES ? availableParallelism() - 1 : 1);
  if (count <= 1) {
    return {
      read: async (abs, edition) => readSourceFile(abs, workspaceRoot, edition),
      workers: 1,
      close: async () => {},
    };
  }
  const pool = new WorkerPool<SourceJob, WireSource>(compiledScript(import.meta.url, './source-worker.js'), count, PARSE_WORKER_LIMITS);
  return {
    read: async (abs, edition) => fromWire(await pool.run({ abs, workspaceRoot, edition })),
    workers: count,
    close: () => pool.close(),
  };
}

/** Bytes of `.rs` files under `dirs`, counting stops at `enough`. */
function rustBytesUnder(dirs: readonly string[], enough: number): number {
  let total = 0;
  const seen = new Set<string>();
  for (const dir of dirs) {
    if (seen.has(dir)) continue;
    seen.add(dir);
    if (walkRustFiles(dir, (_file, size) => (total += size) >= enough)) break;
  }
  return total;
}
