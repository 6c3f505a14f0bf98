// Every failure ends with one `xref: …` line on stderr and its documented exit code (README.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, REPO, removeDir, xref, type Run } from './cli.js';

let ws: string;
let empty: string;

beforeAll(() => {
  ws = copyExample();
  empty = mkdtempSync(join(tmpdir(), 'xref-cli-empty-'));
  expect(xref(['index'], { cwd: ws }).code).toBe(0);
}, 120_000);

afterAll(() => {
  removeDir(ws);
  removeDir(empty);
});

/** One line on stderr, no stack trace, nothing on stdout. */
function expectFailure(run: Run, code: number, message: RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^xref: [^\n]+\n$/);
  expect(run.stderr).toMatch(message);
  expect(run.code).toBe(code);
}

describe('usage errors (exit 2)', () => {
  it('rejects malformed positions before looking for an index', () => {
    for (const bad of ['src/lib.rs', 'src/lib.rs:3', 'src/lib.rs:0:1', 'src/lib.rs:3:x', ':3:4']) {
      expectFailure(xref(['def', bad], { cwd: empty }), 2, /^xref: bad position '.*': expected FILE:LINE:COL/);
    }
    expectFailure(xref(['refs', 'src/lib.rs:three:1'], { cwd: empty }), 2, /bad position/);
  });

  it('rejects unknown flags, missing arguments and bad roles', () => {
    expectFailure(xref(['def', '--frobnicate', 'a.rs:1:1'], { cwd: ws }), 2, /--frobnicate.*\(see 'xref def --help'\)/);
    expectFailure(xref(['def'], { cwd: ws }), 2, /missing FILE:LINE:COL/);
    expectFailure(xref(['refs', '--kind', 'read,sneeze', 'geometry::square'], { cwd: ws }), 2, /bad --kind 'read,sneeze'/);
    expectFailure(xref(['def', '--stdin'], { cwd: ws }), 2, /--json/);
    expectFailure(xref(['search', '--limit', '0', 'x'], { cwd: ws }), 2, /--limit.*\(see 'xref search --help'\)/);
    expectFailure(xref(['index', '--workers', 'two'], { cwd: ws }), 2, /^xref: bad --workers 'two': expected a whole number/);
  });
});

describe('index errors (exit 3)', () => {
  it('says there is no index and how to make one', () => {
    expectFailure(xref(['def', 'src/lib.rs:1:1'], { cwd: empty }), 3, /no index in .* run 'xref index' first/);
    const missing = join(empty, 'nowhere');
    expectFailure(xref(['refs', '--db', missing, 'geometry::square'], { cwd: ws }), 3, new RegExp(`no index at ${missing}: run 'xref index' first`));
  });

  it('accepts --db as the store, its .xref directory or the workspace root', () => {
    for (const db of [join(ws, '.xref', 'db'), join(ws, '.xref'), ws]) {
      const run = xref(['def', '--db', db, '--json', 'canvas/src/bin/draw.rs:9:24'], { cwd: ws });
      expect(run.code).toBe(0);
    }
  });

  it('says so when another process holds the index open for longer than XREF_LOCK_WAIT_MS', async () => {
    const holder = await holdStore(join(ws, '.xref', 'db'));
    try {
      const started = Date.now();
      const run = xref(['def', 'canvas/src/bin/draw.rs:9:24'], { cwd: ws, env: { XREF_LOCK_WAIT_MS: '400' } });
      expectFailure(run, 3, /locked by another xref process.*try again/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    } finally {
      holder.kill();
    }
  });

  it('waits for a store held briefly (as by a running xref index), then answers', async () => {
    const holder = await holdStore(join(ws, '.xref', 'db'), 800);
    const run = xref(['def', 'canvas/src/bin/draw.rs:9:24'], { cwd: ws });
    holder.kill();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Circle::new|new/);
  });
});

describe('bad locations (exit 4)', () => {
  it('names a file that is not in the index', () => {
    expectFailure(xref(['def', 'canvas/src/nope.rs:1:1'], { cwd: ws }), 4, /canvas\/src\/nope\.rs.*not in the index/);
  });

  it('refuses a position outside the file', () => {
    expectFailure(xref(['def', 'canvas/src/bin/draw.rs:999:1'], { cwd: ws }), 4, /canvas\/src\/bin\/draw\.rs:999:1 is outside the file/);
  });

  it('says when there is no identifier at the position', () => {
    // Line 8 is `fn main() {`; column 8 is the '('.
    expectFailure(xref(['def', 'canvas/src/bin/draw.rs:8:8'], { cwd: ws }), 4, /^xref: no identifier at canvas\/src\/bin\/draw\.rs:8:8: point at a name \(LINE and COL count from 1, COL in characters\)\n$/);
    expectFailure(xref(['refs', 'canvas/src/bin/draw.rs:8:8'], { cwd: ws }), 4, /no identifier at/);
  });

  it('refuses an index of another store format before analyzing anything', async () => {
    const stale = copyExample();
    try {
      expect(xref(['index'], { cwd: stale }).code).toBe(0);
      const { openStore } = await import('../../indexer/src/index.js');
      const store = await openStore(join(stale, '.xref', 'db'), { create: false });
      await store.db.put('meta\0format', '1');
      await store.close();
      rmSync(join(stale, '.xref', 'dumps'), { recursive: true });
      expectFailure(xref(['index'], { cwd: stale }), 3, /store format 1, this xref reads format \d+: run 'xref index --full'/);
      // Refused before the analysis: no dump was written.
      expect(existsSync(join(stale, '.xref', 'dumps'))).toBe(false);
      expect(xref(['index', '--full'], { cwd: stale }).code).toBe(0);
    } finally {
      removeDir(stale);
    }
  });

  it('reports a directory without a Cargo workspace', () => {
    expectFailure(xref(['index', empty], { cwd: ws }), 4, /Cargo\.toml/);
  });
});

describe('no result (exit 1)', () => {
  it('prints the empty answer for a name that matches nothing', () => {
    const run = xref(['search', '--json', 'zzzqqq'], { cwd: ws });
    expect(run.stdout).toBe('[]\n');
    expect(run.code).toBe(1);
    expectFailure(xref(['refs', 'geometry::NoSuchThing'], { cwd: ws }), 1, /no symbol in the index matches 'geometry::NoSuchThing'/);
  });
});

/** Starts a process that opens the LevelDB store and keeps it open until killed. */
/** A process that holds the store open, for `releaseAfterMs` or until killed. */
function holdStore(dbDir: string, releaseAfterMs?: number): Promise<ChildProcess> {
  const release = releaseAfterMs === undefined ? '' : `setTimeout(async () => { await db.close(); process.exit(0); }, ${releaseAfterMs});`;
  const script = `
    const { Level } = await import('level');
    const db = new Level(${JSON.stringify(dbDir)});
    await db.open();
    process.stdout.write('open\\n');
    ${release}
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`store holder exited with ${code}`)));
  });
}
