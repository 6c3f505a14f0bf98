// def / refs / search end to end on the example workspace (data/example/README.md lists the
// symbols and use sites asked about here).
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Level } from 'level';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_FORMAT_VERSION } from '../../indexer/src/index.js';
import { copyExample, golden, jsonLines, removeDir, xref } from './cli.js';

interface Definition {
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  id: string;
  qualname: string;
  kind: string;
}

interface Reference {
  file: string;
  line: number;
  col: number;
  role: string;
  target: string;
  item: string;
}

let ws: string;

/** The 1-based line of a file of the workspace copy. */
function sourceLine(file: string, line: number): string {
  return readFileSync(join(ws, file), 'utf8').split('\n')[line - 1];
}

beforeAll(() => {
  ws = copyExample();
  const run = xref(['index', '.'], { cwd: ws });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}, 120_000);

afterAll(() => removeDir(ws));

describe('xref index', () => {
  it('reports nothing new when run again on an unchanged workspace', () => {
    const run = xref(['index', '--json'], { cwd: join(ws, 'canvas', 'src') });
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(Object.keys(summary).sort()).toEqual(
      ['crates', 'files', 'itemsAdded', 'itemsChanged', 'itemsRemoved', 'keysDeleted', 'keysWritten', 'seconds'],
    );
    expect(summary).toMatchObject({ crates: 3, itemsAdded: 0, itemsChanged: 0, itemsRemoved: 0, keysDeleted: 0 });
    expect(summary.files).toBe(13);
  });

  it('prints a one-line text summary', () => {
    const run = xref(['index'], { cwd: ws });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^indexed 3 crates, 13 files, \d+ items in \d+\.\d\d s \(items: 0 added, 0 changed, 0 removed\)\n$/);
  });
});

describe('xref index on a changed workspace', () => {
  let copy: string;
  beforeAll(() => {
    copy = copyExample();
  });
  afterAll(() => removeDir(copy));

  it('prints syntax errors as FILE:LINE:COL: message and still indexes the rest', () => {
    const ops = join(copy, 'geometry', 'src', 'ops.rs');
    const lines = readFileSync(ops, 'utf8').split('\n').length;
    appendFileSync(ops, '\nfn broken( {\n');
    const run = xref(['index', '--json'], { cwd: copy });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toBe('');
    for (const d of run.stderr.trimEnd().split('\n')) expect(d).toMatch(new RegExp(`^geometry/src/ops\\.rs:${lines + 1}:\\d+: \\S`));
    expect(xref(['def', 'canvas/src/bin/draw.rs:9:24'], { cwd: copy }).code).toBe(0);
  });

  it('--full rebuilds the index from nothing', () => {
    xref(['index'], { cwd: copy });
    const again = JSON.parse(xref(['index', '--json'], { cwd: copy }).stdout);
    const full = JSON.parse(xref(['index', '--json', '--full'], { cwd: copy }).stdout);
    expect(again.itemsAdded).toBe(0);
    expect(full.itemsAdded).toBeGreaterThan(100);
    expect(full).toMatchObject({ itemsChanged: 0, itemsRemoved: 0, keysDeleted: 0 });
  });

  it('--workers 2 parses on worker threads and leaves the index as it was', () => {
    xref(['index'], { cwd: copy });
    const run = xref(['index', '--json', '--workers', '2'], { cwd: copy });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ itemsAdded: 0, itemsChanged: 0, itemsRemoved: 0, keysWritten: 0 });
  });
});

describe('xref def', () => {
  it("goes from a use of Circle::new in canvas to geometry's Circle::new", () => {
    const run = xref(['def', '--json', 'canvas/src/bin/draw.rs:9:24'], { cwd: ws });
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer.query).toBe('canvas/src/bin/draw.rs:9:24');
    const defs: Definition[] = answer.definitions;
    expect(defs.map((d) => [d.qualname, d.kind, d.file])).toEqual([
      ['geometry::shapes::circle::Circle::new', 'fn', 'geometry/src/shapes/circle.rs'],
    ]);
    const [d] = defs;
    expect(Object.keys(d).sort()).toEqual(['col', 'endCol', 'endLine', 'file', 'id', 'kind', 'line', 'qualname']);
    expect(sourceLine(d.file, d.line).slice(d.col - 1, d.endCol - 1)).toBe('new');
    expect(run.stdout).toBe(golden('def-circle-new.json', run.stdout));
  });

  it('prints path:line:col: kind qualname and the source line', () => {
    const run = xref(['def', 'canvas/src/bin/draw.rs:9:24'], { cwd: ws });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^geometry\/src\/shapes\/circle\.rs:\d+:\d+: fn geometry::shapes::circle::Circle::new\n {4}pub fn new\(/);
    expect(run.stdout).toBe(golden('def-circle-new.txt', run.stdout));
  });

  it('takes FILE relative to the current directory', () => {
    const fromRoot = xref(['def', '--json', 'canvas/src/bin/draw.rs:9:24'], { cwd: ws });
    const fromSubdir = xref(['def', '--json', 'bin/draw.rs:9:24'], { cwd: join(ws, 'canvas', 'src') });
    const fromAbsolute = xref(['def', '--json', join(ws, 'canvas/src/bin/draw.rs') + ':9:24'], { cwd: join(ws, 'geometry') });
    expect(fromSubdir.code).toBe(0);
    expect(JSON.parse(fromSubdir.stdout).definitions).toEqual(JSON.parse(fromRoot.stdout).definitions);
    expect(JSON.parse(fromAbsolute.stdout).definitions).toEqual(JSON.parse(fromRoot.stdout).definitions);
  });

  it('follows a renamed re-export to the original item', () => {
    const run = xref(['def', '--json', 'canvas/src/scene.rs:53:19'], { cwd: ws });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).definitions.map((d: Definition) => d.qualname)).toContain('geometry::ops::total_area');
  });

  it('answers a --stdin batch in input order, one JSON object per line, errors inline', () => {
    const queries = [
      'canvas/src/bin/draw.rs:15:21',
      'canvas/src/bin/draw.rs:nine:24',
      'canvas/src/nope.rs:1:1',
      'canvas/src/bin/draw.rs:9:24',
      'geometry/src/shapes/rect.rs:34:35',
    ];
    const run = xref(['def', '--stdin', '--json'], { cwd: ws, input: queries.join('\n') + '\n' });
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout) as Array<{ query: string; definitions?: Definition[]; error?: string }>;
    expect(lines.map((l) => l.query)).toEqual(queries);
    expect(lines[0].definitions?.map((d) => d.qualname)).toEqual(['canvas::scene::Canvas']);
    expect(lines[1]).toEqual({ query: queries[1], error: expect.stringMatching(/^bad position 'canvas\/src\/bin\/draw.rs:nine:24'/) });
    expect(lines[2]).toEqual({ query: queries[2], error: expect.stringContaining('canvas/src/nope.rs') });
    expect(lines[3].definitions?.map((d) => d.qualname)).toEqual(['geometry::shapes::circle::Circle::new']);
    expect(lines[4].definitions?.map((d) => d.qualname)).toEqual(['geometry::units::Meters::from_feet']);
  });
});

describe('xref refs', () => {
  function refsOf(target: string, ...flags: string[]): { targets: string[]; references: Reference[] } {
    const run = xref(['refs', '--json', ...flags, target], { cwd: ws });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
  }

  it('lists the uses of Shape::area, including the call in canvas', () => {
    const answer = refsOf('geometry::shapes::Shape::area');
    const places = answer.references.map((r) => `${r.file}:${r.line}:${r.col}`);
    expect(places).toContain('canvas/src/bin/draw.rs:10:26');
    expect(places).toContain('geometry/src/shapes/mod.rs:28:25');
    for (const r of answer.references) expect(sourceLine(r.file, r.line).slice(r.col - 1)).toMatch(/^area\b/);
    // Each reference names the item whose code holds it.
    const call = answer.references.find((r) => r.file === 'canvas/src/bin/draw.rs' && r.line === 10);
    expect(call).toMatchObject({ item: 'cargo draw:bin 0.1.0 main().', target: answer.targets[0] });
    expect(answer.references.every((r) => typeof r.item === 'string' && r.item.startsWith('cargo '))).toBe(true);
  });

  it('gives the same references for a path, a symbol id and a position of a use', () => {
    const byPath = refsOf('geometry::shapes::Shape::area');
    expect(byPath.targets).toHaveLength(1);
    const byId = refsOf(byPath.targets[0]);
    expect(byId.references).toEqual(byPath.references);
    // A call site of the method may mean the impl's method as well as the trait's: the places
    // are the same, the targets they are listed under may differ.
    const places = (refs: Reference[]) => refs.map((r) => `${r.file}:${r.line}:${r.col} ${r.role}`);
    const byPosition = refsOf('canvas/src/bin/draw.rs:10:26');
    expect(byPosition.targets).toContain(byPath.targets[0]);
    expect(places(byPosition.references)).toEqual(places(byPath.references));
  });

  it('filters by role and adds the declaration on request', () => {
    const all = refsOf('geometry::shapes::circle::Circle::new');
    const calls = refsOf('geometry::shapes::circle::Circle::new', '--kind', 'call');
    expect(calls.references.length).toBeGreaterThan(0);
    expect(calls.references.every((r) => r.role === 'call')).toBe(true);
    expect(calls.references).toEqual(all.references.filter((r) => r.role === 'call'));
    const withDecl = refsOf('geometry::shapes::circle::Circle::new', '--include-decl');
    const decls = withDecl.references.filter((r) => r.role === 'decl');
    expect(decls.map((r) => r.file)).toEqual(['geometry/src/shapes/circle.rs']);
    expect(withDecl.references).toHaveLength(all.references.length + 1);
  });

  it('groups text output by file and ends with a count', () => {
    const run = xref(['refs', 'geometry::shapes::Shape::area'], { cwd: ws });
    expect(run.code).toBe(0);
    const n = refsOf('geometry::shapes::Shape::area').references.length;
    const files = new Set(refsOf('geometry::shapes::Shape::area').references.map((r) => r.file)).size;
    expect(run.stdout.endsWith(`\n${n} references in ${files} files\n`)).toBe(true);
    expect(run.stdout).toContain('canvas/src/bin/draw.rs:\ncanvas/src/bin/draw.rs:10:26: ');
    expect(run.stdout).toBe(golden('refs-shape-area.txt', run.stdout));
  });

  it('answers a --stdin batch in input order', () => {
    const queries = ['geometry::kind::Kind::Polygon', 'no::such::thing', 'geometry::square'];
    const run = xref(['refs', '--stdin', '--json'], { cwd: ws, input: queries.join('\n') });
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout) as Array<{ query: string; references?: Reference[]; error?: string }>;
    expect(lines.map((l) => l.query)).toEqual(queries);
    expect(lines[0].references?.map((r) => `${r.file}:${r.line}:${r.col}`)).toEqual(
      expect.arrayContaining(['geometry/src/kind.rs:20:13', 'geometry/src/shapes/rect.rs:59:9']),
    );
    expect(lines[1].error).toMatch(/no::such::thing/);
    expect(lines[2].references?.map((r) => `${r.file}:${r.line}:${r.col}`)).toContain('geometry/src/shapes/circle.rs:44:14');
  });
});

describe('xref search', () => {
  it('finds the Circle struct by a lower-case name', () => {
    const run = xref(['search', '--json', 'circle'], { cwd: ws });
    expect(run.code).toBe(0);
    const hits: Definition[] = JSON.parse(run.stdout);
    expect(hits.map((h) => [h.kind, h.qualname])).toContainEqual(['struct', 'geometry::shapes::circle::Circle']);
  });

  it('prints path:line:col: kind qualname lines and honours --limit', () => {
    const full = xref(['search', 'area'], { cwd: ws });
    expect(full.code).toBe(0);
    const lines = full.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line).toMatch(/^[\w/.]+\.rs:\d+:\d+: \w+ \S.*area/);
    // Exact names come first: every `area` method before `total_area`.
    expect(lines.findIndex((l) => l.endsWith('::total_area'))).toBeGreaterThan(lines.findIndex((l) => l.endsWith(' geometry::shapes::Shape::area')));
    const limited = xref(['search', 'area', '--limit', '2'], { cwd: ws });
    expect(limited.stdout).toBe(lines.slice(0, 2).join('\n') + '\n');
    expect(full.stdout).toBe(golden('search-area.txt', full.stdout));
  });
});

describe('xref impls', () => {
  it('lists the impls of a trait, with the self type of each, against the sources', () => {
    const run = xref(['impls', 'geometry::shapes::Shape'], { cwd: ws });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden('impls-shape.txt', run.stdout));
    const json = JSON.parse(xref(['impls', '--json', 'geometry::shapes::Shape'], { cwd: ws }).stdout);
    expect(json.impls.map((i: { selfType: string; file: string }) => [i.selfType, i.file])).toEqual([
      ['Canvas', 'canvas/src/scene.rs'], ['Circle', 'geometry/src/shapes/circle.rs'], ['Rect', 'geometry/src/shapes/rect.rs'],
    ]);
  });

  it('lists the methods overriding a trait method, from its declaration position too', () => {
    // geometry/src/shapes/mod.rs declares `fn area(&self) -> f64;` in trait Shape.
    const byPath = JSON.parse(xref(['impls', '--json', 'geometry::shapes::Shape::area'], { cwd: ws }).stdout);
    const files = byPath.methods.map((m: { file: string }) => m.file);
    expect(files).toEqual(expect.arrayContaining(['geometry/src/shapes/circle.rs', 'geometry/src/shapes/rect.rs']));
    expect(byPath.impls).toEqual([]);
  });

  it('says when nothing implements the target (exit 1) and rejects a missing TARGET (exit 2)', () => {
    const none = xref(['impls', '--json', 'geometry::format_length'], { cwd: ws });
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout)).toMatchObject({ impls: [], methods: [] });
    const missing = xref(['impls'], { cwd: ws });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^xref: missing TARGET/);
  });
});

describe('xref stats', () => {
  it('counts crates, files, items, defs and refs, per crate too, and names the versions', () => {
    const json = JSON.parse(xref(['stats', '--json'], { cwd: ws }).stdout);
    expect(json).toMatchObject({ crates: 3, files: 13, items: 134, storeFormat: STORE_FORMAT_VERSION, schemaVersion: '1.1.0' });
    expect(json.defs).toBeGreaterThan(100);
    expect(json.refs).toBeGreaterThan(json.defs);
    expect(json.storeBytes).toBeGreaterThan(0);
    expect(Date.parse(json.indexedAt)).toBeGreaterThan(Date.parse('2026-01-01'));
    expect(json.crateList.map((c: { name: string }) => c.name)).toEqual(['canvas', 'draw', 'geometry']);
    expect(json.crateList.reduce((n: number, c: { items: number }) => n + c.items, 0)).toBe(json.items);
    const text = xref(['stats'], { cwd: ws });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^index .*\.xref\/db \(store format \d+, dump schema 1\.1\.0\)\nlast indexed \d{4}-/);
    expect(text.stdout).toContain('  geometry 0.1.0 (lib, edition 2021): 9 files, 100 items');
  });
});

describe('xref symbols', () => {
  it("prints a file's outline, nested: types with their fields, impl blocks with their methods", () => {
    const run = xref(['symbols', 'geometry/src/shapes/circle.rs'], { cwd: ws });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden('symbols-circle.txt', run.stdout));
  });

  it('lists `mod x;` declarations and inline modules, and takes FILE relative to the current directory', () => {
    const json = JSON.parse(xref(['symbols', '--json', 'lib.rs'], { cwd: join(ws, 'geometry', 'src') }).stdout);
    expect(json.file).toBe('geometry/src/lib.rs');
    const top = json.symbols.map((s: { kind: string; name: string }) => `${s.kind} ${s.name}`);
    expect(top).toEqual(expect.arrayContaining(['mod shapes', 'mod units', 'fn format_length', 'mod tests']));
    const tests = json.symbols.find((s: { name: string }) => s.name === 'tests');
    expect(tests.children.map((c: { name: string }) => c.name)).toContain('circle_area_uses_pi');
    expect(json.symbols.find((s: { name: string }) => s.name === 'shapes')).toMatchObject({ id: 'cargo geometry 0.1.0 shapes/', line: 12 });
  });

  it('names a file that is not in the index (exit 4)', () => {
    const run = xref(['symbols', 'geometry/src/nope.rs'], { cwd: ws });
    expect(run.code).toBe(4);
    expect(run.stderr).toBe("xref: geometry/src/nope.rs is not in the index (no crate of the workspace compiles it, or it is newer than the last 'xref index')\n");
  });
});

describe('xref hover', () => {
  it('shows kind, path, signature, crate and docs of a definition', () => {
    const run = xref(['hover', 'canvas/src/bin/draw.rs:9:24'], { cwd: ws });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden('hover-circle-new.txt', run.stdout));
  });

  it("shows a local's inferred type, and answers --stdin batches in order", () => {
    const input = 'canvas/src/bin/draw.rs:9:9\ncanvas/src/bin/draw.rs:8:8\ngeometry/src/shapes/circle.rs:44:14\n';
    const lines = xref(['hover', '--stdin', '--json'], { cwd: ws, input }).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].hover[0]).toMatchObject({ kind: 'local', qualname: 'unit', type: 'geometry::shapes::circle::Circle', crate: 'cargo draw:bin 0.1.0' });
    expect(lines[1].error).toMatch(/no identifier at canvas\/src\/bin\/draw\.rs:8:8/);
    expect(lines[2].hover[0]).toMatchObject({ kind: 'macro', qualname: 'geometry::square', docs: 'Squares an expression, evaluating it only once.' });
  });

  it('reads docs from the source file, and says when the file changed since it was indexed', async () => {
    const dir = copyExample();
    try {
      expect(xref(['index'], { cwd: dir }).code).toBe(0);
      const at = 'canvas/src/bin/draw.rs:9:24';
      const card = () => JSON.parse(xref(['hover', '--json', at], { cwd: dir }).stdout).hover[0];
      expect(card()).toMatchObject({ qualname: 'geometry::shapes::circle::Circle::new', docs: 'Creates a circle around `center`.' });
      // The store does not hold them: its def key has their hash.
      const db = new Level<string, string>(join(dir, '.xref', 'db'), { valueEncoding: 'utf8' });
      const values = await db.values().all();
      await db.close();
      expect(values.some((v) => v.includes('Creates a circle around'))).toBe(false);

      const circle = join(dir, 'geometry', 'src', 'shapes', 'circle.rs');
      writeFileSync(circle, readFileSync(circle, 'utf8').replace('/// Creates a circle', '/// Makes a circle'));
      expect(card().docs).toBeUndefined();
      expect(card().docsStale).toBe(true);
      expect(xref(['hover', at], { cwd: dir }).stdout).toContain('docs: its file changed since it was indexed (run xref index)');

      expect(xref(['index'], { cwd: dir }).code).toBe(0);
      expect(card()).toMatchObject({ docs: 'Makes a circle around `center`.' });
      expect(card().docsStale).toBeUndefined();
    } finally {
      removeDir(dir);
    }
  });

  it('gives brief cards, one line and signature each, for a call with more than 16 candidates', () => {
    // `x.ping()` on a receiver of unknown type may be any of 17 methods.
    const dir = mkdtempSync(join(tmpdir(), 'xref-brief-'));
    try {
      const types = Array.from({ length: 17 }, (_, i) => `P${i}`);
      writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "pings"\nversion = "0.1.0"\nedition = "2021"\n');
      mkdirSync(join(dir, 'src'));
      writeFileSync(join(dir, 'src', 'lib.rs'), [
        ...types.map((t) => `pub struct ${t};\nimpl ${t} {\n    /// Pings ${t}.\n    pub fn ping(&self, times: u8) -> u8 { times }\n}\n`),
        'pub fn call<T>(x: T) -> u8 {\n    x.ping(1)\n}\n',
      ].join(''));
      expect(xref(['index', '.'], { cwd: dir }).code).toBe(0);
      const at = `src/lib.rs:${types.length * 5 + 2}:7`;
      const json = JSON.parse(xref(['hover', '--json', at], { cwd: dir }).stdout);
      expect(json.brief).toBe(true);
      expect(json.hover).toHaveLength(17);
      expect(json.hover[0]).toEqual({
        id: 'cargo pings 0.1.0 P0#ping().', kind: 'method', qualname: 'pings::P0::ping', crate: 'cargo pings 0.1.0',
        visibility: 'pub', signature: 'pub fn ping(&self, times: u8) -> u8',
      });
      const text = xref(['hover', at], { cwd: dir }).stdout.split('\n');
      expect(text.slice(0, 3)).toEqual(['17 candidates, without docs (more than 16):', 'method pings::P0::ping', '    pub fn ping(&self, times: u8) -> u8']);
      // With 16 candidates or fewer, each card is whole: its docs too.
      const one = JSON.parse(xref(['hover', '--json', 'src/lib.rs:4:12'], { cwd: dir }).stdout);
      expect(one.brief).toBeUndefined();
      expect(one.hover[0]).toMatchObject({ qualname: 'pings::P0::ping', docs: 'Pings P0.' });
    } finally {
      removeDir(dir);
    }
  });

  it('refuses a position on no identifier (exit 4)', () => {
    const run = xref(['hover', 'canvas/src/bin/draw.rs:8:8'], { cwd: ws });
    expect(run.code).toBe(4);
    expect(run.stderr).toBe('xref: no identifier at canvas/src/bin/draw.rs:8:8: point at a name (LINE and COL count from 1, COL in characters)\n');
  });
});

describe('xref callers / callees', () => {
  it('lists the callers of a trait method, one line per calling fn with its number of calls', () => {
    const run = xref(['callers', 'geometry::shapes::Shape::area'], { cwd: ws });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden('callers-shape-area.txt', run.stdout));
  });

  it('follows --depth levels, each symbol once, and gives the call sites in JSON', () => {
    const json = JSON.parse(xref(['callers', '--json', '--depth', '2', 'geometry::ops::total_area'], { cwd: ws }).stdout);
    expect(json.targets).toEqual(['cargo geometry 0.1.0 ops/total_area().']);
    const first = json.callers[0];
    expect(first.sites.length).toBeGreaterThan(0);
    expect(first.sites[0]).toMatchObject({ file: expect.stringMatching(/\.rs$/), line: expect.any(Number) });
    expect(first).toHaveProperty('children');
  });

  it('lists what a method calls', () => {
    const json = JSON.parse(xref(['callees', '--json', 'geometry::shapes::Shape::describe'], { cwd: ws }).stdout);
    expect(json.callees.map((c: { location: { qualname: string } }) => c.location.qualname).sort()).toEqual([
      'geometry::shapes::Named::name', 'geometry::shapes::Shape::area',
    ]);
  });

  it('exits 1 when nothing calls the target, and 2 on a bad --depth', () => {
    expect(xref(['callers', 'draw::main'], { cwd: ws }).code).toBe(1);
    expect(xref(['callees', '--depth', '0', 'draw::main'], { cwd: ws }).code).toBe(2);
  });
});
