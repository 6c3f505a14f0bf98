import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  definitionsAt, implementations, loadDump, overridersOf, references, resolveTarget,
  type DefinitionResult, type Store,
} from '../../indexer/src/index.js';
import type { Span } from '../../schema/src/index.js';
import { freshSnapshot, snapshot, tempStore, type Source } from './fixture.js';
import { user, zoo, zooIds as id } from './trait-fixture.js';

let store: Store;
let cleanup: () => Promise<void>;
const z = zoo();
const u = user();
const ZOO = 'cargo zoo 0.1.0';

beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
  await loadDump(store, z.dump);
  await loadDump(store, u.dump);
});
afterEach(() => cleanup());

function at(source: Source, span: Span): Promise<DefinitionResult> {
  const { line, col } = source.position(span);
  return definitionsAt(store, source.path, line, col);
}

/** Where the def `defId` of the fixture names itself. */
function nameOf(defId: string) {
  const item = z.dump.items.find((i) => i.defs.some((d) => d.id === defId))!;
  const def = item.defs.find((d) => d.id === defId)!;
  return { file: item.file, ...z.shapes.position([item.span[0] + def.nameSpan[0], item.span[0] + def.nameSpan[1]]), id: defId };
}

function refAt(source: Source, span: Span, item: string, role: string, target: string, extra: { candidate?: boolean; via?: string } = {}) {
  return { file: source.path, ...source.position(span), role, item, candidate: extra.candidate ?? false, target, ...(extra.via ? { via: extra.via } : {}) };
}

const [totalAt] = z.shapes.find('pub fn total');

describe('overriders index', () => {
  it('finds the methods overriding a trait method, and keys no other relation', async () => {
    expect(await overridersOf(store, id.shapeArea)).toEqual([id.circleArea, id.squareArea]);
    expect(await overridersOf(store, id.circleArea)).toEqual([]);
    expect(await overridersOf(store, id.shape)).toEqual([]);
    // implements, supertrait and reexports relations are in the records, the impl keys and the
    // qual keys, which is where queries look for them.
    // One key per trait method overridden, its members the overriders and their items.
    const keyed = await store.db.iterator({ gte: 'relto\0', lt: 'relto\u{10ffff}' }).all();
    expect(keyed).toEqual([[`relto\0overrides\0${id.shapeArea}`, JSON.stringify([[id.circleArea, ''], [id.squareArea, '']])]]);
    expect(await store.db.keys({ gte: 'relfrom\0', lt: 'relfrom\u{10ffff}' }).all()).toEqual([]);
  });

  it('reads the overriders and the impls with point reads, none by range', async () => {
    const rangeReads: string[] = [];
    const keysOf = store.keys.bind(store);
    store.keys = (range) => {
      rangeReads.push(range.gte);
      return keysOf(range);
    };
    for (const fn of [id.total, id.circleArea, id.circleNew]) expect(await overridersOf(store, fn)).toEqual([]);
    expect(await overridersOf(store, id.shapeArea)).toEqual([id.circleArea, id.squareArea]);
    expect((await implementations(store, id.shape)).impls.map((i) => i.id)).toEqual([id.circleShape, id.squareShape]);
    expect(rangeReads).toEqual([]);
  });

  it('removing items deletes exactly their relation, impl and re-export keys', async () => {
    const drop = [id.squareShape, id.squareArea, id.useBlock];
    const result = await loadDump(store, zoo(drop).dump);
    expect(result).toMatchObject({ itemsRemoved: 3, itemsAdded: 0, itemsChanged: 0 });
    expect(await snapshot(store)).toEqual(await freshSnapshot(zoo(drop).dump, u.dump));
    expect(await overridersOf(store, id.shapeArea)).toEqual([id.circleArea]);
    expect((await implementations(store, id.shape)).impls.map((i) => i.id)).toEqual([id.circleShape]);
    expect(await resolveTarget(store, 'zoo::Block')).toEqual([]);

    await loadDump(store, z.dump);
    expect(await snapshot(store)).toEqual(await freshSnapshot(z.dump, u.dump));
  });
});

describe('trait-aware definitionsAt', () => {
  it('gives the impl method, then the trait method it overrides', async () => {
    const result = await at(u.main, u.main.find('area'));
    expect(result).toMatchObject({ status: 'found', notIndexed: [], ambiguous: false });
    if (result.status !== 'found') return;
    expect(result.locations.map(({ file, line, col, endLine, endCol, id }) => ({ file, line, col, endLine, endCol, id })))
      .toEqual([nameOf(id.circleArea), nameOf(id.shapeArea)]);
    expect(result.locations[1]).toMatchObject({ kind: 'method', qualname: 'zoo::shapes::Shape::area' });
  });

  it('gives the trait method alone for a call resolved to it, and a def name alone', async () => {
    const call = await at(z.shapes, z.shapes.find('area', 0, totalAt));
    expect(call.status === 'found' && call.locations.map((l) => l.id)).toEqual([id.shapeArea]);
    const [implAt] = z.shapes.find('impl Shape for Circle');
    const name = await at(z.shapes, z.shapes.find('area', 0, implAt));
    expect(name.status === 'found' && name.locations.map((l) => l.id)).toEqual([id.circleArea]);
  });

  it('adds the trait method once for an ambiguous call between two impls', async () => {
    const result = await at(u.main, u.main.find('area', 1));
    expect(result).toMatchObject({ status: 'found', ambiguous: true });
    expect(result.status === 'found' && result.locations.map((l) => l.id)).toEqual([id.circleArea, id.shapeArea, id.squareArea]);
  });

  it('still gives the impl method when the trait method is not indexed', async () => {
    await loadDump(store, zoo([id.shapeArea]).dump);
    const result = await at(u.main, u.main.find('area'));
    expect(result.status === 'found' && result.locations.map((l) => l.id)).toEqual([id.circleArea]);
  });
});

describe('trait-aware references', () => {
  const direct = () => refAt(z.shapes, z.shapes.find('area', 0, totalAt), id.total, 'method', id.shapeArea);
  const viaCircle = (target = id.shapeArea) => [
    refAt(u.main, u.main.find('area'), id.userMain, 'method', target, { via: id.circleArea }),
    refAt(u.main, u.main.find('area', 1), id.userMain, 'method', target, { candidate: true, via: id.circleArea }),
    refAt(z.shapes, z.shapes.find('area', 1, totalAt), id.total, 'method', target, { via: id.circleArea }),
  ];

  it('adds refs to the overriding methods, marked with via, listing a place once', async () => {
    const refs = await references(store, id.shapeArea);
    const [user1, user2, total] = viaCircle();
    expect(refs).toEqual([user1, user2, direct(), total]);
  });

  it('exact keeps to the symbol itself, and an impl method is not widened', async () => {
    expect(await references(store, id.shapeArea, { exact: true })).toEqual([direct()]);
    const implRefs = await references(store, id.circleArea);
    expect(implRefs).toEqual(viaCircle(id.circleArea).map(({ via: _, ...r }) => r));
    expect(implRefs.some((r) => 'via' in r)).toBe(false);
  });

  it('applies kinds to the widened refs and adds only the trait declaration', async () => {
    expect(await references(store, id.shapeArea, { kinds: ['call'] })).toEqual([]);
    const withDecl = await references(store, id.shapeArea, { includeDecl: true });
    const decl = nameOf(id.shapeArea);
    expect(withDecl.filter((r) => r.role === 'decl')).toEqual([
      { file: decl.file, line: decl.line, col: decl.col, endLine: decl.endLine, endCol: decl.endCol, role: 'decl', item: id.shapeArea, candidate: false, target: id.shapeArea },
    ]);
    expect(withDecl).toHaveLength(5);
  });
});

describe('resolveTarget through re-exports', () => {
  it('finds a def by the path a pub use gives it, exactly and by its tail', async () => {
    expect(await resolveTarget(store, 'zoo::Circle')).toEqual([id.circle]);
    expect(await resolveTarget(store, 'zoo::Block')).toEqual([id.square]);
    expect(await resolveTarget(store, '::zoo::Block')).toEqual([id.square]);
    expect(await resolveTarget(store, 'Block')).toEqual([id.square]);
    // Its own qualname still works, and a tail shared by both paths gives the def once.
    expect(await resolveTarget(store, 'zoo::shapes::Square')).toEqual([id.square]);
    expect(await resolveTarget(store, 'Circle')).toEqual([id.circle]);
  });

  it('falls back to "ends with" when nothing matches exactly', async () => {
    expect(await resolveTarget(store, 'shapes::Circle')).toEqual([id.circle]);
    expect(await resolveTarget(store, 'Shape::area')).toEqual([id.shapeArea]);
    // An impl method's qualname `<Circle as Shape>::area` ends with `::area` too.
    expect(await resolveTarget(store, 'area')).toEqual([id.shapeArea, id.circleArea, id.squareArea]);
    expect(await resolveTarget(store, 'oo::Block')).toEqual([]);
  });

  it('matches whole segments, a type in angle brackets being one', async () => {
    expect(await resolveTarget(store, '<zoo::shapes::Circle as zoo::shapes::Shape>::area')).toEqual([id.circleArea]);
    expect(await resolveTarget(store, 'zoo::shapes::Shape>::area')).toEqual([]);
    expect(await resolveTarget(store, 'ircle')).toEqual([]);
    // The name index is lower-case; a path is not.
    expect(await resolveTarget(store, 'circle')).toEqual([]);
  });
});

describe('implementations', () => {
  const implAt = (needle: string, implId: string) => {
    const item = z.dump.items.find((i) => i.item === implId)!;
    expect(z.shapes.text.slice(item.span[0], item.span[0] + needle.length)).toBe(needle);
    return { file: z.shapes.path, ...z.shapes.position(item.span), crate: ZOO, id: implId, selfType: item.impls[0].selfType };
  };

  it('lists the impl blocks of a trait', async () => {
    const found = await implementations(store, id.shape);
    expect(found.methods).toEqual([]);
    expect(found.impls).toEqual([
      { ...implAt('impl Shape for Circle', id.circleShape), link: 'trait', trait: id.shape, selfTarget: id.circle, items: [id.circleArea] },
      { ...implAt('impl Shape for Square', id.squareShape), link: 'trait', trait: id.shape, selfTarget: id.square, items: [id.squareArea] },
    ]);
  });

  it('lists the impl blocks for a type, inherent and trait impls, resolved or not', async () => {
    const circle = await implementations(store, id.circle);
    expect(circle.impls.map((i) => [i.id, i.link, i.trait])).toEqual([
      [id.circleImpl, 'self', undefined],
      [id.circleShape, 'self', id.shape],
    ]);
    const square = await implementations(store, id.square);
    expect(square.impls.map((i) => [i.id, i.trait])).toEqual([[id.squareShape, id.shape], [id.squareCopy, 'Copy']]);
    expect(square.impls[1]).toMatchObject({ ...implAt('impl Copy', id.squareCopy), items: [] });
  });

  it('lists the methods overriding a trait method, and nothing for other defs', async () => {
    const found = await implementations(store, id.shapeArea);
    expect(found.impls).toEqual([]);
    expect(found.methods.map(({ file, line, col, endLine, endCol, id }) => ({ file, line, col, endLine, endCol, id })))
      .toEqual([nameOf(id.circleArea), nameOf(id.squareArea)]);
    expect(await implementations(store, id.circleArea)).toEqual({ impls: [], methods: [] });
    expect(await implementations(store, 'Copy')).toEqual({ impls: [], methods: [] });
  });
});
