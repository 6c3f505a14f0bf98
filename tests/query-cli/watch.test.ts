// `xref watch` keeps the index fresh and owns the store meanwhile: other xref processes are
// answered through it and never see LevelDB's LOCK error.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, REPO, removeDir, xref } from './cli.js';

let ws: string;
let watcher: ChildProcess | undefined;
/** The watcher's stdout, one JSON object per line, as they come. */
const lines: unknown[] = [];
let lineArrived: () => void = () => {};

beforeAll(() => {
  ws = copyExample();
}, 120_000);

afterAll(() => {
  watcher?.kill('SIGKILL');
  removeDir(ws);
});

function startWatcher(): void {
  const { NODE_ENV: _test, ...env } = process.env;
  watcher = spawn(process.execPath, [join(REPO, 'bin', 'xref.js'), 'watch', '--json'], { cwd: ws, env, stdio: ['ignore', 'pipe', 'inherit'] });
  createInterface({ input: watcher.stdout! }).on('line', (line) => {
    lines.push(JSON.parse(line));
    lineArrived();
  });
}

/** Waits for the first line after the `seen`th that satisfies `test`. */
async function lineMatching(seen: number, test: (line: Record<string, unknown>) => boolean, timeoutMs = 20_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = lines.slice(seen).find((l) => test(l as Record<string, unknown>));
    if (found) return found as Record<string, unknown>;
    if (Date.now() > deadline) throw new Error(`no matching line from xref watch; got ${JSON.stringify(lines)}`);
    await new Promise<void>((resolve) => {
      lineArrived = resolve;
      setTimeout(resolve, 200);
    });
  }
}

describe('xref watch', () => {
  it('indexes, answers queries of other processes, and follows an edit', async () => {
    startWatcher();
    const first = await lineMatching(0, (l) => 'itemsAdded' in l);
    expect(first.itemsAdded).toBeGreaterThan(100);
    await lineMatching(0, (l) => 'watching' in l);
    expect(existsSync(join(ws, '.xref', 'db.watch.json'))).toBe(true);

    // The watcher holds the LevelDB lock; queries go through its socket.
    const def = xref(['def', 'canvas/src/bin/draw.rs:9:24'], { cwd: ws, env: { XREF_LOCK_WAIT_MS: '0' } });
    expect(def.stderr).toBe('');
    expect(def.code).toBe(0);
    expect(def.stdout).toMatch(/^geometry\/src\/shapes\/circle\.rs:21:12: fn geometry::shapes::circle::Circle::new/);

    // `xref index` asks the watcher for an update instead of opening the store.
    const index = xref(['index', '--json'], { cwd: ws, env: { XREF_LOCK_WAIT_MS: '0' } });
    expect(index.code).toBe(0);
    expect(JSON.parse(index.stdout)).toMatchObject({ itemsAdded: 0, itemsChanged: 0, itemsRemoved: 0 });
    const full = xref(['index', '--full'], { cwd: ws });
    expect(full.code).toBe(3);
    expect(full.stderr).toMatch(/^xref: 'xref watch' holds this index: stop it to rebuild with --full\n$/);

    // An edit is picked up without anyone running xref index.
    const seen = lines.length;
    const lib = join(ws, 'geometry', 'src', 'lib.rs');
    writeFileSync(lib, readFileSync(lib, 'utf8').replace('pub fn format_length', 'pub fn format_len'));
    const update = await lineMatching(seen, (l) => 'itemsChanged' in l);
    expect(Number(update.itemsAdded) + Number(update.itemsChanged)).toBeGreaterThan(0);
    const search = xref(['search', '--json', 'format_len'], { cwd: ws });
    expect(search.code).toBe(0);
    expect(search.stdout).toContain('geometry::format_len');
    expect(xref(['refs', 'geometry::format_length'], { cwd: ws }).code).toBe(1);

    // An edit inside a fn body patches that fn's records; the new ref is answered at once, and the
    // dumps follow.
    const before = lines.length;
    const circle = join(ws, 'geometry', 'src', 'shapes', 'circle.rs');
    writeFileSync(circle, readFileSync(circle, 'utf8').replace('        2.0 * self.radius\n', '        Circle::new(self.center, 2.0 * self.radius).radius\n'));
    const patched = await lineMatching(before, (l) => 'itemsChanged' in l);
    expect(patched).toMatchObject({ itemsAdded: 0, itemsRemoved: 0, itemsChanged: 2 });
    const refs = xref(['refs', 'geometry::shapes::circle::Circle::new', '--json'], { cwd: ws, env: { XREF_LOCK_WAIT_MS: '0' } });
    expect(refs.code).toBe(0);
    expect(refs.stdout).toMatch(/"line":\s*27/);

    // Stopping it removes its socket and hands the store back.
    const exited = new Promise<number | null>((resolve) => watcher!.once('exit', resolve));
    watcher!.kill('SIGTERM');
    expect(await exited).toBe(0);
    watcher = undefined;
    expect(existsSync(join(ws, '.xref', 'db.watch.json'))).toBe(false);
    expect(xref(['def', 'canvas/src/bin/draw.rs:9:24'], { cwd: ws }).code).toBe(0);
  }, 60_000);

  it('ignores the watch file of a watcher that died', () => {
    const watchFile = join(ws, '.xref', 'db.watch.json');
    writeFileSync(watchFile, JSON.stringify({ pid: 2 ** 22 + 12345, socket: join(ws, '.xref', 'gone.sock') }));
    const def = xref(['def', 'canvas/src/bin/draw.rs:9:24'], { cwd: ws });
    expect(def.stderr).toBe('');
    expect(def.code).toBe(0);
    expect(existsSync(watchFile)).toBe(false);
  });
});
