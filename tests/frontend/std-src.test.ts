// Std's real sources (issue 4): data/std-src/library is a small stand-in for rust-src written
// for these tests (Option in core::option, Vec in alloc::vec, HashMap defined in
// std::collections::hash::map and re-exported from std::collections). With `stdSources`, core,
// alloc and std are analyzed once into the per-user cache (XREF_CACHE_DIR here), every workspace
// loads those dumps, and its refs into std point at their defs.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeWorkspace, locateStdSources, WorkspaceError, type AnalyzeResult } from '../../frontend/src/index.js';
import { definitionsAt, indexDumps, openStore, references } from '../../indexer/src/index.js';
import { LineIndex, parseDump, type Dump, type Ref } from '../../schema/src/index.js';
import { resumeAnalysis, type ResumeStats } from '../../frontend/src/incremental/resume.js';
import { copyFixture, dumpsIn, edit } from '../support/workspace-copy.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../data/std-src');
const LIBRARY = path.join(FIXTURE, 'library');
const APP = path.join(FIXTURE, 'app');
const EXAMPLE = path.resolve(import.meta.dirname, '../../data/example');

const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
const savedCache = process.env.XREF_CACHE_DIR;
let cache: string;

beforeAll(() => {
  cache = temp('xref-std-cache-');
  process.env.XREF_CACHE_DIR = cache;
});

afterAll(() => {
  if (savedCache === undefined) delete process.env.XREF_CACHE_DIR;
  else process.env.XREF_CACHE_DIR = savedCache;
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A directory whose `lib/rustlib/src/rust/library` is the fixture's, as rust-src lays it out. */
function fakeSysroot(under: string): string {
  const rust = path.join(under, 'lib', 'rustlib', 'src', 'rust');
  mkdirSync(rust, { recursive: true });
  symlinkSync(LIBRARY, path.join(rust, 'library'));
  return under;
}

describe('locating std sources', () => {
  it('takes a library directory, a directory holding one, or a sysroot with rust-src', async () => {
    expect(await locateStdSources(LIBRARY, {})).toBe(LIBRARY);
    expect(await locateStdSources(FIXTURE, {})).toBe(LIBRARY);
    const sysroot = fakeSysroot(temp('xref-sysroot-'));
    expect(await locateStdSources(sysroot, {})).toBe(path.join(sysroot, 'lib/rustlib/src/rust/library'));
  });

  it('reads XREF_STD_SRC when no path is given, and "none" turns std sources off', async () => {
    expect(await locateStdSources(undefined, { XREF_STD_SRC: FIXTURE })).toBe(LIBRARY);
    expect(await locateStdSources(undefined, { XREF_STD_SRC: 'none' })).toBeUndefined();
    expect(await locateStdSources('none', { XREF_STD_SRC: FIXTURE })).toBeUndefined();
  });

  it('refuses a given path without sources', async () => {
    await expect(locateStdSources(APP, {})).rejects.toThrow(WorkspaceError);
  });

  it("finds a rustup toolchain's rust-src when there is no rustc", async () => {
    const rustupHome = temp('xref-rustup-');
    fakeSysroot(path.join(rustupHome, 'toolchains', 'stable-x86_64-unknown-linux-gnu'));
    expect(await locateStdSources(undefined, { PATH: '', RUSTUP_HOME: rustupHome }))
      .toBe(path.join(rustupHome, 'toolchains/stable-x86_64-unknown-linux-gnu/lib/rustlib/src/rust/library'));
    expect(await locateStdSources(undefined, { PATH: '', RUSTUP_HOME: temp('xref-rustup-empty-') })).toBeUndefined();
  });
});

function readDumps(files: string[]): Map<string, Dump> {
  return new Map(files.map((f) => [path.basename(f, '.jsonl'), parseDump(readFileSync(f, 'utf8'), f)]));
}

/** The ref at FILE:LINE:COL of a dump. */
function refAt(dump: Dump, file: string, line: number, col: number): Ref {
  const offset = new LineIndex(dump.header.files.find((f) => f.path === file)!).offset(line, col)!;
  for (const item of dump.items) {
    if (item.file !== file || offset < item.span[0] || offset >= item.span[1]) continue;
    const ref = item.refs.find((r) => r.span[0] <= offset - item.span[0] && offset - item.span[0] < r.span[1]);
    if (ref) return ref;
  }
  throw new Error(`no ref at ${file}:${line}:${col}`);
}

/** Def id → the file defining it, in `dumps`. */
function defFiles(dumps: Iterable<Dump>): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of dumps) for (const item of d.items) for (const def of item.defs) out.set(def.id, item.file);
  return out;
}

const STD_DUMPS = ['alloc-0.0.0-lib-alloc', 'core-0.0.0-lib-core', 'std-0.0.0-lib-std'];

describe('analyzing with std sources', () => {
  let app: AnalyzeResult;
  let example: AnalyzeResult;
  let plain: AnalyzeResult;

  beforeAll(async () => {
    app = await analyzeWorkspace(APP, { outDir: temp('xref-std-app-'), useCargo: false, stdSources: FIXTURE });
    example = await analyzeWorkspace(EXAMPLE, { outDir: temp('xref-std-example-'), useCargo: false, stdSources: LIBRARY });
    plain = await analyzeWorkspace(APP, { outDir: temp('xref-std-plain-'), useCargo: false });
  });

  it('resolves a body edit against the image as a full analysis does, its refs into std at the real defs', async () => {
    const ws = copyFixture('xref-std-resume-');
    const options = { outDir: path.join(ws, 'dumps'), useCargo: false as const, stdSources: LIBRARY };
    await analyzeWorkspace(ws, options);
    edit(path.join(ws, 'geometry/src/shapes/circle.rs'), '        2.0 * self.radius\n', '        let _kept: Option<f64> = Some(self.radius);\n        2.0 * self.radius\n');
    const stats: ResumeStats = { crates: 0, items: 0, bound: 0 };
    const resumed = await resumeAnalysis(ws, options, stats);
    expect(stats).toEqual({ crates: 1, items: 1, bound: 0 });
    const fresh = temp('xref-std-resume-fresh-');
    const full = await analyzeWorkspace(ws, { ...options, outDir: fresh });
    expect(dumpsIn(options.outDir)).toEqual(dumpsIn(fresh));
    expect(resumed!.dumpFiles.map((f) => path.basename(f))).toEqual(full.dumpFiles.map((f) => path.basename(f)));
    const geometry = dumpsIn(options.outDir).get('geometry-0.1.0-lib-geometry.jsonl')!;
    expect(geometry).toContain('"target":"cargo core 0.0.0 option/Option#Some."');
  });

  it('analyzes core, alloc and std once, into the cache, and every workspace loads those dumps', () => {
    expect(app.std).toEqual({ library: LIBRARY, analyzed: true });
    expect(example.std).toEqual({ library: LIBRARY, analyzed: false });
    const stdDumps = app.dumpFiles.filter((f) => f.startsWith(cache + path.sep));
    expect(stdDumps.map((f) => path.basename(f, '.jsonl')).sort()).toEqual(STD_DUMPS);
    expect(example.dumpFiles.filter((f) => f.startsWith(cache + path.sep))).toEqual(stdDumps);
    expect(app.crates).toBe(1);
  });

  it("names std's files by absolute path, so the dumps fit any workspace", () => {
    const core = readDumps(app.dumpFiles).get('core-0.0.0-lib-core')!;
    expect(core.header.crate.root).toBe(path.join(LIBRARY, 'core/src/lib.rs'));
    const files = ['iter/mod.rs', 'iter/traits/iterator.rs', 'iter/traits/mod.rs', 'lib.rs', 'option.rs'];
    expect(core.header.files.map((f) => f.path).sort()).toEqual(files.map((f) => path.join(LIBRARY, 'core/src', f)));
  });

  it('points refs into std at the real defs, through re-exports', () => {
    const dumps = readDumps(app.dumpFiles);
    const main = dumps.get('stdapp-0.1.0-bin-stdapp')!;
    const files = defFiles(STD_DUMPS.map((n) => dumps.get(n)!));
    const lands = (line: number, col: number) => {
      const target = refAt(main, 'src/main.rs', line, col).target!;
      return [target, files.get(target)];
    };
    const map = path.join(LIBRARY, 'std/src/collections/hash/map.rs');
    expect(lands(1, 23)).toEqual(['cargo std 0.0.0 collections/hash/map/HashMap#', map]);
    expect(lands(4, 52)).toEqual(['cargo std 0.0.0 collections/hash/map/HashMap#new().', map]);
    expect(lands(5, 11)).toEqual(['cargo std 0.0.0 collections/hash/map/HashMap#insert().', map]);
    expect(lands(6, 22)).toEqual(['cargo alloc 0.0.0 vec/Vec#new().', path.join(LIBRARY, 'alloc/src/vec.rs')]);
    expect(lands(8, 16)).toEqual(['cargo core 0.0.0 option/Option#', path.join(LIBRARY, 'core/src/option.rs')]);
    expect(lands(8, 30)).toEqual(['cargo core 0.0.0 option/Option#Some.', path.join(LIBRARY, 'core/src/option.rs')]);
    // The stand-in has no String: the table's id stays, and names no def.
    expect(lands(4, 33)).toEqual(['cargo alloc 0.0.0 string/String#', undefined]);
  });

  it('resolves a workspace against the same table either way', () => {
    const withStd = readDumps(app.dumpFiles).get('stdapp-0.1.0-bin-stdapp')!;
    const without = readDumps(plain.dumpFiles).get('stdapp-0.1.0-bin-stdapp')!;
    expect(plain.std).toBeUndefined();
    expect(plain.dumpFiles).toHaveLength(1);
    expect(refAt(without, 'src/main.rs', 1, 23).target).toBe('cargo std 0.0.0 collections/HashMap#');
    // Same refs at the same places; only targets the sources define moved.
    const shape = (d: Dump) => d.items.flatMap((i) => i.refs.map((r) => [i.item, r.span, r.role, r.candidates?.length ?? 0]));
    expect(shape(withStd)).toEqual(shape(without));
  });

  it('points the example workspace at the same std defs', () => {
    const main = readDumps(example.dumpFiles).get('canvas-0.1.0-lib-canvas')!;
    expect(refAt(main, 'canvas/src/scene.rs', 34, 9).target).toBe('cargo core 0.0.0 option/Option#Some.');
    expect(refAt(main, 'canvas/src/scene.rs', 21, 21).target).toBe('cargo alloc 0.0.0 vec/Vec#push().');
  });

  it('answers definitions and references across the workspace and std from the store', async () => {
    const store = await openStore(path.join(temp('xref-std-db-'), 'db'), { create: true });
    try {
      const loaded = await indexDumps(store, app.dumpFiles);
      expect(loaded.failures).toEqual([]);
      expect(loaded.cratesLoaded).toBe(4);
      const found = await definitionsAt(store, 'src/main.rs', 8, 30);
      expect(found.status === 'found' && found.locations.map((l) => [l.file, l.line])).toEqual([[path.join(LIBRARY, 'core/src/option.rs'), 6]]);
      const refs = await references(store, 'cargo core 0.0.0 option/Option#Some.');
      expect(refs.map((r) => [r.file, r.line])).toEqual(expect.arrayContaining([
        ['src/main.rs', 8], ['src/main.rs', 9], [path.join(LIBRARY, 'core/src/option.rs'), 12],
      ]));
      // A second load of the same std dumps (another `xref index`) skips them by digest.
      expect((await indexDumps(store, app.dumpFiles)).cratesUnchanged).toBe(4);
    } finally {
      await store.close();
    }
  });
});

describe('the std cache', () => {
  it('analyzes again when the sources change, and keeps the two entries of those sources used last', async () => {
    const copy = path.join(temp('xref-std-copy-'), 'library');
    cpSync(LIBRARY, copy, { recursive: true });
    const analyze = async () => (await analyzeWorkspace(APP, { outDir: temp('xref-std-out-'), useCargo: false, stdSources: copy })).std?.analyzed;
    const entries = () => readdirSync(path.join(cache, 'std'))
      .filter((name) => JSON.parse(readFileSync(path.join(cache, 'std', name, 'entry.json'), 'utf8')).sources === copy).sort();
    const option = path.join(copy, 'core/src/option.rs');
    const edit = (n: number) => writeFileSync(option, `${readFileSync(option, 'utf8')}\npub fn added${n}() {}\n`);
    expect(await analyze()).toBe(true);
    expect(await analyze()).toBe(false);
    const [first] = entries();
    edit(1);
    expect(await analyze()).toBe(true);
    const two = entries();
    expect(two).toHaveLength(2);
    edit(2);
    expect(await analyze()).toBe(true);
    expect(entries()).toHaveLength(2);
    expect(entries()).not.toContain(first);
    expect(entries()).toEqual(expect.arrayContaining(two.filter((e) => e !== first)));
  });

  it('leaves a workspace that is std itself to its own crates', async () => {
    const own = await analyzeWorkspace(path.join(LIBRARY, 'std'), { outDir: temp('xref-std-own-'), useCargo: false, stdSources: LIBRARY });
    expect(own.std).toBeUndefined();
    expect(own.dumpFiles.map((f) => path.basename(f, '.jsonl')).sort()).toEqual(STD_DUMPS);
  });
});
