// Worker thread entry of `openAnalyzer`: runs the front end's batch job on request. The thread
// lives as long as the watcher, so what it has learned (memoized grammar matches, the JIT) stays
// warm from one update to the next.
import { serveJobs } from './pool.js';
import { analyzeWorkspace, type AnalyzeOptions, type AnalyzeResult } from '../analyze.js';

export interface AnalyzeJob {
  dir: string;
  options: AnalyzeOptions;
}

serveJobs(({ dir, options }: AnalyzeJob): Promise<AnalyzeResult> => analyzeWorkspace(dir, options));
