// Runs the built `xref` as a user would (node bin/xref.js) against a temporary copy of the
// example workspace, so the tests cover oclif's loading, flag parsing and exit codes too.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(REPO, 'bin', 'xref.js');
const GOLDEN = join(REPO, 'tests', 'query-cli', 'golden');
const SOURCES = ['schema/src', 'frontend/src', 'indexer/src', 'query-cli/src'];
/** The build's last output (package.json `build`), so its mtime is when the build finished. */
const BUILT = join(REPO, 'oclif.manifest.json');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Builds the project unless the last build is newer than every source (vitest's global setup, tests/build-once.ts). */
export function ensureBuilt(): void {
  const builtAt = mtimeOrZero(BUILT);
  if (SOURCES.every((dir) => newestMtime(join(REPO, dir)) < builtAt)) return;
  execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
}

function mtimeOrZero(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    newest = Math.max(newest, statSync(join(dir, name)).mtimeMs);
  }
  return newest;
}

/** A fresh copy of data/example under the OS temp directory, without any .xref/ of its own. */
export function copyExample(): string {
  const example = join(REPO, 'data', 'example');
  const dir = mkdtempSync(join(tmpdir(), 'xref-cli-'));
  cpSync(example, dir, {
    recursive: true,
    filter: (source) => {
      const parts = relative(example, source).split(sep);
      return parts[0] !== 'target' && !parts.includes('.xref');
    },
  });
  return dir;
}

/** A fresh copy of data/example, indexed by the CLI. */
export function indexedExample(): string {
  const ws = copyExample();
  const run = xref(['index'], { cwd: ws });
  if (run.code !== 0) throw new Error(`xref index failed in ${ws}: ${run.stderr}`);
  return ws;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function xref(args: string[], options: { cwd: string; input?: string; env?: Record<string, string> }): Run {
  // A user's shell has no NODE_ENV=test; oclif changes behaviour under it. FORCE_COLOR would
  // colour the output the golden files hold plain; a test that wants colour sets it. The golden
  // files show std as the built-in table: a toolchain's rust-src must not be picked up.
  const { NODE_ENV: _testEnv, FORCE_COLOR: _color, ...inherited } = process.env;
  const env = { ...inherited, XREF_STD_SRC: 'none', ...options.env };
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env,
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** Parses stdout as JSON Lines. */
export function jsonLines(stdout: string): unknown[] {
  return stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
}

/**
 * The expected output stored as tests/query-cli/golden/<name>. With XREF_UPDATE_GOLDEN=1 the
 * actual output is written there instead; a new or changed golden file must be read and checked
 * against the Rust sources by hand before it is committed.
 */
export function golden(name: string, actual: string): string {
  const path = join(GOLDEN, name);
  if (process.env.XREF_UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  return readFileSync(path, 'utf8');
}
