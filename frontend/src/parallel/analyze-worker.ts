// Worker thread entry of `openAnalyzer`: runs the front end's batch job on request. The thread
// lives as long as the watcher, so what it has learned stays warm from one update to the next:
// parsed files (only changed ones are read again), memoized grammar matches, the JIT.
import { serveJobs } from './pool.js';
import { analyzeWorkspace, type AnalyzeOptions, type AnalyzeResult } from '../analyze.js';
import { SourceCache } from '../crate/source-cache.js';

export interface AnalyzeJob {
  dir: string;
  /** Everything but `sources`: this thread keeps its own cache of parsed files. */
  options: Omit<AnalyzeOptions, 'sources'>;
}

const sources = new SourceCache();

serveJobs(({ dir, options }: AnalyzeJob): Promise<AnalyzeResult> => analyzeWorkspace(dir, { ...options, sources }));
