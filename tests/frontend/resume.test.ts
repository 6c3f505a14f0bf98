// A one-shot analysis resumed from the last one's snapshot (frontend/src/incremental/resume.ts):
// whatever the edit, its dumps and its result must be exactly those of a full analysis of the
// edited workspace, and it must resolve no more than the edit calls for.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWorkspace, type AnalyzeResult } from '../../frontend/src/index.js';
import { resumeAnalysis, type ResumeStats } from '../../frontend/src/incremental/resume.js';
import { snapshotPath } from '../../frontend/src/incremental/snapshot.js';
import { AnalysisSession } from '../../frontend/src/incremental/session.js';
import { copyFixture, dumpsIn, edit } from '../support/workspace-copy.js';
import { crateId, readDumpHeader } from '../../schema/src/index.js';
import { indexAnalysis, indexDumps, openStore } from '../../indexer/src/index.js';
import { keys, type CrateHeader } from '../../indexer/src/keys.js';
import { SURFACE_FILE } from '../../frontend/src/surface/format.js';
import { snapshot as storeSnapshot } from '../indexer/fixture.js';

function dumpFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(dir, f));
}

/** What a result says, without where its dumps are, and without the patches a resume adds to them. */
function reported(result: AnalyzeResult): unknown {
  return { ...result, dumpFiles: result.dumpFiles.map((f) => path.basename(f)), registry: undefined, patches: undefined };
}

/** A full analysis of `ws` now, in a directory of its own. */
async function fresh(ws: string): Promise<{ dumps: Map<string, string>; result: unknown }> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'xref-resume-fresh-'));
  const result = await analyzeWorkspace(ws, { useCargo: false, outDir });
  return { dumps: dumpsIn(outDir), result: reported(result) };
}

/** The workspace (changed first by `prepare`), analyzed once in full, and a resumed analysis to run after each edit. */
async function resumable(prepare?: (ws: string) => void): Promise<{ ws: string; resume: () => Promise<{ result: AnalyzeResult; stats: ResumeStats }>; outDir: string }> {
  const ws = copyFixture('xref-resume-');
  prepare?.(ws);
  const outDir = path.join(ws, 'dumps');
  const options = { useCargo: false as const, outDir };
  await analyzeWorkspace(ws, options);
  return {
    ws, outDir,
    resume: async () => {
      const stats: ResumeStats = { crates: 0, items: 0, bound: 0 };
      const result = await resumeAnalysis(ws, options, stats);
      if (result === undefined) throw new Error('the analysis was not resumed');
      return { result, stats };
    },
  };
}

async function expectFull(ws: string, outDir: string, result: AnalyzeResult): Promise<void> {
  const full = await fresh(ws);
  expect(dumpsIn(outDir)).toEqual(full.dumps);
  expect(reported(result)).toEqual(full.result);
}

describe('resumeAnalysis', () => {
  it('analyzes nothing when nothing changed, and reports what the last analysis did', async () => {
    const { ws, outDir, resume } = await resumable();
    const { result, stats } = await resume();
    expect(stats).toEqual({ crates: 0, items: 0, bound: 0 });
    await expectFull(ws, outDir, result);
  });

  it('resolves a fn whose body changed, and nothing else', async () => {
    const { ws, outDir, resume } = await resumable();
    edit(path.join(ws, 'geometry/src/shapes/circle.rs'), '        2.0 * self.radius\n', '        let twice = Circle::new(self.center, self.radius);\n        2.0 * twice.radius\n');
    const { result, stats } = await resume();
    // geometry alone, and the fn alone: the impl around it moves.
    expect(stats).toEqual({ crates: 1, items: 1, bound: 0 });
    await expectFull(ws, outDir, result);
  });

  it('moves items that lines above them moved, without resolving them', async () => {
    const { ws, outDir, resume } = await resumable();
    const rect = path.join(ws, 'geometry/src/shapes/rect.rs');
    writeFileSync(rect, `// a comment\n\n// and another\n${readFileSync(rect, 'utf8')}`);
    const { result, stats } = await resume();
    expect(stats).toEqual({ crates: 1, items: 0, bound: 0 });
    await expectFull(ws, outDir, result);
  });

  it('binds nothing for lines and comments between items, even inside an impl, but resolves a body they move', async () => {
    const { ws, outDir, resume } = await resumable();
    const circle = path.join(ws, 'geometry/src/shapes/circle.rs');
    // Between two methods: the impl around them is longer, and no item is resolved.
    edit(circle, '    /// Twice the radius.', '    // the diameter\n\n    /// Twice the radius.');
    let { result, stats } = await resume();
    expect(stats).toEqual({ crates: 1, items: 0, bound: 0 });
    await expectFull(ws, outDir, result);
    // Again, from the tokens the last resume kept of the file.
    edit(circle, 'impl Named for Circle {', '\n\nimpl Named for Circle {');
    ({ result, stats } = await resume());
    expect(stats).toEqual({ crates: 1, items: 0, bound: 0 });
    await expectFull(ws, outDir, result);
    // Inside a fn: its params and locals are named by their offsets, so it is resolved again.
    edit(circle, '    pub fn contains(&self, point: &Point) -> bool {\n', '    pub fn contains(&self, point: &Point) -> bool {\n        // inside\n');
    ({ result, stats } = await resume());
    expect(stats.items).toBeGreaterThan(0);
    await expectFull(ws, outDir, result);
  });

  it('binds nothing for edits in several bodies and between items of a file at once, as a save after a formatter brings', async () => {
    const { ws, outDir, resume } = await resumable();
    const circle = path.join(ws, 'geometry/src/shapes/circle.rs');
    edit(circle, '        2.0 * self.radius\n', '        self.radius * 2.0\n');
    edit(circle, '    pub fn contains(&self, point: &Point) -> bool {\n', '    pub fn contains(&self, point: &Point) -> bool {\n        let _inside = true;\n');
    edit(circle, 'impl Named for Circle {', '// named\n\nimpl Named for Circle {');
    const { result, stats } = await resume();
    expect(stats).toEqual({ crates: 1, items: 2, bound: 0 });
    await expectFull(ws, outDir, result);
  });

  it('takes a record again where the space between its tokens is text it holds: an attribute, a type, a use', async () => {
    const { ws, outDir, resume } = await resumable();
    const units = path.join(ws, 'geometry/src/support/units.rs');
    for (const [from, to] of [
      ['#[derive(Debug, Clone, Copy, Default)]', '#[derive(Debug,  Clone, Copy, /* all */ Default)]'],
      ['#[derive(Debug,  Clone, Copy, /* all */ Default)]', '#[derive(Debug, Clone, Copy, Default)]'],
    ]) {
      edit(units, from, to);
      const { result } = await resume();
      await expectFull(ws, outDir, result);
    }
    const rect = path.join(ws, 'geometry/src/shapes/rect.rs');
    edit(rect, 'use crate::ops::approx_eq;', 'use crate::ops::/* eq */approx_eq;');
    await expectFull(ws, outDir, (await resume()).result);
  });

  it('resolves a body against the signatures of items it does not resolve again, their generic bounds too', async () => {
    const { ws, outDir, resume } = await resumable((dir) => edit(path.join(dir, 'geometry/src/ops.rs'), 'use crate::shapes::Shape;',
      'use crate::shapes::Shape;\n\n/// The shape itself, as any `S: Shape`.\npub fn same<S: Shape>(shape: S) -> S {\n    shape\n}'));
    // `.area()` on an `S: Shape` is `Shape::area`, from the bound of `same`, whose record is reused.
    edit(path.join(ws, 'geometry/src/shapes/circle.rs'), '        2.0 * self.radius\n', '        let _ = crate::ops::same(Circle::new(self.center, self.radius)).area();\n        2.0 * self.radius\n');
    const { result, stats } = await resume();
    expect(stats).toEqual({ crates: 1, items: 1, bound: 0 });
    await expectFull(ws, outDir, result);
    const dump = readFileSync(path.join(outDir, 'geometry-0.1.0-lib-geometry.jsonl'), 'utf8');
    const diameter = dump.split('\n').find((l) => l.includes('"item":"cargo geometry 0.1.0 shapes/circle/Circle#diameter()."'))!;
    expect(diameter).toContain('"target":"cargo geometry 0.1.0 shapes/Shape#area()."');
  });

  it('resolves the dependents of a changed signature, across crates', async () => {
    const { ws, outDir, resume } = await resumable();
    // `draw` calls `Circle::new` and then `.area()` on what it returns, which is now a Rect.
    edit(path.join(ws, 'geometry/src/shapes/circle.rs'), 'pub fn new(center: Point, radius: Scalar) -> Self', 'pub fn new(center: Point, radius: Scalar) -> crate::Rect');
    const { result, stats } = await resume();
    // geometry and the two crates that use it; in them, the fn, its impl and the items calling or importing it.
    expect(stats.crates).toBe(3);
    expect(stats.items).toBeLessThan(10);
    await expectFull(ws, outDir, result);
    expect(readFileSync(path.join(outDir, 'canvas-0.1.0-bin-draw.jsonl'), 'utf8')).toContain('rect/impl#[Rect][Shape]area().');
  });

  it('ends where a full analysis does after edits of every kind', async () => {
    const { ws, outDir, resume } = await resumable();
    const lib = path.join(ws, 'geometry/src/lib.rs');
    const steps: Array<() => void> = [
      // An item added, then renamed, then removed.
      () => edit(lib, 'pub fn format_length(', 'pub fn extra() -> u32 { 1 }\npub fn format_length('),
      () => edit(lib, 'pub fn extra()', 'pub fn extra_renamed()'),
      () => edit(lib, 'pub fn extra_renamed() -> u32 { 1 }\n', ''),
      // A use changed, a macro_rules changed.
      () => edit(path.join(ws, 'geometry/src/shapes/rect.rs'), 'use crate::ops::approx_eq;', 'use crate::ops::{approx_eq};'),
      () => edit(path.join(ws, 'geometry/src/macros.rs'), 'macro_rules!', '\nmacro_rules!'),
      // A new module file, declared; then its declaration removed.
      () => {
        writeFileSync(path.join(ws, 'geometry/src/extra.rs'), 'pub fn helper() -> f64 { crate::EPSILON }\n');
        edit(lib, 'pub mod shapes;', 'pub mod shapes;\npub mod extra;');
      },
      () => edit(lib, 'pub mod shapes;\npub mod extra;', 'pub mod shapes;'),
      // A module declared before its file exists; then the file alone appears.
      () => edit(lib, 'pub mod shapes;', 'pub mod shapes;\npub mod later;'),
      () => writeFileSync(path.join(ws, 'geometry/src/later.rs'), 'pub struct Later;\n'),
      // A syntax error, then mended.
      () => edit(path.join(ws, 'canvas/src/render.rs'), 'fn ', 'fn fn '),
      () => edit(path.join(ws, 'canvas/src/render.rs'), 'fn fn ', 'fn '),
    ];
    for (const step of steps) {
      step();
      const { result } = await resume();
      await expectFull(ws, outDir, result);
    }
    // One prints file per crate is left, the one the snapshot names.
    const snapshot = JSON.parse(readFileSync(snapshotPath(outDir), 'utf8')) as { crates: Array<{ prints: string }> };
    expect(readdirSync(outDir).filter((f) => f.startsWith('prints-')).sort()).toEqual([...new Set(snapshot.crates.map((c) => c.prints))].sort());
  });

  it("resumes from the dumps and snapshot an `xref watch` session wrote after its local edits", async () => {
    const ws = copyFixture('xref-resume-session-');
    const outDir = path.join(ws, 'dumps');
    const options = { useCargo: false as const, outDir };
    const session = new AnalysisSession();
    await session.update(ws, options);
    const circle = path.join(ws, 'geometry/src/shapes/circle.rs');
    edit(circle, '        2.0 * self.radius\n', '        let twice = Circle::new(self.center, self.radius);\n        2.0 * twice.radius\n');
    edit(path.join(ws, 'canvas/src/render.rs'), '/// The last line', '// moved down\n/// The last line');
    await session.update(ws, options);
    expect(session.stats).toEqual({ localEdits: 1, full: 1 });
    session.writeStaleDumps();

    // Nothing changed since the session's last write: nothing to analyze.
    const stats: ResumeStats = { crates: 0, items: 0, bound: 0 };
    let result = await resumeAnalysis(ws, options, stats);
    expect(stats).toEqual({ crates: 0, items: 0, bound: 0 });
    await expectFull(ws, outDir, result!);

    // A later body edit, the session gone: one crate, the fn and its impl.
    edit(circle, '        2.0 * twice.radius\n', '        twice.radius + twice.radius\n');
    result = await resumeAnalysis(ws, options, stats);
    expect(stats).toEqual({ crates: 1, items: 1, bound: 0 });
    await expectFull(ws, outDir, result!);
  });

  it('takes the items of macro expansions from the last analysis, as a full one would make them', async () => {
    const { ws, outDir, resume } = await resumable((dir) => edit(path.join(dir, 'geometry/src/lib.rs'), 'pub mod shapes;',
      'pub mod shapes;\nmacro_rules! consts { ($($n:ident = $v:expr;)*) => { $(pub const $n: u32 = $v;)* }; }\nconsts! { ONE = 1; TWO = 2; }'));
    edit(path.join(ws, 'geometry/src/shapes/circle.rs'), '        2.0 * self.radius\n', '        self.radius + self.radius\n');
    const { result, stats } = await resume();
    expect(stats.crates).toBe(1);
    await expectFull(ws, outDir, result);
    expect(dumpsIn(outDir).get('geometry-0.1.0-lib-geometry.jsonl')).toContain('geometry::ONE');
  });

  it('gives patches that take a store holding the last dumps to what merging the new ones gives', async () => {
    const { ws, outDir, resume } = await resumable();
    const dir = mkdtempSync(path.join(tmpdir(), 'xref-resume-store-'));
    const store = await openStore(path.join(dir, 'db'), { create: true });
    let n = 0;
    /** The store that merging `dumpFiles` into an empty one gives. */
    const merged = async (dumpFiles: string[]) => {
      const clean = await openStore(path.join(dir, `clean${n++}`), { create: true });
      try {
        await indexDumps(clean, dumpFiles);
        return await storeSnapshot(clean);
      } finally {
        await clean.close();
      }
    };
    try {
      await indexDumps(store, dumpFilesIn(outDir));
      const circle = path.join(ws, 'geometry/src/shapes/circle.rs');
      const edits = [
        () => edit(circle, '        2.0 * self.radius\n', '        let twice = Circle::new(self.center, self.radius);\n        2.0 * twice.radius\n'),
        () => writeFileSync(circle, `// a line above\n${readFileSync(circle, 'utf8')}`),
        // Two files at once, one of them in another crate.
        () => {
          edit(circle, '        2.0 * twice.radius\n', '        twice.radius + twice.radius\n');
          edit(path.join(ws, 'canvas/src/render.rs'), '/// The last line', '// moved down\n/// The last line');
        },
      ];
      for (const step of edits) {
        step();
        const { result, stats } = await resume();
        expect(stats.bound).toBe(0);
        await expectFull(ws, outDir, result);
        expect(result.patches!.length).toBeGreaterThan(0);
        const loaded = await indexAnalysis(store, result);
        // The crates are patched, not merged again: no dump is parsed, and the store names the new dumps.
        expect(loaded.cratesLoaded).toBe(stats.crates);
        for (const f of result.dumpFiles) expect((await store.getJson<CrateHeader>(keys.crate(crateId(readDumpHeader(f).crate))))?.digest).toBe(readDumpHeader(f).digest);
        expect(await storeSnapshot(store)).toEqual(await merged(result.dumpFiles));
      }
      // A store that does not hold the dumps the patches start from merges the new dumps instead.
      edit(circle, '        twice.radius + twice.radius\n', '        2.0 * twice.radius\n');
      const { result } = await resume();
      const other = await openStore(path.join(dir, 'other'), { create: true });
      try {
        expect((await indexAnalysis(other, result)).cratesLoaded).toBe(result.dumpFiles.length);
        expect(await storeSnapshot(other)).toEqual(await merged(result.dumpFiles));
      } finally {
        await other.close();
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('binds the crates when the surface image is not the last binding analysis\'s', async () => {
    const { ws, outDir, resume } = await resumable();
    const circle = path.join(ws, 'geometry/src/shapes/circle.rs');
    const image = path.join(outDir, SURFACE_FILE);
    const written = readFileSync(image);
    // A signature change: the crates are bound again, and the image is written again.
    edit(circle, 'pub fn new(center: Point, radius: Scalar) -> Self', 'pub fn new(center: Point, radius: Scalar) -> crate::Rect');
    expect((await resume()).stats.bound).toBeGreaterThan(0);
    // With the image of before that change, a body edit cannot take it: its surface is another.
    writeFileSync(image, written);
    edit(circle, '        2.0 * self.radius\n', '        self.radius + self.radius\n');
    let { result, stats } = await resume();
    expect(stats.bound).toBeGreaterThan(0);
    await expectFull(ws, outDir, result);
    // Nor without an image at all.
    rmSync(image);
    edit(circle, '        self.radius + self.radius\n', '        2.0 * self.radius\n');
    ({ result, stats } = await resume());
    expect(stats.bound).toBeGreaterThan(0);
    await expectFull(ws, outDir, result);
    // The binding analysis wrote it again: the next body edit takes it.
    edit(circle, '        2.0 * self.radius\n', '        self.radius * 2.0\n');
    ({ result, stats } = await resume());
    expect(stats).toEqual({ crates: 1, items: 1, bound: 0 });
    await expectFull(ws, outDir, result);
  });

  it('leaves to a full analysis what it cannot vouch for', async () => {
    const { ws, outDir } = await resumable();
    const options = { useCargo: false as const, outDir };
    // Other options.
    expect(await resumeAnalysis(ws, { ...options, includeDevTargets: true })).toBeUndefined();
    // A dump that is not the snapshot's any more.
    const dump = path.join(outDir, readdirSync(outDir).find((f) => f.endsWith('.jsonl'))!);
    writeFileSync(dump, readFileSync(dump, 'utf8').replace('"digest":"', '"digest":"0'));
    expect(await resumeAnalysis(ws, options)).toBeUndefined();
    // No snapshot.
    rmSync(snapshotPath(outDir));
    expect(await resumeAnalysis(ws, options)).toBeUndefined();
    // `analyzeWorkspace` then runs a full analysis, which leaves a snapshot again.
    await analyzeWorkspace(ws, { ...options, incremental: true });
    expect(await resumeAnalysis(ws, options)).toBeDefined();
  });
});
