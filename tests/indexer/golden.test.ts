// The relation queries on the front end's real dumps of data/example (read in place). Expected
// positions come from the dumps' own file tables and are checked against the source text, so
// these assert facts about the example, not the dumps' exact content.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  definitionsAt, implementations, indexDumps, references, resolveTarget, type Store,
} from '../../indexer/src/index.js';
import { LineIndex, parseDump, type Dump, type FileEntry, type ItemRecord } from '../../schema/src/index.js';
import { tempStore } from './fixture.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const GOLDEN = join(ROOT, 'tests/frontend/golden');
const EXAMPLE = join(ROOT, 'data/example');

const G = 'cargo geometry 0.1.0 ';
const SHAPE = `${G}shapes/Shape#`;
const SHAPE_AREA = `${G}shapes/Shape#area().`;
const CIRCLE_AREA = `${G}shapes/circle/impl#[Circle][Shape]area().`;
const DRAW = 'canvas/src/bin/draw.rs';

const dumpFiles = readdirSync(GOLDEN).filter((f) => f.endsWith('.jsonl')).map((f) => join(GOLDEN, f));
const dumps: Dump[] = dumpFiles.map((f) => parseDump(readFileSync(f, 'utf8'), f));
const items: ItemRecord[] = dumps.flatMap((d) => d.items);
const fileEntries = new Map<string, FileEntry>(dumps.flatMap((d) => d.header.files.map((f) => [f.path, f] as const)));

let store: Store;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ store, cleanup } = await tempStore());
  const result = await indexDumps(store, dumpFiles);
  expect(result.failures).toEqual([]);
});
afterAll(() => cleanup());

/** Line/column range of an absolute byte span, from the dump's file table. */
function place(file: string, start: number, end: number) {
  const index = new LineIndex(fileEntries.get(file)!);
  const s = index.position(start);
  const e = index.position(end);
  return { file, line: s.line, col: s.col, endLine: e.line, endCol: e.col };
}

/** The source text from a line/column on, `length` characters long. */
function textAt(file: string, line: number, col: number, length: number): string {
  const lineText = readFileSync(join(EXAMPLE, file), 'utf8').split('\n')[line - 1];
  return [...lineText].slice(col - 1, col - 1 + length).join('');
}

function defPlace(id: string) {
  const item = items.find((i) => i.defs.some((d) => d.id === id))!;
  const def = item.defs.find((d) => d.id === id)!;
  return { ...place(item.file, item.span[0] + def.nameSpan[0], item.span[0] + def.nameSpan[1]), id };
}

/** The call `unit.area()` in draw.rs, which the front end resolved to Circle's impl. */
function circleAreaCall() {
  const main = items.find((i) => i.file === DRAW && i.refs.some((r) => r.target === CIRCLE_AREA))!;
  const ref = main.refs.find((r) => r.target === CIRCLE_AREA)!;
  return { ...place(DRAW, main.span[0] + ref.span[0], main.span[0] + ref.span[1]), item: main.item };
}

describe('the example workspace', () => {
  it('finds the call on a Circle among the references of Shape::area', async () => {
    const call = circleAreaCall();
    expect(call.line).toBe(10);
    expect(textAt(DRAW, call.line, call.col, 4)).toBe('area');

    const refs = await references(store, SHAPE_AREA);
    expect(refs).toContainEqual({ ...call, role: 'method', candidate: false, target: SHAPE_AREA, via: CIRCLE_AREA });
    // Calls through `dyn Shape` resolve to the trait method itself and carry no via.
    expect(refs.some((r) => r.file === 'geometry/src/ops.rs' && r.via === undefined)).toBe(true);
    const exact = await references(store, SHAPE_AREA, { exact: true });
    expect(exact.every((r) => r.via === undefined)).toBe(true);
    expect(exact.some((r) => r.file === DRAW)).toBe(false);
  });

  it('goes from that call to the impl method and to the trait declaration', async () => {
    const call = circleAreaCall();
    const result = await definitionsAt(store, DRAW, call.line, call.col);
    expect(result).toMatchObject({ status: 'found', ambiguous: false, notIndexed: [] });
    if (result.status !== 'found') return;
    const got = result.locations.map(({ file, line, col, endLine, endCol, id }) => ({ file, line, col, endLine, endCol, id }));
    expect(got).toEqual([defPlace(CIRCLE_AREA), defPlace(SHAPE_AREA)]);
    for (const l of got) expect(textAt(l.file, l.line, l.col, 4)).toBe('area');
  });

  it('lists the impls of Shape in both crates, and the methods overriding Shape::area', async () => {
    const found = await implementations(store, SHAPE);
    const expected = items.flatMap((item) =>
      item.impls.filter((impl) => impl.trait === SHAPE).map((impl) => ({
        ...place(item.file, item.span[0], item.span[1]), id: impl.id, selfType: impl.selfType, link: 'trait',
      })),
    );
    expect(found.impls.map(({ file, line, col, endLine, endCol, id, selfType, link }) => ({ file, line, col, endLine, endCol, id, selfType, link })))
      .toEqual(expect.arrayContaining(expected));
    expect(found.impls).toHaveLength(expected.length);
    expect(found.impls.map((i) => [i.selfType, i.crate]).sort()).toEqual([
      ['Canvas', 'cargo canvas 0.1.0'], ['Circle', 'cargo geometry 0.1.0'], ['Rect', 'cargo geometry 0.1.0'],
    ]);

    const methods = await implementations(store, SHAPE_AREA);
    expect(methods.methods.map((m) => m.id).sort()).toEqual([
      'cargo canvas 0.1.0 scene/impl#[Canvas][Shape]area().', CIRCLE_AREA, `${G}shapes/rect/impl#[Rect][Shape]area().`,
    ]);
  });

  it('resolves the paths the pub uses re-export', async () => {
    expect(await resolveTarget(store, 'geometry::Circle')).toEqual([`${G}shapes/circle/Circle#`]);
    expect(await resolveTarget(store, 'geometry::shapes::Circle')).toEqual([`${G}shapes/circle/Circle#`]);
    expect(await resolveTarget(store, 'geometry::sum_areas')).toEqual([`${G}ops/total_area().`]);
    expect(await resolveTarget(store, 'Metres')).toEqual([`${G}units/Meters#`]);
  });
});
