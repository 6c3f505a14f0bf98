// Worker thread entry of `parsePaths`: parses the files it is sent, one at a time.
import { serveJobs } from './pool.js';
import { parseOneFile } from './parse-job.js';

serveJobs(parseOneFile);
