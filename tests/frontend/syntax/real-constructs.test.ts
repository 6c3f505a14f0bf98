// Constructs found in real public Rust sources (rustfmt, clippy and rust-analyzer test data, cargo
// scripts) that the item parser once rejected. Each source here parses with
// `rustc +nightly -Z parse-crate-root-only`; the ones marked unstable need a nightly feature.
import { describe, expect, it } from 'vitest';
import { lex, type Edition } from '../../../frontend/src/syntax/lexer.js';
import { parseFile } from '../../../frontend/src/syntax/parse.js';
import type { Item } from '../../../frontend/src/syntax/ast.js';
import { renderFile } from './render.js';

const r = (src: string) => renderFile(src);

function itemsIn(edition: Edition, src: string): { items: Item[]; errors: string[] } {
  const file = parseFile(lex(new TextEncoder().encode(src), edition));
  return { items: file.items, errors: file.errors.map((e) => e.message) };
}

describe('file preamble', () => {
  it('skips a cargo-script frontmatter after a shebang', () => {
    expect(r('#!/usr/bin/env cargo\n\n---\n[dependencies]\nclap = "4"\n---\n\nfn main() {}\n')).toBe('fn main() {..}');
  });

  it('treats U+2029 as whitespace', () => {
    expect(r('fn a() {}\n\u2029\nfn b() {}')).toBe('fn a() {..}\nfn b() {..}');
  });
});

describe('edition 2015', () => {
  it('accepts parameters without names in bodiless declarations', () => {
    expect(r('trait A {\n    fn f1(#[allow()] u32);\n    fn write(&mut self, &Message) -> io::Result<()>;\n    fn g(u8, Vec<u8>,);\n}')).toBe([
      'trait A',
      '  fn f1(: u32);',
      '  fn write(&mut self, : &Message) -> io::Result<()>;',
      '  fn g(: u8, : Vec<u8>);',
    ].join('\n'));
  });

  it('still rejects a parameter without a name when the fn has a body', () => {
    expect(r('impl S { fn f(u32) {} }')).toBe("impl S\n  <error f>\n!error 1:18 expected one of ':', '{', '[', '(' but found ')'");
  });

  it('parses trait objects without dyn led by a lifetime or by for<>', () => {
    expect(r("type A = 'static + Trait;\ntype B = S<'static + Trait>;\ntype C = for<'a> Test<'a> + Send;")).toBe([
      "type A = dyn('static + Trait)",
      "type B = S<dyn('static + Trait)>",
      "type C = dyn(for<'a> Test<{'a}> + Send)",
    ].join('\n'));
  });

  it('lexes dyn as a path where no trait object starts, and try as a macro name', () => {
    const { items, errors } = itemsIn('2015', [
      'type Path = dyn::Path;', 'type Generic = dyn<Path>;', "type DynLt = dyn 'a + Path;", 'macro_rules! try { () => {} }',
    ].join('\n'));
    expect(errors).toEqual([]);
    expect(items.map((i) => (i.kind === 'type' ? `${i.name.text}=${i.value?.kind}` : i.kind))).toEqual([
      'Path=path', 'Generic=path', 'DynLt=dyn', 'macro_rules',
    ]);
  });
});

describe('types and bounds', () => {
  it('parses a const parameter defaulting to a constant (embassy-boot-nrf)', () => {
    expect(r('pub struct BootLoader<const BUFFER_SIZE: usize = PAGE_SIZE>;')).toBe('pub struct BootLoader<const BUFFER_SIZE: usize>');
  });

  it('ends an item at `use<..>` only when it is a use item', () => {
    expect(r("fn hello() -> impl\nuse<'a> + Sized {}\nuse a::b;")).toBe('fn hello() -> impl(use<..> + Sized) {..}\nuse a::b');
  });

  it('parses associated item constraints with generic or parenthesized arguments', () => {
    expect(r([
      "type T = StreamingIterator<Item<'a>: Clone>;",
      'type U = Foo<Item::<T>: Bound, Item(T) = Item, method(..): Send>;',
    ].join('\n'))).toBe([
      'type T = StreamingIterator<Item: Clone>',
      'type U = Foo<Item: Bound, Item = Item, method: Send>',
    ].join('\n'));
  });

  it('parses parenthesized arguments after `::` and path segments after them', () => {
    expect(r('type F = Box<Fn::(i32) -> ()>;\ntype G = S<Start(Middle)::End>;\nfn f<T>() where T::method(..): Send, method::(..): Send {}')).toBe([
      'type F = Box<Fn(i32) -> ()>',
      'type G = S<Start(Middle)::End>',
      'fn f<T>() where T::method(): Send, method(): Send {..}',
    ].join('\n'));
  });
});

describe('unstable item syntax', () => {
  it('parses const trait aliases', () => {
    expect(r('const trait Foomp = Hash;')).toBe('trait Foomp: Hash');
  });

  it('parses generic consts with where clauses, and `type const`', () => {
    expect(r([
      'const C<i32>: u32 = 0\nwhere i32: Copy;',
      'trait Foo {\n    const C: i32 where i32: Copy;\n    type const N: usize;\n}',
      'impl Trait for () { type const N: usize = 3; }',
    ].join('\n'))).toBe([
      'const C: u32 = 0',
      'trait Foo',
      '  const C: i32',
      '  const N: usize',
      'impl Trait for ()',
      '  const N: usize = 3',
    ].join('\n'));
  });

  it('parses const blocks at item level as `const _`', () => {
    expect(r('const {\n  assert!(true)\n}\n#[cfg(false)] const { assert!(false) }\npub const { let a = 1; }')).toBe([
      'const _: ? = { assert ! ( true ) }',
      '#[cfg ( false )]',
      'const _: ? = { assert ! ( false ) }',
      'pub const _: ? = { let a = 1 ; }',
    ].join('\n'));
  });

  it('parses impl restrictions on traits, across lines', () => {
    expect(r('pub\nimpl(crate)\ntrait Foo {}\npub impl\n( in\ncrate )\nconst unsafe\ntrait Bar {}\nimpl(super) auto trait Baz {}\nimpl (i32) {}')).toBe([
      'pub trait Foo', 'pub unsafe trait Bar', 'auto trait Baz', 'impl i32',
    ].join('\n'));
  });

  it('parses attributes on where predicates', () => {
    expect(r('trait A<T>\nwhere\n    #[cfg = a]\n    T: TraitA,\n    #[cfg = b] /* c */ T: TraitB,\n{\n}')).toBe('trait A<T> where T: TraitA, T: TraitB');
  });

  it('parses final methods, and gen fns in 2024', () => {
    expect(r('trait Foo {\n    final fn final_() {}\n}')).toBe('trait Foo\n  fn final_() [final] {..}');
    const { items, errors } = itemsIn('2024', 'gen fn g() {}\nasync gen fn h() {}');
    expect(errors).toEqual([]);
    expect(items.map((i) => (i.kind === 'fn' ? i.qualifiers.join(' ') : i.kind))).toEqual(['gen', 'async gen']);
  });

  it('parses pinned references in types and self parameters', () => {
    expect(r("fn f<'a>(x: &pin const i32, y: &'a pin\nmut i32) {}\nimpl Foo { fn g(&pin mut self) {} fn h(&'a pin const self) {} }")).toBe([
      "fn f<'a>(x: &i32, y: &'a mut i32) {..}",
      'impl Foo',
      '  fn g(&mut self) {..}',
      '  fn h(&self) {..}',
    ].join('\n'));
  });

  it('parses unsafe binder types as the type under the binder', () => {
    expect(r("struct Bar(unsafe<'a> &'a ());\nfn empty()\n-> unsafe<> () {}")).toBe("struct Bar(&'a ())\nfn empty() -> () {..}");
  });

  it('keeps `builtin #` types as tokens', () => {
    expect(r('type FRT = builtin # field_of(Type<A, B>, ident);')).toBe('type FRT = ?{builtin # field_of ( Type < A , B > , ident )}');
  });
});
