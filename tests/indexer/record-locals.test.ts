// An item's own locals are stored in its record alone (records.ts, isRecordLocal): no def key,
// no ref key; every query finds them as it finds any def.
import { describe, expect, it } from 'vitest';
import { defById, definitionsAt, loadDump, references, resolveTarget } from '../../indexer/src/index.js';
import { keys } from '../../indexer/src/keys.js';
import { parseItem } from '../../indexer/src/records.js';
import type { Span } from '../../schema/src/index.js';
import { app, freshSnapshot, geometry, ids, makeDump, makeItem, snapshot, Source, genericImpl, storeEachTest } from './fixture.js';

const g = geometry();
const a = app();
const current = storeEachTest(g.dump, a.dump);

function place(source: Source, span: Span) {
  return { file: source.path, ...source.position(span) };
}

/** The uses of `c` in main: `c.area()` and `&c`. */
function usesOfC() {
  const [at] = a.main.find('c.area');
  return [
    { ...place(a.main, [at, at + 1]), role: 'read', candidate: false, target: ids.c, item: ids.main },
    { ...place(a.main, [a.main.find('&c')[0] + 1, a.main.find('&c')[1]]), role: 'read', candidate: false, target: ids.c, item: ids.main },
  ];
}

describe('the locals of an item', () => {
  it('have neither def keys nor ref keys: their item record holds them', async () => {
    const keysOf = [...(await snapshot(current.store)).keys()];
    for (const local of [ids.label, ids.c]) {
      expect(keysOf.filter((k) => k.includes(local))).toEqual([]);
    }
    expect(keysOf).toContain(keys.def(ids.main));
    const record = parseItem((await current.store.getManyText([keys.item('cargo app 0.1.0', ids.main)]))[0]!);
    const mark = record.defs.find((m) => m[0] === '+$c@62');
    expect(mark).toHaveLength(4);
    // The name its id gives is left out (the fixture's span and visibility are not the defaults).
    expect(mark![3]).toEqual({ kind: 'local', qualname: 'app::main::c', span: expect.any(Array), visibility: 'pub' });
  });

  it('are found by goto-definition from a use, by id, and by their own name', async () => {
    const use = a.main.position(a.main.find('&c'));
    const result = await definitionsAt(current.store, a.main.path, use.line, use.col + 1);
    const decl = place(a.main, [a.main.find('c =')[0], a.main.find('c =')[0] + 1]);
    expect(result.status === 'found' && result.locations.map(({ file, line, col, id, kind }) => ({ file, line, col, id, kind }))).toEqual([
      { file: decl.file, line: decl.line, col: decl.col, id: ids.c, kind: 'local' },
    ]);
    const onName = await definitionsAt(current.store, a.main.path, decl.line, decl.col);
    expect(onName.status === 'found' && onName.locations.map((l) => l.id)).toEqual([ids.c]);
    expect((await defById(current.store, ids.c))?.def).toMatchObject({ id: ids.c, kind: 'local', name: 'c' });
    expect(await resolveTarget(current.store, ids.c)).toEqual([ids.c]);
  });

  it('have their references read from the record, with the declaration and the kinds asked for', async () => {
    expect(await references(current.store, ids.c)).toEqual(usesOfC());
    const withDecl = await references(current.store, ids.c, { includeDecl: true });
    expect(withDecl).toHaveLength(3);
    expect(withDecl[0]).toMatchObject({ role: 'decl', item: ids.main, target: ids.c });
    expect(await references(current.store, ids.c, { kinds: ['write'] })).toEqual([]);
    expect(await references(current.store, ids.c, { crates: ['cargo geometry 0.1.0'] })).toEqual([]);
  });

  it('change with their item alone, and converge with a clean build', async () => {
    // One use of `c` fewer: main's record changes, no other key for the local appears.
    const edited = { ...a.dump, items: a.dump.items.map((item) => (item.item !== ids.main ? item : { ...item, fingerprint: 'edited', refs: item.refs.slice(0, -1) })) };
    const result = await loadDump(current.store, edited);
    expect(result).toMatchObject({ itemsChanged: 1, itemsAdded: 0, itemsRemoved: 0 });
    expect(await references(current.store, ids.c)).toEqual(usesOfC().slice(0, 1));
    const fresh = await freshSnapshot(g.dump, edited);
    expect(await snapshot(current.store)).toEqual(fresh);
  });
});

describe('a local that a macro declares for the item it expands to', () => {
  it('keeps its def key and ref key, and is found the same ways', async () => {
    const lib = new Source('gen/src/lib.rs', 'make!(go);\n');
    const macroItem = 'cargo gen 0.1.0 make!';
    const local = 'cargo gen 0.1.0 go().$x@3';
    const dump = makeDump('gen', [lib], [
      makeItem(macroItem, 'macro_call', lib, lib.between('make!', ';'), [
        { id: local, kind: 'local', name: 'x', qualname: 'x', at: lib.find('go') },
      ], [{ at: [lib.find('go')[0] + 1, lib.find('go')[1]], role: 'read', target: local }]),
    ]);
    await loadDump(current.store, dump);
    const keysOf = [...(await snapshot(current.store)).keys()];
    expect(keysOf).toContain(keys.def(local));
    expect(keysOf.filter((k) => k.startsWith(`ref\0${local}\0`))).toHaveLength(1);
    expect(await references(current.store, local)).toMatchObject([{ file: lib.path, item: macroItem, target: local }]);
    expect((await defById(current.store, local))?.def).toMatchObject({ id: local, kind: 'local' });
  });
});

describe('the generic params of an item', () => {
  it('are in its record, and their references come from it and from the other items that name them', async () => {
    const { source, impl, param, method, methodSpan, dump } = genericImpl({ implRef: true });
    await loadDump(current.store, dump);
    const keysOf = [...(await snapshot(current.store)).keys()];
    expect(keysOf).not.toContain(keys.def(param));
    // The method's ref is in a target key; the impl's own is in its record only.
    expect(keysOf.filter((k) => k.startsWith(`ref\0${param}\0`))).toEqual([`ref\0${param}\0cargo gen 0.1.0`]);
    const refs = await references(current.store, param, { includeDecl: true });
    const placeOf = (span: Span) => ({ line: source.position(span).line, col: source.position(span).col });
    expect(refs.map((r) => [r.role, r.item, { line: r.line, col: r.col }])).toEqual([
      ['decl', impl, placeOf(source.find('T'))],
      ['type', impl, placeOf(source.find('T', 1))],
      ['type', method, placeOf(source.find('T', 0, methodSpan[0]))],
    ]);
    expect((await defById(current.store, param))?.def).toMatchObject({ id: param, kind: 'generic_param', name: 'T' });
  });
});
