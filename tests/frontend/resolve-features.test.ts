// Name resolution features checked against what rustc links (see /work/shared/oracle): each
// crate under data/resolve/<feature> is analyzed and the refs at chosen places are asserted.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeWorkspace } from '../../frontend/src/index.js';
import { parseDump, type Ref } from '../../schema/src/index.js';

const DATA = path.resolve(import.meta.dirname, '../../data/resolve');

interface PlacedRef extends Ref {
  /** The ref's text in the file. */
  text: string;
}

/** Analyzes data/resolve/<name> into a temporary directory; returns its refs with file offsets. */
async function analyzeFixture(name: string): Promise<{ source: Buffer; refs: PlacedRef[] }> {
  const dir = path.join(DATA, name);
  const outDir = mkdtempSync(path.join(tmpdir(), 'xref-resolve-'));
  const result = await analyzeWorkspace(dir, { useCargo: false, outDir });
  const dump = parseDump(readFileSync(result.dumpFiles[0], 'utf8'), result.dumpFiles[0]);
  const source = readFileSync(path.join(dir, 'src/lib.rs'));
  const refs = dump.items.filter((i) => i.file === 'src/lib.rs').flatMap((i) => i.refs.map((r) => {
    const span: [number, number] = [i.span[0] + r.span[0], i.span[0] + r.span[1]];
    return { ...r, span, text: source.subarray(span[0], span[1]).toString() };
  }));
  return { source, refs };
}

/** The refs that start where the `nth` occurrence of `needle` starts in the file. */
function refsAt(f: { source: Buffer; refs: PlacedRef[] }, needle: string, nth = 0): PlacedRef[] {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = f.source.indexOf(needle, at + 1);
  expect(at, `'${needle}' #${nth} in the fixture`).toBeGreaterThanOrEqual(0);
  return f.refs.filter((r) => r.span[0] === at);
}

const AREA = 'cargo whole_path 0.1.0 shapes/traits/Area#';

describe('paths linked as a whole', () => {
  it('gives a use path one ref from its first segment to its target, keeping the middle segments', async () => {
    const f = await analyzeFixture('whole-path');
    expect(refsAt(f, 'crate::shapes')).toEqual([expect.objectContaining({ text: 'crate::shapes::traits::Area', role: 'import', target: AREA })]);
    expect(refsAt(f, 'traits::Area;')).toEqual([expect.objectContaining({ role: 'path', target: 'cargo whole_path 0.1.0 shapes/traits/' })]);
    // The last segment has no ref of its own, so a lookup there finds the whole-path ref only.
    expect(refsAt(f, 'Area;')).toEqual([]);
  });

  it('links a use group leaf from its own first segment, after the shared prefix', async () => {
    const f = await analyzeFixture('whole-path');
    expect(refsAt(f, 'std::{')).toEqual([expect.objectContaining({ text: 'std', role: 'path', target: 'cargo std 0.0.0 crate/' })]);
    expect(refsAt(f, 'fmt::Display')).toEqual([expect.objectContaining({ text: 'fmt::Display', target: 'cargo core 0.0.0 fmt/Display#' })]);
  });

  it('links the trait of an impl header and of a bound as a whole', async () => {
    const f = await analyzeFixture('whole-path');
    expect(refsAt(f, 'shapes::traits::Area for')).toEqual([expect.objectContaining({ text: 'shapes::traits::Area', role: 'impl', target: AREA })]);
    expect(refsAt(f, 'shapes::traits::Area>')).toEqual([expect.objectContaining({ text: 'shapes::traits::Area', role: 'type', target: AREA })]);
  });

  it('keeps one ref per segment in types, where rustc links only the last segment', async () => {
    const f = await analyzeFixture('whole-path');
    expect(refsAt(f, 'io::Result')).toEqual([expect.objectContaining({ text: 'io', role: 'path', target: 'cargo std 0.0.0 io/' })]);
    expect(refsAt(f, 'std::string')).toEqual([expect.objectContaining({ text: 'std', role: 'path' })]);
  });
});

describe('edition 2015', () => {
  it('resolves use paths from the crate root, where std is implicit', async () => {
    const f = await analyzeFixture('edition-2015');
    expect(refsAt(f, 'std::convert')).toEqual([expect.objectContaining({ text: 'std::convert::AsRef', target: 'cargo core 0.0.0 convert/AsRef#' })]);
    expect(refsAt(f, 'std::fmt')).toEqual([expect.objectContaining({ target: 'cargo core 0.0.0 fmt/' })]);
    expect(refsAt(f, 'fmt::Display')).toEqual([expect.objectContaining({ role: 'impl', target: 'cargo core 0.0.0 fmt/Display#' })]);
  });

  it('still reports a root path that names nothing', async () => {
    const f = await analyzeFixture('edition-2015');
    expect(refsAt(f, 'nowhere')).toEqual([expect.objectContaining({ unresolved: '::nowhere::Thing' })]);
  });
});

describe('std below the prelude', () => {
  it('resolves an atomic alias to its generic type and its methods through the alias', async () => {
    const f = await analyzeFixture('std-low-level');
    expect(refsAt(f, 'AtomicUsize,')[0]).toMatchObject({ target: 'cargo core 0.0.0 sync/atomic/AtomicUsize#' });
    expect(refsAt(f, 'fetch_add')[0]).toMatchObject({ role: 'method', target: 'cargo core 0.0.0 sync/atomic/Atomic#fetch_add().' });
    expect(refsAt(f, 'load')[0]).toMatchObject({ target: 'cargo core 0.0.0 sync/atomic/Atomic#load().' });
    expect(refsAt(f, 'Acquire')[0]).toMatchObject({ target: 'cargo core 0.0.0 sync/atomic/Ordering#Acquire.' });
    expect(refsAt(f, 'NonZeroUsize::new')[0]).toMatchObject({ role: 'path', target: 'cargo core 0.0.0 num/NonZeroUsize#' });
    expect(refsAt(f, 'new(s')[0]).toMatchObject({ role: 'call', target: 'cargo core 0.0.0 num/NonZero#new().' });
  });

  it('follows the return types of builder methods through a call chain', async () => {
    const f = await analyzeFixture('std-low-level');
    expect(refsAt(f, 'debug_struct')[0]).toMatchObject({ target: 'cargo core 0.0.0 fmt/Formatter#debug_struct().' });
    expect(refsAt(f, 'field(')[0]).toMatchObject({ target: 'cargo core 0.0.0 fmt/DebugStruct#field().' });
    expect(refsAt(f, 'finish')[0]).toMatchObject({ target: 'cargo core 0.0.0 fmt/DebugStruct#finish().' });
  });

  it('resolves methods of str on a &str value and on what they return', async () => {
    const f = await analyzeFixture('std-low-level');
    expect(refsAt(f, 'trim')[0]).toMatchObject({ target: 'cargo core 0.0.0 primitive/str#trim().' });
    expect(refsAt(f, 'len()')[0]).toMatchObject({ target: 'cargo core 0.0.0 primitive/str#len().' });
  });
});

const BLOCK = 'cargo block_items 0.1.0';

describe('names inside bodies', () => {
  it('resolves an item-level macro call in the macro namespace', async () => {
    const f = await analyzeFixture('block-items');
    expect(refsAt(f, 'unit!(')).toEqual([expect.objectContaining({ role: 'macro', target: `${BLOCK} unit!` })]);
  });

  it('sees block items from the whole body, before their declaration too', async () => {
    const f = await analyzeFixture('block-items');
    expect(refsAt(f, 'twice(value)')[0]).toMatchObject({ role: 'call', target: `${BLOCK} scaled().$twice@145` });
    expect(refsAt(f, 'SCALE;')[0]).toMatchObject({ target: `${BLOCK} scaled().$SCALE@106` });
    // The attribute of the nested fn names nothing.
    expect(refsAt(f, 'inline')).toEqual([]);
  });

  it('keeps the bindings of a let whose initializer has lets of its own', async () => {
    const f = await analyzeFixture('block-items');
    expect(refsAt(f, 'low +=')[0]).toMatchObject({ role: 'write', target: `${BLOCK} split().$low@54` });
    expect(refsAt(f, 'high;')[0]).toMatchObject({ target: `${BLOCK} split().$high@59` });
  });

  it('resolves every turbofish argument and a call after `||`', async () => {
    const f = await analyzeFixture('block-items');
    expect(refsAt(f, 'Void>')[0]).toMatchObject({ role: 'type', target: `${BLOCK} never().$Void@55` });
    expect(refsAt(f, 'scaled(1)')).toEqual([expect.objectContaining({ role: 'call', target: `${BLOCK} scaled().` })]);
  });

  it('resolves const generics in value position and array lengths', async () => {
    const f = await analyzeFixture('block-items');
    expect(refsAt(f, 'N],')[0]).toMatchObject({ role: 'read', target: `${BLOCK} Buf#[N]` });
    expect(refsAt(f, 'N], marker: Phantom')[0]).toMatchObject({ role: 'read', target: `${BLOCK} impl#[Buf<T,N>][N]` });
  });

  it('imports each leaf of a use group in a block, and a unit struct of std as a value', async () => {
    const f = await analyzeFixture('block-items');
    expect(refsAt(f, 'mem}')).toEqual([expect.objectContaining({ role: 'import', target: 'cargo core 0.0.0 mem/' })]);
    expect(refsAt(f, 'core::{')).toHaveLength(1);
    expect(refsAt(f, 'mem::size_of')[0]).toMatchObject({ target: 'cargo core 0.0.0 mem/' });
    expect(refsAt(f, 'PhantomData }')[0]).toMatchObject({ role: 'read', target: 'cargo core 0.0.0 marker/PhantomData#' });
  });
});

describe('bounds of impl generics', () => {
  it('let `B::item` reach the bound trait of an impl param', async () => {
    const f = await analyzeFixture('block-items');
    expect(refsAt(f, 'NAME\n    }')[0]).toMatchObject({ role: 'read', target: `${BLOCK} Named#NAME.` });
  });
});
