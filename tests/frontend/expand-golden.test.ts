// End to end: the crate data/resolve/macros-items calls its own macro_rules in item position.
// The items the calls expand to are defs of the crate, their names resolve from plain code, and
// every ref lands on a token a reader sees: in the call when the call wrote it, in the macro's
// body when the body did. The whole dump, rendered, is kept as a golden file.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeWorkspace } from '../../frontend/src/index.js';
import { parseDump, type Dump } from '../../schema/src/index.js';

const DIR = path.resolve(import.meta.dirname, '../../data/resolve/macros-items');
const GOLDEN = path.resolve(import.meta.dirname, 'expand-golden/macros-items.txt');
const OWN = 'cargo macros_items 0.1.0';

interface Placed {
  item: string;
  kind: string;
  file: string;
  /** Absolute byte offsets. */
  start: number;
  end: number;
  text: string;
  role?: string;
  targets: string[];
}

let dump: Dump;
const sources = new Map<string, Buffer>();
let refs: Placed[];
let defs: Array<Placed & { id: string; docs?: string }>;

function source(file: string): Buffer {
  let s = sources.get(file);
  if (!s) sources.set(file, (s = readFileSync(path.join(DIR, file))));
  return s;
}

function lineCol(file: string, offset: number): string {
  const before = source(file).subarray(0, offset).toString();
  const lines = before.split('\n');
  return `${lines.length}:${lines[lines.length - 1].length + 1}`;
}

beforeAll(async () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'xref-expand-'));
  const result = await analyzeWorkspace(DIR, { useCargo: false, outDir });
  expect(result.warnings).toEqual([]);
  dump = parseDump(readFileSync(result.dumpFiles[0], 'utf8'), result.dumpFiles[0]);
  refs = dump.items.flatMap((i) => i.refs.map((r) => {
    const start = i.span[0] + r.span[0];
    const end = i.span[0] + r.span[1];
    return {
      item: i.item, kind: i.kind, file: i.file, start, end, text: source(i.file).subarray(start, end).toString(), role: r.role,
      targets: r.target ? [r.target] : r.candidates ?? [],
    };
  }));
  defs = dump.items.flatMap((i) => i.defs.map((d) => {
    const start = i.span[0] + d.nameSpan[0];
    const end = i.span[0] + d.nameSpan[1];
    return { item: i.item, kind: d.kind, file: i.file, start, end, text: source(i.file).subarray(start, end).toString(), targets: [], id: d.id, docs: d.docs };
  }));
});

/** The refs at the `nth` occurrence of `needle` in `file`. */
function refsAt(needle: string, nth = 0, file = 'src/lib.rs'): Placed[] {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = source(file).indexOf(needle, at + 1);
  expect(at, `'${needle}' #${nth}`).toBeGreaterThanOrEqual(0);
  return refs.filter((r) => r.file === file && r.start === at);
}

function def(id: string): Placed & { id: string; docs?: string } {
  const found = defs.filter((d) => d.id === id);
  expect(found, id).toHaveLength(1);
  return found[0];
}

describe('items of expansions', () => {
  it('makes the impls of a repeated rule, whose items resolve from plain code', () => {
    expect(refsAt('SIDES)')[0].targets).toEqual([`${OWN} impl#[Square][Area]SIDES.`]);
    expect(refsAt('area()', 0)[0].targets).toEqual([`${OWN} impl#[Triangle][Area]area().`]);
    const impls = dump.items.filter((i) => i.kind === 'impl' && i.impls[0]?.trait === `${OWN} Area#`);
    expect(impls.map((i) => i.impls[0].selfTarget)).toEqual([`${OWN} Square#`, `${OWN} Triangle#`]);
  });

  it('places a def at its name when the call wrote the name, else at the call', () => {
    const getter = def(`${OWN} side_of().`);
    expect([getter.text, lineCol(getter.file, getter.start)]).toEqual(['side_of', '34:14']);
    const area = def(`${OWN} impl#[Square][Area]area().`);
    expect([area.text, lineCol(area.file, area.start)]).toEqual(['', '29:1']);
  });

  it('takes attributes from the call: docs, and a false cfg that leaves the item inactive', () => {
    expect(def(`${OWN} WIDTH.`).docs).toBe('Columns of the grid.');
    expect(refsAt('WIDTH\n')[0].targets).toEqual([`${OWN} WIDTH.`]);
    expect(dump.items.find((i) => i.item === `${OWN} HIDDEN.`)?.inactive).toBe(true);
    expect(def(`${OWN} Marker#`).docs).toBe('A documented unit type.');
  });

  it('expands what an expansion calls, and macros among the items of an impl', () => {
    expect(refsAt('zero()')[0].targets).toEqual([`${OWN} zero().`]);
    expect(refsAt('x() +')[0].targets).toEqual([`${OWN} Point#x().`]);
    expect(refsAt('zero_fns!', 0, 'src/macros.rs')[0].targets).toEqual([`${OWN} macros/zero_fns!`]);
  });

  it('makes a module of an expansion, with its imports and the items the call gave it', () => {
    expect(refsAt('unit()\n}')[0].targets).toEqual([`${OWN} shapes/unit().`]);
    expect(refsAt('Square(1.0)\n    }')[0].targets).toEqual([`${OWN} Square#`]);
    expect(refsAt('super::Square')[0].targets).toEqual([`${OWN} Square#`]);
  });

  it('leaves a call that matches no rule as a call', () => {
    const at = source('src/lib.rs').indexOf('impl_area!(not');
    const there = dump.items.filter((i) => i.file === 'src/lib.rs' && i.span[0] === at);
    expect(there.map((i) => i.kind)).toEqual(['macro_call']);
    expect(there[0].refs.map((r) => r.target)).toEqual([`${OWN} impl_area!`]);
  });
});

describe('refs of expansions', () => {
  it('puts a ref on a token of the body into the macro, once for all expansions', () => {
    const [f64] = refsAt('f64 {\n                    let');
    expect(f64.item).toBe(`${OWN} impl_area!`);
    expect(f64.targets).toEqual(['cargo core 0.0.0 primitive/f64#']);
    expect(refsAt('f64 {\n            value', 0, 'src/macros.rs')[0].targets).toEqual(['cargo core 0.0.0 primitive/f64#']);
  });

  it('puts a ref on a token of the call into the expanded item', () => {
    const [square] = refsAt('Square => 4');
    expect(square.item).toBe(`${OWN} impl#[Square][Area]`);
    expect(square.targets).toEqual([`${OWN} Square#`]);
  });

  it('binds a local the call names, and a local the body declares once per position', () => {
    const s = def(`${OWN} impl#[Square][Area]area().$s@28`);
    expect(lineCol(s.file, s.start)).toBe('30:19');
    expect(refsAt('s.0 *')[0].targets).toEqual([s.id]);
    const selfs = defs.filter((d) => d.item === `${OWN} impl_area!` && d.kind === 'param');
    expect(selfs).toHaveLength(1);
    expect(refsAt('self;')[0].targets).toEqual([selfs[0].id]);
  });
});

it('matches the golden rendering of the dump', () => {
  const lines: string[] = [];
  for (const i of dump.items) {
    lines.push(`${i.item} ${i.kind} ${i.file}:${lineCol(i.file, i.span[0])}${i.inactive ? ' inactive' : ''}`);
    for (const d of defs.filter((x) => x.item === i.item)) lines.push(`  def ${d.kind} ${d.id} at ${lineCol(d.file, d.start)} '${d.text}'`);
    for (const r of refs.filter((x) => x.item === i.item)) lines.push(`  ref ${lineCol(r.file, r.start)} '${r.text}' ${r.role} -> ${r.targets.join(' | ') || 'unresolved'}`);
  }
  const actual = lines.join('\n') + '\n';
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, actual);
  expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
});
