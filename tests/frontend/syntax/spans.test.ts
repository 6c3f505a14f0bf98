// Spans, token ranges, names, attributes, docs and signatures against the source text.
import { describe, expect, it } from 'vitest';
import { parse, toks } from './render.js';
import type { Item, Range } from '../../../frontend/src/syntax/ast.js';

const bytes = (src: string) => new TextEncoder().encode(src);
const slice = (src: string, [a, b]: Range) => new TextDecoder().decode(bytes(src).subarray(a, b));

/** The one item of `src`, of kind `kind`. */
function only<K extends Item['kind']>(src: string, kind: K): Item & { kind: K } {
  const { file } = parse(src);
  expect(file.errors).toEqual([]);
  expect(file.items).toHaveLength(1);
  const item = file.items[0];
  expect(item.kind).toBe(kind);
  return item as Item & { kind: K };
}

describe('spans', () => {
  it('an item span covers its docs and attributes, and its token range matches', () => {
    const src = '\n\n/// Docs.\n#[inline]\npub fn f() -> u8 { 1 }\n\nfn g() {}\n';
    const { ts, file } = parse(src);
    const [f, g] = file.items;
    expect(slice(src, f.span)).toBe('/// Docs.\n#[inline]\npub fn f() -> u8 { 1 }');
    expect(slice(src, g.span)).toBe('fn g() {}');
    expect(f.tokens).toEqual([0, 15]);
    expect(ts.starts[f.tokens[0]]).toBe(f.span[0]);
    expect(ts.ends[f.tokens[1] - 1]).toBe(f.span[1]);
  });

  it('items of one shape (the grammar sees the same token string) keep their own names, types and spans', () => {
    // The second and third items reuse the first one's memoized match (shape-memo.ts); docs and
    // attributes differ, and stay out of the shape.
    const src = 'pub fn alpha(x: u8) -> u8 { x }\n/// Two.\n#[inline]\npub fn be(long_name: Vec) -> String { long_name }\n\n\npub fn c(y: T) -> U {}\n';
    const { file } = parse(src);
    expect(file.errors).toEqual([]);
    const fns = file.items.map((i) => {
      if (i.kind !== 'fn') throw new Error(`unexpected ${i.kind}`);
      return i;
    });
    expect(fns.map((f) => f.name.text)).toEqual(['alpha', 'be', 'c']);
    expect(fns.map((f) => slice(src, f.name.span))).toEqual(['alpha', 'be', 'c']);
    expect(fns.map((f) => slice(src, f.span))).toEqual([
      'pub fn alpha(x: u8) -> u8 { x }', '/// Two.\n#[inline]\npub fn be(long_name: Vec) -> String { long_name }', 'pub fn c(y: T) -> U {}',
    ]);
    expect(fns[1].docs).toBe('Two.');
    expect(fns[1].attrs.map((a) => a.path)).toEqual(['inline']);
    expect(fns[2].attrs).toEqual([]);
    expect(fns.map((f) => f.signature)).toEqual(['pub fn alpha(x: u8) -> u8', 'pub fn be(long_name: Vec) -> String', 'pub fn c(y: T) -> U']);
    expect(fns.map((f) => slice(src, f.params[0].span))).toEqual(['x: u8', 'long_name: Vec', 'y: T']);
  });

  it('names slice their own text, in bytes, raw identifiers included', () => {
    const src = '/// é\nfn ü_größe() {}\nstruct r#type;';
    const { file } = parse(src);
    const [fn, st] = file.items;
    if (fn.kind !== 'fn' || st.kind !== 'struct') throw new Error('unexpected kinds');
    expect(fn.name.text).toBe('ü_größe');
    expect(slice(src, fn.name.span)).toBe('ü_größe');
    expect(st.name.text).toBe('type');
    expect(slice(src, st.name.span)).toBe('r#type');
  });

  it('fields, variants, params and types point at their own text', () => {
    const src = 'enum E { A(u8), /// b\n B { x: Vec<u8> } }\nfn f(a: &str, (b, c): (u8, u8)) {}';
    const { ts, file } = parse(src);
    const [e, f] = file.items;
    if (e.kind !== 'enum' || f.kind !== 'fn') throw new Error('unexpected kinds');
    expect(e.variants.map((v) => slice(src, v.span))).toEqual(['A(u8)', '/// b\n B { x: Vec<u8> }']);
    expect(e.variants[1].docs).toBe('b');
    const field = e.variants[1].fields.fields[0];
    expect(slice(src, field.span)).toBe('x: Vec<u8>');
    expect(slice(src, field.type.span)).toBe('Vec<u8>');
    expect(f.params.map((p) => slice(src, p.span))).toEqual(['a: &str', '(b, c): (u8, u8)']);
    expect(f.params.map((p) => toks(ts, p.pattern))).toEqual(['a', '( b , c )']);
    expect(toks(ts, f.body!)).toBe('{ }');
  });

  it('keeps body and value token ranges whole', () => {
    const { ts, file } = parse('fn f() { if x { y() } }\nconst C: u8 = { 1 + 2 };\nmacro_rules! m { () => {} }');
    const [f, c, m] = file.items;
    if (f.kind !== 'fn' || c.kind !== 'const' || m.kind !== 'macro_rules') throw new Error('unexpected kinds');
    expect(toks(ts, f.body!)).toBe('{ if x { y ( ) } }');
    expect(toks(ts, c.value!)).toBe('{ 1 + 2 }');
    expect(toks(ts, m.body)).toBe('{ ( ) => { } }');
  });
});

describe('attributes and docs', () => {
  it('reads path, args and text of each attribute', () => {
    const src = '#[derive(Debug, Clone)]\n#[path = "x.rs"]\n#[rustfmt::skip]\n#[unsafe(no_mangle)]\nmod m;';
    const { ts } = parse(src);
    const item = only(src, 'mod');
    expect(item.attrs.map((a) => [a.path, toks(ts, a.args), a.text, a.inner])).toEqual([
      ['derive', '( Debug , Clone )', 'derive(Debug, Clone)', false],
      ['path', '= "x.rs"', 'path = "x.rs"', false],
      ['rustfmt::skip', '', 'rustfmt::skip', false],
      ['no_mangle', '', 'unsafe(no_mangle)', false],
    ]);
    expect(item.attrs.map((a) => slice(src, a.span))).toEqual(['#[derive(Debug, Clone)]', '#[path = "x.rs"]', '#[rustfmt::skip]', '#[unsafe(no_mangle)]']);
  });

  it('joins doc comments and doc attributes, decoding string escapes', () => {
    const item = only('///   Indented stays indented.\n#[doc = "Quote: \\"x\\"\\tTab"]\n#[doc = r#"Raw "s""#]\n#[doc(hidden)]\n/** Block */\nstruct S;', 'struct');
    expect(item.docs).toBe('  Indented stays indented.\nQuote: "x"\tTab\nRaw "s"\nBlock ');
  });

  it('leaves docs undefined when there are none', () => {
    expect(only('#[inline] fn f() {}', 'fn').docs).toBeUndefined();
  });
});

describe('signatures', () => {
  it('is the declaration from visibility to before the body, whitespace collapsed', () => {
    expect(only('/// d\n#[inline]\npub fn area(&self) -> f64 { 0.0 }', 'fn').signature).toBe('pub fn area(&self) -> f64');
    expect(only('pub(crate) const unsafe fn f<T>(\n    x: T,\n    y: /* c */ u8,\n) -> T\nwhere\n    T: Copy,\n{ x }', 'fn').signature)
      .toBe('pub(crate) const unsafe fn f<T>( x: T, y: u8, ) -> T');
    expect(only('trait T { fn g(&self); }', 'trait').items[0]).toMatchObject({ kind: 'fn', signature: 'fn g(&self)' });
  });
});
