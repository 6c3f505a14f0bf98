// Shared by the resolve-*.test.ts files: analyzes a crate under data/resolve/<name> and finds
// the refs at a place of its src/lib.rs, to assert what a position lookup would answer.
import { expect } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeWorkspace } from '../../frontend/src/index.js';
import { parseDump, type Def, type Ref } from '../../schema/src/index.js';

const DATA = path.resolve(import.meta.dirname, '../../data/resolve');

export interface PlacedRef extends Ref {
  /** The ref's text in the file. */
  text: string;
}

export interface Fixture {
  source: Buffer;
  refs: PlacedRef[];
  defs: Def[];
}

/** Analyzes data/resolve/<name> into a temporary directory; returns its refs with file offsets. */
export async function analyzeFixture(name: string): Promise<Fixture> {
  const dir = path.join(DATA, name);
  const outDir = mkdtempSync(path.join(tmpdir(), 'xref-resolve-'));
  const result = await analyzeWorkspace(dir, { useCargo: false, outDir });
  const dump = parseDump(readFileSync(result.dumpFiles[0], 'utf8'), result.dumpFiles[0]);
  const source = readFileSync(path.join(dir, 'src/lib.rs'));
  const items = dump.items.filter((i) => i.file === 'src/lib.rs');
  const refs = items.flatMap((i) => i.refs.map((r) => {
    const span: [number, number] = [i.span[0] + r.span[0], i.span[0] + r.span[1]];
    return { ...r, span, text: source.subarray(span[0], span[1]).toString() };
  }));
  return { source, refs, defs: items.flatMap((i) => i.defs) };
}

/** The refs that start where the `nth` occurrence of `needle` starts in the file. */
export function refsAt(f: Fixture, needle: string, nth = 0): PlacedRef[] {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = f.source.indexOf(needle, at + 1);
  expect(at, `'${needle}' #${nth} in the fixture`).toBeGreaterThanOrEqual(0);
  return f.refs.filter((r) => r.span[0] === at);
}
