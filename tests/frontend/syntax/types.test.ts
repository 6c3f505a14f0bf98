// Golden tests for the type layer: each type is parsed as the type of a field `x: TYPE` and
// rendered back (render.ts), so the expected text shows how the AST nested it.
import { describe, expect, it } from 'vitest';
import { bounds, parse, ty } from './render.js';

function typeOf(src: string): string {
  const { ts, file } = parse(`struct S { x: ${src} }`);
  expect(file.errors).toEqual([]);
  const item = file.items[0];
  if (item.kind !== 'struct') throw new Error(`expected a struct, got ${item.kind}`);
  return ty(ts, item.fields.fields[0].type);
}

function kindOf(src: string): string {
  const { file } = parse(`struct S { x: ${src} }`);
  const item = file.items[0];
  if (item.kind !== 'struct') throw new Error(`expected a struct, got ${item.kind}`);
  return item.fields.fields[0].type.kind;
}

describe('types', () => {
  it.each([
    ['Vec<Vec<u8>>', 'Vec<Vec<u8>>'],
    ['::std::collections::HashMap<K, V>', '::std::collections::HashMap<K, V>'],
    ['Iterator<Item = T>', 'Iterator<Item = T>'],
    ['Box<dyn Fn(A, B) -> C + Send>', 'Box<dyn(Fn(A, B) -> C + Send)>'],
    ["&'a mut T", "&'a mut T"],
    ['&&T', '&&T'],
    ['*const u8', '*const u8'],
    ['*mut [u8]', '*mut [u8]'],
    ['[T; N * 2]', '[T; N * 2]'],
    ['()', '()'],
    ['(A,)', '(A,)'],
    ['(A, B)', '(A, B)'],
    ['(T)', 'T'],
    ['unsafe extern "C" fn(*const u8, ...) -> i32', 'fn(*const u8) -> i32'],
    ["for<'a> fn(&'a u8)", "fn(&'a u8)"],
    ["impl Iterator<Item = u8> + 'a", "impl(Iterator<Item = u8> + 'a)"],
    ["dyn Error + Send + Sync + 'static", "dyn(Error + Send + Sync + 'static)"],
    ["&dyn for<'a> Fn(&'a u8)", "&dyn(for<'a> Fn(&'a u8))"],
    ['!', '!'],
    ['_', '_'],
    ['<T as Trait>::Output', '<T as Trait>::Output'],
    ['<Vec<T>>::Item', '<Vec<T>>::Item'],
    ['Foo::<u8>::Bar', 'Foo<u8>::Bar'],
    ['ty!(u8)', 'ty!(..)'],
    ["Foo<'a, 3, { N + 1 }, -1>", "Foo<{'a}, {3}, {{ N + 1 }}, {- 1}>"],
    ['Self', 'Self'],
    ['crate::a::B', 'crate::a::B'],
    ['Box<Error + Send>', 'Box<dyn(Error + Send)>'],
  ])('%s', (src, expected) => {
    expect(typeOf(src)).toBe(expected);
  });

  it('tells the type kinds apart', () => {
    expect(['_', '!', '[u8]', '[u8; 4]', '(u8,)', 'fn()', 'impl A', 'dyn A', 'm!()', '&T', '*const T', 'T']
      .map(kindOf)).toEqual(['infer', 'never', 'slice', 'array', 'tuple', 'fn', 'impl', 'dyn', 'macro', 'ref', 'ptr', 'path']);
  });
});

describe('generics, bounds and where clauses', () => {
  it('parses lifetime, type and const params with bounds and defaults', () => {
    const { ts, file } = parse("struct S<'a, 'b: 'a, T: ?Sized + Clone = u8, const N: usize = 3>(&'a T);");
    const item = file.items[0];
    if (item.kind !== 'struct') throw new Error('not a struct');
    expect(item.generics.params.map((p) => [p.kind, p.name.text, bounds(ts, p.bounds), p.type ? ty(ts, p.type) : null])).toEqual([
      ['lifetime', "'a", '', null],
      ['lifetime', "'b", "'a", null],
      ['type', 'T', '?Sized + Clone', 'u8'],
      ['const', 'N', '', 'usize'],
    ]);
  });

  it('parses where predicates with higher-ranked lifetimes and lifetime predicates', () => {
    const { ts, file } = parse("fn f<'a, 'b, F>() where for<'x> F: Fn(&'x u8) -> bool, 'a: 'b, Vec<F>: Send, {}");
    const item = file.items[0];
    if (item.kind !== 'fn') throw new Error('not a fn');
    expect(item.generics.where.map((w) => [
      w.forLifetimes.map((l) => l.text), w.lifetime?.text ?? ty(ts, w.type!), bounds(ts, w.bounds),
    ])).toEqual([
      [["'x"], 'F', 'Fn(&\'x u8) -> bool'],
      [[], "'a", "'b"],
      [[], 'Vec<F>', 'Send'],
    ]);
  });

  it('parses ~const, [const], use<..> and parenthesized bounds', () => {
    const { ts, file } = parse("fn f<T: ~const Clone + [const] Destruct + (Send)>() -> impl Sized + use<'a, T> {}");
    const item = file.items[0];
    if (item.kind !== 'fn') throw new Error('not a fn');
    expect(bounds(ts, item.generics.params[0].bounds)).toBe('Clone + Destruct + Send');
    expect(ty(ts, item.ret!)).toBe('impl(Sized + use<..>)');
  });

  it('parses associated type bindings with bounds and generic associated types', () => {
    expect(typeOf("Box<dyn Iterator<Item: Clone, Assoc<'a> = &'a u8>>")).toBe("Box<dyn(Iterator<Item: Clone, Assoc = &'a u8>)>");
  });
});
