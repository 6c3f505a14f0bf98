// Runs jobs on worker threads. Each worker gets its next job when it answers the last one, so
// a few large files at the end cannot leave the other workers idle; callers pass the largest
// jobs first. Jobs and results cross threads by structured clone: keep them small.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, parentPort, type ResourceLimits } from 'node:worker_threads';

type Request<In> = { index: number; job: In };
type Reply<Out> = { index: number; result: Out } | { index: number; error: string };

/** Runs `jobs` on `workers` threads of `script` (which calls `serveJobs`); results in job order. */
export async function runOnWorkers<In, Out>(
  script: URL, jobs: readonly In[], workers: number, resourceLimits: ResourceLimits = {},
): Promise<Out[]> {
  const results = new Array<Out>(jobs.length);
  let next = 0;
  const threads = Array.from({ length: Math.min(workers, jobs.length) }, () => new Worker(script, { resourceLimits }));
  const drain = (worker: Worker) => new Promise<void>((resolve, reject) => {
    const feed = () => {
      if (next >= jobs.length) return resolve();
      const index = next++;
      worker.postMessage({ index, job: jobs[index] } satisfies Request<In>);
    };
    worker.on('message', (reply: Reply<Out>) => {
      if ('error' in reply) return reject(new Error(reply.error));
      results[reply.index] = reply.result;
      feed();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`worker thread ${script.pathname} exited with code ${code}`)));
    feed();
  });
  try {
    await Promise.all(threads.map(drain));
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
  return results;
}

/** The worker side of `runOnWorkers`: answers each job with `handle`'s result or its error. */
export function serveJobs<In, Out>(handle: (job: In) => Out | Promise<Out>): void {
  const port = parentPort;
  if (port === null) throw new Error('serveJobs must run in a worker thread');
  port.on('message', async ({ index, job }: Request<In>) => {
    let reply: Reply<Out>;
    try {
      reply = { index, result: await handle(job) };
    } catch (error) {
      reply = { index, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}

/**
 * The compiled worker script `name` next to the module at `moduleUrl`. Under vitest the module
 * is a TypeScript source and a worker thread cannot load TypeScript, so the script is taken from
 * the build in dist/ (tsconfig: rootDir `.`, outDir `dist`), which must exist.
 */
export function compiledScript(moduleUrl: string, name: string): URL {
  const url = new URL(name, moduleUrl);
  if (!moduleUrl.endsWith('.ts')) return url;
  const source = fileURLToPath(url);
  const root = projectRoot(dirname(source));
  const built = join(root, 'dist', relative(root, source));
  if (!existsSync(built)) throw new Error(`${built} is missing: build the project first (npx tsc -p tsconfig.json)`);
  return pathToFileURL(built);
}

function projectRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) throw new Error(`no package.json above ${dir}`);
  }
}
