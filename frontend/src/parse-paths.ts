// `xref parse`: lexes and parses (items and bodies) every Rust file under some paths, spread over
// worker threads, and reports sizes, speed and syntax errors. Nothing is resolved or written.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { walkRustFiles } from './rust-files.js';
import { relativePath } from './crate/modules.js';
import type { FileDiagnostic } from './analyze.js';
import { compiledScript, runOnWorkers } from './parallel/pool.js';
import { PARSE_WORKER_LIMITS } from './parallel/limits.js';
import { parseOneFile, type FileParseReport, type ParseJob } from './parallel/parse-job.js';

export interface ParsePathsOptions {
  /** Worker threads; 1 parses in this thread. Default: the available cores. */
  workers?: number;
}

export interface ParseReport {
  files: number;
  bytes: number;
  /** Top-level items (not those inside inline modules, impls or traits). */
  items: number;
  /** By file, then position; `file` is relative to the current directory, `col` counts characters. */
  syntaxErrors: FileDiagnostic[];
  workers: number;
  seconds: number;
  mbPerSec: number;
  /** The process's peak resident set so far, worker threads included. */
  peakRssMb: number;
}

/** A path given to `parsePaths` that does not exist. */
export class PathNotFoundError extends Error {
  override readonly name = 'PathNotFoundError';
}

export async function parsePaths(paths: readonly string[], options: ParsePathsOptions = {}): Promise<ParseReport> {
  const started = performance.now();
  const found = rustFilesUnder(paths);
  // Largest first, so that no worker starts a big file when the others are done.
  const jobs: ParseJob[] = found
    .sort((a, b) => b.size - a.size)
    .map(({ abs }) => ({ abs, file: relativePath(process.cwd(), abs) }));
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), jobs.length));
  const reports: FileParseReport[] = workers === 1
    ? jobs.map(parseOneFile)
    : await runOnWorkers(compiledScript(import.meta.url, './parallel/parse-worker.js'), jobs, workers, PARSE_WORKER_LIMITS);
  const seconds = (performance.now() - started) / 1000;
  const bytes = reports.reduce((n, r) => n + r.bytes, 0);
  const syntaxErrors = reports.flatMap((r) => r.syntaxErrors)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
  return {
    files: reports.length,
    bytes,
    items: reports.reduce((n, r) => n + r.items, 0),
    syntaxErrors,
    workers,
    seconds: round(seconds, 3),
    mbPerSec: bytes === 0 ? 0 : round(bytes / 1e6 / seconds, 2),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/** The `.rs` files under `paths`, each once; a file named directly is taken whatever its name. */
function rustFilesUnder(paths: readonly string[]): Array<{ abs: string; size: number }> {
  const found = new Map<string, number>();
  for (const p of paths) {
    const abs = path.resolve(p);
    const stat = statSync(abs, { throwIfNoEntry: false });
    if (stat === undefined) throw new PathNotFoundError(`no such file or directory: ${p}`);
    if (stat.isDirectory()) walkRustFiles(abs, (file, size) => void found.set(file, size));
    else found.set(abs, stat.size);
  }
  return [...found].map(([abs, size]) => ({ abs, size }));
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
