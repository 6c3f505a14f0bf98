// The incremental front end (frontend/src/incremental/): an edit inside a fn body is taken into
// the kept model without a full analysis, and everything it produces (dumps, and the store the
// patches lead to) must be exactly what a full analysis of the edited workspace produces.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../frontend/src/index.js';
import { AnalysisSession } from '../../frontend/src/incremental/session.js';
import { indexAnalysis, openStore } from '../../indexer/src/index.js';
import { copyFixture, dumpsIn, edit } from '../support/workspace-copy.js';

function copyExample(fixture = 'example'): string {
  return copyFixture('xref-incremental-', fixture);
}

/** The dumps a full analysis of `ws` writes now. */
async function freshDumps(ws: string): Promise<Map<string, string>> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'xref-fresh-dumps-'));
  await analyzeWorkspace(ws, { useCargo: false, outDir });
  return dumpsIn(outDir);
}

/**
 * Every key and value of a store, but the time of the last index and the crate digests (a
 * patched crate holds no dump's digest).
 */
async function storeContents(dbDir: string): Promise<Map<string, string>> {
  const store = await openStore(dbDir, { create: false });
  const out = new Map<string, string>();
  try {
    for await (const [k, v] of store.db.iterator()) {
      if (k.includes('indexedAt')) continue;
      const value = v.startsWith('{') ? (JSON.parse(v) as Record<string, unknown>) : undefined;
      if (value !== undefined && 'counts' in value) delete value.digest;
      out.set(k, value === undefined ? v : JSON.stringify(value));
    }
  } finally {
    await store.close();
  }
  return out;
}

/** A copy of the example workspace, and a session that has analyzed it once (in full). */
async function startedSession() {
  const ws = copyExample();
  const outDir = path.join(ws, 'dumps');
  const session = new AnalysisSession();
  const options = { useCargo: false, outDir };
  await session.update(ws, options);
  return { ws, outDir, session, options };
}

describe('AnalysisSession', () => {
  it('takes edits inside fn bodies without a full analysis, and ends where a full analysis does', async () => {
    const ws = copyExample();
    const outDir = path.join(ws, 'dumps');
    const session = new AnalysisSession();
    const options = { useCargo: false, outDir };
    const first = await session.update(ws, options);
    expect(first.patches).toBeUndefined();
    const circle = path.join(ws, 'geometry/src/shapes/circle.rs');

    // A body that grows, with a new local, new refs and a call.
    edit(circle, '        2.0 * self.radius\n', '        let twice = Circle::new(self.center, self.radius);\n        2.0 * twice.radius\n');
    let result = await session.update(ws, options);
    expect(session.stats).toEqual({ localEdits: 1, full: 1 });
    expect(result.dumpFiles).toEqual([]);
    const [patch] = result.patches!;
    expect(patch.file.path).toBe('geometry/src/shapes/circle.rs');
    // The fn and the impl around it (whose length changed), nothing else.
    expect(patch.items.map((i) => i.item).sort()).toEqual(['cargo geometry 0.1.0 shapes/circle/Circle#diameter().', 'cargo geometry 0.1.0 shapes/circle/impl#[Circle]']);
    expect(patch.items[0].refs.length + patch.items[1].refs.length).toBeGreaterThan(0);
    session.writeStaleDumps();
    expect(dumpsIn(outDir)).toEqual(await freshDumps(ws));

    // A body that shrinks, above the first edit; then a later fn of the same file; then a body in
    // another crate.
    edit(circle, '        Circle { center, radius }\n', '        Self { center, radius }\n');
    result = await session.update(ws, options);
    edit(circle, '        self.center.distance(point) <= self.radius\n', '        let r = self.radius;\n        self.center.distance(point) <= r\n');
    result = await session.update(ws, options);
    const render = path.join(ws, 'canvas/src/render.rs');
    const renderText = readFileSync(render, 'utf8');
    const body = /fn [^{]*\{\n/.exec(renderText)!;
    const at = body.index + body[0].length;
    writeFileSync(render, `${renderText.slice(0, at)}        let _unused = 1;\n${renderText.slice(at)}`);
    result = await session.update(ws, options);
    expect(session.stats).toEqual({ localEdits: 4, full: 1 });
    session.writeStaleDumps();
    expect(dumpsIn(outDir)).toEqual(await freshDumps(ws));
  });

  it('takes edits in several bodies at once, and a syntax error typed in one, as a full analysis would', async () => {
    const { ws, outDir, session, options } = await startedSession();
    const circle = path.join(ws, 'geometry/src/shapes/circle.rs');
    // Two bodies and a comment between items, in one save.
    edit(circle, '        2.0 * self.radius\n', '        self.radius * 2.0\n');
    edit(circle, '        self.center.distance(point) <= self.radius\n', '        let r = self.radius;\n        self.center.distance(point) <= r\n');
    edit(circle, 'impl Named for Circle {', '// named\n\nimpl Named for Circle {');
    let result = await session.update(ws, options);
    expect(result.patches![0].items.map((i) => i.item)).toContain('cargo geometry 0.1.0 shapes/circle/Circle#contains().');
    // Half-typed: a body with a syntax error. The diagnostic comes, and goes with the fix.
    edit(circle, '        let r = self.radius;\n', '        let r = ;\n');
    result = await session.update(ws, options);
    expect(result.patches).toBeDefined();
    expect(result.diagnostics.map((d) => d.file)).toContain('geometry/src/shapes/circle.rs');
    const full = await analyzeWorkspace(ws, { ...options, outDir: mkdtempSync(path.join(tmpdir(), 'xref-incremental-typed-')) });
    expect(result.diagnostics).toEqual(full.diagnostics);
    edit(circle, '        let r = ;\n', '        let r = self.radius;\n');
    result = await session.update(ws, options);
    expect(result.diagnostics).toEqual([]);
    expect(session.stats).toEqual({ localEdits: 3, full: 1 });
    session.writeStaleDumps();
    expect(dumpsIn(outDir)).toEqual(await freshDumps(ws));
  });

  it('takes edits between tokens without resolving anything again', async () => {
    const { ws, outDir, session, options } = await startedSession();
    const circle = path.join(ws, 'geometry/src/shapes/circle.rs');
    // Lines above the file's inner doc: every item moves, and the file module's record grows.
    writeFileSync(circle, `// edited\n// edited\n${readFileSync(circle, 'utf8')}`);
    let result = await session.update(ws, options);
    expect(result.patches![0].items.map((i) => i.kind)).toEqual(['mod']);
    // A comment between two methods of an impl: the impl grows, the methods after it move.
    edit(circle, '    /// Twice the radius.\n', '    // A comment.\n\n    /// Twice the radius.\n');
    result = await session.update(ws, options);
    expect(result.patches![0].items.map((i) => i.item)).toEqual(['cargo geometry 0.1.0 shapes/circle/impl#[Circle]']);
    // A blank line removed between items.
    edit(circle, '}\n\nimpl Named for Circle {', '}\nimpl Named for Circle {');
    result = await session.update(ws, options);
    expect(result.patches![0].items).toEqual([]);
    expect(session.stats).toEqual({ localEdits: 3, full: 1 });
    session.writeStaleDumps();
    expect(dumpsIn(outDir)).toEqual(await freshDumps(ws));
  });

  it('resolves a fn again when whitespace moves its locals, whose ids hold their offsets', async () => {
    const { ws, outDir, session, options } = await startedSession();
    const render = path.join(ws, 'canvas/src/render.rs');
    // A blank line at the top of a body: `side` is now further into `footer`.
    edit(render, 'fn footer(canvas: &Canvas) -> String {\n', 'fn footer(canvas: &Canvas) -> String {\n\n');
    const result = await session.update(ws, options);
    expect(result.patches![0].items.map((i) => i.item)).toEqual(['cargo canvas 0.1.0 render/footer().']);
    expect(session.stats).toEqual({ localEdits: 1, full: 1 });
    session.writeStaleDumps();
    expect(dumpsIn(outDir)).toEqual(await freshDumps(ws));
    // A comment between its docs and `fn` moves its params, which no body resolution names: a full analysis.
    edit(render, 'fn footer(', '// moved\nfn footer(');
    await session.update(ws, options);
    expect(session.stats).toEqual({ localEdits: 1, full: 2 });
    expect(dumpsIn(outDir)).toEqual(await freshDumps(ws));
  });

  it('keeps the items that macros expand to in place when edits move them', async () => {
    const ws = copyExample('resolve/macros-items');
    const outDir = path.join(ws, 'dumps');
    const session = new AnalysisSession();
    const options = { useCargo: false, outDir };
    await session.update(ws, options);
    const lib = path.join(ws, 'src/lib.rs');
    // A body above expanded items; then text between the tokens of a macro call.
    edit(lib, '    side_of(&Square(2.0)) + ', '    let unit = Square(1.0);\n    side_of(&unit) + side_of(&Square(2.0)) + ');
    expect((await session.update(ws, options)).patches).toBeDefined();
    edit(lib, 'wrap! { fn zero; fn nothing; }', 'wrap! { fn zero;\n      fn nothing; }');
    expect((await session.update(ws, options)).patches).toBeDefined();
    expect(session.stats).toEqual({ localEdits: 2, full: 1 });
    session.writeStaleDumps();
    expect(dumpsIn(outDir)).toEqual(await freshDumps(ws));
  });

  it('runs a full analysis for any other edit', async () => {
    const { ws, session, options } = await startedSession();
    const circle = path.join(ws, 'geometry/src/shapes/circle.rs');
    // A signature.
    edit(circle, 'pub fn diameter(&self)', 'pub fn diameter(&self, _unit: u8)');
    expect((await session.update(ws, options)).patches).toBeUndefined();
    // A new item.
    edit(circle, 'impl Named for Circle {', 'fn helper() {}\n\nimpl Named for Circle {');
    expect((await session.update(ws, options)).patches).toBeUndefined();
    // A body that now declares a macro, whose scope reaches past the fn.
    edit(circle, '        2.0 * self.radius\n', '        macro_rules! two { () => { 2.0 } }\n        two!() * self.radius\n');
    expect((await session.update(ws, options)).patches).toBeUndefined();
    // Space inside an attribute, whose text its def holds as written.
    edit(path.join(ws, 'geometry/src/support/units.rs'), 'Copy, Default', 'Copy,  Default');
    expect((await session.update(ws, options)).patches).toBeUndefined();
    // A new file the model has not seen.
    writeFileSync(path.join(ws, 'geometry/src/new.rs'), 'pub fn f() {}\n');
    expect((await session.update(ws, { ...options, changed: [path.join(ws, 'geometry/src/new.rs')] })).patches).toBeUndefined();
    // Nothing changed: patches, none of them.
    expect((await session.update(ws, options)).patches).toEqual([]);
    expect(session.stats).toEqual({ localEdits: 1, full: 6 });
  });

  it('patches the store to the contents a full index of the edited workspace has', async () => {
    const ws = copyExample();
    const options = { useCargo: false, outDir: path.join(ws, 'dumps') };
    const session = new AnalysisSession();
    const db = path.join(ws, 'db');
    const store = await openStore(db, { create: true });
    try {
      await indexAnalysis(store, await session.update(ws, options));
      const point = path.join(ws, 'geometry/src/point.rs');
      edit(point, '        let dy = self.1 - other.1;\n', '        let dy = self.1 - other.1;\n        let far = Point::new(dx, dy).distance(other);\n');
      const loaded = await indexAnalysis(store, await session.update(ws, options));
      expect(loaded.itemsChanged).toBe(2);
      expect(loaded.itemsAdded + loaded.itemsRemoved).toBe(0);
    } finally {
      await store.close();
    }
    const clean = path.join(ws, 'clean-db');
    const fresh = await openStore(clean, { create: true });
    try {
      await indexAnalysis(fresh, await analyzeWorkspace(ws, { useCargo: false, outDir: path.join(ws, 'clean-dumps') }));
    } finally {
      await fresh.close();
    }
    const [patched, built] = await Promise.all([storeContents(db), storeContents(clean)]);
    expect(patched).toEqual(built);
  });
});
