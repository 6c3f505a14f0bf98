#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';

// `parse`, `index` and `watch` run again in a node with V8 heap flags, which can only be set at start-up.
// Parsing makes many short-lived objects: a 32 MB semi-space took one thread on std from 4.5 to
// 5.4 MB/s. GC on the main thread only (V8's helper threads compete with the parsing workers
// for the cores) took 2 workers from 5.1 to 5.8 MB/s (bench/RESULTS.md), so it is asked for
// where other threads work: `parse` and `watch` (whose analysis has a thread of its own), and
// `index` when it parses on worker threads, which it does with more than 2 cores. With 2, it
// parses and binds on its one thread, and the GC's helper threads have the other core: a
// resumed index of std took 5.3 s against 7.1 s without them (bench/RESULTS.md).
const HEAVY_COMMANDS = new Set(['parse', 'index', 'watch']);
const SEMI_SPACE = '--max-semi-space-size=32';
const command = process.argv[2];
const heapFlags = [SEMI_SPACE, ...(command !== 'index' || availableParallelism() > 2 ? ['--single-threaded-gc'] : [])];

if (HEAVY_COMMANDS.has(command) && !process.execArgv.includes(SEMI_SPACE)) {
  const child = spawn(process.execPath, [...heapFlags, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  // A signal sent to this process alone (not to its group, as a terminal's Ctrl-C is) must still
  // stop the run.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`xref: ${error.message}`);
    process.exit(5);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
} else {
  // Loaded only now, so that the parent of a re-run does not load it for nothing; through the
  // module every command imports oclif from (one oclif per process, from the build's bundle).
  const { execute, settings } = await import('../dist/query-cli/src/oclif.js');

  // Always run the compiled commands in dist/: oclif would otherwise look for TypeScript sources
  // to transpile whenever NODE_ENV is "development" or "test" (as under vitest).
  settings.enableAutoTranspile = false;

  await execute({ dir: import.meta.url });
}
