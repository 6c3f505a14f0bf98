// Golden tests for expressions: each snippet is parsed as one expression and rendered as an
// S-expression (render.ts), so the expected text shows how the tree nests.
import { describe, expect, it } from 'vitest';
import { renderExpr } from './render.js';

function tree(src: string): string {
  const { tree: out, errors } = renderExpr(src);
  expect(errors).toEqual([]);
  return out;
}

describe('precedence and associativity', () => {
  it.each([
    ['a + b * c', '(+ a (* b c))'],
    ['a * b + c', '(+ (* a b) c)'],
    ['a - b - c', '(- (- a b) c)'],
    ['a || b && c', '(|| a (&& b c))'],
    ['a && b || c && d', '(|| (&& a b) (&& c d))'],
    ['-x.f()', '(- (method x f))'],
    ['!a?', '(! (? a))'],
    ['*a.b', '(* (field a b))'],
    ['&a[0]', '(& (index a 0))'],
    ['&mut *x', '(&mut (* x))'],
    ['&&x', '(& (& x))'],
    ['x as u8 as u16', '(as (as x u8) u16)'],
    ['-1 as u8', '(as (- 1) u8)'],
    ['a + b as u64', '(+ a (as b u64))'],
    ['a..b', '(.. a b)'],
    ['a..=b + 1', '(..= a (+ b 1))'],
    ['..', '(.. ~ ~)'],
    ['a..', '(.. a ~)'],
    ['..b', '(.. ~ b)'],
    ['x = a..b', '(= x (.. a b))'],
    ['a = b = c', '(= a (= b c))'],
    ['a += b * 2', '(+= a (* b 2))'],
    ['a == b && c != d', '(&& (== a b) (!= c d))'],
    ['a | b ^ c & d', '(| a (^ b (& c d)))'],
    ['a << 2 + 1', '(<< a (+ 2 1))'],
    ['a & b == c', '(== (& a b) c)'],
    ['x % 2 * y / z', '(/ (* (% x 2) y) z)'],
  ])('%s', (src, expected) => {
    expect(tree(src)).toBe(expected);
  });

  it('glues the operators the lexer keeps apart only when their tokens touch', () => {
    expect(tree('a >>= 1')).toBe('(>>= a 1)');
    expect(tree('a <<= 1')).toBe('(<<= a 1)');
    expect(tree('a >= b')).toBe('(>= a b)');
    expect(tree('a <= b')).toBe('(<= a b)');
    expect(tree('a >> b')).toBe('(>> a b)');
    expect(tree('a &= b')).toBe('(&= a b)');
    expect(tree('a |= b')).toBe('(|= a b)');
    expect(tree('a&&b')).toBe('(&& a b)');
    expect(tree('a & &b')).toBe('(& a (& b))');
    expect(tree('a | |x| x')).toBe('(| a (closure |x| x))');
    expect(tree('a > b')).toBe('(> a b)');
  });

  it('refuses to chain comparisons and ranges', () => {
    expect(renderExpr('a < b < c').errors).toEqual(['1:7 comparison operators cannot be chained']);
    expect(renderExpr('a == b == c').errors).toEqual(['1:8 comparison operators cannot be chained']);
    expect(renderExpr('a..b..c').errors).toEqual(['1:5 range operators cannot be chained']);
  });
});

describe('expressions', () => {
  it.each([
    ['literals', '(1, 2.5, "s", \'c\', true, b"x")', '(tuple 1 2.5 "s" \'c\' true b"x")'],
    ['unit, paren and one-tuple', '((), (a), (a,))', '(tuple (tuple) (paren a) (tuple a))'],
    ['underscore', '_ = f()', '(= _ (call f))'],
    ['paths with generic args', 'Vec::<u8>::with_capacity(4)', '(call Vec<u8>::with_capacity 4)'],
    ['global path', '::std::mem::swap(a, b)', '(call ::std::mem::swap a b)'],
    ['qualified path', '<T as Default>::default()', '(call <T as Default>::default)'],
    ['qualified path without trait', '<[u8]>::len(x)', '(call <[u8]>::len x)'],
    ['self and Self paths', 'Self::new(self.x, super::y, crate::z)', '(call Self::new (field self x) super::y crate::z)'],
    ['method with turbofish', 'it.collect::<Vec<_>>()', '(method it collect::<Vec<_>>)'],
    ['tuple index', 'x.0.1', '(field (field x 0) 1)'],
    ['await and try', 'f().await?.g', '(field (? (await (call f))) g)'],
    ['index and call chain', 'a[i][j](k)', '(call (index (index a i) j) k)'],
    ['array', '[1, 2, 3,]', '(array 1 2 3)'],
    ['repeat', '[0u8; N * 2]', '(repeat 0u8 (* N 2))'],
    ['struct literal', 'S { a, b: 1, ..base }', '(struct S (a) (b 1) (.. base))'],
    ['struct literal with tuple fields and bare rest', 'T { 0: x, .. }', '(struct T (0 x) (..))'],
    ['generic struct literal', 'S::<u8> { x: 1 }', '(struct S<u8> (x 1))'],
    ['macro calls', '(m!(a, b), v![1; 2], n!{x})', '(tuple m!( a , b ) v![ 1 ; 2 ] n!{ x })'],
    ['macro with a path', 'std::println!("{}", x)', 'std::println!( "{}" , x )'],
    ['raw references', '(&raw const x, &raw mut y)', '(tuple (&raw const x) (&raw mut y))'],
    ['raw as an identifier', '&raw', '(& raw)'],
    ['box', 'box x', '(box x)'],
    ['closure', '|a, b: u8| a + b', '(closure |a, b: u8| (+ a b))'],
    ['closure with pattern params', '|(a, b), &c| a', '(closure |(tuple a b), (& c)| a)'],
    ['move closure with return type', 'move || -> u8 { 1 }', '(closure move || -> u8 {1})'],
    ['async closures', '(async || 1, async move |x| x)', '(tuple (closure async || 1) (closure move async |x| x))'],
    ['closure binder', "for<'a> |x: &'a u8| *x", "(closure |x: &'a u8| (* x))"],
    ['blocks', '(unsafe { f() }, async { 1 }, async move { 2 }, const { 3 }, try { 4 })',
      '(tuple unsafe {(call f)} async {1} async move {2} const {3} try {4})'],
    ['labeled block', "'a: { break 'a 1; }", "'a {(break 'a 1);}"],
    ['if else if else', 'if a { 1 } else if b { 2 } else { 3 }', '(if a {1} (if b {2} {3}))'],
    ['let chain', 'if let Some(x) = a && x > 0 && let Ok(y) = f(x) {}',
      '(if (&& (&& (let (Some x) a) (> x 0)) (let (Ok y) (call f x))) {})'],
    ['match', 'match x { 0 | 1 => a, n if n > 9 => { b } _ => c }',
      '(match x ((| 0 1) => a) (n if (> n 9) => {b}) (_ => c))'],
    ['loops with labels', "'outer: for i in 0..n { 'inner: while i > 0 { continue 'outer; } loop { break; } }",
      "(for 'outer i (.. 0 n) {(while 'inner (> i 0) {(continue 'outer);}) (loop {(break);})})"],
    ['while let', 'while let Some(x) = stack.pop() { f(x) }', '(while (let (Some x) (method stack pop)) {(call f x)})'],
    ['jumps', '(return, return 1, break, yield x)', '(tuple (return) (return 1) (break) (yield x))'],
    ['break with label and value', "loop { break 'a v }", "(loop {(break 'a v)})"],
  ])('%s', (_name, src, expected) => {
    expect(tree(src)).toBe(expected);
  });

  it('keeps a macro call\'s tokens as a range with its delimiters', () => {
    const { ts } = renderExpr('m![a, b]');
    expect(ts.count).toBe(7);
  });
});

describe('struct literals in conditions', () => {
  it('reads `{` after a path in a condition as the body', () => {
    expect(tree('if x == S {}')).toBe('(if (== x S) {})');
    expect(tree('while x {}')).toBe('(while x {})');
    expect(tree('for x in xs {}')).toBe('(for x xs {})');
    expect(tree('match x {}')).toBe('(match x)');
  });

  it('allows struct literals inside parentheses and in call arguments', () => {
    expect(tree('if x == (S {}) {}')).toBe('(if (== x (paren (struct S))) {})');
    expect(tree('if f(S { a: 1 }) {}')).toBe('(if (call f (struct S (a 1))) {})');
    expect(tree('match (S { a }) { _ => 1 }')).toBe('(match (paren (struct S (a))) (_ => 1))');
  });

  it('allows struct literals after the head', () => {
    expect(tree('if a { S { b } } else { S { c } }')).toBe('(if a {(struct S (b))} {(struct S (c))})');
  });

  it('keeps an open range before the body open', () => {
    expect(tree('for i in 0.. {}')).toBe('(for i (.. 0 ~) {})');
  });
});
