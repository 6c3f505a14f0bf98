// Dumps with traits, impls and re-exports, for the relation queries: the `zoo` library (a trait
// with a supertrait, two impls of it, an inherent impl, an impl of an unresolved trait, `pub use`
// re-exports) and the `user` crate calling into it.
import type { Span } from '../../schema/src/index.js';
import { makeDump, makeItem, Source } from './fixture.js';

const Z = 'cargo zoo 0.1.0 ';

export const zooIds = {
  shapes: `${Z}shapes/`,
  named: `${Z}shapes/Named#`,
  shape: `${Z}shapes/Shape#`,
  shapeArea: `${Z}shapes/Shape#area().`,
  circle: `${Z}shapes/Circle#`,
  square: `${Z}shapes/Square#`,
  circleImpl: `${Z}shapes/impl#[Circle]`,
  circleNew: `${Z}shapes/Circle#new().`,
  circleShape: `${Z}shapes/impl#[Circle][Shape]`,
  circleArea: `${Z}shapes/impl#[Circle][Shape]area().`,
  squareShape: `${Z}shapes/impl#[Square][Shape]`,
  squareArea: `${Z}shapes/impl#[Square][Shape]area().`,
  squareCopy: `${Z}shapes/impl#[Square][Copy]`,
  total: `${Z}shapes/total().`,
  useCircle: `${Z}use[shapes::Circle]`,
  useBlock: `${Z}use[shapes::SquareasBlock]`,
  userUse: 'cargo user 0.1.0 use[zoo::Circle]',
  userMain: 'cargo user 0.1.0 main().',
};
const id = zooIds;

/** From the first `first` at or after byte `after` to the end of the next `last` after it. */
function stretch(source: Source, first: string, last: string, after = 0): Span {
  const [start] = source.find(first, 0, after);
  return [start, source.find(last, 0, start)[1]];
}

/** The `zoo` library; items whose ids are in `drop` are left out. */
export function zoo(drop: string[] = []) {
  const lib = new Source('zoo/src/lib.rs', 'pub mod shapes;\npub use shapes::Circle;\npub use shapes::Square as Block;\n');
  const shapes = new Source(
    'zoo/src/shapes.rs',
    'pub trait Named {}\n\npub trait Shape: Named {\n    fn area(&self) -> f64;\n}\n\n' +
      'pub struct Circle;\npub struct Square;\n\n' +
      'impl Circle {\n    pub fn new() -> Circle { Circle }\n}\n\n' +
      'impl Shape for Circle {\n    fn area(&self) -> f64 { 3.0 }\n}\n\n' +
      'impl Shape for Square {\n    fn area(&self) -> f64 { 1.0 }\n}\n\n' +
      'impl Copy for Square {}\n\n' +
      'pub fn total(s: &dyn Shape, c: &Circle) -> f64 {\n    s.area() + c.area()\n}\n',
  );
  const [newAt] = shapes.find('pub fn new');
  const [circleShapeAt] = shapes.find('impl Shape for Circle');
  const [squareShapeAt] = shapes.find('impl Shape for Square');
  const [copyAt] = shapes.find('impl Copy');
  const [totalAt] = shapes.find('pub fn total');
  const items = [
    makeItem(id.shapes, 'mod', lib, stretch(lib, 'pub mod', ';'), [
      { id: id.shapes, kind: 'mod', name: 'shapes', qualname: 'zoo::shapes', at: lib.find('shapes') },
    ]),
    makeItem(id.useCircle, 'use', lib, stretch(lib, 'pub use shapes::Circle', ';'), [], [
      { at: lib.find('shapes', 1), role: 'path', target: id.shapes },
      { at: lib.find('Circle'), role: 'import', target: id.circle },
    ], { relations: [{ kind: 'reexports', from: id.useCircle, to: id.circle, qualname: 'zoo::Circle' }] }),
    makeItem(id.useBlock, 'use', lib, stretch(lib, 'pub use shapes::Square', ';'), [], [
      { at: lib.find('shapes', 2), role: 'path', target: id.shapes },
      { at: lib.find('Square'), role: 'import', target: id.square },
    ], { relations: [{ kind: 'reexports', from: id.useBlock, to: id.square, qualname: 'zoo::Block' }] }),
    makeItem(id.named, 'trait', shapes, stretch(shapes, 'pub trait Named', '{}'), [
      { id: id.named, kind: 'trait', name: 'Named', qualname: 'zoo::shapes::Named', at: shapes.find('Named') },
    ]),
    makeItem(id.shape, 'trait', shapes, stretch(shapes, 'pub trait Shape', '\n}'), [
      { id: id.shape, kind: 'trait', name: 'Shape', qualname: 'zoo::shapes::Shape', at: shapes.find('Shape') },
    ], [{ at: shapes.find('Named', 1), role: 'type', target: id.named }], {
      relations: [{ kind: 'supertrait', from: id.shape, to: id.named }],
    }),
    makeItem(id.shapeArea, 'fn', shapes, stretch(shapes, 'fn area', ';'), [
      { id: id.shapeArea, kind: 'method', name: 'area', qualname: 'zoo::shapes::Shape::area', at: shapes.find('area') },
    ]),
    makeItem(id.circle, 'struct', shapes, stretch(shapes, 'pub struct Circle', ';'), [
      { id: id.circle, kind: 'struct', name: 'Circle', qualname: 'zoo::shapes::Circle', at: shapes.find('Circle') },
    ]),
    makeItem(id.square, 'struct', shapes, stretch(shapes, 'pub struct Square', ';'), [
      { id: id.square, kind: 'struct', name: 'Square', qualname: 'zoo::shapes::Square', at: shapes.find('Square') },
    ]),
    makeItem(id.circleImpl, 'impl', shapes, stretch(shapes, 'impl Circle', '\n}'), [], [
      { at: shapes.find('Circle', 1), role: 'type', target: id.circle },
    ], { impls: [{ id: id.circleImpl, selfType: 'Circle', selfTarget: id.circle, items: [id.circleNew] }] }),
    makeItem(id.circleNew, 'fn', shapes, stretch(shapes, 'pub fn new', '}'), [
      { id: id.circleNew, kind: 'fn', name: 'new', qualname: 'zoo::shapes::Circle::new', at: shapes.find('new', 0, newAt) },
    ], [
      { at: shapes.find('Circle', 0, newAt), role: 'type', target: id.circle },
      { at: shapes.find('Circle', 1, newAt), role: 'path', target: id.circle },
    ]),
    ...traitImpl(shapes, circleShapeAt, 'Circle', id.circle, id.circleShape, id.circleArea),
    ...traitImpl(shapes, squareShapeAt, 'Square', id.square, id.squareShape, id.squareArea),
    makeItem(id.squareCopy, 'impl', shapes, stretch(shapes, 'impl Copy', '{}'), [], [
      { at: shapes.find('Copy'), role: 'impl', unresolved: 'Copy' },
      { at: shapes.find('Square', 0, copyAt), role: 'type', target: id.square },
    ], { impls: [{ id: id.squareCopy, trait: 'Copy', selfType: 'Square', selfTarget: id.square, items: [] }] }),
    makeItem(id.total, 'fn', shapes, stretch(shapes, 'pub fn total', '\n}'), [
      { id: id.total, kind: 'fn', name: 'total', qualname: 'zoo::shapes::total', at: shapes.find('total') },
    ], [
      { at: shapes.find('Shape', 0, totalAt), role: 'type', target: id.shape },
      { at: shapes.find('Circle', 0, totalAt), role: 'type', target: id.circle },
      { at: shapes.find('area', 0, totalAt), role: 'method', target: id.shapeArea },
      { at: shapes.find('area', 1, totalAt), role: 'method', target: id.circleArea },
    ]),
  ].filter((item) => !drop.includes(item.item));
  return { dump: makeDump('zoo', [lib, shapes], items), lib, shapes };
}

/** `impl Shape for <Type> { fn area… }`: the impl item and its method's item. */
function traitImpl(shapes: Source, at: number, type: string, typeId: string, implId: string, areaId: string) {
  const [areaAt] = shapes.find('fn area', 0, at);
  return [
    makeItem(implId, 'impl', shapes, stretch(shapes, `impl Shape for ${type}`, '\n}'), [], [
      { at: shapes.find('Shape', 0, at), role: 'impl', target: id.shape },
      { at: shapes.find(type, 0, at), role: 'type', target: typeId },
    ], {
      impls: [{ id: implId, trait: id.shape, selfType: type, selfTarget: typeId, items: [areaId] }],
      relations: [{ kind: 'implements', from: typeId, to: id.shape }],
    }),
    makeItem(areaId, 'fn', shapes, stretch(shapes, 'fn area', '}', at), [
      { id: areaId, kind: 'method', name: 'area', qualname: `<zoo::shapes::${type} as zoo::shapes::Shape>::area`, at: shapes.find('area', 0, areaAt) },
    ], [], { relations: [{ kind: 'overrides', from: areaId, to: id.shapeArea }] }),
  ];
}

/** The `user` crate: a call resolved to Circle's impl, and one that may be either impl's. */
export function user() {
  const main = new Source(
    'user/src/main.rs',
    'use zoo::Circle;\n\nfn main() {\n    let c = Circle::new();\n    c.area();\n    zoo::pick().area();\n}\n',
  );
  const items = [
    makeItem(id.userUse, 'use', main, stretch(main, 'use', ';'), [], [
      { at: main.find('Circle'), role: 'import', target: id.circle },
    ]),
    makeItem(id.userMain, 'fn', main, stretch(main, 'fn main', '\n}'), [
      { id: id.userMain, kind: 'fn', name: 'main', qualname: 'user::main', at: main.find('main') },
    ], [
      { at: main.find('Circle', 1), role: 'path', target: id.circle },
      { at: main.find('new'), role: 'call', target: id.circleNew },
      { at: main.find('area'), role: 'method', target: id.circleArea },
      { at: main.find('pick'), role: 'call', unresolved: 'zoo::pick' },
      { at: main.find('area', 1), role: 'method', candidates: [id.circleArea, id.squareArea] },
    ]),
  ];
  return { dump: makeDump('user', [main], items), main };
}
