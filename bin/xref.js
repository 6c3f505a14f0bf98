#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// `parse`, `index` and `watch` run again in a node with V8 heap flags, which can only be set at start-up.
// Parsing makes many short-lived objects: a 32 MB semi-space took one thread on std from 4.5 to
// 5.4 MB/s, and GC on the main thread only (V8's helper threads compete with the parsing workers
// for the cores) took 2 workers from 5.1 to 5.8 MB/s (bench/RESULTS.md). Queries start as they are.
const HEAVY_COMMANDS = new Set(['parse', 'index', 'watch']);
const HEAP_FLAGS = ['--max-semi-space-size=32', '--single-threaded-gc'];

if (HEAVY_COMMANDS.has(process.argv[2]) && !process.execArgv.includes(HEAP_FLAGS[1])) {
  const child = spawn(process.execPath, [...HEAP_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
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
  // Loaded only now, so that the parent of a re-run does not load it for nothing.
  const { execute, settings } = await import('@oclif/core');

  // Always run the compiled commands in dist/: oclif would otherwise look for TypeScript sources
  // to transpile whenever NODE_ENV is "development" or "test" (as under vitest).
  settings.enableAutoTranspile = false;

  await execute({ dir: import.meta.url });
}
