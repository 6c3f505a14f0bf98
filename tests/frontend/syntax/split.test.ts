// The splitter on its own: where items start and end, inner attributes, delimiter pairing.
import { describe, expect, it } from 'vitest';
import { lex, type TokenStream } from '../../../frontend/src/syntax/lexer.js';
import { matchDelimiters, splitItems } from '../../../frontend/src/syntax/split.js';
import { condenseItem } from '../../../frontend/src/syntax/condense.js';
import { toks } from './render.js';

function lexed(src: string): TokenStream {
  return lex(new TextEncoder().encode(src));
}

function split(src: string): { inner: string[]; items: string[] } {
  const ts = lexed(src);
  const { partner } = matchDelimiters(ts, 0, ts.count);
  const { inner, items } = splitItems(ts, partner, 0, ts.count);
  return { inner: inner.map((r) => toks(ts, r)), items: items.map((i) => toks(ts, [i.first, i.end])) };
}

describe('splitItems', () => {
  it('ends items at a depth-0 `;` or at the `}` of their first brace group', () => {
    expect(split('use a;\nfn f() { g(); }\nstruct S { x: u8 }\nstruct T(u8);').items).toEqual([
      'use a ;', 'fn f ( ) { g ( ) ; }', 'struct S { x : u8 }', 'struct T ( u8 ) ;',
    ]);
  });

  it('runs past braces after a depth-0 `=` and in use groups, up to the `;`', () => {
    expect(split('const _: () = { 1 };\nstatic S: T = T { x: 1 };\nuse a::{b, c};\nuse {d, e};\nfn f() {}').items).toEqual([
      'const _ : ( ) = { 1 } ;', 'static S : T = T { x : 1 } ;', 'use a :: { b , c } ;', 'use { d , e } ;', 'fn f ( ) { }',
    ]);
  });

  it('does not end an item at braces inside generic arguments or at `=` inside them', () => {
    expect(split('impl Foo<{ N }> for X {}\nfn f<const N: usize = 3>() -> A<B = C> {}\nstruct Z;').items).toEqual([
      'impl Foo < { N } > for X { }', 'fn f < const N : usize = 3 > ( ) -> A < B = C > { }', 'struct Z ;',
    ]);
  });

  it('keeps outer attributes and docs with their item, and skips stray semicolons', () => {
    expect(split('/// d\n#[a] #[b(c)]\nfn f() {};\n;\nm! { x }\nn!(y);').items).toEqual([
      '/// d # [ a ] # [ b ( c ) ] fn f ( ) { }', 'm ! { x }', 'n ! ( y ) ;',
    ]);
  });

  it('collects inner attributes and inner docs apart from the items', () => {
    expect(split('//! Crate.\n#![no_std]\n#![allow(x)]\nfn f() {}')).toEqual({
      inner: ['//! Crate.', '# ! [ no_std ]', '# ! [ allow ( x ) ]'],
      items: ['fn f ( ) { }'],
    });
  });

  it('ends an item missing its `;` at the next line starting an item, but not after a qualifier', () => {
    expect(split('type A = u8\nfn f() {}\npub\nfn g() {}').items).toEqual(['type A = u8', 'fn f ( ) { }', 'pub fn g ( ) { }']);
  });
});

describe('matchDelimiters', () => {
  it('pairs nested delimiters and reports unclosed and stray ones', () => {
    const ts = lexed('{ ( [ ] ) } ) {');
    const { partner, errors } = matchDelimiters(ts, 0, ts.count);
    expect(Array.from(partner)).toEqual([5, 4, 3, 2, 1, 0, -1, -1]);
    expect(errors.map((e) => [e.offset, e.message])).toEqual([
      [12, "unexpected closing delimiter ')'"], [14, "unclosed delimiter '{'"],
    ]);
  });
});

describe('condenseItem', () => {
  const condensed = (src: string) => {
    const ts = lexed(src);
    const { partner } = matchDelimiters(ts, 0, ts.count);
    const c = condenseItem(ts, partner, 0, ts.count);
    return { text: c.text, map: Array.from(c.map), broken: c.broken };
  };

  it('condenses fn bodies and attribute arguments but keeps struct bodies', () => {
    expect(condensed('#[a(b)] fn f(x: u8) { y }')).toEqual({
      text: '#[]Vi(i:i){}', map: [0, 1, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17], broken: false,
    });
    expect(condensed('struct S { x: [u8; 2] }').text).toBe('ti{i:[i;n]}');
  });

  it('condenses const values and macro arguments', () => {
    expect(condensed('const X: [u8; 2] = [1, 2];').text).toBe('Hi:[i;n]=[];');
    expect(condensed('m!(a, b);').text).toBe('i!();');
  });

  it('gives an unclosed body a virtual closer on the last token, and flags other unclosed groups', () => {
    expect(condensed('fn f() { x')).toEqual({ text: 'Vi(){}', map: [0, 1, 2, 3, 4, 5, 6], broken: false });
    expect(condensed('fn f( { }').broken).toBe(true);
  });
});
