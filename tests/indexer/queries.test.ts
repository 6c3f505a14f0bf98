import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defById, definitionsAt, listCrates, loadDump, PositionError, references, resolveTarget, search, stats,
  UnknownFileError, type DefinitionResult, type Location, type Store,
} from '../../indexer/src/index.js';
import type { Span } from '../../schema/src/index.js';
import { app, geometry, ids, makeDump, makeItem, Source, genericImpl, loadedStore } from './fixture.js';

let store: Store;
let cleanup: () => Promise<void>;
const g = geometry();
const a = app();

beforeEach(async () => {
  ({ store, cleanup } = await loadedStore(g.dump, a.dump));
});
afterEach(() => cleanup());

/** definitionsAt on the first character of a span. */
function at(source: Source, span: Span): Promise<DefinitionResult> {
  const { line, col } = source.position(span);
  return definitionsAt(store, source.path, line, col);
}

function located(source: Source, span: Span, id: string) {
  return { file: source.path, ...source.position(span), id };
}

/** `store`, noting in `asked` the argument of each call of its `method`. */
function recording(store: Store, method: 'getManyText' | 'entries', asked: unknown[]): Store {
  return new Proxy(store, {
    get(target, name) {
      const member = Reflect.get(target, name, target) as unknown;
      if (typeof member !== 'function') return member;
      if (name !== method) return member.bind(target);
      return (arg: unknown) => {
        asked.push(arg);
        return (member as (a: unknown) => unknown).call(target, arg);
      };
    },
  });
}

function pick(locations: Location[]) {
  return locations.map(({ file, line, col, endLine, endCol, id }) => ({ file, line, col, endLine, endCol, id }));
}

function found(result: DefinitionResult): Location[] {
  if (result.status !== 'found') throw new Error(`expected found, got ${result.status}`);
  return result.locations;
}

describe('definitionsAt', () => {
  it('follows a ref across crates to the def name', async () => {
    const result = await at(a.main, a.main.find('Circle', 1));
    expect(pick(found(result))).toEqual([located(g.shapes, g.shapes.find('Circle'), ids.circle)]);
    expect(found(result)[0]).toMatchObject({ kind: 'struct', name: 'Circle', qualname: 'geometry::shapes::Circle' });
  });

  it('answers a position anywhere inside the ref, not just its first character', async () => {
    const [, end] = a.main.find('Circle', 1);
    const last = a.main.position([end - 1, end]);
    const result = await definitionsAt(store, a.main.path, last.line, last.col);
    expect(pick(found(result))).toEqual([located(g.shapes, g.shapes.find('Circle'), ids.circle)]);
  });

  it('returns the def itself on a def name', async () => {
    const result = await at(g.shapes, g.shapes.find('area'));
    expect(pick(found(result))).toEqual([located(g.shapes, g.shapes.find('area'), ids.area)]);
  });

  it('looks into the innermost item: a method inside an impl, and the impl header outside it', async () => {
    const [, selfR] = g.shapes.find('self.r');
    const inMethod = await at(g.shapes, [selfR - 1, selfR]);
    const [field] = g.shapes.find('r:');
    expect(pick(found(inMethod))).toEqual([located(g.shapes, [field, field + 1], ids.r)]);
    const header = await at(g.shapes, g.shapes.find('Circle', 1));
    expect(pick(found(header)).map((l) => l.id)).toEqual([ids.circle]);
  });

  it('counts columns in characters after multibyte text', async () => {
    // `café` has a 2-byte é, so the return type's byte column and character column differ.
    const [fn] = g.shapes.find('pub fn café');
    const ret = g.shapes.find('Circle', 0, fn);
    const pos = g.shapes.position(ret);
    const lineText = g.shapes.text.split('\n')[pos.line - 1];
    expect(pos.col).toBe(lineText.indexOf('Circle') + 1);
    expect(Buffer.byteLength(lineText.slice(0, pos.col - 1)) + 1).toBe(pos.col + 1);
    expect(pick(found(await at(g.shapes, ret))).map((l) => l.id)).toEqual([ids.circle]);

    const cafe = found(await at(g.shapes, g.shapes.find('café', 0, fn)));
    expect(pick(cafe)).toEqual([located(g.shapes, g.shapes.find('café', 0, fn), ids.cafe)]);
    expect(cafe[0].endCol - cafe[0].col).toBe(4);

    // 😀 is one character (two UTF-16 units, four bytes) before `Circle` on its line.
    const literal = a.main.find('Circle', 1);
    const p = a.main.position(literal);
    expect([...a.main.text.split('\n')[p.line - 1]].indexOf('C') + 1).toBe(p.col);
    expect(pick(found(await at(a.main, literal))).map((l) => l.id)).toEqual([ids.circle]);
  });

  it('gives every candidate of an ambiguous ref', async () => {
    const result = await at(a.main, a.main.find('measure'));
    expect(result).toMatchObject({ status: 'found', ambiguous: true });
    expect(pick(found(result)).map((l) => l.id).sort()).toEqual([ids.area, ids.cafe].sort());
  });

  it('reports targets of crates that are not indexed', async () => {
    const result = await at(a.main, a.main.find('println'));
    expect(result).toEqual({ status: 'found', locations: [], notIndexed: [ids.println], ambiguous: false });
  });

  it('tells an unresolved ref from a position with no identifier', async () => {
    expect(await at(g.shapes, g.shapes.find('f64'))).toEqual({ status: 'unresolved', path: 'f64' });
    expect(await at(g.shapes, g.shapes.find(' * self'))).toEqual({ status: 'none' });
    expect(await at(g.lib, g.lib.find('Shapes'))).toEqual({ status: 'none' });
  });

  it("reads only the items whose names may be at the position, inside a macro call's many expansions", async () => {
    // Every item a macro call expands to spans the whole call; each has its name in it.
    const names = Array.from({ length: 40 }, (_, i) => `C${String(i).padStart(2, '0')}`);
    const consts = new Source('consts/src/lib.rs', `consts! {\n${names.map((n) => `    pub const ${n}: u8 = 0;\n`).join('')}}\n`);
    const call: Span = [0, consts.text.length];
    const id = (n: string) => `cargo consts 0.1.0 ${n}.`;
    const items = names.map((n) => makeItem(id(n), 'const', consts, call, [{ id: id(n), kind: 'const', name: n, qualname: `consts::${n}`, at: consts.find(n) }]));
    await loadDump(store, makeDump('consts', [consts], items));
    const asked: unknown[] = [];
    const counting = recording(store, 'getManyText', asked);
    const itemReads = () => (asked as string[][]).flat().filter((k) => k.startsWith('item\0'));
    const { line, col } = consts.position(consts.find('C05'));
    expect(pick(found(await definitionsAt(counting, consts.path, line, col))).map((l) => l.id)).toEqual([id('C05')]);
    expect(itemReads()).toHaveLength(1);
    // Between two names, no item can have a hit: none is read.
    const between = consts.position(consts.find(': u8', 5));
    expect(await definitionsAt(counting, consts.path, between.line, between.col)).toEqual({ status: 'none' });
    expect(itemReads()).toHaveLength(1);
  });

  it("finds an impl's generic param from a method's ref to it with point reads alone", async () => {
    const { source, param, methodSpan, dump } = genericImpl();
    await loadDump(store, dump);
    const asked: unknown[] = [];
    const counting = recording(store, 'entries', asked);
    const at = source.position(source.find('T', 0, methodSpan[0]));
    const result = await definitionsAt(counting, source.path, at.line, at.col);
    expect(pick(found(result))).toEqual([located(source, source.find('T'), param)]);
    expect((asked as Array<{ gte: string }>).filter((r) => r.gte.startsWith('def\0'))).toEqual([]);
  });

  it('throws typed errors for an unknown file and a position outside the file', async () => {
    await expect(definitionsAt(store, 'nope.rs', 1, 1)).rejects.toThrow(UnknownFileError);
    await expect(definitionsAt(store, 'geometry/src', 1, 1)).rejects.toMatchObject({ code: 'UNKNOWN_FILE' });
    await expect(definitionsAt(store, g.lib.path, 99, 1)).rejects.toThrow(PositionError);
    await expect(definitionsAt(store, g.lib.path, 1, 200)).rejects.toMatchObject({ code: 'BAD_POSITION' });
  });
});

describe('references', () => {
  const circleRefs = (): Array<{ source: Source; span: Span; role: string; itemId: string }> => {
    const [fn] = g.shapes.find('pub fn café');
    return [
      { source: a.main, span: a.main.find('Circle'), role: 'import', itemId: ids.appUse },
      { source: a.main, span: a.main.find('Circle', 1), role: 'path', itemId: ids.main },
      { source: g.lib, span: g.lib.find('Circle'), role: 'import', itemId: ids.libUse },
      { source: g.shapes, span: g.shapes.find('Circle', 1), role: 'type', itemId: ids.circleImpl },
      { source: g.shapes, span: g.shapes.find('Circle', 0, fn), role: 'type', itemId: ids.cafe },
      { source: g.shapes, span: g.shapes.find('Circle', 1, fn), role: 'path', itemId: ids.cafe },
    ];
  };
  const expected = (refs: ReturnType<typeof circleRefs>) =>
    refs.map((r) => ({ file: r.source.path, ...r.source.position(r.span), role: r.role, item: r.itemId, candidate: false, target: ids.circle }));

  it('lists every ref across crates, sorted by file then position', async () => {
    expect(await references(store, ids.circle)).toEqual(expected(circleRefs()));
  });

  it('adds the declaration with includeDecl and filters by role with kinds', async () => {
    const withDecl = await references(store, ids.circle, { includeDecl: true });
    const decl = { file: g.shapes.path, ...g.shapes.position(g.shapes.find('Circle')), role: 'decl', item: ids.circle, candidate: false, target: ids.circle };
    expect(withDecl).toEqual([...expected(circleRefs()).slice(0, 3), decl, ...expected(circleRefs()).slice(3)]);
    const imports = await references(store, ids.circle, { kinds: ['import'] });
    expect(imports).toEqual(expected(circleRefs().filter((r) => r.role === 'import')));
  });

  it('flags refs that only may resolve to the target', async () => {
    const refs = await references(store, ids.cafe);
    expect(refs).toEqual([{ file: a.main.path, ...a.main.position(a.main.find('measure')), role: 'call', item: ids.main, candidate: true, target: ids.cafe }]);
    const area = await references(store, ids.area);
    expect(area.map((r) => [r.role, r.candidate])).toEqual([['method', false], ['call', true]]);
  });

  it("lists a place once per role, however many of a macro's items refer from it", async () => {
    const src = new Source('mac/src/lib.rs', 'pub struct T;\nm!(T);\n');
    const T = 'cargo mac 0.1.0 T#';
    const call = src.find('m!(T);');
    const arg = src.find('T', 1);
    const expansion = (n: number, roles: Array<'type' | 'path'>) => makeItem(
      `cargo mac 0.1.0 m!#${n}`, 'macro_call', src, call, [], roles.map((role) => ({ at: arg, role, target: T })),
    );
    const struct = makeItem(T, 'struct', src, src.find('pub struct T;'), [{ id: T, kind: 'struct', name: 'T', qualname: 'mac::T', at: src.find('T') }]);
    await loadDump(store, makeDump('mac', [src], [struct, expansion(3, ['type']), expansion(1, ['type', 'path']), expansion(2, ['path'])]));
    const found = await references(store, T);
    // The ref kept is the one of the item with the smallest id.
    expect(found.map((r) => [r.role, r.item, r.line, r.col])).toEqual([['type', 'cargo mac 0.1.0 m!#1', 2, 4], ['path', 'cargo mac 0.1.0 m!#1', 2, 4]]);
  });

  it('returns nothing for an unknown id', async () => {
    expect(await references(store, 'cargo nope 1.0.0 x#', { includeDecl: true })).toEqual([]);
  });
});

describe('lookups', () => {
  it('resolveTarget takes a symbol id, a qualname, or the tail of one', async () => {
    expect(await resolveTarget(store, ids.area)).toEqual([ids.area]);
    expect(await resolveTarget(store, 'cargo geometry 0.1.0 shapes/Square#')).toEqual([]);
    expect(await resolveTarget(store, 'geometry::shapes::Circle::area')).toEqual([ids.area]);
    expect(await resolveTarget(store, 'geometry::shapes::Circle')).toEqual([ids.circle]);
    expect(await resolveTarget(store, 'Circle::area')).toEqual([ids.area]);
    expect(await resolveTarget(store, 'shapes')).toEqual([ids.shapes]);
    expect(await resolveTarget(store, 'ircle::area')).toEqual([]);
    // Locals are not in the qualname index.
    expect(await resolveTarget(store, 'app::main::label')).toEqual([]);
  });

  it('defById gives the full def and its location', async () => {
    const details = await defById(store, ids.cafe);
    expect(details?.def).toEqual(g.dump.items.find((i) => i.item === ids.cafe)!.defs[0]);
    expect(details?.crate).toBe('cargo geometry 0.1.0');
    const [fn] = g.shapes.find('pub fn café');
    expect(details && pick([details.location])).toEqual([located(g.shapes, g.shapes.find('café', 0, fn), ids.cafe)]);
    expect(await defById(store, 'cargo geometry 0.1.0 nope#')).toBeUndefined();
  });

  it('stats and listCrates count what was loaded', async () => {
    const all = [...g.dump.items, ...a.dump.items];
    expect(await stats(store)).toEqual({
      crates: 2,
      files: 3,
      items: all.length,
      defs: all.reduce((n, i) => n + i.defs.length, 0),
      refs: all.reduce((n, i) => n + i.refs.length, 0),
    });
    const crates = await listCrates(store);
    expect(crates.map((c) => [c.id, c.files, c.items])).toEqual([
      ['cargo app 0.1.0', 1, a.dump.items.length],
      ['cargo geometry 0.1.0', 2, g.dump.items.length],
    ]);
  });
});

describe('search', () => {
  beforeEach(async () => {
    const src = new Source('names/src/lib.rs', 'pub fn total_area() {}\npub fn area_sum() {}\npub fn Area() {}\npub fn zone() {}\n');
    const fn = (name: string) => {
      const id = `cargo names 0.1.0 ${name}().`;
      return makeItem(id, 'fn', src, src.between(`pub fn ${name}`, '{}'), [
        { id, kind: 'fn', name, qualname: `names::${name}`, at: src.find(name) },
      ]);
    };
    await loadDump(store, makeDump('names', [src], ['total_area', 'area_sum', 'Area', 'zone'].map(fn)));
  });

  it('ranks exact names first, then prefixes, then substrings', async () => {
    const hits = await search(store, 'area');
    expect(hits.map((h) => h.qualname)).toEqual([
      'geometry::shapes::Circle::area', 'names::Area', 'names::area_sum', 'names::total_area',
    ]);
    expect(hits[2]).toMatchObject({ file: 'names/src/lib.rs', line: 2, col: 8, endLine: 2, endCol: 16, kind: 'fn' });
  });

  it('honours the limit and skips locals', async () => {
    expect((await search(store, 'area', { limit: 3 })).map((h) => h.name)).toEqual(['area', 'Area', 'area_sum']);
    expect(await search(store, 'label')).toEqual([]);
    expect((await search(store, 'ZON')).map((h) => h.id)).toEqual(['cargo names 0.1.0 zone().']);
  });
});

describe('a file compiled into two crates', () => {
  const common = new Source('tests/common/mod.rs', 'pub fn helper() {}\npub fn run() { helper() }\n');
  const testCrate = (name: string) => {
    const helper = `cargo ${name} 0.1.0 common/helper().`;
    const run = `cargo ${name} 0.1.0 common/run().`;
    return makeDump(name, [common], [
      makeItem(helper, 'fn', common, common.between('pub fn helper', '}'), [
        { id: helper, kind: 'fn', name: 'helper', qualname: `${name}::common::helper`, at: common.find('helper') },
      ]),
      makeItem(run, 'fn', common, common.between('pub fn run', '}'), [
        { id: run, kind: 'fn', name: 'run', qualname: `${name}::common::run`, at: common.find('run') },
      ], [{ at: common.find('helper', 1), role: 'call', target: helper }]),
    ]);
  };

  it('answers from every crate that compiles it', async () => {
    await loadDump(store, testCrate('t1'));
    await loadDump(store, testCrate('t2'));
    const result = await at(common, common.find('helper', 1));
    const def = common.find('helper');
    expect(pick(found(result)).sort((x, y) => x.id.localeCompare(y.id))).toEqual([
      located(common, def, 'cargo t1 0.1.0 common/helper().'),
      located(common, def, 'cargo t2 0.1.0 common/helper().'),
    ]);
    expect(await references(store, 'cargo t2 0.1.0 common/helper().')).toEqual([
      { file: common.path, ...common.position(common.find('helper', 1)), role: 'call', item: 'cargo t2 0.1.0 common/run().', candidate: false, target: 'cargo t2 0.1.0 common/helper().' },
    ]);
    expect(await stats(store)).toMatchObject({ crates: 4, files: 4 });
  });
});
