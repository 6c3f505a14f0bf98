// Worker thread entry of `openAnalyzer`: runs an analysis session on request. The thread lives as
// long as the watcher, so what it has learned stays warm from one update to the next: the
// resolved model (an edit inside a fn body re-resolves that fn alone), parsed files, memoized
// grammar matches, the JIT.
import { serveJobs } from './pool.js';
import type { AnalyzeResult } from '../analyze.js';
import { AnalysisSession, type UpdateOptions } from '../incremental/session.js';

export interface AnalyzeJob {
  dir: string;
  options: UpdateOptions;
}

/**
 * How long after a patched update the dumps are written, unless another update comes first:
 * an update answers before it writes dumps, and a burst of edits writes them once.
 */
const DUMP_DELAY_MS = 1000;

const session = new AnalysisSession();
let dumpTimer: NodeJS.Timeout | undefined;

serveJobs(async ({ dir, options }: AnalyzeJob): Promise<AnalyzeResult> => {
  clearTimeout(dumpTimer);
  const result = await session.update(dir, options);
  if (session.hasStaleDumps()) dumpTimer = setTimeout(() => session.writeStaleDumps(), DUMP_DELAY_MS);
  return result;
});
