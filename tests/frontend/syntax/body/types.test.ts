// Types inside bodies come from the item grammar's type rules (`type`, `cast_type`,
// `generic_args`, `qself`); plain paths skip the grammar and must build the same trees.
import { describe, expect, it } from 'vitest';
import { parseBothWays, renderBody, renderExpr } from './render.js';

function tree(src: string): string {
  const { tree: out, errors } = renderBody(src);
  expect(errors).toEqual([]);
  return out;
}

describe('types in bodies', () => {
  it.each([
    ['let x: HashMap<K, Vec<V>> = m;', '(let x: HashMap<K, Vec<V>> = m);'],
    ['let f: fn(u8) -> u8 = g;', '(let f: fn(u8) -> u8 = g);'],
    ['let b: Box<dyn Fn() + Send> = h;', '(let b: Box<dyn(Fn() + Send)> = h);'],
    ["let s: &'static [u8; 4] = b\"abcd\";", "(let s: &'static [u8; 4] = b\"abcd\");"],
    ['let t: (u8, _) = (1, 2);', '(let t: (u8, _) = (tuple 1 2));'],
    ['let x: <T as Iterator>::Item = y;', '(let x: <T as Iterator>::Item = y);'],
  ])('%s', (src, expected) => {
    expect(tree(src)).toBe(expected);
  });

  it.each([
    ['x as *const u8 as usize', '(as (as x *const u8) usize)'],
    ['x as usize < y', '(< (as x usize) y)'],
    ['x as u32 >> 8', '(>> (as x u32) 8)'],
    ['f(x as Box<dyn A>, y)', '(call f (as x Box<dyn(A)>) y)'],
    ['&x as &[u8]', '(as (& x) &[u8])'],
    ['x as <T as Tr>::Out', '(as x <T as Tr>::Out)'],
    ['x as fn() -> u8', '(as x fn() -> u8)'],
    ['x as _', '(as x _)'],
  ])('cast %s', (src, expected) => {
    const { tree: out, errors } = renderExpr(src);
    expect(errors).toEqual([]);
    expect(out).toBe(expected);
  });

  it('reads generic args of turbofish and qualified paths', () => {
    expect(renderExpr("f::<'a, u8, { N + 1 }, Item = T>()").tree).toBe("(call f<u8, Item = T, {'a}, {{ N + 1 }}>)");
    expect(renderExpr('<Vec<u8> as IntoIterator>::into_iter(v)').tree).toBe('(call <Vec<u8> as IntoIterator>::into_iter v)');
  });
});

describe('the plain-path type fast path', () => {
  it('builds the same trees as the grammar', () => {
    const src = '{ let a: u8 = 1; let b: std::io::Result = r; let c: _ = 3; let d: Self = s; let e: ::core::mem::X = x; '
      + 'let f = g as usize + h as crate::T; let v = w.collect::<Vec>(); let u = size_of::<A, b::C>(); let k = |p: u8, q: _| p; }';
    const { fast, slow } = parseBothWays(src);
    expect(fast.errors).toEqual([]);
    expect(slow.errors).toEqual([]);
    expect(fast.block).toEqual(slow.block);
  });
});
