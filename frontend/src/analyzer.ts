// The front end on a thread of its own, for a long-running process (`xref watch`): while it
// analyzes, the calling thread stays free to answer queries.
import { compiledScript, WorkerPool } from './parallel/pool.js';
import { PARSE_WORKER_LIMITS } from './parallel/limits.js';
import type { AnalyzeResult } from './analyze.js';
import type { AnalyzeJob } from './parallel/analyze-worker.js';
import type { UpdateOptions } from './incremental/session.js';

export interface Analyzer {
  /** An analysis that starts from the last one (incremental/session.ts). */
  analyze(dir: string, options?: UpdateOptions): Promise<AnalyzeResult>;
  close(): Promise<void>;
}

export function openAnalyzer(): Analyzer {
  const pool = new WorkerPool<AnalyzeJob, AnalyzeResult>(compiledScript(import.meta.url, './parallel/analyze-worker.js'), 1, PARSE_WORKER_LIMITS);
  return {
    analyze: (dir, options = {}) => pool.run({ dir, options }),
    close: () => pool.close(),
  };
}
