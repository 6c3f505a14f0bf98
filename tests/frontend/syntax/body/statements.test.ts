// Golden tests for blocks and statements: each snippet is parsed as the inside of a block and
// rendered (render.ts); `;` after a statement means it ended with a semicolon.
import { describe, expect, it } from 'vitest';
import { renderBody } from './render.js';

function tree(src: string): string {
  const { tree: out, errors } = renderBody(src);
  expect(errors).toEqual([]);
  return out;
}

describe('statements', () => {
  it.each([
    ['let forms', 'let x; let y = 1; let z: u8 = 2; let mut w: Vec<Vec<u8>>= vec![];',
      '(let x); (let y = 1); (let z: u8 = 2); (let mut w: Vec<Vec<u8>> = vec![ ]);'],
    ['let with a pattern and a type', 'let (a, b): (u8, &str) = t;', '(let (tuple a b): (u8, &str) = t);'],
    ['let-else', 'let Some(x) = opt else { return; };', '(let (Some x) = opt else {(return);});'],
    ['let-else after an if expression init', 'let x = if a { b } else { c };', '(let x = (if a {b} {c}));'],
    ['expression statements', 'f(); x += 1; g()', '(call f); (+= x 1); (call g)'],
    ['block-like statements need no semicolon', 'if a {} loop {} match x {} unsafe {} { } f()',
      '(if a {}) (loop {}) (match x) unsafe {} {} (call f)'],
    ['a block-like statement is not the left operand', 'if a {} - 1', '(if a {}) (- 1)'],
    ['a block-like statement takes no call', 'match x {} (a)', '(match x) (paren a)'],
    ['a block-like statement takes a method call', 'match x {}.len();', '(method (match x) len);'],
    ['and what follows the method call', 'match x {}.f()(a) + 1;', '(+ (call (method (match x) f) a) 1);'],
    ['a block-like statement takes `?`', 'unsafe { f() }?;', '(? unsafe {(call f)});'],
    ['braced macros are statements', 'm! { a } n!(b); o![c]', 'm!{ a } n!( b ); o![ c ]'],
    ['empty statements', ';;f();;', '(call f);'],
    ['attributes on statements', '#[cfg(test)] let x = 1; #[allow(unused)] f();',
      '#[cfg] (let x = 1); #[allow] (call f);'],
    ['inner attributes', '#![allow(unused)] //! doc\n x', '#![allow] x'],
    ['nested items', 'use std::mem; fn inner() -> u8 { 1 } struct S; impl S {} let s = S;',
      '(item use) (item fn inner) (item struct S) (item impl) (let s = S);'],
    ['items that look like expressions', 'unsafe fn f() {} const C: u8 = 1; const { 1 }; static S: u8 = 0; async fn g() {} union U { a: u8 }',
      '(item fn f) (item const C) const {1}; (item static S) (item fn g) (item union U)'],
    ['expressions that start with item keywords', 'unsafe { a } async { b }; static || 1; union(a, b);',
      'unsafe {a} async {b}; (closure || 1); (call union a b);'],
    ['an async block statement needs its semicolon', 'async {} - 1', '(- async {} 1)'],
    ['macro_rules inside a body', 'macro_rules! m { () => {} } m!();', '(item macro_rules m) m!( );'],
    ['labeled loop statement', "'a: loop { break 'a; }", "(loop 'a {(break 'a);})"],
  ])('%s', (_name, src, expected) => {
    expect(tree(src)).toBe(expected);
  });

  it('parses the bodies of nested fns', () => {
    const { errors } = renderBody('fn inner() { let x = ; }');
    expect(errors).toEqual(["1:22 expected expression but found ';'"]);
  });
});
