// Golden token tests for the hand-written lexer: one case per construct. Where a case is subtle,
// the expectation is what rustc's own lexer produces (checked against rustc 1.97-nightly).
import { describe, expect, it } from 'vitest';
import { lex, tokenText, type Edition, type TokenStream } from '../../../frontend/src/syntax/lexer.js';
import { TOKEN_SPECS } from '../../../frontend/src/syntax/tokens.js';

const KIND_NAMES: readonly string[] = TOKEN_SPECS.map(([name]) => name);
const enc = (s: string) => new TextEncoder().encode(s);

/** One entry per token: the text when it names its own kind (`fn`, `::`), else `Kind(text)`. */
function render(ts: TokenStream): string[] {
  const out: string[] = [];
  for (let t = 0; t < ts.count; t++) {
    const name = KIND_NAMES[ts.kinds[t]];
    const text = tokenText(ts, t);
    out.push(name === text ? text : `${name}(${text})`);
  }
  return out;
}

function toks(src: string, edition?: Edition): string[] {
  return render(lex(enc(src), edition));
}

function spans(src: string): Array<[number, number]> {
  const ts = lex(enc(src));
  return Array.from({ length: ts.count }, (_, t): [number, number] => [ts.starts[t], ts.ends[t]]);
}

function errors(src: string): Array<[number, string]> {
  return lex(enc(src)).errors.map((e) => [e.offset, e.message]);
}

describe('raw strings', () => {
  it('keeps inner quotes and hashes inside the literal', () => {
    expect(toks(String.raw`r#"say "hi" # "#; x`)).toEqual([String.raw`Str(r#"say "hi" # "#)`, ';', 'Ident(x)']);
    expect(toks(String.raw`r##"a"#b"##`)).toEqual([String.raw`Str(r##"a"#b"##)`]);
    expect(toks(String.raw`r#""#`)).toEqual([String.raw`Str(r#""#)`]);
  });

  it('has no escapes: a backslash before the closing quote does not escape it', () => {
    expect(toks(String.raw`r"a\" b`)).toEqual([String.raw`Str(r"a\")`, 'Ident(b)']);
  });

  it('takes a suffix', () => {
    expect(toks('r"x"suf')).toEqual(['Str(r"x"suf)']);
  });

  it('reports an unterminated raw string at its start', () => {
    expect(toks('x r#"abc"')).toEqual(['Ident(x)', 'Str(r#"abc")']);
    expect(errors('x r#"abc"')).toEqual([[2, 'unterminated raw string literal']]);
  });
});

describe('byte and C strings', () => {
  it('lexes byte strings, raw byte strings and byte chars', () => {
    expect(toks(String.raw`b"a\"b" br"a\" br#"x"y"# b'\n' b'\'' b'a'`)).toEqual([
      String.raw`Str(b"a\"b")`, String.raw`Str(br"a\")`, String.raw`Str(br#"x"y"#)`,
      String.raw`Char(b'\n')`, String.raw`Char(b'\'')`, "Char(b'a')",
    ]);
  });

  it('lexes C strings from 2021 on', () => {
    expect(toks(String.raw`c"hi" cr#"a"b"#`)).toEqual(['Str(c"hi")', String.raw`Str(cr#"a"b"#)`]);
  });

  it('lexes `c"…"` as an identifier and a string before 2021', () => {
    expect(toks('c"hi"', '2018')).toEqual(['Ident(c)', 'Str("hi")']);
    expect(toks('cr"hi"', '2015')).toEqual(['Ident(cr)', 'Str("hi")']);
  });

  it('keeps b, br, r and c as identifiers when no literal follows', () => {
    expect(toks('b br r c rb')).toEqual(['Ident(b)', 'Ident(br)', 'Ident(r)', 'Ident(c)', 'Ident(rb)']);
  });
});

describe('raw identifiers', () => {
  it('lexes r#keyword and r#ident as one identifier token', () => {
    expect(toks('r#type r#match r#foo')).toEqual(['Ident(r#type)', 'Ident(r#match)', 'Ident(r#foo)']);
  });

  it('leaves `r#` without an identifier after it as separate tokens', () => {
    expect(toks('r# x')).toEqual(['Ident(r)', '#', 'Ident(x)']);
  });
});

describe('lifetimes, labels and char literals', () => {
  it('tells lifetimes from char literals', () => {
    expect(toks(String.raw`'a 'static 'a' '\'' '\\' '"' '_ '_'`)).toEqual([
      "Lifetime('a)", "'static", "Char('a')", String.raw`Char('\'')`, String.raw`Char('\\')`, `Char('"')`,
      "Lifetime('_)", "Char('_')",
    ]);
  });

  it('lexes unicode escapes and multibyte chars as one char literal', () => {
    expect(toks(String.raw`'\u{1F600}' '😀' 'é'`)).toEqual([String.raw`Char('\u{1F600}')`, "Char('😀')", "Char('é')"]);
    expect(spans("'😀' x")).toEqual([[0, 6], [7, 8]]);
  });

  it('lexes lifetimes in generics and references', () => {
    expect(toks("fn f<'a>(x: &'a str) -> char { 'a' }")).toEqual([
      'fn', 'Ident(f)', '<', "Lifetime('a)", '>', '(', 'Ident(x)', ':', '&', "Lifetime('a)", 'Ident(str)', ')',
      '->', 'Ident(char)', '{', "Char('a')", '}',
    ]);
  });

  it('lexes labels', () => {
    expect(toks("'outer: loop { break 'outer; }")).toEqual([
      "Lifetime('outer)", ':', 'loop', '{', 'break', "Lifetime('outer)", ';', '}',
    ]);
  });

  it('lexes raw lifetimes from 2021 on', () => {
    expect(toks("'r#a 'r#fn")).toEqual(["Lifetime('r#a)", "Lifetime('r#fn)"]);
    expect(toks("'r#a", '2018')).toEqual(["Lifetime('r)", '#', 'Ident(a)']);
  });

  it('lexes non-ASCII lifetimes', () => {
    expect(toks("'été")).toEqual(["Lifetime('été)"]);
  });
});

describe('comments', () => {
  it('skips nested block comments', () => {
    expect(toks('/* a /* b */ c */ x')).toEqual(['Ident(x)']);
    expect(toks('/*/**/*/ x')).toEqual(['Ident(x)']);
  });

  it('keeps line doc comments, but not four slashes', () => {
    expect(toks('/// outer\n//// plain\n//! inner\n// plain\n///\nx')).toEqual([
      'OuterDoc(/// outer)', 'InnerDoc(//! inner)', 'OuterDoc(///)', 'Ident(x)',
    ]);
  });

  it('keeps block doc comments, but not `/***`, `/**/` or plain ones', () => {
    expect(toks('/** outer */ /***/ /**/ /*** plain */ /*! inner */ /*!*/ /* plain */ x')).toEqual([
      'OuterDoc(/** outer */)', 'InnerDoc(/*! inner */)', 'InnerDoc(/*!*/)', 'Ident(x)',
    ]);
  });

  it('ends a line doc comment at the newline, keeping a carriage return', () => {
    expect(spans('/// a\r\nx')).toEqual([[0, 6], [7, 8]]);
  });
});

describe('shebang and attributes on the first line', () => {
  it('skips a shebang line', () => {
    expect(toks('#!/usr/bin/env rust\nfn main() {}')).toEqual(['fn', 'Ident(main)', '(', ')', '{', '}']);
    expect(toks('\u{feff}#!/bin/sh\nx')).toEqual(['Ident(x)']);
  });

  it('keeps `#![attr]` on the first line, also across whitespace and plain comments', () => {
    const attr = ['#', '!', '[', 'Ident(allow)', ']'];
    expect(toks('#![allow]')).toEqual(attr);
    expect(toks('#! [allow]')).toEqual(attr);
    expect(toks('#!\n[allow]')).toEqual(attr);
    expect(toks('#! // note\n/* more */ [allow]')).toEqual(attr);
  });

  it('treats `#!` followed by a doc comment as a shebang, like rustc', () => {
    expect(toks('#!/// doc\n[x]')).toEqual(['[', 'Ident(x)', ']']);
  });

  it('is no shebang after leading whitespace', () => {
    expect(toks(' #!x')).toEqual(['#', '!', 'Ident(x)']);
  });
});

describe('frontmatter', () => {
  const main = ['fn', 'Ident(main)', '(', ')', '{', '}'];

  it('skips a cargo-script frontmatter block', () => {
    expect(toks('---\n[dependencies]\nclap = "4"\n---\nfn main() {}')).toEqual(main);
  });

  it('skips frontmatter after a shebang and blank lines', () => {
    expect(toks('#!/usr/bin/env cargo\n\n---\n[dependencies]\n---\n\nfn main() {}')).toEqual(main);
  });

  it('allows an info string and a longer fence with dashes inside', () => {
    expect(toks('---cargo\n[package]\n---\nfn main() {}')).toEqual(main);
    expect(toks('-----\ndescription = """\n---\n"""\n-----\nfn main() {}')).toEqual(main);
  });

  it('closes only at a fence at the start of a line with nothing but blanks after it', () => {
    expect(toks('---\nd = """\n ---\n"""\n--- \r\nfn main() {}')).toEqual(main);
    expect(toks('---\n----\nfn main() {}')).toEqual(main);
    expect(errors('---\n----\nfn main() {}')).toEqual([[4, 'a frontmatter line may not start with 3 dashes unless it closes the block']]);
    expect(errors('---\n---cargo\nfn main() {}')).toEqual([[4, 'a frontmatter line may not start with 3 dashes unless it closes the block']]);
  });

  it('reports an unclosed frontmatter and skips the rest of the file, like rustc', () => {
    expect(toks('---\n[dependencies]\nfn main() {}')).toEqual([]);
    expect(errors('\n---\n[dependencies]\nfn main() {}')).toEqual([[1, 'unterminated frontmatter']]);
  });

  it('is only frontmatter at the start of the file', () => {
    expect(toks('x\n---\n---')).toEqual(['Ident(x)', '-', '-', '-', '-', '-', '-']);
  });
});

describe('numbers', () => {
  it('lexes integer and float literals with suffixes', () => {
    expect(toks('1u8 0x_ff 0xFFu32 0b1010 0o17 1_000i64 1e10 2.5E+3 1.0e-3f64 1f32 0.5')).toEqual([
      'Int(1u8)', 'Int(0x_ff)', 'Int(0xFFu32)', 'Int(0b1010)', 'Int(0o17)', 'Int(1_000i64)', 'Float(1e10)',
      'Float(2.5E+3)', 'Float(1.0e-3f64)', 'Float(1f32)', 'Float(0.5)',
    ]);
  });

  it('lexes `1.` as a float but not before `..`, an identifier or a digit-less exponent', () => {
    expect(toks('1. )')).toEqual(['Float(1.)', ')']);
    expect(toks('1..2')).toEqual(['Int(1)', '..', 'Int(2)']);
    expect(toks('1..=2')).toEqual(['Int(1)', '..=', 'Int(2)']);
    expect(toks('1.foo()')).toEqual(['Int(1)', '.', 'Ident(foo)', '(', ')']);
    expect(toks('1.e3')).toEqual(['Int(1)', '.', 'Ident(e3)']);
    expect(toks('1.0.max(2.0)')).toEqual(['Float(1.0)', '.', 'Ident(max)', '(', 'Float(2.0)', ')']);
  });

  it('lexes tuple indices after a dot as integers', () => {
    expect(toks('x.0.1')).toEqual(['Ident(x)', '.', 'Int(0)', '.', 'Int(1)']);
    expect(toks('t.0.0.0')).toEqual(['Ident(t)', '.', 'Int(0)', '.', 'Int(0)', '.', 'Int(0)']);
  });
});

describe('editions', () => {
  it('lexes async, await and try as identifiers in 2015', () => {
    expect(toks('async fn f() { x.await; try {} }', '2015')).toEqual([
      'Ident(async)', 'fn', 'Ident(f)', '(', ')', '{', 'Ident(x)', '.', 'Ident(await)', ';', 'Ident(try)', '{', '}', '}',
    ]);
    expect(toks('async await try', '2018')).toEqual(['async', 'await', 'try']);
  });

  it('lexes `dyn` in 2015 as a keyword only where a trait object starts', () => {
    expect(toks("dyn Trait dyn 'a dyn ?Sized dyn for dyn self", '2015').filter((t) => t.includes('dyn')))
      .toEqual(['dyn', 'dyn', 'dyn', 'dyn', 'dyn']);
    expect(toks('dyn::x dyn<T> let dyn = 1; dyn(2) dyn * 3', '2015').filter((t) => t.includes('dyn')))
      .toEqual(['Ident(dyn)', 'Ident(dyn)', 'Ident(dyn)', 'Ident(dyn)', 'Ident(dyn)']);
    expect(toks('dyn::x', '2018')).toEqual(['dyn', '::', 'Ident(x)']);
  });

  it('lexes gen as a keyword only in 2024', () => {
    expect(toks('gen', '2021')).toEqual(['Ident(gen)']);
    expect(toks('gen', '2024')).toEqual(['gen']);
  });
});

describe('punctuation', () => {
  it('glues the tokens that never need splitting', () => {
    const glued = [':: -> => .. ..= ... == != += -= *= /= %= ^='];
    expect(toks(glued[0])).toEqual(glued[0].split(' '));
  });

  it('keeps < > & | = single so that nested generics and double references split', () => {
    expect(toks('<< >> && || <= >= |= &= <<= >>=').join(' ')).toBe('< < > > & & | | < = > = | = & = < < = > > =');
    expect(toks('Vec<Vec<u8>>')).toEqual(['Ident(Vec)', '<', 'Ident(Vec)', '<', 'Ident(u8)', '>', '>']);
  });

  it('glues greedily from the left', () => {
    expect(toks(':::')).toEqual(['::', ':']);
    expect(toks('....')).toEqual(['...', '.']);
    expect(toks('..==')).toEqual(['..=', '=']);
    expect(toks('! =')).toEqual(['!', '=']);
  });
});

describe('errors', () => {
  it('reports an unterminated string at its start and ends the token at the end of input', () => {
    expect(toks('let s = "abc')).toEqual(['let', 'Ident(s)', '=', 'Str("abc)']);
    expect(errors('let s = "abc')).toEqual([[8, 'unterminated string literal']]);
  });

  it('reports an unterminated block comment', () => {
    expect(toks('x /* a /* b */')).toEqual(['Ident(x)']);
    expect(errors('x /* a /* b */')).toEqual([[2, 'unterminated block comment']]);
  });

  it('reports a lone quote as an unterminated char literal', () => {
    expect(toks("x ' y")).toEqual(['Ident(x)', "Unknown(')", 'Ident(y)']);
    expect(errors("x ' y")).toEqual([[2, 'unterminated character literal']]);
    expect(errors("x '")).toEqual([[2, 'unterminated character literal']]);
    expect(errors("b'a")).toEqual([[0, 'unterminated character literal']]);
  });

  it('reports unknown characters with their byte offset and goes on', () => {
    expect(toks('a € \\ b')).toEqual(['Ident(a)', 'Unknown(€)', 'Unknown(\\)', 'Ident(b)']);
    expect(errors('a € \\ b')).toEqual([[2, 'unknown character "€"'], [6, 'unknown character "\\\\"']]);
  });

  it('does not let non-identifier characters into identifiers', () => {
    expect(toks('a→b a😀')).toEqual(['Ident(a)', 'Unknown(→)', 'Ident(b)', 'Ident(a)', 'Unknown(😀)']);
  });

  it('takes one byte of malformed UTF-8 at a time', () => {
    const ts = lex(new Uint8Array([0x61, 0xff, 0xc3, 0x62]));
    expect(Array.from(ts.kinds, (k) => KIND_NAMES[k])).toEqual(['Ident', 'Unknown', 'Unknown', 'Ident']);
    expect(Array.from(ts.starts)).toEqual([0, 1, 2, 3]);
  });
});

describe('non-ASCII input', () => {
  it('reports byte offsets for identifiers and strings', () => {
    expect(toks('let 日本 = "é日";')).toEqual(['let', 'Ident(日本)', '=', 'Str("é日")', ';']);
    expect(spans('let 日本 = "é日";')).toEqual([[0, 3], [4, 10], [11, 12], [13, 20], [20, 21]]);
  });

  it('treats Unicode pattern whitespace as whitespace, but not a no-break space', () => {
    expect(toks('a\u2028b\u2029c\u0085d\u200ee\u200ff')).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `Ident(${x})`));
    expect(toks('a\u00a0b')).toEqual(['Ident(a)', 'Unknown(\u00a0)', 'Ident(b)']);
  });

  it('lexes a literal suffix of non-ASCII identifier characters', () => {
    expect(toks('1é "x"é')).toEqual(['Int(1é)', 'Str("x"é)']);
  });
});
