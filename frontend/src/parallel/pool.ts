// Runs jobs on worker threads. A worker gets its next job when it answers the last one, so a
// few large jobs at the end cannot leave the other workers idle; callers that know the sizes
// submit the largest first. Jobs and results cross threads by structured clone (typed-array
// buffers a worker names are moved, not copied): keep them small.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, parentPort, type ResourceLimits, type Transferable } from 'node:worker_threads';

type Request<In> = { index: number; job: In };
type Reply<Out> = { index: number; result: Out } | { index: number; error: string };

interface Pending<In, Out> {
  job: In;
  resolve(result: Out): void;
  reject(error: Error): void;
}

/** Worker threads of `script` (which calls `serveJobs`), started on the first job. */
export class WorkerPool<In, Out> {
  private readonly queue: Array<Pending<In, Out>> = [];
  private readonly running = new Map<number, Pending<In, Out>>();
  private readonly idle: Worker[] = [];
  private threads: Worker[] = [];
  private nextIndex = 0;
  private failure: Error | undefined;

  constructor(
    private readonly script: URL,
    private readonly size: number,
    private readonly resourceLimits: ResourceLimits = {},
  ) {}

  run(job: In): Promise<Out> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.threads.length === 0) this.start();
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the threads; jobs still queued fail. */
  async close(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    this.idle.length = 0;
    this.fail(new Error('worker pool closed'));
    await Promise.all(threads.map((t) => t.terminate()));
  }

  private start(): void {
    for (let i = 0; i < Math.max(1, this.size); i++) {
      const worker = new Worker(this.script, { resourceLimits: this.resourceLimits });
      worker.on('message', (reply: Reply<Out>) => {
        const pending = this.running.get(reply.index);
        this.running.delete(reply.index);
        if (pending) {
          if ('error' in reply) pending.reject(new Error(reply.error));
          else pending.resolve(reply.result);
        }
        this.idle.push(worker);
        this.dispatch();
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (this.threads.includes(worker)) this.fail(new Error(`worker thread ${this.script.pathname} exited with code ${code}`));
      });
      this.threads.push(worker);
      this.idle.push(worker);
    }
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      const index = this.nextIndex++;
      this.running.set(index, pending);
      worker.postMessage({ index, job: pending.job } satisfies Request<In>);
    }
  }

  /** A thread died: every job waiting or running fails, and so do later ones. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of [...this.queue, ...this.running.values()]) p.reject(error);
    this.queue.length = 0;
    this.running.clear();
  }
}

/** Runs `jobs` on `workers` threads of `script` (which calls `serveJobs`); results in job order. */
export async function runOnWorkers<In, Out>(
  script: URL, jobs: readonly In[], workers: number, resourceLimits: ResourceLimits = {},
): Promise<Out[]> {
  const pool = new WorkerPool<In, Out>(script, Math.min(workers, jobs.length), resourceLimits);
  try {
    return await Promise.all(jobs.map((job) => pool.run(job)));
  } finally {
    await pool.close();
  }
}

/**
 * The worker side of `runOnWorkers` and `WorkerPool`: answers each job with `handle`'s result or
 * its error. `transfer` names buffers of a result to move to the caller rather than copy.
 */
export function serveJobs<In, Out>(
  handle: (job: In) => Out | Promise<Out>, transfer: (result: Out) => Transferable[] = () => [],
): void {
  const port = parentPort;
  if (port === null) throw new Error('serveJobs must run in a worker thread');
  port.on('message', async ({ index, job }: Request<In>) => {
    let reply: Reply<Out>;
    let moved: Transferable[] = [];
    try {
      const result = await handle(job);
      reply = { index, result };
      moved = transfer(result);
    } catch (error) {
      reply = { index, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply, moved);
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
