// Registry crates in the per-user cache (issue 4, crate-cache/registry.ts): with `crateCache`, a
// registry crate is analyzed once for every workspace that uses it at the same version, features
// and dependencies, and later analyses take its dump from the cache. Fixture: data/workspaces/
// registry-home (tinyfmt 0.9.1 and 1.2.3, checkmate 0.3.0 over tinyfmt 1.2.3, in a fake
// $CARGO_HOME), copied; XREF_CACHE_DIR is a temporary directory.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeWorkspace, discoverWorkspace, type AnalyzeResult } from '../../frontend/src/index.js';
import { analyzeWorkspaceModel, loadCrates } from '../../frontend/src/analyze.js';
import { findRegistryCrates } from '../../frontend/src/crate-cache/registry.js';
import type { CrateTarget } from '../../frontend/src/workspace/index.js';
import { parseDump } from '../../schema/src/index.js';
import { registryFixtures } from './workspace/fixture-copy.js';

const fx = registryFixtures();
const REGISTRY = 'registry-home/cargo-home/registry/src/index.crates.io-1949cf8c6b5b557f';
const savedCache = process.env.XREF_CACHE_DIR;
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'xref-registry-cache-'));
  process.env.XREF_CACHE_DIR = path.join(scratch, 'cache');
  // A call on a value of unknown type, whose candidates are every method of that name it can see.
  appendFileSync(fx.path(REGISTRY, 'tinyfmt-0.9.1/src/lib.rs'), '\npub fn loud(x: Unknown) {\n    x.shout();\n}\n');
});

afterAll(() => {
  if (savedCache === undefined) delete process.env.XREF_CACHE_DIR;
  else process.env.XREF_CACHE_DIR = savedCache;
  rmSync(scratch, { recursive: true, force: true });
});

/** A copy of the app (its own workspace, same $CARGO_HOME), edited by `edit`. */
function appCopy(name: string, edit: (dir: string) => void = () => {}): string {
  const dir = fx.path('registry-home', name);
  cpSync(fx.path('registry-home/app'), dir, { recursive: true });
  edit(dir);
  return dir;
}

const analyze = (dir: string) => analyzeWorkspace(dir, { useCargo: false, includeDevTargets: true, crateCache: true });

/** Dump file name → its text. */
function dumpTexts(result: AnalyzeResult): Map<string, string> {
  return new Map(result.dumpFiles.map((f) => [path.basename(f), readFileSync(f, 'utf8')]));
}

const registryDumps = (result: AnalyzeResult) => result.dumpFiles.filter((f) => !path.basename(f).startsWith('regapp-'));

describe('the registry crate cache', () => {
  let first: AnalyzeResult;
  let firstTexts: Map<string, string>;

  it('analyzes registry crates once, then reuses their dumps, identical, in the same and in another workspace', async () => {
    const app = appCopy('app-a');
    first = await analyze(app);
    firstTexts = dumpTexts(first);
    expect(first.registry).toEqual({ reused: 0, analyzed: 3 });
    expect(first.warnings).toEqual([]);
    // Registry dumps live in the cache, named by absolute path; the members' in the workspace.
    for (const f of registryDumps(first)) expect(f.startsWith(path.join(scratch, 'cache'))).toBe(true);
    const tinyfmt = parseDump(firstTexts.get('tinyfmt-1.2.3-lib-tinyfmt.jsonl')!, 'tinyfmt');
    expect(tinyfmt.header.crate.root).toBe(fx.path(REGISTRY, 'tinyfmt-1.2.3/src/lib.rs'));
    // Its bodies were resolved: `digits` in render()'s body is a local read.
    expect(tinyfmt.items.find((i) => i.item === 'cargo tinyfmt 1.2.3 render().')!.refs.some((r) => r.role === 'read')).toBe(true);

    const { result: again, model } = await analyzeWorkspaceModel(app, { useCargo: false, includeDevTargets: true, crateCache: true });
    expect(again.registry).toEqual({ reused: 3, analyzed: 0 });
    // The cached crates' bodies were left unresolved this time.
    const cachedTinyfmt = model.crates.find((c) => c.target.key === 'tinyfmt 1.2.3 lib tinyfmt')!;
    expect(cachedTinyfmt.records.find((r) => r.id === 'cargo tinyfmt 1.2.3 render().')!.refs.some((r) => r.role === 'read')).toBe(false);
    expect(dumpTexts(again)).toEqual(firstTexts);
    expect([again.items, again.files, again.crates]).toEqual([first.items, first.files, first.crates]);

    const other = await analyze(appCopy('app-b'));
    expect(other.registry).toEqual({ reused: 3, analyzed: 0 });
    expect(registryDumps(other)).toEqual(registryDumps(first));
  });

  it('writes the same dumps when the cache cannot be written, into the workspace', async () => {
    const app = appCopy('app-c');
    const unwritable = path.join(scratch, 'not-a-directory');
    writeFileSync(unwritable, '');
    process.env.XREF_CACHE_DIR = unwritable;
    try {
      const result = await analyze(app);
      expect(result.registry).toEqual({ reused: 0, analyzed: 3 });
      for (const f of result.dumpFiles) expect(f.startsWith(path.join(app, '.xref', 'dumps'))).toBe(true);
      expect(dumpTexts(result)).toEqual(firstTexts);
    } finally {
      process.env.XREF_CACHE_DIR = path.join(scratch, 'cache');
    }
  });

  it('gives a registry crate no candidates from the workspace: its dump fits every workspace', async () => {
    const app = appCopy('app-shout', (dir) => appendFileSync(path.join(dir, 'src/lib.rs'), '\npub struct Loud;\nimpl Loud {\n    pub fn shout(&self) {}\n}\n'));
    process.env.XREF_CACHE_DIR = path.join(scratch, 'not-a-directory');
    try {
      const result = await analyze(app);
      expect(result.registry).toEqual({ reused: 0, analyzed: 3 });
      const text = dumpTexts(result).get('tinyfmt-0.9.1-lib-tinyfmt.jsonl')!;
      expect(text).toBe(firstTexts.get('tinyfmt-0.9.1-lib-tinyfmt.jsonl'));
      const loud = parseDump(text, 'tinyfmt').items.find((i) => i.item === 'cargo tinyfmt 0.9.1 loud().')!;
      expect(loud.refs.find((r) => r.role === 'method')).toMatchObject({ unresolved: '.shout' });
    } finally {
      process.env.XREF_CACHE_DIR = path.join(scratch, 'cache');
    }
  });

  // Discovery without cargo does not unify a dependent's features in (workspace/features.ts), so
  // the feature is set on the target as `cargo metadata` would report it.
  it('misses for a crate whose features change, and for the crates over it', async () => {
    const ws = await discoverWorkspace(appCopy('app-fancy'), { useCargo: false, includeDevTargets: true });
    const registryKeys = async (features: (t: CrateTarget) => string[]) => {
      const crates = await loadCrates(ws.crates.map((t) => ({ ...t, features: features(t) })), ws.root, {});
      const { keys, cached } = findRegistryCrates(crates, undefined);
      return { keys: keys.size, cached: [...cached.keys()].map((c) => c.target.key).sort() };
    };
    expect(await registryKeys((t) => t.features)).toEqual({
      keys: 3, cached: ['checkmate 0.3.0 lib checkmate', 'tinyfmt 0.9.1 lib tinyfmt', 'tinyfmt 1.2.3 lib tinyfmt'],
    });
    // tinyfmt 1.2.3 with `fancy` misses, and so does checkmate, which depends on it.
    expect(await registryKeys((t) => (t.key === 'tinyfmt 1.2.3 lib tinyfmt' ? ['fancy'] : t.features))).toEqual({
      keys: 3, cached: ['tinyfmt 0.9.1 lib tinyfmt'],
    });
  });

  it('misses for a dependency at another version, and for the crates over it', async () => {
    const app = appCopy('app-newer', (dir) => {
      const lock = path.join(dir, 'Cargo.lock');
      writeFileSync(lock, readFileSync(lock, 'utf8').replaceAll('1.2.3', '1.3.0'));
    });
    const result = await analyze(app);
    // tinyfmt 1.3.0 is new, and checkmate's dependency changed; tinyfmt 0.9.1 is reused.
    expect(result.registry).toEqual({ reused: 1, analyzed: 2 });
    expect(result.dumpFiles.map((f) => path.basename(f))).toContain('tinyfmt-1.3.0-lib-tinyfmt.jsonl');
    const checkmate = parseDump(dumpTexts(result).get('checkmate-0.3.0-lib-checkmate.jsonl')!, 'checkmate');
    expect(checkmate.header.dependencies.tinyfmt).toBe('cargo tinyfmt 1.3.0');
  });
});
