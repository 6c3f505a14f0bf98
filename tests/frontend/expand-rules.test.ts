// The macro_rules matcher and transcriber on their own: fragments and how far each one reaches,
// repetitions (separators, `*` `+` `?`, nesting), rule order, and the places the tokens of an
// expansion keep.
import { describe, expect, it } from 'vitest';
import { TK } from '../../frontend/src/syntax/tokens.js';
import { tokenText } from '../../frontend/src/syntax/lexer.js';
import { expansionFile } from '../../frontend/src/expand/stream.js';
import { expansionOrigin } from '../../frontend/src/expand/tokens.js';
import { expandFirstCall, expandText, rulesIn, sourceFile } from '../support/macro-source.js';

describe('fragments', () => {
  it('substitutes ident, ty, path and literal fragments', () => {
    expect(expandText('($f:ident, $t:ty) => { fn $f() -> $t {} }', 'make, Vec<u8>')).toBe('fn make ( ) -> Vec < u8 > { }');
    expect(expandText('($p:path) => { use $p; }', 'std::collections::HashMap')).toBe('use std :: collections :: HashMap ;');
    expect(expandText('($l:literal) => { $l }', '-1')).toBe('- 1');
  });

  it('ends an expr at a comma outside closure params, turbofish and cast types', () => {
    const rule = '($a:expr, $b:expr) => { [$a] [$b] }';
    expect(expandText(rule, '|x, y| x + y, 2')).toBe('[ | x , y | x + y ] [ 2 ]');
    expect(expandText(rule, 'Vec::<u8, A>::new(), 2')).toBe('[ Vec :: < u8 , A > :: new ( ) ] [ 2 ]');
    expect(expandText(rule, 'x as HashMap<K, V>, 2')).toBe('[ x as HashMap < K , V > ] [ 2 ]');
    // A comparison is not a generic list.
    expect(expandText(rule, 'a < b, c > d')).toBe('[ a < b ] [ c > d ]');
  });

  it('ends a ty where what may follow a type starts', () => {
    expect(expandText('($t:ty => $e:expr) => { ($t) ($e) }', 'HashMap<K, V> => 1')).toBe('( HashMap < K , V > ) ( 1 )');
    expect(expandText('($t:ty as $u:ident) => { ($t) $u }', '&\'a mut [u8] as x')).toBe("( & 'a mut [ u8 ] ) x");
    expect(expandText('($t:ty, $u:ty) => { ($t) ($u) }', 'fn(u8) -> bool, dyn Fn() + Send')).toBe('( fn ( u8 ) -> bool ) ( dyn Fn ( ) + Send )');
    expect(expandText('($t:ty; $u:ty) => { ($t) ($u) }', '<T as Iterator>::Item; impl Sized')).toBe('( < T as Iterator > :: Item ) ( impl Sized )');
  });

  it('reads visibilities, possibly empty', () => {
    const rule = '($v:vis fn $f:ident) => { $v struct $f; }';
    expect(expandText(rule, 'fn a')).toBe('struct a ;');
    expect(expandText(rule, 'pub(crate) fn a')).toBe('pub ( crate ) struct a ;');
    expect(expandText(rule, 'pub fn a')).toBe('pub struct a ;');
  });

  it('reads patterns, blocks, lifetimes, items, metas and single trees', () => {
    expect(expandText('($p:pat => $b:block) => { match x { $p => $b } }', 'Some(1 | 2) => { y }')).toBe('match x { Some ( 1 | 2 ) => { y } }');
    expect(expandText('($p:pat_param | $q:pat) => { $p; $q }', 'A | B')).toBe('A ; B');
    expect(expandText("($l:lifetime) => { &$l () }", "'a")).toBe("& 'a ( )");
    expect(expandText('($($i:item)*) => { $($i)* }', 'struct A; fn f() {} const C: u8 = { 1 };'))
      .toBe('struct A ; fn f ( ) { } const C : u8 = { 1 } ;');
    expect(expandText('($(#[$m:meta])*) => { $(#[$m])* }', '#[derive(Debug)] #[doc = "x"]')).toBe('# [ derive ( Debug ) ] # [ doc = "x" ]');
    expect(expandText('($($t:tt)*) => { $($t)* }', 'a (b c) [d]')).toBe('a ( b c ) [ d ]');
  });

  it('hands a doc comment to a matcher as the #[doc] attribute it stands for', () => {
    expect(expandText('($(#[$m:meta])* struct $n:ident) => { $(#[$m])* struct $n; }', '/// Docs.\nstruct S'))
      .toBe('# [ doc = " Docs." ] struct S ;');
  });

  it('rejects what a fragment cannot start with', () => {
    expect(expandText('($i:ident) => { x }', '1')).toBeUndefined();
    expect(expandText('($b:block) => { x }', '(1)')).toBeUndefined();
    expect(expandText('($e:expr) => { x }', '')).toBeUndefined();
  });
});

describe('repetitions', () => {
  it('repeats with a separator and an optional trailing one', () => {
    const rule = '($($x:expr),* $(,)?) => { $(f($x);)* }';
    expect(expandText(rule, '')).toBe('');
    expect(expandText(rule, '1, 2 + 3')).toBe('f ( 1 ) ; f ( 2 + 3 ) ;');
    expect(expandText(rule, '1, 2,')).toBe('f ( 1 ) ; f ( 2 ) ;');
    expect(expandText(rule, '1,, 2')).toBeUndefined();
  });

  it('needs one round for + and allows at most one for ?', () => {
    expect(expandText('($($x:ident)+) => { $($x)-+ }', '')).toBeUndefined();
    expect(expandText('($($x:ident)+) => { $($x)-+ }', 'a b c')).toBe('a - b - c');
    expect(expandText('($($x:ident)?) => { [$($x)?] }', '')).toBe('[ ]');
    expect(expandText('($($x:ident)?) => { [$($x)?] }', 'a')).toBe('[ a ]');
    expect(expandText('($($x:ident)?) => { [$($x)?] }', 'a b')).toBeUndefined();
  });

  it('nests repetitions and repeats a shallower variable in the deeper rounds', () => {
    const rule = '($($name:ident: [$($v:expr),*]);*) => { $(fn $name() { $(use_($name, $v);)* })* }';
    expect(expandText(rule, 'a: [1, 2]; b: []; c: [3]'))
      .toBe('fn a ( ) { use_ ( a , 1 ) ; use_ ( a , 2 ) ; } fn b ( ) { } fn c ( ) { use_ ( c , 3 ) ; }');
  });

  it('backtracks out of a greedy repetition to match what follows it', () => {
    expect(expandText('($($a:ident)* ; $b:ident) => { [$($a)*] $b }', 'x y ; z')).toBe('[ x y ] z');
    expect(expandText('($($a:tt)* !) => { [$($a)*] }', 'x y !')).toBe('[ x y ]');
  });

  it('fails a transcription that repeats inconsistently, instead of guessing', () => {
    expect(expandText('($($a:ident)*; $($b:ident)*) => { $(($a $b))* }', 'x y; z')).toBeUndefined();
    expect(expandText('($($a:ident)*) => { $a }', 'x y')).toBeUndefined();
    expect(expandText('($a:ident) => { $($a)* }', 'x')).toBeUndefined();
  });

  it('gives up on a match that would backtrack without end', () => {
    const started = performance.now();
    const input = Array.from({ length: 40 }, () => 'a').join(' ');
    expect(expandText('($($($a:tt)*)* ; $b:tt) => { $b }', input)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('rules', () => {
  it('uses the first rule that matches', () => {
    const rules = '() => { empty }; ($x:ident) => { ident $x }; ($x:tt) => { tt $x }';
    expect(expandText(rules, '')).toBe('empty');
    expect(expandText(rules, 'a')).toBe('ident a');
    expect(expandText(rules, '1')).toBe('tt 1');
    expect(expandText(rules, '1 2')).toBeUndefined();
  });

  it('leaves out a rule it cannot read, and keeps the others', () => {
    const file = sourceFile('macro_rules! m { ($x) => { bad }; ($x:ident) => { good }; }');
    expect(rulesIn(file)).toHaveLength(1);
  });

  it('reads a `macro` item with one rule', () => {
    const file = sourceFile('macro m($x:ident) { fn $x() {} }\nm!(f);\n');
    expect(rulesIn(file)).toHaveLength(1);
  });

  it('writes unbound $names and $crate as they are, for nested definitions', () => {
    expect(expandText('($n:ident) => { macro_rules! $n { ($x:expr) => { $crate::f($x) } } }', 'inner'))
      .toBe('macro_rules ! inner { ( $ x : expr ) => { $ crate :: f ( $ x ) } }');
  });
});

describe('places', () => {
  it('keeps where each token of the expansion is written, through the text of the expansion', () => {
    const text = 'macro_rules! m { ($t:ty) => { impl Tr for $t {} } }\nm!(Vec<u8>);\n';
    const file = sourceFile(text);
    const toks = expandFirstCall(file)!;
    const call = file.parsed.items[1];
    const out = expansionFile(toks, { file, span: [call.span[0], call.span[1]] }, 1);
    const origin = expansionOrigin(out)!;
    const where = (i: number) => text.slice(origin.starts[i], origin.ends[i]);
    expect(out.ts.count).toBe(9);
    // `impl Tr for` from the rule, `Vec<u8>` from the call.
    expect([0, 1, 2, 3, 6].map(where)).toEqual(['impl', 'Tr', 'for', 'Vec', '>']);
    expect(origin.starts[3]).toBeGreaterThan(text.indexOf('m!('));
    expect(origin.starts[1]).toBeLessThan(text.indexOf('m!('));
    // The expansion's own text reads as code, and parses to the item.
    expect(tokenText(out.ts, 3)).toBe('Vec');
    expect(out.ts.kinds[4]).toBe(TK['<']);
    expect(out.parsed.items.map((i) => i.kind)).toEqual(['impl']);
  });

  it('lets tokens touch in the expansion only where they touch in the source', () => {
    const file = sourceFile('macro_rules! m { ($a:expr) => { x >>= $a; y || z } }\nm!(1);\n');
    const out = expansionFile(expandFirstCall(file)!, { file, span: [0, 1] }, 1);
    const src = new TextDecoder().decode(out.ts.src);
    expect(src).toBe('x >>= 1 ; y || z');
  });
});
