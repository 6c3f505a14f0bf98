// Worker thread entry of the source reader: reads, lexes and parses one crate file per job.
import { serveJobs } from './pool.js';
import { readSourceFile } from '../crate/modules.js';
import { toWire, wireTransfers, type SourceJob } from './source-wire.js';

serveJobs(({ abs, workspaceRoot, edition }: SourceJob) => toWire(readSourceFile(abs, workspaceRoot, edition)), wireTransfers);
