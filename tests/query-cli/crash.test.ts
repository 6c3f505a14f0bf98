// kill -9 at any point of `xref index` must leave a store that opens, answers, and converges to
// a clean build on the next `xref index` (issue 5). The workspace is the example plus a generated
// crate large enough that loading its dump takes a while, and each round renames a pub fn used
// in every generated file, so each run has many keys to rewrite when it is killed.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../indexer/src/index.js';
import { prng } from '../support/random.js';
import { copyExample, REPO, removeDir, xref } from './cli.js';

const FILES = 24;
const FNS_PER_FILE = 60;
const ROUNDS = 6;

let ws: string;
let clean: string;

beforeAll(() => {
  ws = copyExample();
  clean = copyExample();
}, 120_000);

afterAll(() => {
  removeDir(ws);
  removeDir(clean);
});

/** The generated crate `bulk`; `helper` is the name of the pub fn every file calls. */
function writeBulk(root: string, helper: string): void {
  writeFileSync(join(root, 'Cargo.toml'), '[workspace]\nmembers = ["geometry", "canvas", "bulk"]\nresolver = "2"\n');
  const dir = join(root, 'bulk', 'src');
  rmSync(join(root, 'bulk'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(root, 'bulk', 'Cargo.toml'), '[package]\nname = "bulk"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ngeometry = { path = "../geometry" }\n');
  const mods = Array.from({ length: FILES }, (_, f) => `pub mod m${f};`).join('\n');
  writeFileSync(join(dir, 'lib.rs'), `${mods}\n\npub fn ${helper}(x: u64) -> u64 { x + 1 }\n`);
  for (let f = 0; f < FILES; f++) {
    const fns = Array.from({ length: FNS_PER_FILE }, (_, i) =>
      `/// Item ${i} of file ${f}.\npub fn f${i}(p: geometry::Point, n: u64) -> u64 {\n    let q = p;\n    crate::${helper}(n) + f${(i + 1) % FNS_PER_FILE}_len(&q)\n}\n\nfn f${i}_len(_p: &geometry::Point) -> u64 { ${i} }\n`,
    ).join('\n');
    writeFileSync(join(dir, `m${f}.rs`), fns);
  }
}

/** Every key and value of the store at `root`, but the time of the last index. */
async function storeContents(root: string): Promise<Map<string, string>> {
  const store = await openStore(join(root, '.xref', 'db'), { create: false });
  const out = new Map<string, string>();
  try {
    for await (const [k, v] of store.db.iterator()) if (!k.includes('indexedAt')) out.set(k, v);
  } finally {
    await store.close();
  }
  return out;
}

/** Starts `xref index` in its own process group and kills the group with SIGKILL after `ms`. */
function indexKilledAfter(cwd: string, ms: number): Promise<void> {
  const { NODE_ENV: _test, ...env } = process.env;
  const child = spawn(process.execPath, [join(REPO, 'bin', 'xref.js'), 'index'], { cwd, env, detached: true, stdio: 'ignore' });
  return new Promise((resolve) => {
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('kill -9 during xref index', () => {
  it('leaves a store that opens and answers, and the next index converges to a clean build', async () => {
    writeBulk(ws, 'helper_0');
    const started = Date.now();
    expect(xref(['index'], { cwd: ws }).code).toBe(0);
    const fullRun = Date.now() - started;
    const random = prng(20261121);
    for (let round = 1; round <= ROUNDS; round++) {
      const helper = `helper_${round}`;
      writeBulk(ws, helper);
      // Late in the run more often: the store is written in the last part of it.
      await indexKilledAfter(ws, Math.floor(fullRun * (0.3 + 0.7 * random())));

      // Whatever the kill interrupted, the store opens and a query answers from the old or new state.
      const def = xref(['def', '--json', 'canvas/src/bin/draw.rs:9:24'], { cwd: ws });
      expect(def.stderr).toBe('');
      expect(def.code).toBe(0);

      const again = xref(['index'], { cwd: ws });
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
      writeBulk(clean, helper);
      rmSync(join(clean, '.xref'), { recursive: true, force: true });
      expect(xref(['index'], { cwd: clean }).code).toBe(0);
      const [recovered, fresh] = await Promise.all([storeContents(ws), storeContents(clean)]);
      expect(recovered.size).toBe(fresh.size);
      expect(recovered).toEqual(fresh);
      expect(xref(['refs', '--json', `bulk::${helper}`], { cwd: ws }).stdout).toContain(`m${FILES - 1}.rs`);
    }
  }, 300_000);
});

describe('signals', () => {
  it('SIGTERM to xref index alone stops the re-run node that does the work', async () => {
    const { NODE_ENV: _test, ...env } = process.env;
    // A full index of the generated crate: one with nothing to do would end before the signal,
    // and a short one could end before `ps` looks, hiding a child left running.
    writeBulk(ws, 'helper_signal');
    const child = spawn(process.execPath, [join(REPO, 'bin', 'xref.js'), 'index', '--full', ws], { cwd: ws, env, stdio: 'ignore' });
    const exited = new Promise<[number | null, string | null]>((resolve) => child.once('exit', (code, sig) => resolve([code, sig])));
    await new Promise((resolve) => setTimeout(resolve, 400));
    child.kill('SIGTERM');
    const [, signal] = await exited;
    expect(signal).toBe('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const running = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(`index --full ${ws}`));
    expect(running).toEqual([]);
  }, 30_000);
});
