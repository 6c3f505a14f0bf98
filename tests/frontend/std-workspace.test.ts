// Std's own sources as the workspace (data/std-src/library with a workspace manifest), and as
// the cached crates of `--std-src`. Their crates are resolved against the built-in table too,
// and reach its defs through the prelude: `impl Iterator for IntoIter` in alloc names the
// table's `core::iter::Iterator`, whose real def is `core::iter::traits::iterator::Iterator`.
// Every ref, candidate, relation and impl must name the real def (std-src/real-ids.ts), in a
// full, a resumed and a `watch` analysis alike.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../frontend/src/index.js';
import { resumeAnalysis, type ResumeStats } from '../../frontend/src/incremental/resume.js';
import { AnalysisSession } from '../../frontend/src/incremental/session.js';
import { indexDumps, openStore, references } from '../../indexer/src/index.js';
import { parseDump, type DumpPatch, type ItemRecord } from '../../schema/src/index.js';
import { copyFixture, dumpsIn, edit } from '../support/workspace-copy.js';

const REAL_ITERATOR = 'cargo core 0.0.0 iter/traits/iterator/Iterator#';
const REAL_NEXT = `${REAL_ITERATOR}next().`;
/** The table's ids for them, which no def of the sources has. */
const TABLE_ITERATOR = 'cargo core 0.0.0 iter/Iterator#';
const LIBRARY = path.resolve(import.meta.dirname, '../../data/std-src/library');
const APP = path.resolve(import.meta.dirname, '../../data/std-src/app');

const temps: string[] = [];
const savedCache = process.env.XREF_CACHE_DIR;

beforeAll(() => {
  process.env.XREF_CACHE_DIR = temp('xref-std-ws-cache-');
});

afterAll(() => {
  if (savedCache === undefined) delete process.env.XREF_CACHE_DIR;
  else process.env.XREF_CACHE_DIR = savedCache;
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function temp(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A copy of the std stand-in as a Cargo workspace of its three crates. */
function stdWorkspace(): string {
  const ws = copyFixture('xref-std-ws-', 'std-src/library');
  temps.push(ws);
  writeFileSync(path.join(ws, 'Cargo.toml'), '[workspace]\nmembers = ["core", "alloc", "std"]\nresolver = "2"\n');
  return ws;
}

function records(dumpText: string): ItemRecord[] {
  return parseDump(dumpText, 'alloc').items;
}

/** Every id a record's refs, relations and impls name. */
function namedIds(items: ItemRecord[]): string[] {
  return items.flatMap((r) => [
    ...r.refs.flatMap((ref) => [...(ref.target === undefined ? [] : [ref.target]), ...(ref.candidates ?? [])]),
    ...r.relations.flatMap((rel) => [rel.from, rel.to]),
    ...r.impls.flatMap((impl) => [...(impl.trait === undefined ? [] : [impl.trait]), ...(impl.selfTarget === undefined ? [] : [impl.selfTarget])]),
  ]);
}

function expectRealIterator(items: ItemRecord[]): void {
  const impl = items.find((r) => r.item.endsWith('vec/impl#[IntoIter<T>][Iterator]'))!;
  expect(impl.impls[0].trait).toBe(REAL_ITERATOR);
  expect(impl.relations).toContainEqual(expect.objectContaining({ kind: 'implements', to: REAL_ITERATOR }));
  expect(impl.refs.map((r) => r.target)).toContain(REAL_ITERATOR);
  const next = items.find((r) => r.item.endsWith('vec/impl#[IntoIter<T>][Iterator]next().'))!;
  expect(next.relations).toContainEqual(expect.objectContaining({ kind: 'overrides', to: REAL_NEXT }));
  const first = items.find((r) => r.item.endsWith('vec/first().'))!;
  expect(first.refs.map((r) => r.target)).toEqual(expect.arrayContaining([REAL_ITERATOR, REAL_NEXT]));
  expect(namedIds(items).filter((id) => id.startsWith(TABLE_ITERATOR))).toEqual([]);
}

describe("std's own workspace", () => {
  it("names the real defs wherever alloc reaches the table's", async () => {
    const ws = stdWorkspace();
    const outDir = path.join(ws, 'dumps');
    await analyzeWorkspace(ws, { useCargo: false, outDir });
    expectRealIterator(records(dumpsIn(outDir).get('alloc-0.0.0-lib-alloc.jsonl')!));

    const store = await openStore(path.join(ws, 'db'), { create: true });
    try {
      await indexDumps(store, [...dumpsIn(outDir).keys()].map((f) => path.join(outDir, f)));
      const refs = await references(store, REAL_ITERATOR);
      expect(refs.filter((r) => r.file === 'alloc/src/vec.rs').map((r) => r.line)).toEqual([27, 36, 37]);
    } finally {
      await store.close();
    }
  });

  it('gives a resumed analysis the same real ids as a full one', async () => {
    const ws = stdWorkspace();
    const outDir = path.join(ws, 'dumps');
    const options = { useCargo: false as const, outDir };
    await analyzeWorkspace(ws, options);
    edit(path.join(ws, 'alloc/src/vec.rs'), '    Iterator::next(&mut iter)\n', '    let again = Iterator::next(&mut iter);\n    again\n');
    const stats: ResumeStats = { crates: 0, items: 0, bound: 0 };
    expect(await resumeAnalysis(ws, options, stats)).toBeDefined();
    expect(stats).toEqual({ crates: 1, items: 1, bound: 0 });
    const resumed = dumpsIn(outDir);
    expectRealIterator(records(resumed.get('alloc-0.0.0-lib-alloc.jsonl')!));

    const fresh = temp('xref-std-ws-fresh-');
    await analyzeWorkspace(ws, { useCargo: false, outDir: fresh });
    expect(resumed).toEqual(dumpsIn(fresh));

    // Beyond bodies: core's Iterator moves to another module, so the table's `core::iter::Iterator`
    // stands for another real def, and alloc, which depends on core, is resolved again with it.
    const traits = path.join(ws, 'core/src/iter/traits');
    writeFileSync(path.join(traits, 'mod.rs'), readFileSync(path.join(traits, 'iterator.rs'), 'utf8'));
    rmSync(path.join(traits, 'iterator.rs'));
    expect(await resumeAnalysis(ws, options)).toBeDefined();
    const again = temp('xref-std-ws-fresh-');
    await analyzeWorkspace(ws, { useCargo: false, outDir: again });
    expect(dumpsIn(outDir)).toEqual(dumpsIn(again));
    const moved = 'cargo core 0.0.0 iter/traits/Iterator#';
    const impl = records(dumpsIn(outDir).get('alloc-0.0.0-lib-alloc.jsonl')!).find((r) => r.item.endsWith('vec/impl#[IntoIter<T>][Iterator]'))!;
    expect(impl.impls[0].trait).toBe(moved);
  });

  it('gives the fn an `xref watch` session resolves again the real ids', async () => {
    const ws = stdWorkspace();
    const options = { useCargo: false as const, outDir: path.join(ws, 'dumps') };
    const session = new AnalysisSession();
    await session.update(ws, options);
    edit(path.join(ws, 'alloc/src/vec.rs'), '    Iterator::next(&mut iter)\n', '    let again = Iterator::next(&mut iter);\n    again\n');
    const result = await session.update(ws, options);
    expect(session.stats).toEqual({ localEdits: 1, full: 1 });
    const patched = (result.patches as DumpPatch[]).flatMap((p) => p.items);
    expect(patched.map((r) => r.item)).toContain('cargo alloc 0.0.0 vec/first().');
    expect(namedIds(patched)).toEqual(expect.arrayContaining([REAL_ITERATOR, REAL_NEXT]));
    expect(namedIds(patched).filter((id) => id.startsWith(TABLE_ITERATOR))).toEqual([]);
  });
});

describe('std sources of a workspace (--std-src)', () => {
  it("analyzes them into the cache with the real defs' ids", async () => {
    const result = await analyzeWorkspace(APP, { useCargo: false, outDir: temp('xref-std-app-'), stdSources: LIBRARY });
    const alloc = result.dumpFiles.find((f) => path.basename(f) === 'alloc-0.0.0-lib-alloc.jsonl')!;
    expectRealIterator(records(readFileSync(alloc, 'utf8')));
  });
});
