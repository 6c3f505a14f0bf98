// Golden tests for patterns, which come from the item grammar's `pat_*` rules, and for the
// fast path that builds trivial patterns without the grammar: it must build the same tree.
import { describe, expect, it } from 'vitest';
import { parseBlock } from '../../../../frontend/src/syntax/body/parser.js';
import { parseBothWays, renderBody } from './render.js';

/** The pattern of `let PAT = v;`, rendered. */
function letPattern(pat: string): string {
  const { tree, errors } = renderBody(`let ${pat} = v;`);
  expect(errors).toEqual([]);
  return tree.replace(/^\(let /, '').replace(/ = v\);$/, '');
}

describe('patterns', () => {
  it.each([
    ['x', 'x'],
    ['mut x', 'mut x'],
    ['ref x', 'ref x'],
    ['ref mut x', 'ref mut x'],
    ['_', '_'],
    ['x @ Some(_)', '(@ x (Some _))'],
    ['n @ 1..=9', '(@ n (..= 1 9))'],
    ['-1', '-1'],
    ['"s"', '"s"'],
    ['true', 'true'],
    ['0..=9', '(..= 0 9)'],
    ["'a'..='z'", "(..= 'a' 'z')"],
    ['0..10', '(.. 0 10)'],
    ['5..', '(.. 5 ~)'],
    ['..=5', '(..= ~ 5)'],
    ['-128..=-1', '(..= -128 -1)'],
    ['i32::MIN..=0', '(..= i32::MIN 0)'],
    ['&x', '(& x)'],
    ['&mut x', '(&mut x)'],
    ['&&x', '(& (& x))'],
    ['(a, b)', '(tuple a b)'],
    ['(a,)', '(tuple a)'],
    ['()', '(tuple)'],
    ['(a)', 'a'],
    ['(a, .., z)', '(tuple a .. z)'],
    ['[first, .., last]', '(slice first .. last)'],
    ['[x, rest @ ..]', '(slice x (@ rest ..))'],
    ['None', 'None'],
    ['Ordering::Less', 'Ordering::Less'],
    ['::std::u8::MAX', '::std::u8::MAX'],
    ['<T as Trait>::CONST', '<T as Trait>::CONST'],
    ['Some(x)', '(Some x)'],
    ['Foo::<u8>::Bar(a, ..)', '(Foo<u8>::Bar a ..)'],
    ['S { a, ref mut b, c: (d, e), box f, .. }', '{S a ref mut b (c: (tuple d e)) (box f) ..}'],
    ['S { 0: x }', '{S (0: x)}'],
    ['Self { x }', '{Self x}'],
    ['Some(A | B)', '(Some (| A B))'],
    ['A | B', '(| A B)'],
    ['| A | B', '(| A B)'],
    ['box x', '(box x)'],
    ['m!(a, b)', 'm!( a , b )'],
    ['const { N }', '(const {N})'],
  ])('%s', (src, expected) => {
    expect(letPattern(src)).toBe(expected);
  });

  it('uses patterns in match arms, for, if-let, closures and params', () => {
    expect(renderBody('match x { Some(y) | None if c => 1, _ => 2 }').tree)
      .toBe('(match x ((| (Some y) None) if c => 1) (_ => 2))');
    expect(renderBody('for (k, v) in m {}').tree).toBe('(for (tuple k v) m {})');
    expect(renderBody('if let [a, ..] = s {}').tree).toBe('(if (let (slice a ..) s) {})');
    expect(renderBody('|&(a, b): &(u8, u8)| a').tree).toBe('(closure |(& (tuple a b)): &(u8, u8)| a)');
  });
});

describe('the trivial-pattern fast path', () => {
  it('builds the same trees as the grammar', () => {
    const src = '{ let x = 1; let mut y = 2; let ref z = 3; let ref mut w = 4; let _ = 5; let r#type = 6; '
      + 'let (a, mut b) = t; for i in v {} match q { n => n, _ => 0 } let f = |u, mut k| u; }';
    const { fast, slow } = parseBothWays(src);
    expect(fast.errors).toEqual([]);
    expect(slow.errors).toEqual([]);
    expect(fast.block).toEqual(slow.block);
  });
});

describe('memoized grammar matches', () => {
  it('re-bases a remembered match onto each pattern\'s own tokens', () => {
    const { tree, ts } = renderBody('match v { Some(a) => 1, Some(bb) => 2, Ok(c) => 3 }');
    expect(tree).toBe('(match v ((Some a) => 1) ((Some bb) => 2) ((Ok c) => 3))');
    const src = new TextDecoder().decode(ts.src);
    const { block } = parseBlock(ts, [0, ts.count]);
    const stmt = block.stmts[0];
    if (stmt.kind !== 'expr' || stmt.expr.kind !== 'match') throw new Error('expected a match');
    const spans = stmt.expr.arms.map((a) => src.slice(a.pat.span[0], a.pat.span[1]));
    expect(spans).toEqual(['Some(a)', 'Some(bb)', 'Ok(c)']);
  });
});
