// Golden dumps of data/example, plus the resolution facts they must contain. Regenerate the
// goldens with UPDATE_GOLDEN=1 after a deliberate change, and read the diff.
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeWorkspace, type AnalyzeResult } from '../../frontend/src/index.js';
import { parseDump, LineIndex, type Dump, type Ref } from '../../schema/src/index.js';

const EXAMPLE = path.resolve(import.meta.dirname, '../../data/example');
const GOLDEN = path.resolve(import.meta.dirname, 'golden');

let result: AnalyzeResult;
const dumps = new Map<string, Dump>();

beforeAll(async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'xref-golden-'));
  result = await analyzeWorkspace(EXAMPLE, { outDir: out, useCargo: false });
  for (const f of result.dumpFiles) dumps.set(path.basename(f), parseDump(readFileSync(f, 'utf8'), f));
});

/** The ref covering FILE:LINE:COL (1-based, as in data/example/README.md). */
function refAt(file: string, line: number, col: number): Ref | undefined {
  for (const dump of dumps.values()) {
    const entry = dump.header.files.find((f) => f.path === file);
    if (!entry) continue;
    const offset = new LineIndex(entry).offset(line, col)!;
    for (const item of dump.items) {
      if (item.file !== file || offset < item.span[0] || offset >= item.span[1]) continue;
      const rel = offset - item.span[0];
      const ref = item.refs.find((r) => r.span[0] <= rel && rel < r.span[1]);
      if (ref) return ref;
    }
  }
  return undefined;
}

describe('data/example dumps', () => {
  it('analyzes every crate without diagnostics', () => {
    expect(result.crates).toBe(3);
    expect(result.diagnostics).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect([...dumps.keys()].sort()).toEqual([
      'canvas-0.1.0-bin-draw.jsonl', 'canvas-0.1.0-lib-canvas.jsonl', 'geometry-0.1.0-lib-geometry.jsonl',
    ]);
  });

  it('matches the golden dumps', () => {
    for (const [name, dump] of dumps) {
      const actual = [JSON.stringify(dump.header), ...dump.items.map((i) => JSON.stringify(i))].join('\n') + '\n';
      if (process.env.UPDATE_GOLDEN) writeFileSync(path.join(GOLDEN, name), actual);
      const golden = readFileSync(path.join(GOLDEN, name), 'utf8');
      expect(actual, `golden ${name} differs: run with UPDATE_GOLDEN=1 and review the diff`).toBe(golden);
    }
    expect(readdirSync(GOLDEN).filter((f) => f.endsWith('.jsonl')).sort()).toEqual([...dumps.keys()].sort());
  });

  it('resolves calls across crates', () => {
    expect(refAt('canvas/src/bin/draw.rs', 9, 24)?.target).toBe('cargo geometry 0.1.0 shapes/circle/Circle#new().');
  });

  it('resolves imports through re-exports', () => {
    expect(refAt('canvas/src/bin/draw.rs', 5, 24)?.target).toBe('cargo geometry 0.1.0 shapes/Shape#');
  });

  it('resolves impl headers to the trait', () => {
    const ref = refAt('canvas/src/scene.rs', 51, 6);
    expect(ref?.role).toBe('impl');
    expect(ref?.target).toBe('cargo geometry 0.1.0 shapes/Shape#');
  });

  it('resolves a method call on a typed local to the impl method', () => {
    const ref = refAt('canvas/src/bin/draw.rs', 10, 26);
    expect(ref?.role).toBe('method');
    expect(ref?.target ?? ref?.candidates).toBeDefined();
    const targets = ref?.target ? [ref.target] : ref?.candidates ?? [];
    expect(targets.some((t) => t.endsWith('area().'))).toBe(true);
  });

  it('resolves self method calls inside a trait to the trait item', () => {
    expect(refAt('geometry/src/shapes/mod.rs', 28, 25)?.target).toBe('cargo geometry 0.1.0 shapes/Shape#area().');
  });

  it('resolves glob-imported enum variants and renamed re-exports', () => {
    expect(refAt('geometry/src/kind.rs', 20, 13)?.target).toBe('cargo geometry 0.1.0 kind/Kind#Polygon.');
    expect(refAt('canvas/src/scene.rs', 53, 19)?.target).toBe('cargo geometry 0.1.0 ops/total_area().');
  });

  it('resolves macro calls to macro_rules', () => {
    expect(refAt('geometry/src/shapes/circle.rs', 44, 14)?.target).toBe('cargo geometry 0.1.0 square!');
  });
});
